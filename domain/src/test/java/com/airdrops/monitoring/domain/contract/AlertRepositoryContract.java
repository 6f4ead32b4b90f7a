package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.model.ActiveAlert;
import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertChanges;
import com.airdrops.monitoring.domain.model.AlertFingerprint;
import com.airdrops.monitoring.domain.model.AlertSeverity;
import com.airdrops.monitoring.domain.model.AlertStatus;
import com.airdrops.monitoring.domain.port.AlertRepository;
import java.time.Instant;
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

        repository.save(new AlertChanges(List.of(pending, firing), List.of(), List.of()));

        assertThat(repository.loadActive()).containsExactlyInAnyOrder(pending, firing);
    }

    @Test
    void anUpsertReplacesTheStateOfTheSameFingerprintAndARemovalDeletesIt() {
        ActiveAlert pending = pending("component_down");
        repository.save(new AlertChanges(List.of(pending), List.of(), List.of()));
        ActiveAlert nowFiring = new ActiveAlert(pending.fingerprint(), pending.ruleName(), pending.metricName(), SERIES,
                LABELS, pending.severity(), AlertStatus.FIRING, 0, 0, pending.description(), pending.pendingSince(),
                Optional.of(T0.plusSeconds(60)));

        repository.save(new AlertChanges(List.of(nowFiring), List.of(), List.of()));
        assertThat(repository.loadActive()).containsExactly(nowFiring);

        repository.save(new AlertChanges(List.of(), List.of(pending.fingerprint()), List.of()));
        assertThat(repository.loadActive()).isEmpty();
    }

    @Test
    void historyIsNewestFirstFromTheGivenInstantAndLimited() {
        Alert pending = transition(AlertStatus.PENDING, T0, Optional.empty(), Optional.empty());
        Alert firing = transition(AlertStatus.FIRING, T0.plusSeconds(60), Optional.of(T0.plusSeconds(60)), Optional.empty());
        Alert resolved = transition(AlertStatus.RESOLVED, T0.plusSeconds(120), Optional.of(T0.plusSeconds(60)),
                Optional.of(T0.plusSeconds(120)));
        repository.save(new AlertChanges(List.of(), List.of(), List.of(pending, firing)));
        repository.save(new AlertChanges(List.of(), List.of(), List.of(resolved)));

        assertThat(repository.history(T0, 10)).containsExactly(resolved, firing, pending);
        assertThat(repository.history(T0.plusSeconds(60), 10)).containsExactly(resolved, firing);
        assertThat(repository.history(T0, 1)).containsExactly(resolved);
    }

    @Test
    void retentionDeletesOnlyOlderHistory() {
        repository.save(new AlertChanges(List.of(), List.of(), List.of(
                transition(AlertStatus.PENDING, T0, Optional.empty(), Optional.empty()),
                transition(AlertStatus.PENDING, T0.plusSeconds(3600), Optional.empty(), Optional.empty()))));

        assertThat(repository.deleteHistoryOlderThan(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(repository.history(T0, 10)).extracting(Alert::timestamp).containsExactly(T0.plusSeconds(3600));
    }

    @Test
    void aNonFiniteValueIsKeptAsNaN() {
        Alert alert = new Alert("r", "m", Double.NaN, 1, AlertSeverity.LOW, AlertStatus.PENDING, "", T0, Map.of(),
                Optional.empty(), Optional.empty());
        repository.save(new AlertChanges(List.of(), List.of(), List.of(alert)));
        assertThat(repository.history(T0, 1)).singleElement().extracting(Alert::currentValue).isEqualTo(Double.NaN);
    }

    private static ActiveAlert pending(String rule) {
        return new ActiveAlert(AlertFingerprint.of(rule, LABELS), rule, "component_status", SERIES, LABELS,
                AlertSeverity.HIGH, AlertStatus.PENDING, 0, 0, "A component is unhealthy", T0, Optional.empty());
    }

    private static ActiveAlert firing(String rule) {
        return new ActiveAlert(AlertFingerprint.of(rule, Map.of()), rule, "risk_level", Map.of(), Map.of(),
                AlertSeverity.CRITICAL, AlertStatus.FIRING, 3, 3, "Risk is critical", T0, Optional.of(T0.plusSeconds(3)));
    }

    private static Alert transition(AlertStatus status, Instant at, Optional<Instant> firingSince, Optional<Instant> resolvedAt) {
        return new Alert("risk_critical", "risk_level", 3.5, 3, AlertSeverity.CRITICAL, status, "Risk is critical", at,
                Map.of("team", "risk"), firingSince, resolvedAt);
    }
}
