package com.airdrops.monitoring.adapters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CollectedPartTest {
    private static final ExpositionFormat TEXT = ExpositionFormat.PROMETHEUS_TEXT;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CollectedPart part = new CollectedPart(registry);
    /** Set while a test holds a render inside the registry: the gauge waits for it to be counted down. */
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();

    private volatile double value = 1;

    CollectedPartTest() {
        Gauge.builder("collected_value", () -> {
                    CountDownLatch latch = held.get();
                    if (latch != null) {
                        awaitQuietly(latch);
                    }
                    return value;
                })
                .register(registry);
    }

    @Test
    void aScrapeDuringAPublishsRenderGetsThePreviousCollectionWithoutWaiting() throws Exception {
        assertThat(text(part.bytes(TEXT))).contains("collected_value 1.0");
        CountDownLatch release = new CountDownLatch(1);
        held.set(release);
        value = 2;
        part.published();
        // Threads of their own: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> render = threads.submit(part::renderChanged);

            // The render is held inside the registry; the scrape is answered at once, from the collection before.
            assertThat(threads.submit(() -> text(part.bytes(TEXT))).get(5, TimeUnit.SECONDS))
                    .contains("collected_value 1.0");

            release.countDown();
            render.get(5, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        held.set(null);
        assertThat(text(part.bytes(TEXT))).contains("collected_value 2.0");
    }

    @Test
    void aPublishRendersTheFormatsScrapedSoFarAndAFirstScrapeOfAnotherRendersItself() {
        byte[] before = part.bytes(TEXT);
        value = 3;
        part.published();
        part.renderChanged();
        byte[] after = part.bytes(TEXT);

        assertThat(text(after)).contains("collected_value 3.0");
        assertThat(part.bytes(TEXT))
                .as("served from memory until the next change")
                .isSameAs(after)
                .isNotSameAs(before);
        assertThat(text(part.bytes(ExpositionFormat.OPENMETRICS)))
                .contains("collected_value 3.0")
                .as("the live part ends the document")
                .doesNotContain("# EOF");
    }

    @Test
    void aChangeOutsideAPublishIsRenderedByTheNextScrape() {
        byte[] before = part.bytes(TEXT);
        value = 4;
        part.invalidated();

        assertThat(text(part.bytes(TEXT))).contains("collected_value 4.0");
        assertThat(part.bytes(TEXT)).isNotSameAs(before);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
