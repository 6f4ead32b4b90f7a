package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus side of deploy/: the scrape example is a valid configuration and the rules that watch the agent
 * itself pass their unit tests, both judged by the real promtool. (The dashboard's queries are run against a real
 * Prometheus by {@link OperatorViewEndToEndTest}.)
 */
class DeploymentKitTest {
    private static final Path PROMETHEUS =
            Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

    @Test
    void theScrapeExampleIsAValidPrometheusConfigurationWithItsRules() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml"))
                .contains("SUCCESS: 1 rule files found", "SUCCESS: 10 rules found");
    }

    @Test
    void theAgentsOwnAlertingRulesPassTheirUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "airdrops-monitoring-rules.test.yml"))
                .contains("SUCCESS");
    }

    /** Runs promtool on a file of deploy/prometheus; returns its output after asserting exit status 0. */
    private static String promtool(String command, String subcommand, String file) throws Exception {
        ExternalTool.Result result = ExternalTool.run(
                List.of(
                        ExternalTool.require("promtool").toString(),
                        command,
                        subcommand,
                        PROMETHEUS.resolve(file).toString()),
                "");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }
}
