package com.airdrops.monitoring.adapters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Observation;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driving.ExpositionBody;
import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MicrometerMetricsPublisherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final MicrometerMetricsPublisher publisher = new MicrometerMetricsPublisher();

    @Test
    void gaugesAndCountersAreExposedUnderTheirCatalogNamesWithHelpAndType() {
        publisher.publish(snapshot(
                Sample.of("system_cpu_usage_percent", 12.5, NOW),
                Sample.of("system_network_bytes_sent_total", 1024, NOW),
                new Sample("queue_depth", Map.of("component", "scheduler"), 3, NOW)));

        String text = publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT);

        assertThat(text)
                .contains(
                        "# TYPE system_cpu_usage_percent gauge\n",
                        "system_cpu_usage_percent 12.5\n",
                        "# HELP system_cpu_usage_percent Host CPU utilisation",
                        "# TYPE system_network_bytes_sent_total counter\n",
                        "system_network_bytes_sent_total 1024.0\n",
                        "# TYPE queue_depth gauge\n",
                        "queue_depth{component=\"scheduler\"} 3.0\n");
    }

    @Test
    void eachSnapshotReplacesTheValuesAndDropsSeriesItNoLongerCarries() {
        publisher.publish(snapshot(
                new Sample("protocol_share", Map.of("protocol", "scroll"), 40, NOW),
                new Sample("protocol_share", Map.of("protocol", "zksync"), 60, NOW)));
        publisher.publish(snapshot(new Sample("protocol_share", Map.of("protocol", "scroll"), 100, NOW)));

        String text = publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT);

        assertThat(text).contains("protocol_share{protocol=\"scroll\"} 100.0").doesNotContain("zksync");
    }

    @Test
    void theAgentsOwnFiguresAreReadLiveAtEveryScrapeAndNeverStepBackToASnapshot() {
        AtomicLong sent = new AtomicLong();
        MetricsSource deliveries = now -> List.of(new Sample(
                "monitoring_notifications_total", Map.of("channel", "hook", "outcome", "sent"), sent.get(), now));
        MicrometerMetricsPublisher live = new MicrometerMetricsPublisher(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(deliveries), () -> NOW);
        MetricsSnapshot collected = snapshot(deliveries.samples(NOW).toArray(Sample[]::new));

        sent.set(3); // delivered after the collection: no snapshot carries it yet
        assertThat(live.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                .contains("monitoring_notifications_total{channel=\"hook\",outcome=\"sent\"} 3.0\n");

        live.publish(collected); // the older snapshot said 0
        assertThat(live.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                .contains("monitoring_notifications_total{channel=\"hook\",outcome=\"sent\"} 3.0\n");
    }

    @Test
    void scrapesThatAskDuringAReadShareTheNextOneAndStillSeeEveryChangeMadeBeforeTheyAsked() throws Exception {
        AtomicLong sent = new AtomicLong(1);
        AtomicLong reads = new AtomicLong();
        CountDownLatch firstReadMayEnd = new CountDownLatch(1);
        MetricsSource deliveries = now -> {
            List<Sample> samples = List.of(new Sample("monitoring_notifications_total", Map.of(), sent.get(), now));
            if (reads.incrementAndGet() == 1) {
                awaitAtMostTenSeconds(firstReadMayEnd);
            }
            return samples;
        };
        MicrometerMetricsPublisher live = new MicrometerMetricsPublisher(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(deliveries), () -> NOW);

        List<Thread> threads = new ArrayList<>();
        CompletableFuture<String> first = scrapeOnItsOwnThread(live, threads);
        await().until(() -> reads.get() == 1); // the first scrape's read has begun, with the value 1
        sent.set(2); // changed after that read began, before the next two scrapes ask
        List<CompletableFuture<String>> next =
                List.of(scrapeOnItsOwnThread(live, threads), scrapeOnItsOwnThread(live, threads));
        await().until(() -> threads.subList(1, 3).stream()
                .allMatch(thread -> thread.getState() == Thread.State.WAITING)); // both asked, both wait
        firstReadMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains("monitoring_notifications_total 1.0\n");
        for (CompletableFuture<String> scrape : next) {
            assertThat(scrape.get(10, TimeUnit.SECONDS)).contains("monitoring_notifications_total 2.0\n");
        }
        assertThat(reads).as("the two scrapes that waited share one read").hasValue(2);
    }

    private static void awaitAtMostTenSeconds(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> scrapeOnItsOwnThread(
            MicrometerMetricsPublisher publisher, List<Thread> started) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
        return result;
    }

    @Test
    void aFailingLiveSourceKeepsItsLastValueAndTheRestOfTheScrape() {
        AtomicLong calls = new AtomicLong();
        MetricsSource flaky = now -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("boom");
            }
            return List.of(Sample.of("monitoring_alert_evaluations_total", 5, now));
        };
        MicrometerMetricsPublisher live = new MicrometerMetricsPublisher(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(flaky), () -> NOW);
        live.scrape(ExpositionFormat.PROMETHEUS_TEXT);
        // As the collector does, the snapshot carries the source's samples too (read before it started failing).
        live.publish(snapshot(
                Sample.of("system_cpu_usage_percent", 1, NOW),
                Sample.of("monitoring_alert_evaluations_total", 5, NOW)));

        assertThat(live.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                .contains("monitoring_alert_evaluations_total 5.0\n", "system_cpu_usage_percent 1.0\n");
    }

    @Test
    void theAgentsExpositionCarriesJvmAndProcessMetrics() {
        try (MicrometerMetricsPublisher agent = MicrometerMetricsPublisher.withJvmMetrics(List.of(), () -> NOW)) {
            assertThat(agent.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                    .contains(
                            "jvm_memory_used_bytes{",
                            "jvm_threads_live_threads ",
                            "jvm_gc_",
                            "process_cpu_usage ",
                            "process_uptime_seconds ",
                            "process_files_open_files ",
                            "system_load_average_1m ")
                    .doesNotContain("process_cpu_time_ns_total", "system_cpu_count");
        }
    }

    @Test
    void aSeriesTheRegistryRefusesForAJvmMetricsNameIsCountedNotSilentlyDropped() {
        try (MicrometerMetricsPublisher agent = MicrometerMetricsPublisher.withJvmMetrics(List.of(), () -> NOW)) {
            // Micrometer already holds jvm_threads_live_threads without labels; this one has a component label.
            agent.publish(snapshot(new Sample("jvm_threads_live_threads", Map.of("component", "bot"), 2, NOW)));

            assertThat(agent.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                    .contains("monitoring_exposition_rejected_samples_total 1.0")
                    .doesNotContain("jvm_threads_live_threads{component=\"bot\"}");
        }
    }

    @Test
    void aScrapeRendersTheLivePartAgainOnlyWhenOneOfItsValuesChanged() {
        AtomicLong alerts = new AtomicLong(1);
        MetricsSource source = now -> List.of(Sample.of("monitoring_alert_save_failures_total", alerts.get(), now));
        MicrometerMetricsPublisher agent = new MicrometerMetricsPublisher(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(source), () -> NOW);
        agent.publish(snapshot(Sample.of("system_cpu_usage_percent", 12.5, NOW)));

        ExpositionBody first = agent.expose(ExpositionFormat.PROMETHEUS_TEXT);
        ExpositionBody unchanged = agent.expose(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(unchanged.live()).as("nothing changed: nothing rendered").isSameAs(first.live());
        assertThat(unchanged.collected()).isSameAs(first.collected());

        alerts.set(2);
        ExpositionBody changed = agent.expose(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(new String(changed.live(), StandardCharsets.UTF_8))
                .contains("monitoring_alert_save_failures_total 2.0\n");
        assertThat(changed.collected())
                .as("the collected part waits for a publish")
                .isSameAs(first.collected());

        // A refusal changes the live part's count of refused samples, which no source reports.
        agent.publish(snapshot(
                new Sample("component_errors", Map.of("component", "gen"), 1, NOW),
                new Sample("component_errors_total", Map.of("component", "a"), 1, NOW)));
        assertThat(agent.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                .contains("monitoring_exposition_rejected_samples_total 1.0\n");
    }

    @Test
    void theCachedCollectedPartAndTheLivePartJoinIntoOneExpositionWithEachFamilyOnce() {
        AtomicLong alerts = new AtomicLong();
        MetricsSource source = now -> List.of(Sample.of("monitoring_alert_save_failures_total", alerts.get(), now));
        try (MicrometerMetricsPublisher agent = MicrometerMetricsPublisher.withJvmMetrics(List.of(source), () -> NOW)) {
            // The snapshot carries the live source's figure too, as the collection's does.
            agent.publish(snapshot(
                    Sample.of("system_cpu_usage_percent", 12.5, NOW),
                    Sample.of("monitoring_alert_save_failures_total", 0, NOW)));
            alerts.set(4);

            for (ExpositionFormat format : ExpositionFormat.values()) {
                String first = agent.scrape(format);
                alerts.incrementAndGet();
                String second = agent.scrape(format);
                List<String> types = second.lines()
                        .filter(line -> line.startsWith("# TYPE "))
                        .toList();
                assertThat(types).as("each family once").doesNotHaveDuplicates();
                assertThat(second).contains("system_cpu_usage_percent 12.5", "jvm_threads_live_threads");
                assertThat(first).as("live figures are read at each scrape").isNotEqualTo(second);
                if (format == ExpositionFormat.OPENMETRICS) {
                    assertThat(second).endsWith("# EOF\n");
                    assertThat(second.split("# EOF", -1)).as("one end marker").hasSize(2);
                }
            }
            agent.publish(snapshot(Sample.of("system_cpu_usage_percent", 50, NOW)));
            assertThat(agent.scrape(ExpositionFormat.PROMETHEUS_TEXT))
                    .as("a publish renders the collected part again")
                    .contains("system_cpu_usage_percent 50.0")
                    .doesNotContain("system_cpu_usage_percent 12.5");
        }
    }

    @Test
    void openMetricsIsWrittenWhenAsked() {
        publisher.publish(snapshot(Sample.of("system_network_bytes_recv_total", 7, NOW)));

        String text = publisher.scrape(ExpositionFormat.OPENMETRICS);

        assertThat(text)
                .contains("# TYPE system_network_bytes_recv counter\n", "system_network_bytes_recv_total 7.0\n")
                .endsWith("# EOF\n");
    }

    @Test
    void aSeriesWhoseNameClashesWithAnExposedOneIsSkippedAndCountedAndTheRestIsStillUpdated() {
        publisher.publish(snapshot(
                new Sample("component_errors", Map.of("component", "gen"), 1, NOW),
                new Sample("component_errors_total", Map.of("component", "a"), 1, NOW),
                Sample.of("monitoring_collections_total", 1, NOW)));
        publisher.publish(snapshot(
                new Sample("component_errors", Map.of("component", "gen"), 1, NOW),
                new Sample("component_errors_total", Map.of("component", "a"), 2, NOW),
                Sample.of("monitoring_collections_total", 2, NOW)));

        String text = publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(text)
                .contains("monitoring_collections_total 2.0\n")
                .contains("component_errors{component=\"gen\"} 1.0\n")
                .doesNotContain("component_errors_total{component=\"a\"}")
                .contains("monitoring_exposition_rejected_samples_total 2.0\n");
    }

    @Test
    void aFiveMillisecondProbeLandsInTheFiveMillisecondBucketNotInTheOneSecondOne() {
        publisher.publish(new MetricsSnapshot(
                NOW,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(new Observation("component_execution_seconds", Map.of("component", "a"), 0.005))));

        String text = publisher.scrape(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(text)
                .contains("component_execution_seconds_bucket{component=\"a\",le=\"0.005\"} 1")
                .contains("component_execution_seconds_bucket{component=\"a\",le=\"0.5\"} 1");
    }

    private static MetricsSnapshot snapshot(Sample... samples) {
        return new MetricsSnapshot(NOW, Optional.empty(), List.of(), List.of(samples));
    }
}
