package com.airdrops.monitoring.domain.port;

import com.airdrops.monitoring.domain.model.Alert;
import com.airdrops.monitoring.domain.model.AlertRule;
import java.util.List;

/** Reads of the alerting state for the API, as the seed's {@code get_active_alerts} and {@code get_alert_history}. */
public interface AlertQueries {
    /** Pending and firing alerts. */
    List<Alert> getActiveAlerts();

    /** Transitions of the last {@code hours}, newest first. */
    List<Alert> getAlertHistory(double hours);

    List<AlertRule> rules();
}
