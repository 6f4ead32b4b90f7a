package com.airdrops.monitoring.config;

import java.nio.file.Path;
import java.time.Duration;

/** How often the host and the components are read, and which file system's usage is reported. */
public record CollectionSection(Duration interval, Path diskPath) {}
