package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import java.util.List;

/** Reads of the alerting state for the API: active alerts, recent history, rules. */
public interface AlertQueries {
    /** Pending and firing alerts. */
    List<Alert> getActiveAlerts();

    /** Transitions of the last {@code hours}, newest first. */
    List<Alert> getAlertHistory(double hours);

    List<AlertRule> rules();

    /** Records the database refused, newest first: kept out of the way so that the others were saved. */
    List<QuarantinedRecord> quarantined();
}
