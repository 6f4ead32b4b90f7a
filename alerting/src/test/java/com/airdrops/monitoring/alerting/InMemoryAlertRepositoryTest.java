package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.contract.AlertRepositoryContract;
import com.airdrops.monitoring.domain.port.AlertRepository;

class InMemoryAlertRepositoryTest extends AlertRepositoryContract {
    @Override
    protected AlertRepository newRepository() {
        return new InMemoryAlertRepository();
    }
}
