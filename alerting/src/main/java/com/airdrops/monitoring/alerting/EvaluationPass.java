package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.Firing;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation pass observed and changed: its transitions, the active alerts to store or remove, and the
 * notifications planned for them, saved together. Not thread-safe; one pass at a time.
 */
final class EvaluationPass {
    final Instant at;
    final long number;
    final List<Alert> transitions = new ArrayList<>();
    final Map<String, ActiveAlert> upserts = new LinkedHashMap<>();
    final List<String> removals = new ArrayList<>();
    final List<Notification> notifications = new ArrayList<>();

    EvaluationPass(Instant at, long number) {
        this.at = at;
        this.number = number;
    }

    /** A new alert, or one whose state changed: a transition to store and announce. */
    void changed(AlertState state) {
        transitions.add(state.alert(at));
        upserts.put(state.fingerprint, state.toActive());
    }

    /** The alert's for-duration ran out: it fires now. */
    void fire(AlertState state) {
        state.fire(at);
        changed(state);
    }

    /** The alert leaves the active set: a firing one resolves, a pending one returns to inactive silently. */
    void end(AlertState state) {
        if (state.phase instanceof Firing firing) {
            transitions.add(state.resolved(firing, at));
        }
        upserts.remove(state.fingerprint);
        removals.add(state.fingerprint);
    }

    AlertChanges changes() {
        return new AlertChanges(List.copyOf(upserts.values()), removals, transitions, notifications);
    }
}
