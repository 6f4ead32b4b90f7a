package com.airdrops.monitoring.domain.spi;

/** An infrastructure failure while reading a probe, wrapped at the adapter edge. */
public class ProbeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProbeException(String message) {
        super(message);
    }
}
