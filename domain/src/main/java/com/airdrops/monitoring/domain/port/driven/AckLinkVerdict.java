package com.airdrops.monitoring.domain.port.driven;

/** How a presented link fares. */
public enum AckLinkVerdict {
    VALID,
    TAMPERED,
    EXPIRED
}
