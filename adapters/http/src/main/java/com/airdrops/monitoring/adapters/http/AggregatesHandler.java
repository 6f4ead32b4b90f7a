package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.port.driving.AggregatedMetricsQuery;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/aggregates?start=&end=&name=&limit=}: aggregates of closed windows, oldest first. {@code end}
 * defaults to now, {@code start} to an hour before {@code end}, {@code limit} to 10,000 (at most 100,000).
 */
final class AggregatesHandler {
    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;

    private final AggregatedMetricsQuery query;
    private final InstantSource clock;

    AggregatesHandler(AggregatedMetricsQuery query, InstantSource clock) {
        this.query = query;
        this.clock = clock;
    }

    void handle(Context ctx) {
        QueryParameters parameters = new QueryParameters(ctx);
        Instant end = parameters.epochSeconds("end").orElseGet(clock::instant);
        Instant start = parameters.epochSeconds("start").orElse(end.minus(Duration.ofHours(1)));
        if (start.isAfter(end)) {
            throw new ApiException(400, "query parameter 'start' must not be after 'end'");
        }
        String name = parameters.text("name").orElse("");
        int limit = parameters.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        LargeAnswers.json(
                ctx,
                () -> query.getAggregatedMetrics(start, end, name, limit).stream()
                        .map(AggregatesHandler::view)
                        .toList());
    }

    private static Map<String, Object> view(AggregatedMetric aggregate) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("metric_name", aggregate.metricName());
        view.put("value", JsonViews.number(aggregate.value()));
        view.put("timestamp", JsonViews.epochSeconds(aggregate.timestamp()));
        view.put("labels", aggregate.labels());
        view.put("aggregation_type", aggregate.aggregationType());
        return view;
    }
}
