package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.contract.AggregateStoreContract;
import com.airdrops.monitoring.domain.port.driven.AggregateStore;

class InMemoryAggregateStoreTest extends AggregateStoreContract {
    @Override
    protected AggregateStore newStore() {
        return new InMemoryAggregateStore(1_000);
    }
}
