package com.airdrops.monitoring.domain.model.alert;

/**
 * Where an alert stands in its lifecycle, with exactly the instants that stage has: pending since the condition first
 * held, firing since its for-duration ran out, resolved when it stopped holding.
 */
public sealed interface AlertPhase permits ActivePhase, Resolved {
    AlertStatus status();
}
