package com.airdrops.monitoring.domain.port.driving;

/** Re-reads the configuration files and applies them only when every one is valid. */
public interface ConfigReloader {
    ReloadOutcome reload();
}
