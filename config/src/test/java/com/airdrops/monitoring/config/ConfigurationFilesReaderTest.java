package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.port.driven.ConfigurationReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload reads both files again; channels are fixed at start, so a file that adds one is refused. */
class ConfigurationFilesReaderTest {
    private static final Set<String> TYPES = Set.of("webhook");

    @TempDir
    Path dir;

    private FilesSection files(String rules, String notifications) throws IOException {
        return new FilesSection(
                ConfigFile.at(Files.writeString(dir.resolve("alert_rules.yaml"), rules)),
                ConfigFile.at(Files.writeString(dir.resolve("notifications.yaml"), notifications)),
                ConfigFile.at(Files.writeString(dir.resolve("components.yaml"), "")),
                dir.resolve("plugins"),
                dir.resolve("rules.d"));
    }

    @Test
    void bothFilesValidGiveTheRulesAndTheRoutingWithWhereTheyCameFrom() throws IOException {
        FilesSection files = files("""
                rules:
                  - { name: cpu, metric_name: system_cpu_usage_percent, condition: gt, threshold: 90, severity: high }
                """, """
                channels:
                  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:9/hook" } }
                """);

        ConfigurationReading reading = new ConfigurationFilesReader(files, Map.of(), TYPES, Set.of("hook")).read();

        assertThat(reading).isInstanceOfSatisfying(ConfigurationReading.Read.class, read -> {
            assertThat(read.rules()).extracting(rule -> rule.name()).containsExactly("cpu");
            assertThat(read.routing().routes())
                    .extracting(route -> route.channel().name())
                    .containsExactly("hook");
            assertThat(read.rulesFrom()).isEqualTo(files.alertRules().toString());
            assertThat(read.routingFrom()).isEqualTo(files.notifications().toString());
        });
    }

    @Test
    void aNewChannelAndABadRuleAreBothReported() throws IOException {
        FilesSection files = files("""
                rules:
                  - { name: cpu, metric_name: system_cpu_usage_percent, condition: above, threshold: 90, severity: high }
                """, """
                channels:
                  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:9/hook" } }
                  - { name: other, type: webhook, config: { url: "http://127.0.0.1:9/other" } }
                """);

        ConfigurationReading reading = new ConfigurationFilesReader(files, Map.of(), TYPES, Set.of("hook")).read();

        assertThat(reading)
                .isInstanceOfSatisfying(
                        ConfigurationReading.Refused.class,
                        refused -> assertThat(refused.problems())
                                .anySatisfy(problem -> assertThat(problem).contains("unknown condition 'above'"))
                                .anySatisfy(problem -> assertThat(problem)
                                        .endsWith(
                                                "channels [hook, other] differ from the running [hook]; adding or removing a channel "
                                                        + "needs a restart")));
    }
}
