package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.contract.SilenceStoreContract;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;

class InMemorySilenceStoreTest extends SilenceStoreContract {
    @Override
    protected SilenceStore newStore() {
        return new InMemorySilenceStore();
    }
}
