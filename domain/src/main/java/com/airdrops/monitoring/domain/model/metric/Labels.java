package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.Map;

/** Validation and normalisation of label sets: sorted by name, immutable, names checked, hash computed once. */
public final class Labels {
    private Labels() {}

    /** Returns an immutable copy of {@code labels} (null is the empty set) after checking every name and value. */
    public static Map<String, String> of(Map<String, String> labels, String field) {
        if (labels instanceof LabelSet already) {
            return already;
        }
        if (labels == null || labels.isEmpty()) {
            return LabelSet.EMPTY;
        }
        labels.forEach((name, value) -> {
            Require.labelName(name, field + " name");
            if (value == null) {
                throw new IllegalArgumentException(field + " '" + name + "' must have a value");
            }
        });
        return LabelSet.copyOf(labels);
    }
}
