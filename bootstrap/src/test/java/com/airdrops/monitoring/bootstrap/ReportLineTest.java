package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportLineTest {
    @Test
    void aFailureBeforeTheLogIsPlainForPeople() {
        assertThat(Main.reportLine("failed to start: port 8000 in use", "text", 0))
                .isEqualTo("airdrops-monitoring: failed to start: port 8000 in use");
        assertThat(Main.reportLine("configuration error: X", null, 0))
                .isEqualTo("airdrops-monitoring: configuration error: X");
    }

    @Test
    void withAJsonLogItIsOneJsonObjectWithTheLogsFields() throws Exception {
        String message = "configuration error: METRICS_HTTP_PORT='a\"b\\c\td\nx' is invalid";

        String line = Main.reportLine(message, "json", 1_795_000_000_000L);

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("timestamp").asLong()).isEqualTo(1_795_000_000_000L);
        assertThat(json.get("level").asText()).isEqualTo("ERROR");
        assertThat(json.get("loggerName").asText()).isEqualTo(Main.class.getName());
        assertThat(json.get("formattedMessage").asText()).isEqualTo(message);
        assertThat(json.get("throwable").isNull()).isTrue();
    }
}
