package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private static final Set<String> CHANNEL_FIELDS =
            Set.of("name", "type", "enabled", "severities", "config", "repeat_interval_seconds");
    /** Alertmanager resolves an alert that is not sent again within its resolve_timeout (5 minutes by default). */
    static final Duration ALERTMANAGER_REPEAT = Duration.ofSeconds(60);

    private static final Set<String> POLICY_FIELDS =
            Set.of("send_resolved", "repeat_interval_seconds", "rate_limit_per_minute", "retry");
    private static final Set<String> RETRY_FIELDS =
            Set.of("max_attempts", "initial_backoff_seconds", "max_backoff_seconds", "timeout_seconds");

    private NotificationsFile() {}

    /** @param types the channel types available: the built-in ones and those of plugins */
    public static NotificationsConfig load(Path file, Map<String, String> environment, Set<String> types) {
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty()) {
            return NotificationsConfig.NONE;
        }
        if (!(root.get() instanceof YamlNode.Mapping top)) {
            throw new ConfigException(
                    List.of(YamlDocument.problem(file, root.get(), "expected a mapping with 'channels:'")));
        }
        List<String> problems = new ArrayList<>();
        YamlFields fields = new YamlFields(file, top, problems);
        fields.allowOnly(Set.of("channels", "policy"));
        NotificationPolicy policy = fields.mapping("policy")
                .map(mapping -> policy(file, mapping, problems))
                .orElse(NotificationPolicy.DEFAULT);
        List<ChannelSettings> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode.Mapping entry : fields.listOfMappings("channels", "channel", "channels")) {
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
        return new NotificationsConfig(channels, policy);
    }

    private static Optional<ChannelSettings> channel(
            Path file, YamlNode.Mapping entry, Set<String> types, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(CHANNEL_FIELDS);
        Optional<String> name = fields.requiredText("name");
        Optional<String> type = fields.requiredText("type");
        type.filter(value -> !types.contains(value))
                .ifPresent(value -> fields.problem(
                        fields.node("type").orElseThrow(),
                        "unknown channel type '" + value + "'; allowed: " + String.join(", ", new TreeSet<>(types))));
        boolean enabled = fields.bool("enabled").orElse(true);
        Set<AlertSeverity> severities = severities(fields);
        Optional<Duration> repeat = fields.positiveNumber("repeat_interval_seconds")
                .map(NotificationsFile::seconds)
                .or(() -> type.filter("alertmanager"::equals).map(alertmanager -> ALERTMANAGER_REPEAT));
        Optional<YamlNode.Mapping> config = fields.mapping("config");
        Set<String> secrets = new HashSet<>();
        config.ifPresent(mapping -> collectSecrets(mapping, "", secrets));
        if (problems.size() > before) {
            return Optional.empty();
        }
        NotificationChannel channel = new NotificationChannel(
                name.orElseThrow(),
                type.orElseThrow(),
                config.map(YamlFields::plainMap).orElse(Map.of()),
                enabled);
        return Optional.of(new ChannelSettings(
                new ChannelRoute(channel, severities, repeat),
                secrets,
                file + ":" + entry.line() + ":" + entry.column() + ": " + entry.path()));
    }

    private static Set<AlertSeverity> severities(YamlFields fields) {
        Optional<YamlNode> node = fields.node("severities");
        if (node.isEmpty()) {
            return EnumSet.allOf(AlertSeverity.class);
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)
                || sequence.items().isEmpty()) {
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

    private static void collectSecrets(YamlNode.Mapping mapping, String prefix, Set<String> secrets) {
        mapping.entries().forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof YamlNode.Scalar scalar && scalar.fromEnvironment()) {
                secrets.add(path);
            } else if (value instanceof YamlNode.Mapping nested) {
                collectSecrets(nested, path, secrets);
            } else if (value instanceof YamlNode.Sequence sequence
                    && sequence.items().stream()
                            .anyMatch(item -> item instanceof YamlNode.Scalar s && s.fromEnvironment())) {
                secrets.add(path);
            }
        });
    }

    private static NotificationPolicy policy(Path file, YamlNode.Mapping mapping, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, mapping, problems);
        fields.allowOnly(POLICY_FIELDS);
        NotificationPolicy defaults = NotificationPolicy.DEFAULT;
        boolean sendResolved = fields.bool("send_resolved").orElse(defaults.sendResolved());
        Duration repeat = fields.positiveNumber("repeat_interval_seconds")
                .map(NotificationsFile::seconds)
                .orElse(defaults.repeatInterval());
        int rate = fields.positiveNumber("rate_limit_per_minute")
                .map(Double::intValue)
                .orElse(defaults.rateLimitPerMinute());
        int attempts = defaults.maxAttempts();
        Duration initial = defaults.initialBackoff();
        Duration max = defaults.maxBackoff();
        Duration timeout = defaults.timeout();
        Optional<YamlNode.Mapping> retry = fields.mapping("retry");
        if (retry.isPresent()) {
            YamlFields retryFields = new YamlFields(file, retry.get(), problems);
            retryFields.allowOnly(RETRY_FIELDS);
            attempts = retryFields
                    .positiveNumber("max_attempts")
                    .map(Double::intValue)
                    .orElse(attempts);
            initial = retryFields
                    .positiveNumber("initial_backoff_seconds")
                    .map(NotificationsFile::seconds)
                    .orElse(initial);
            max = retryFields
                    .positiveNumber("max_backoff_seconds")
                    .map(NotificationsFile::seconds)
                    .orElse(max);
            timeout = retryFields
                    .positiveNumber("timeout_seconds")
                    .map(NotificationsFile::seconds)
                    .orElse(timeout);
        }
        if (problems.size() > before) {
            return defaults;
        }
        return new NotificationPolicy(sendResolved, repeat, rate, attempts, initial, max, timeout);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
