package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ChannelsAndPolicy;
import com.airdrops.monitoring.config.ComponentsFile;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.ConfiguredChannel;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.config.NotificationsFile;
import com.airdrops.monitoring.config.RuleFiles;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything read at start-up, before any service is built: settings, plugins and the YAML files. Loading throws
 * {@link ConfigException} listing every problem.
 */
public record AgentConfiguration(
        MonitoringSettings settings,
        Plugins plugins,
        List<ComponentDefinition> components,
        List<AlertRule> rules,
        ChannelsAndPolicy notifications,
        Map<String, AlertNotifier> notifiers,
        Map<String, String> environment) {

    public AgentConfiguration {
        components = List.copyOf(components);
        rules = List.copyOf(rules);
        notifiers = Map.copyOf(notifiers);
        environment = Map.copyOf(environment);
    }

    /** Reads everything, reporting every problem of every file at once. */
    public static AgentConfiguration load(Map<String, String> environment) {
        return load(environment, List.of(), List.of());
    }

    /** As {@link #load(Map)}, with component and channel types an embedding application binds in Guice. */
    static AgentConfiguration load(
            Map<String, String> environment,
            List<ComponentProbeFactory> boundProbes,
            List<AlertNotifierFactory> boundNotifiers) {
        MonitoringSettings settings = EnvironmentSettings.load(environment);
        Plugins plugins = Plugins.load(settings.files().plugins(), boundProbes, boundNotifiers);
        List<String> problems = new ArrayList<>();
        List<ComponentDefinition> components = collect(
                problems,
                () -> ComponentsFile.load(
                        settings.files().components(),
                        environment,
                        plugins.componentFactories().keySet()));
        List<AlertRule> rules = collect(problems, () -> RuleFiles.load(settings.files(), environment));
        ChannelsAndPolicy notifications = ChannelsAndPolicy.NONE;
        try {
            notifications = loadNotifications(settings, plugins, environment);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Map<String, AlertNotifier> notifiers = new LinkedHashMap<>();
        for (ConfiguredChannel channel : notifications.channels()) {
            try {
                notifiers.put(
                        channel.channel().name(),
                        plugins.notifierFactories()
                                .get(channel.channel().type())
                                .create(channel.channel()));
            } catch (IllegalArgumentException e) {
                problems.add(channel.locate(e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AgentConfiguration(settings, plugins, components, rules, notifications, notifiers, environment);
    }

    private static ChannelsAndPolicy loadNotifications(
            MonitoringSettings settings, Plugins plugins, Map<String, String> environment) {
        return NotificationsFile.load(
                settings.files().notifications(),
                environment,
                plugins.notifierFactories().keySet());
    }

    private static <T> List<T> collect(List<String> problems, Supplier<List<T>> load) {
        try {
            return load.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    @Override
    public String toString() {
        return "AgentConfiguration[settings=" + settings + ", components=" + components.size() + ", rules="
                + rules.size() + ", channels=" + notifiers.keySet() + "]";
    }
}
