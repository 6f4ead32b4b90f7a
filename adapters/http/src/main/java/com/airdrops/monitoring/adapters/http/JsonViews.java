package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.Redaction;
import com.airdrops.monitoring.domain.model.component.ComponentMetrics;
import com.airdrops.monitoring.domain.model.component.ComponentStatus;
import com.airdrops.monitoring.domain.model.metric.MetricsSnapshot;
import com.airdrops.monitoring.domain.model.metric.Sample;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps domain values to the JSON shapes the README documents: snake_case fields, epoch seconds, null for NaN. */
final class JsonViews {
    private JsonViews() {}

    static Map<String, Object> snapshot(MetricsSnapshot snapshot) {
        List<Map<String, Object>> samples =
                snapshot.samples().stream().map(JsonViews::sample).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", epochSeconds(snapshot.timestamp()));
        body.put(
                "components",
                snapshot.components().stream().map(JsonViews::component).toList());
        body.put("samples", samples);
        // What silent components last reported: not current values, but what their alerts are kept on.
        body.put(
                "last_known",
                snapshot.silent().withheld().stream().map(JsonViews::sample).toList());
        return body;
    }

    /**
     * One component's health: {@code state} is healthy, unhealthy, stale (data older than its limit), stopping (it
     * said so) or stopped (silent since it said so: a planned stop).
     */
    static Map<String, Object> component(ComponentMetrics component) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", component.componentName());
        body.put("type", component.type());
        body.put(
                "state",
                component.status() == ComponentStatus.STOPPING
                                && component.problem().reason().isPresent()
                        ? "stopped"
                        : component.problem().stale()
                                ? "stale"
                                : component.status().wireName());
        // A probe's reason may name its URL: user-info (a password) is cut.
        body.put("problem", component.problem().reason().map(Redaction::urls).orElse(null));
        body.put("last_execution_time", number(component.lastExecutionTime()));
        body.put("error_count", component.errorCount());
        body.put("success_count", component.successCount());
        body.put(
                "last_report_at",
                component.lastReportAt().map(JsonViews::epochSeconds).orElse(null));
        return body;
    }

    static Map<String, Object> sample(Sample sample) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", sample.name());
        body.put("labels", sample.labels());
        body.put("value", number(sample.value()));
        return body;
    }

    /** Epoch seconds with millisecond precision, written as a plain decimal (1795737721.778, never 1.79E9). */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** JSON has no NaN or infinity; such values are written as null. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
