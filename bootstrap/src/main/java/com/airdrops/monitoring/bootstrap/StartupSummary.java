package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ConfigFile;
import com.airdrops.monitoring.config.ConfiguredChannel;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.config.RuleFiles;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the agent runs with, as an operator reads it in the log at start: version and JDK, the database, each
 * configuration file by absolute path with what it held, and the plugin types found.
 */
final class StartupSummary {
    private StartupSummary() {}

    static List<String> lines(AgentConfiguration configuration) {
        MonitoringSettings settings = configuration.settings();
        List<String> lines = new ArrayList<>();
        lines.add(VersionProvider.line() + " (" + System.getProperty("java.vendor") + ")");
        boolean homeSet = !configuration
                .environment()
                .getOrDefault(EnvironmentSettings.HOME, "")
                .isBlank();
        lines.add("Home " + settings.home() + " ("
                + (homeSet ? EnvironmentSettings.HOME : EnvironmentSettings.HOME + " unset: the working directory")
                + "): relative paths are resolved against it; disk usage is "
                + "reported for " + settings.collection().diskPath() + "; instance " + settings.instance());
        lines.add("Database: " + settings.database().shownUrl());
        lines.add(configuration.rules().size() + " alert rules from "
                + shown(settings.files().alertRules())
                + RuleFiles.extras(settings.files()));
        Map<String, Integer> channels = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (ConfiguredChannel channel : configuration.notifications().channels()) {
            channels.merge(channel.channel().type(), 1, Integer::sum);
            names.add(channel.channel().name() + " (" + channel.channel().type() + ")");
        }
        lines.add(configuration.notifications().channels().size() + " notification channels from "
                + shown(settings.files().notifications())
                + (channels.isEmpty() ? "" : ": " + counts(channels) + ": " + String.join(", ", names)));
        Map<String, Integer> components = new TreeMap<>();
        for (ComponentDefinition component : configuration.components()) {
            components.merge(
                    component.type() + "/" + component.source().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        lines.add(configuration.components().size() + " components from "
                + shown(settings.files().components()) + (components.isEmpty() ? "" : ": " + counts(components)));
        lines.add("Channel types "
                + new TreeSet<>(configuration.plugins().notifierFactories().keySet())
                + ", plugin component types "
                + new TreeSet<>(configuration.plugins().componentFactories().keySet())
                + " (plugins folder " + settings.files().plugins() + ")");
        return lines;
    }

    private static String shown(ConfigFile file) {
        return file.usesBuiltIn() ? file.location() + " (nothing at " + file.path() + ")" : file.location();
    }

    private static String counts(Map<String, Integer> byKind) {
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, count) -> parts.add(count + " " + kind));
        return String.join(", ", parts);
    }

    /** The line that says the agent has started: how long each phase took and where it listens. */
    static String started(long totalNanos, long answeringNanos, long joinNanos, long jvmNanos, String host, int port) {
        return "Airdrops Monitoring started in " + seconds(totalNanos) + " s (answering after "
                + seconds(answeringNanos) + " s; database, alert state and loops " + seconds(joinNanos)
                + " s more; the JVM has run "
                + seconds(jvmNanos) + " s): listening on " + listenHost(host) + ":" + port + ", metrics at http://"
                + displayHost(host) + ":" + port + "/metrics";
    }

    /** The first half of a start is done: the port answers, and the database half is being built. */
    static String answering(String host, int port, long sinceCreatedNanos) {
        return "Answering on " + listenHost(host) + ":" + port + " after " + seconds(sinceCreatedNanos)
                + " s; opening the database (until it joins, /health/ready says \"starting: database\")";
    }

    /** The address as bound, an IPv6 one in brackets so that the port stays readable. */
    static String listenHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The host as a URL names it: localhost for a wildcard, an IPv6 address in brackets. */
    static String displayHost(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "localhost";
        }
        return listenHost(host);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
