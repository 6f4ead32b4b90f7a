package com.airdrops.monitoring.domain.model;

import java.util.List;

/**
 * What one evaluation pass changed, saved in one transaction: active states written or removed, and the transitions
 * appended to the history.
 */
public record AlertChanges(List<ActiveAlert> upserts, List<String> removedFingerprints, List<Alert> transitions) {
    public AlertChanges {
        upserts = List.copyOf(upserts);
        removedFingerprints = List.copyOf(removedFingerprints);
        transitions = List.copyOf(transitions);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removedFingerprints.isEmpty() && transitions.isEmpty();
    }
}
