package com.airdrops.monitoring.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ExpositionGzipTest {
    private final ExpositionGzip gzip = new ExpositionGzip();

    @Test
    void theKeptCollectedPartAndAFreshLivePartMakeOneValidMember() throws IOException {
        byte[] collected = "node_load1 0.5\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = gzip.gzip(new ExpositionBody(collected, bytes("monitoring_alerts 1\n")));
        byte[] again = gzip.gzip(new ExpositionBody(collected, bytes("monitoring_alerts 2\n")));

        // GZIPInputStream checks the trailer's CRC-32 and length against what it inflated.
        assertThat(gunzip(compressed)).isEqualTo("node_load1 0.5\n".repeat(5_000) + "monitoring_alerts 1\n");
        assertThat(gunzip(again)).isEqualTo("node_load1 0.5\n".repeat(5_000) + "monitoring_alerts 2\n");
        assertThat(compressed.length).isLessThan(collected.length / 20);
        ExpositionBody unchanged = new ExpositionBody(collected, bytes("monitoring_alerts 2\n"));
        assertThat(gzip.gzip(unchanged)).as("the same parts again").isSameAs(gzip.gzip(unchanged));
    }

    @Test
    void aNewCollectedPartIsDeflatedAgain() throws IOException {
        gzip.gzip(new ExpositionBody(bytes("a 1\n"), bytes("live 1\n")));

        assertThat(gunzip(gzip.gzip(new ExpositionBody(bytes("b 2\n"), bytes("live 1\n")))))
                .isEqualTo("b 2\nlive 1\n");
    }

    @Test
    void emptyPartsStillMakeAValidMember() throws IOException {
        assertThat(gunzip(gzip.gzip(new ExpositionBody(new byte[0], new byte[0]))))
                .isEmpty();
        assertThat(gunzip(gzip.gzip(new ExpositionBody(bytes("a 1\n"), new byte[0]))))
                .isEqualTo("a 1\n");
        assertThat(gunzip(gzip.gzip(new ExpositionBody(new byte[0], bytes("ü 1\n")))))
                .isEqualTo("ü 1\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
