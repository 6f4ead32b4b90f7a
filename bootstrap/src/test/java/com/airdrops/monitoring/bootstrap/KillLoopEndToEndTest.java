package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airdrops.monitoring.adapters.notify.RecordingReceiver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments while an alert flips between firing and resolved, on the default H2 file: after every
 * kill the agent starts on the same file, and in the end no transition a receiver was told of is missing from the
 * history, no alert was announced FIRING twice without a RESOLVED between, and no start failed. The file is compacted
 * above 1 MB, so a long run kills compactions too. {@code
 * -Dchaos.kill.rounds=N} sets the number of kills (10 by default; {@code scripts/kill-test.sh} runs 100).
 */
class KillLoopEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = Integer.getInteger("chaos.kill.rounds", 10);
    private static final long FLIP_MILLIS = 700;

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomMomentsLosesNoCommittedTransitionAndAnnouncesNothingTwice() throws Exception {
        AtomicBoolean flipping = new AtomicBoolean(true);
        Random random = new Random(Long.getLong("chaos.seed", System.nanoTime()));
        try (StatusServer status = StatusServer.riskLevel(() -> level(flipping.get()));
                RecordingReceiver webhook = new RecordingReceiver()) {
            Map<String, String> environment = new HashMap<>(RiskScenario.environment(
                    dir, status.url(), webhook.url("/hook").toString()));
            // The smallest bound, so that the file is compacted at starts and while running between kills too.
            environment.put("MONITORING_DB_COMPACT_ABOVE_MB", "1");

            for (int round = 0; round < ROUNDS; round++) {
                try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                    agent.awaitPort(); // a start that fails here is a corrupted file
                    Thread.sleep(300 + random.nextInt(2_700)); // a random moment to kill, not a wait for a result
                    agent.kill();
                    String dump = System.getProperty("chaos.dump");
                    if (dump != null) {
                        Files.createDirectories(Path.of(dump));
                        Files.writeString(
                                Path.of(dump, "rounds.log"),
                                "=== round " + round + "\n" + String.join("\n", agent.output()) + "\n",
                                StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    }
                }
            }
            flipping.set(false); // settle on "low": the last episode resolves
            try (AgentProcess agent = AgentProcess.startFromClasspath(environment)) {
                agent.awaitPort();
                await().atMost(Duration.ofSeconds(30)).until(() -> activeAlerts(agent) == 0 && outboxEmpty(agent));
                List<JsonNode> history = history(agent);
                List<Delivered> delivered = delivered(webhook);
                dump(agent, webhook);

                assertThat(delivered)
                        .as("the receiver heard of some transitions")
                        .isNotEmpty();
                Set<String> stored = new HashSet<>();
                for (JsonNode row : history) {
                    stored.add(key(
                            row.get("status").asText(),
                            millis(
                                    row.get("status").asText().equals("resolved")
                                            ? row.get("resolved_at")
                                            : row.get("firing_since"))));
                }
                for (Delivered notification : delivered) {
                    assertThat(stored)
                            .as(
                                    "a %s delivered to the receiver is in the history (event %s)",
                                    notification.status(), notification.eventId())
                            .contains(key(notification.status(), notification.at()));
                }
                assertThat(duplicateFirings(history))
                        .as("FIRING twice without RESOLVED between")
                        .isEmpty();
                Map<Long, Set<String>> eventsPerFiring = new HashMap<>();
                delivered.stream()
                        .filter(notification -> notification.status().equals("firing"))
                        .forEach(notification -> eventsPerFiring
                                .computeIfAbsent(notification.at(), at -> new HashSet<>())
                                .add(notification.eventId()));
                assertThat(eventsPerFiring.values())
                        .as("one episode is announced by one event (a re-sent event is at-least-once delivery)")
                        .allSatisfy(events -> assertThat(events).hasSize(1));
            }
        }
    }

    /** With {@code -Dchaos.dump=DIR}: the history, every delivery and the last agent's log, for a post-mortem. */
    private static void dump(AgentProcess agent, RecordingReceiver webhook) throws Exception {
        String dump = System.getProperty("chaos.dump");
        if (dump == null) {
            return;
        }
        Path out = Files.createDirectories(Path.of(dump));
        Files.writeString(out.resolve("history.json"), agent.get("/api/v1/alerts/history?hours=1"));
        StringBuilder requests = new StringBuilder();
        for (RecordingReceiver.Request request : webhook.requests) {
            requests.append(request.header("X-Alert-Event-Id"))
                    .append(' ')
                    .append(request.body())
                    .append('\n');
        }
        Files.writeString(out.resolve("deliveries.txt"), requests.toString());
    }

    private static String level(boolean flipping) {
        return flipping && (System.currentTimeMillis() / FLIP_MILLIS) % 2 == 0 ? "critical" : "low";
    }

    private static String key(String status, long millis) {
        return status + "@" + millis;
    }

    private static long millis(JsonNode seconds) {
        return new BigDecimal(seconds.asText()).movePointRight(3).longValue();
    }

    private static List<String> duplicateFirings(List<JsonNode> newestFirst) {
        List<String> duplicates = new ArrayList<>();
        String previous = "resolved";
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            String status = newestFirst.get(i).get("status").asText();
            if (status.equals("firing") && previous.equals("firing")) {
                duplicates.add(newestFirst.get(i).toString());
            }
            if (!status.equals("pending")) {
                previous = status;
            }
        }
        return duplicates;
    }

    private record Delivered(String eventId, String status, long at) {}

    private static List<Delivered> delivered(RecordingReceiver webhook) throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        for (RecordingReceiver.Request request : webhook.requests) {
            for (JsonNode alert : JSON.readTree(request.body()).get("alerts")) {
                String status = alert.get("status").asText();
                String at = status.equals("resolved")
                        ? alert.get("endsAt").asText()
                        : alert.get("startsAt").asText();
                delivered.add(new Delivered(
                        request.header("X-Alert-Event-Id"),
                        status,
                        Instant.parse(at).toEpochMilli()));
            }
        }
        return delivered;
    }

    private static List<JsonNode> history(AgentProcess agent) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(agent.get("/api/v1/alerts/history?hours=1")).forEach(rows::add);
        return rows;
    }

    private static int activeAlerts(AgentProcess agent) throws Exception {
        return JSON.readTree(agent.get("/api/v1/alerts")).size();
    }

    private static boolean outboxEmpty(AgentProcess agent) throws Exception {
        return agent.metrics().lines().anyMatch(line -> line.equals("monitoring_notification_outbox_depth 0.0"));
    }
}
