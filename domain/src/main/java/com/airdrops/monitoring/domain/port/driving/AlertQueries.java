package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.alert.WindowFill;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the alerting state for the API: active alerts, recent history, rules. */
public interface AlertQueries {
    /** Pending and firing alerts. */
    List<Alert> getActiveAlerts();

    /** This agent's transitions of the last {@code hours}, newest first: the first page (see below). */
    default List<Alert> getAlertHistory(double hours) {
        return getAlertHistory(hours, InstanceScope.OWN, Optional.empty(), Integer.MAX_VALUE)
                .transitions();
    }

    /**
     * A page of the transitions of the last {@code hours} of the agents in {@code scope}, newest first, after
     * {@code after}: at most {@code limit} rows (and never more than 10,000), and at most about a million characters
     * of text, so that no request can take the heap; {@code next} continues when it was cut.
     */
    HistoryPage getAlertHistory(double hours, InstanceScope scope, Optional<HistoryCursor> after, int limit);

    List<AlertRule> rules();

    /** How far the window of each rule with a function has filled, by rule name. */
    default Map<String, WindowFill> windowFills() {
        return Map.of();
    }

    /** Records the database refused, newest first: kept out of the way so that the others were saved. */
    List<QuarantinedRecord> quarantined();
}
