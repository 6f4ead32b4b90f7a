package com.airdrops.monitoring.adapters.oshi;

import java.nio.file.Path;
import java.time.Duration;

/** Settings of the OSHI probe: which filesystem to measure and how often to re-list network interfaces. */
public record OshiProbeSettings(Path diskPath, Duration interfaceRefresh) {
    public OshiProbeSettings {
        if (diskPath == null) {
            throw new IllegalArgumentException("diskPath must not be null");
        }
        interfaceRefresh = interfaceRefresh == null ? Duration.ofMinutes(1) : interfaceRefresh;
    }

    public OshiProbeSettings(Path diskPath) {
        this(diskPath, Duration.ofMinutes(1));
    }
}
