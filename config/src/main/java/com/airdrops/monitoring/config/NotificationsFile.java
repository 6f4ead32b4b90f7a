package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads notifications.yaml: {@code channels:} and {@code policy:}. ${ENV_NAME} is replaced in every string
 * and a missing variable is an error; values from the environment are remembered as secrets. A missing file means no
 * channels. Every problem names file, line, column and field.
 */
public final class NotificationsFile {
    static final double MIN_REPEAT_SECONDS = 1;
    static final double MAX_REPEAT_SECONDS = 365 * 86_400;
    static final int MAX_RATE_PER_MINUTE = 10_000;
    static final int MAX_ATTEMPTS = 100;
    static final double MIN_BACKOFF_SECONDS = 0.01;
    static final double MAX_BACKOFF_SECONDS = 86_400;
    static final double MIN_TIMEOUT_SECONDS = 0.1;
    static final double MAX_TIMEOUT_SECONDS = 300;

    private static final Set<String> CHANNEL_FIELDS =
            Set.of("name", "type", "enabled", "severities", "config", "repeat_interval_seconds");
    /** Alertmanager resolves an alert that is not sent again within its resolve_timeout (5 minutes by default). */
    static final Duration ALERTMANAGER_REPEAT = Duration.ofSeconds(60);

    private static final Set<String> POLICY_FIELDS =
            Set.of("send_resolved", "repeat_interval_seconds", "rate_limit_per_minute", "retry");
    private static final Set<String> RETRY_FIELDS =
            Set.of("max_attempts", "initial_backoff_seconds", "max_backoff_seconds", "timeout_seconds");

    private NotificationsFile() {}

    /** Reads the file at {@code path}, which must exist. */
    public static ChannelsAndPolicy load(Path path, Map<String, String> environment, Set<String> types) {
        return load(ConfigFile.at(path), environment, types);
    }

    /** @param types the channel types available: the built-in ones and those of plugins */
    public static ChannelsAndPolicy load(ConfigFile file, Map<String, String> environment, Set<String> types) {
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty()) {
            return ChannelsAndPolicy.NONE;
        }
        if (!(root.get() instanceof YamlMapping top)) {
            throw new ConfigException(
                    List.of(YamlDocument.problem(file, root.get(), "expected a mapping with 'channels:'")));
        }
        List<String> problems = new ArrayList<>();
        YamlFields fields = new YamlFields(file, top, problems);
        fields.allowOnly(Set.of("channels", "policy"));
        NotificationPolicy policy = fields.mapping("policy")
                .map(mapping -> policy(file, mapping, problems))
                .orElse(NotificationPolicy.DEFAULT);
        List<ConfiguredChannel> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMapping entry : fields.listOfMappings("channels", "channel", "channels")) {
            channel(file, entry, types, problems).ifPresent(channel -> {
                if (!names.add(channel.channel().name())) {
                    problems.add(YamlDocument.problem(
                            file,
                            entry,
                            "duplicate channel name '" + channel.channel().name() + "'"));
                }
                channels.add(channel);
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ChannelsAndPolicy(channels, policy);
    }

    private static Optional<ConfiguredChannel> channel(
            ConfigFile file, YamlMapping entry, Set<String> types, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(CHANNEL_FIELDS);
        Optional<String> name = fields.requiredName("name");
        Optional<String> type = fields.requiredText("type");
        type.filter(value -> !types.contains(value))
                .ifPresent(value -> fields.problem(
                        fields.node("type").orElseThrow(),
                        "unknown channel type '" + value + "'; allowed: " + String.join(", ", new TreeSet<>(types))));
        boolean enabled = fields.bool("enabled").orElse(true);
        Set<AlertSeverity> severities = severities(fields);
        Optional<Duration> repeat = fields.seconds("repeat_interval_seconds", MIN_REPEAT_SECONDS, MAX_REPEAT_SECONDS)
                .or(() -> type.filter("alertmanager"::equals).map(alertmanager -> ALERTMANAGER_REPEAT));
        Optional<YamlMapping> config = fields.mapping("config");
        Set<String> secrets = new HashSet<>();
        config.ifPresent(mapping -> collectSecrets(mapping, "", secrets));
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            NotificationChannel channel = new NotificationChannel(
                    name.orElseThrow(),
                    type.orElseThrow(),
                    config.map(YamlFields::plainMap).orElse(Map.of()),
                    enabled);
            Map<String, String> configLocations = new HashMap<>();
            config.ifPresent(mapping -> mapping.entries()
                    .forEach((key, node) -> configLocations.put(
                            key, file + ":" + node.line() + ":" + node.column() + ": " + node.path())));
            return Optional.of(new ConfiguredChannel(
                    new ChannelRoute(channel, severities, repeat),
                    secrets,
                    file + ":" + entry.line() + ":" + entry.column() + ": " + entry.path(),
                    configLocations));
        } catch (IllegalArgumentException e) {
            fields.problem(entry, e.getMessage());
            return Optional.empty();
        }
    }

    private static Set<AlertSeverity> severities(YamlFields fields) {
        Optional<YamlNode> node = fields.node("severities");
        if (node.isEmpty()) {
            return EnumSet.allOf(AlertSeverity.class);
        }
        if (!(node.get() instanceof YamlSequence sequence) || sequence.items().isEmpty()) {
            fields.problem(node.get(), "expected a list of severities: " + AlertSeverity.allowed());
            return EnumSet.allOf(AlertSeverity.class);
        }
        Set<AlertSeverity> severities = EnumSet.noneOf(AlertSeverity.class);
        for (YamlNode item : sequence.items()) {
            try {
                severities.add(AlertSeverity.parse(String.valueOf(item.toPlain())));
            } catch (IllegalArgumentException e) {
                fields.problem(item, e.getMessage());
            }
        }
        return severities;
    }

    /** Paths of every value taken from the environment: {@code key}, {@code key.nested}, {@code list[2].key}. */
    private static void collectSecrets(YamlNode node, String path, Set<String> secrets) {
        switch (node) {
            case YamlScalar scalar -> {
                if (scalar.fromEnvironment()) {
                    secrets.add(path);
                }
            }
            case YamlMapping mapping ->
                mapping.entries()
                        .forEach((key, value) ->
                                collectSecrets(value, path.isEmpty() ? key : path + "." + key, secrets));
            case YamlSequence sequence -> {
                for (int i = 0; i < sequence.items().size(); i++) {
                    collectSecrets(sequence.items().get(i), path + "[" + i + "]", secrets);
                }
            }
        }
    }

    private static NotificationPolicy policy(ConfigFile file, YamlMapping mapping, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, mapping, problems);
        fields.allowOnly(POLICY_FIELDS);
        NotificationPolicy defaults = NotificationPolicy.DEFAULT;
        boolean sendResolved = fields.bool("send_resolved").orElse(defaults.sendResolved());
        Duration repeat = fields.seconds("repeat_interval_seconds", MIN_REPEAT_SECONDS, MAX_REPEAT_SECONDS)
                .orElse(defaults.repeatInterval());
        int rate = fields.wholeNumber("rate_limit_per_minute", 1, MAX_RATE_PER_MINUTE)
                .orElse(defaults.rateLimitPerMinute());
        int attempts = defaults.maxAttempts();
        Duration initial = defaults.initialBackoff();
        Duration max = defaults.maxBackoff();
        Duration timeout = defaults.timeout();
        Optional<YamlMapping> retry = fields.mapping("retry");
        if (retry.isPresent()) {
            YamlFields retryFields = new YamlFields(file, retry.get(), problems);
            retryFields.allowOnly(RETRY_FIELDS);
            attempts = retryFields.wholeNumber("max_attempts", 1, MAX_ATTEMPTS).orElse(attempts);
            initial = retryFields
                    .seconds("initial_backoff_seconds", MIN_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS)
                    .orElse(initial);
            max = retryFields
                    .seconds("max_backoff_seconds", MIN_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS)
                    .orElse(max);
            timeout = retryFields
                    .seconds("timeout_seconds", MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS)
                    .orElse(timeout);
            if (initial.compareTo(max) > 0) {
                retryFields.problem(
                        retryFields.node("initial_backoff_seconds").orElse(retry.get()),
                        "initial_backoff_seconds (" + initial.toMillis() / 1000.0
                                + ") must not exceed max_backoff_seconds (" + max.toMillis() / 1000.0 + ")");
            }
        }
        if (problems.size() > before) {
            return defaults;
        }
        try {
            return new NotificationPolicy(sendResolved, repeat, rate, attempts, initial, max, timeout);
        } catch (IllegalArgumentException e) {
            fields.problem(mapping, e.getMessage());
            return defaults;
        }
    }
}
