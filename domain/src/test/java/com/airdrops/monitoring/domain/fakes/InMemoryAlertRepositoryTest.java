package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.contract.AlertRepositoryContract;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;

class InMemoryAlertRepositoryTest extends AlertRepositoryContract {
    @Override
    protected AlertRepository newRepository() {
        return new InMemoryAlertRepository();
    }
}
