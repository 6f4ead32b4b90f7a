package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import java.util.Map;
import java.util.Set;

/** A channel as the API shows it: secrets in {@code config} are "***". */
public record ChannelView(
        String name, String type, boolean enabled, Set<AlertSeverity> severities, Map<String, Object> config) {}
