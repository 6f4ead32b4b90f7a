package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.port.driven.ConfigurationFiles;
import com.airdrops.monitoring.domain.port.driven.ConfigurationReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the alert rules file and the notifications file again, with the environment and the channel types the agent
 * started with. Channels themselves are fixed at start: a file that adds or removes one is refused. Thread-safe.
 */
public final class ConfigurationFilesReader implements ConfigurationFiles {
    private final FilesSection files;
    private final Map<String, String> environment;
    private final Set<String> channelTypes;
    private final Set<String> runningChannels;

    /**
     * @param channelTypes the types a channel may name (built in and plugged in)
     * @param runningChannels the channels the agent started with
     */
    public ConfigurationFilesReader(
            FilesSection files,
            Map<String, String> environment,
            Set<String> channelTypes,
            Set<String> runningChannels) {
        this.files = files;
        this.environment = Map.copyOf(environment);
        this.channelTypes = Set.copyOf(channelTypes);
        this.runningChannels = new TreeSet<>(runningChannels);
    }

    @Override
    public ConfigurationReading read() {
        List<String> problems = new ArrayList<>();
        List<AlertRule> rules = List.of();
        ChannelsAndPolicy notifications = ChannelsAndPolicy.NONE;
        try {
            rules = RuleFiles.load(files, environment);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            notifications = NotificationsFile.load(files.notifications(), environment, channelTypes);
            Set<String> names = new TreeSet<>();
            notifications
                    .channels()
                    .forEach(channel -> names.add(channel.channel().name()));
            if (!names.equals(runningChannels)) {
                problems.add(files.notifications() + ": channels " + names + " differ from the running "
                        + runningChannels + "; adding or removing a channel needs a restart");
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            return new ConfigurationReading.Refused(problems);
        }
        return new ConfigurationReading.Read(
                rules,
                RuleFiles.describe(files),
                notifications.routing(),
                files.notifications().toString());
    }
}
