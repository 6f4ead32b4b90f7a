package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.contract.NotificationOutboxContract;
import com.airdrops.monitoring.domain.port.AlertRepository;

class InMemoryOutboxTest extends NotificationOutboxContract {
    @Override
    protected AlertRepository newRepository() {
        return new InMemoryAlertRepository();
    }
}
