package com.airdrops.monitoring.domain.spi;

import com.airdrops.monitoring.domain.model.alert.Alert;

/**
 * In-process code told of every alert transition (and acknowledgement) once it is stored. Called on the agent's own
 * listener thread, in order, never on the evaluation thread: a slow listener delays only the listeners after it. A
 * listener that throws is logged and counted, and keeps being called.
 */
@FunctionalInterface
public interface AlertListener {
    void onTransition(Alert alert);
}
