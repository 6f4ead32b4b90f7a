package com.airdrops.monitoring.domain.fakes;

import com.airdrops.monitoring.domain.contract.NotificationOutboxContract;

class InMemoryOutboxTest extends NotificationOutboxContract {
    @Override
    protected Storage newStorage() {
        InMemoryAlertRepository repository = new InMemoryAlertRepository();
        return new Storage(repository, repository);
    }
}
