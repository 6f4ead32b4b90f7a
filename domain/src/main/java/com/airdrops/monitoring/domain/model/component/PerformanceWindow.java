package com.airdrops.monitoring.domain.model.component;

import java.time.Duration;

/** A return window and the {@code window} label value it is exposed under. */
public record PerformanceWindow(String label, Duration length) {}
