package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alerting's own figures on /metrics: active alerts by state and severity, marks, and the writer's counts. */
final class AlertCounts {
    private AlertCounts() {}

    static List<Sample> samples(List<Alert> active, ChangeWriter writer, Instant now) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (AlertStatus status : List.of(AlertStatus.PENDING, AlertStatus.FIRING)) {
            for (AlertSeverity severity : AlertSeverity.values()) {
                counts.computeIfAbsent(status.wireName(), key -> new TreeMap<>())
                        .put(severity.wireName(), 0);
            }
        }
        int silenced = 0;
        int acknowledged = 0;
        for (Alert alert : active) {
            counts.get(alert.status().wireName()).merge(alert.severity().wireName(), 1, Integer::sum);
            silenced += alert.marks().silenced() ? 1 : 0;
            acknowledged += alert.marks().acknowledgedAt(now) ? 1 : 0;
        }
        List<Sample> samples = new ArrayList<>();
        counts.forEach((state, bySeverity) -> bySeverity.forEach((severity, count) -> samples.add(
                new Sample(MetricCatalog.ALERTS, Map.of("state", state, "severity", severity), count, now))));
        samples.add(Sample.of(MetricCatalog.ALERTS_SILENCED, silenced, now));
        samples.add(Sample.of(MetricCatalog.ALERTS_ACKNOWLEDGED, acknowledged, now));
        samples.add(Sample.of(MetricCatalog.ALERT_SAVE_FAILURES, writer.failures(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_UNSAVED_TRANSITIONS, writer.unsavedTransitions(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_DROPPED_TRANSITIONS, writer.droppedTransitions(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_QUARANTINED, writer.quarantinedSinceStart(), now));
        return samples;
    }
}
