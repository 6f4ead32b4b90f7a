package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.AlertMarks;
import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.Pending;
import com.airdrops.monitoring.domain.model.alert.Resolved;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AlertRepository} must have; each implementation's test extends this class. */
public abstract class AlertRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-11-26T12:00:00.123Z");
    private static final Map<String, String> SERIES = Map.of("component", "scheduler");
    private static final Map<String, String> LABELS = Map.of("component", "scheduler", "team", "ops");

    private AlertRepository repository;

    /** A repository over empty storage. */
    protected abstract AlertRepository newRepository();

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    @Test
    void savedStatesAreLoadedWithEveryField() {
        ActiveAlert pending = pending("component_down");
        ActiveAlert firing = firing("risk_critical");

        repository.save(new AlertChanges(List.of(pending, firing), List.of(), List.of(), List.of()));

        assertThat(repository.loadActive()).containsExactlyInAnyOrder(pending, firing);
    }

    @Test
    void anUpsertReplacesTheStateOfTheSameFingerprintAndARemovalDeletesIt() {
        ActiveAlert pending = pending("component_down");
        repository.save(new AlertChanges(List.of(pending), List.of(), List.of(), List.of()));
        ActiveAlert nowFiring = new ActiveAlert(
                pending.fingerprint(),
                pending.ruleName(),
                pending.metricName(),
                SERIES,
                LABELS,
                pending.severity(),
                new Firing(pending.pendingSince(), T0.plusSeconds(60)),
                0,
                0,
                pending.description());

        repository.save(new AlertChanges(List.of(nowFiring), List.of(), List.of(), List.of()));
        assertThat(repository.loadActive()).containsExactly(nowFiring);

        repository.save(new AlertChanges(List.of(), List.of(pending.fingerprint()), List.of(), List.of()));
        assertThat(repository.loadActive()).isEmpty();
    }

    @Test
    void historyIsNewestFirstFromTheGivenInstantAndLimited() {
        Alert pending = transition(new Pending(T0), T0);
        Alert firing = transition(new Firing(T0, T0.plusSeconds(60)), T0.plusSeconds(60));
        Alert resolved = transition(new Resolved(T0.plusSeconds(60), T0.plusSeconds(120)), T0.plusSeconds(120));
        repository.save(new AlertChanges(List.of(), List.of(), List.of(pending, firing), List.of()));
        repository.save(new AlertChanges(List.of(), List.of(), List.of(resolved), List.of()));

        assertThat(repository.history(T0, 10)).containsExactly(resolved, firing, pending);
        assertThat(repository.history(T0.plusSeconds(60), 10)).containsExactly(resolved, firing);
        assertThat(repository.history(T0, 1)).containsExactly(resolved);
    }

    @Test
    void historyComesInPagesCutByRowsOrTextAndTheCursorContinuesWithoutSkippingAPass() {
        // Two passes: five transitions at T0 (one pass), three at T0 + 60 s; descriptions of 1,000 characters.
        List<Alert> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(large("a" + i, T0));
        }
        List<Alert> second = List.of(
                large("b0", T0.plusSeconds(60)), large("b1", T0.plusSeconds(60)), large("b2", T0.plusSeconds(60)));
        repository.save(new AlertChanges(List.of(), List.of(), first, List.of()));
        repository.save(new AlertChanges(List.of(), List.of(), second, List.of()));

        List<String> seen = new ArrayList<>();
        Optional<HistoryCursor> after = Optional.empty();
        int pages = 0;
        do {
            // At most 3 rows, and no more once 2,500 characters are taken: 3 rows of 1,000 would pass it.
            HistoryPage page = repository.history(T0, after, 3, 2_500, InstanceScope.OWN);
            assertThat(page.transitions()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            page.transitions().forEach(alert -> seen.add(alert.labels().get("id")));
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 10);

        assertThat(seen)
                .as("every row once, newest pass first, across pages that cut a pass in two")
                .hasSize(8)
                .doesNotHaveDuplicates()
                .startsWith("b2", "b1", "b0");
        assertThat(pages).isEqualTo(3);
        assertThat(repository
                        .history(T0, Optional.empty(), 100, 10, InstanceScope.OWN)
                        .transitions())
                .as("a budget smaller than one row still gives that row")
                .hasSize(1);
        assertThat(repository
                        .history(T0, Optional.empty(), 8, Long.MAX_VALUE, InstanceScope.OWN)
                        .cut())
                .isFalse();
    }

    private static Alert large(String id, Instant at) {
        return alert(new Pending(at), at, "x".repeat(1_000), Map.of("id", id));
    }

    @Test
    void retentionDeletesOnlyOlderHistory() {
        repository.save(new AlertChanges(
                List.of(),
                List.of(),
                List.of(
                        transition(new Pending(T0), T0),
                        transition(new Pending(T0.plusSeconds(3600)), T0.plusSeconds(3600))),
                List.of()));

        assertThat(repository.deleteHistoryOlderThan(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(repository.history(T0, 10)).extracting(Alert::timestamp).containsExactly(T0.plusSeconds(3600));
    }

    @Test
    void aNonFiniteValueIsKeptAsNaN() {
        Alert alert = new Alert("r", "m", Double.NaN, 1, AlertSeverity.LOW, new Pending(T0), "", T0, Map.of());
        repository.save(new AlertChanges(List.of(), List.of(), List.of(alert), List.of()));
        assertThat(repository.history(T0, 1))
                .singleElement()
                .extracting(Alert::currentValue)
                .isEqualTo(Double.NaN);
    }

    @Test
    void summaryAcknowledgementSilencesAndEventAreKept() {
        Acknowledgement ack =
                new Acknowledgement("alice", "on it", T0.plusSeconds(5), Optional.of(T0.plusSeconds(600)));
        ActiveAlert firing = new ActiveAlert(
                AlertFingerprint.of("risk_critical", LABELS),
                "risk_critical",
                "risk_level",
                SERIES,
                LABELS,
                AlertSeverity.CRITICAL,
                new Firing(T0, T0.plusSeconds(3)),
                3,
                3,
                "Risk is critical",
                "scheduler at risk",
                Optional.of(ack));
        Alert acknowledged = new Alert(
                "risk_critical",
                "risk_level",
                3,
                3,
                AlertSeverity.CRITICAL,
                new Firing(T0, T0.plusSeconds(3)),
                "Risk is critical",
                T0.plusSeconds(5),
                LABELS,
                "scheduler at risk",
                new AlertMarks(List.of("silence-1", "silence-2"), Optional.of(ack)),
                AlertEvent.ACKNOWLEDGED);

        repository.save(new AlertChanges(List.of(firing), List.of(), List.of(acknowledged), List.of()));

        assertThat(repository.loadActive()).containsExactly(firing);
        assertThat(repository.history(T0, 10)).containsExactly(acknowledged);
    }

    private static ActiveAlert pending(String rule) {
        return new ActiveAlert(
                AlertFingerprint.of(rule, LABELS),
                rule,
                "component_status",
                SERIES,
                LABELS,
                AlertSeverity.HIGH,
                new Pending(T0),
                0,
                0,
                "A component is unhealthy");
    }

    private static ActiveAlert firing(String rule) {
        return new ActiveAlert(
                AlertFingerprint.of(rule, Map.of()),
                rule,
                "risk_level",
                Map.of(),
                Map.of(),
                AlertSeverity.CRITICAL,
                new Firing(T0, T0.plusSeconds(3)),
                3,
                3,
                "Risk is critical");
    }

    private static Alert transition(AlertPhase phase, Instant at) {
        return alert(phase, at, "Risk is critical", Map.of("team", "risk"));
    }

    private static Alert alert(AlertPhase phase, Instant at, String description, Map<String, String> labels) {
        return new Alert("risk_critical", "risk_level", 3.5, 3, AlertSeverity.CRITICAL, phase, description, at, labels);
    }
}
