package com.airdrops.monitoring.domain.model;

import java.util.Map;
import java.util.TreeMap;

/** Validation and normalisation of label sets: sorted, immutable, names checked. */
public final class Labels {
    private Labels() {
    }

    /** Returns an immutable copy of {@code labels} (null is the empty set) after checking every name and value. */
    public static Map<String, String> of(Map<String, String> labels, String field) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        labels.forEach((name, value) -> {
            Require.labelName(name, field + " name");
            if (value == null) {
                throw new IllegalArgumentException(field + " '" + name + "' must have a value");
            }
            sorted.put(name, value);
        });
        return java.util.Collections.unmodifiableSortedMap(sorted);
    }
}
