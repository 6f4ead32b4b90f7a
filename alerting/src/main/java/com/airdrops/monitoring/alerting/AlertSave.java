package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.port.driven.AlertChanges;

/** One alert's state and transitions. */
record AlertSave(String ruleName, String fingerprint, AlertChanges changes) implements SaveUnit {}
