package com.airdrops.monitoring.domain.port.driven;

/** The alert rules file and the notifications file, read again for a reload. Thread-safe. */
public interface ConfigurationFiles {
    /** Reads both files: what they hold, or every problem found in either. */
    ConfigurationReading read();
}
