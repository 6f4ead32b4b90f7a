package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.ActivePhase;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertEvent;
import com.airdrops.monitoring.domain.model.alert.AlertMarks;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alert state and history rows read into the domain's values, and the columns they write. */
final class AlertRows {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRows.class);

    private AlertRows() {}

    static ActiveAlert active(ResultSet rs) throws SQLException {
        return new ActiveAlert(
                rs.getString("fingerprint"),
                rs.getString("rule_name"),
                rs.getString("metric_name"),
                LabelsJson.read(rs.getString("series_labels")),
                LabelsJson.read(rs.getString("labels")),
                AlertSeverity.valueOf(rs.getString("severity")),
                (ActivePhase) AlertPhases.of(
                        AlertStatus.valueOf(rs.getString("status")),
                        Instant.ofEpochMilli(rs.getLong("pending_since")),
                        instant(rs, "pending_since"),
                        instant(rs, "firing_since"),
                        Optional.empty()),
                doubleOrNaN(rs, "current_value"),
                rs.getDouble("threshold"),
                rs.getString("description"),
                rs.getString("summary"),
                acknowledgement(rs));
    }

    static Map<String, Object> acknowledgement(Optional<Acknowledgement> ack) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("ackedBy", ack.map(Acknowledgement::by).orElse(null));
        columns.put("ackComment", ack.map(Acknowledgement::comment).orElse(null));
        columns.put("ackedAt", ack.map(a -> a.at().toEpochMilli()).orElse(null));
        columns.put(
                "ackedUntil",
                ack.flatMap(Acknowledgement::until).map(Instant::toEpochMilli).orElse(null));
        return columns;
    }

    private static Optional<Acknowledgement> acknowledgement(ResultSet rs) throws SQLException {
        String by = rs.getString("acked_by");
        if (by == null) {
            return Optional.empty();
        }
        return Optional.of(new Acknowledgement(
                by, rs.getString("ack_comment"), instant(rs, "acked_at").orElseThrow(), instant(rs, "acked_until")));
    }

    /** History rows found unreadable, each logged once (at most this many remembered). */
    private static final Set<Long> UNREADABLE = ConcurrentHashMap.newKeySet();

    private static final int UNREADABLE_REMEMBERED = 1_000;

    /**
     * The transition of a history row, or empty when the row is corrupt (changed by hand, or by a bug): one bad row
     * is logged once and left out, and the rest of the history still reads.
     */
    static Optional<Alert> readableTransition(ResultSet rs) throws SQLException {
        try {
            return Optional.of(transition(rs));
        } catch (IllegalStateException | IllegalArgumentException e) {
            long id = rs.getLong("id");
            if (UNREADABLE.size() < UNREADABLE_REMEMBERED && UNREADABLE.add(id)) {
                LOG.warn("Alert history row {} is left out of the history: {}", id, e.getMessage());
            }
            return Optional.empty();
        }
    }

    static Alert transition(ResultSet rs) throws SQLException {
        Instant occurredAt = Instant.ofEpochMilli(rs.getLong("occurred_at"));
        return new Alert(
                rs.getString("rule_name"),
                rs.getString("metric_name"),
                doubleOrNaN(rs, "current_value"),
                rs.getDouble("threshold"),
                AlertSeverity.valueOf(rs.getString("severity")),
                AlertPhases.of(
                        AlertStatus.valueOf(rs.getString("status")),
                        occurredAt,
                        instant(rs, "pending_since"),
                        instant(rs, "firing_since"),
                        instant(rs, "resolved_at")),
                rs.getString("description"),
                occurredAt,
                LabelsJson.read(rs.getString("labels")),
                rs.getString("summary"),
                new AlertMarks(LabelsJson.readList(rs.getString("silenced_by")), acknowledgement(rs)),
                AlertEvent.valueOf(rs.getString("event")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
