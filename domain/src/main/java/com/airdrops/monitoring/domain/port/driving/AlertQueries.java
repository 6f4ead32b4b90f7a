package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import java.util.List;

/** Reads of the alerting state for the API: active alerts, recent history, rules. */
public interface AlertQueries {
    /** Pending and firing alerts. */
    List<Alert> getActiveAlerts();

    /** This agent's transitions of the last {@code hours}, newest first. */
    default List<Alert> getAlertHistory(double hours) {
        return getAlertHistory(hours, InstanceScope.OWN);
    }

    /** The transitions of the last {@code hours} of the agents in {@code scope}, newest first. */
    List<Alert> getAlertHistory(double hours, InstanceScope scope);

    List<AlertRule> rules();

    /** Records the database refused, newest first: kept out of the way so that the others were saved. */
    List<QuarantinedRecord> quarantined();
}
