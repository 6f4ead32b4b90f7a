package com.airdrops.monitoring.aggregation;

import com.airdrops.monitoring.domain.contract.AggregateStoreContract;
import com.airdrops.monitoring.domain.port.AggregateStore;

class InMemoryAggregateStoreTest extends AggregateStoreContract {
    @Override
    protected AggregateStore newStore() {
        return new InMemoryAggregateStore(1_000);
    }
}
