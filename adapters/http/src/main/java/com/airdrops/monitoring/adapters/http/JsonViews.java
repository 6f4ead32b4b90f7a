package com.airdrops.monitoring.adapters.http;

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
        body.put("samples", samples);
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
