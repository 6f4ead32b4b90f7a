package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.model.metric.AggregatedMetric;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.Leadership;
import java.time.Instant;
import java.util.List;

/**
 * The aggregate store as the aggregation loop sees it: only the leader of the instance stores and expires aggregates
 * (two agents of one instance would store every window twice); every agent reads them.
 */
public final class LeaderOnlyAggregateStore implements AggregateStore {
    private final AggregateStore store;
    private final Leadership leadership;

    public LeaderOnlyAggregateStore(AggregateStore store, Leadership leadership) {
        this.store = store;
        this.leadership = leadership;
    }

    @Override
    public void append(List<AggregatedMetric> aggregates) {
        if (leadership.state().leads()) {
            try {
                store.append(aggregates);
            } catch (FencedException e) {
                // Leadership passed to the other agent meanwhile: it stores this window's aggregates.
            }
        }
    }

    @Override
    public List<AggregatedMetric> query(Instant start, Instant end, String nameFilter, int limit) {
        return store.query(start, end, nameFilter, limit);
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        return leadership.state().leads() ? store.deleteOlderThan(cutoff) : 0;
    }
}
