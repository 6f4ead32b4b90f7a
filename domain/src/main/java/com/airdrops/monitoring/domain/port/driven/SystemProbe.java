package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.spi.ProbeException;

/** Reads the host's raw resource counters. Must return promptly and never sleep; failures throw {@link ProbeException}. */
public interface SystemProbe {
    HostReading read();
}
