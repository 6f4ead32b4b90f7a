package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files in ALERT_RULES_DIR add to the built-in rules without copying them, and never silently replace one. */
class RuleFilesTest {
    @TempDir
    Path home;

    @Test
    void aRulesDirectoryAddsItsRulesToTheBuiltInOnesInNameOrder() throws Exception {
        Files.createDirectories(home.resolve("config/rules.d"));
        Files.writeString(home.resolve("config/rules.d/b-bot.yml"), rule("gas_low", "gas_balance_eth"));
        Files.writeString(home.resolve("config/rules.d/a-team.yaml"), rule("queue_deep", "queue_depth"));
        Files.writeString(home.resolve("config/rules.d/notes.txt"), "not a rule file");
        MonitoringSettings settings = EnvironmentSettings.load(Map.of("MONITORING_HOME", home.toString()));

        assertThat(RuleFiles.load(settings.files(), Map.of()))
                .extracting(AlertRule::name)
                .startsWith("cpu_high")
                .endsWith("queue_deep", "gas_low")
                .hasSize(14);
        assertThat(RuleFiles.describe(settings.files()))
                .isEqualTo("built-in alert_rules.yaml and 2 files of " + home.resolve("config/rules.d"));
    }

    @Test
    void aRuleNameDefinedAgainIsALocatedErrorNamingTheOtherFile() throws Exception {
        Path dir = Files.createDirectories(home.resolve("extra"));
        Files.writeString(dir.resolve("mine.yaml"), rule("cpu_high", "system_cpu_usage_percent"));
        MonitoringSettings settings =
                EnvironmentSettings.load(Map.of("MONITORING_HOME", home.toString(), "ALERT_RULES_DIR", "extra"));

        assertThatThrownBy(() -> RuleFiles.load(settings.files(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("mine.yaml") + ":2:11: rules[0].name:")
                .hasMessageContaining("duplicate rule name 'cpu_high', already defined in built-in alert_rules.yaml");
    }

    @Test
    void aRulesDirectoryThatIsSetMustExist() {
        assertThatThrownBy(() -> EnvironmentSettings.load(
                        Map.of("MONITORING_HOME", home.toString(), "ALERT_RULES_DIR", "/nowhere/rules.d")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ALERT_RULES_DIR='/nowhere/rules.d' is invalid: no such directory");
    }

    private static String rule(String name, String metric) {
        return """
                rules:
                  - name: %s
                    metric_name: %s
                    condition: gt
                    threshold: 1
                    severity: low
                    description: test
                """.formatted(name, metric);
    }
}
