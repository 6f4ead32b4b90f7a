package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.port.driven.AlertChanges;

/** One notification, named by its event id. */
record NotificationSave(String ruleName, String eventId, AlertChanges changes) implements SaveUnit {}
