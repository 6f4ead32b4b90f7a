package com.airdrops.monitoring.domain.model.ruletest;

import java.util.Map;
import java.util.Optional;

/** One expected alert: its status, its labels (all of them), and its rendered summary and description if given. */
public record ExpectedAlert(
        String status, Map<String, String> labels, Optional<String> description, Optional<String> summary) {
    public ExpectedAlert {
        labels = Map.copyOf(labels);
    }
}
