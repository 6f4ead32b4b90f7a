package com.airdrops.monitoring.domain.model.ruletest;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** One series fed to the rules: its name, labels and a value (or none) per input interval. */
public record InputSeries(String name, Map<String, String> labels, List<OptionalDouble> values) {
    public InputSeries {
        labels = Map.copyOf(labels);
        values = List.copyOf(values);
    }
}
