package com.airdrops.monitoring.domain.model.metric;

import com.airdrops.monitoring.domain.model.Require;
import java.util.Map;

/**
 * Validation and normalisation of label sets: sorted by name, immutable, names and lengths checked, hash computed once.
 * The bounds keep every series the agent accepts storable and exposable.
 */
public final class Labels {
    /** The most labels one series may carry. */
    public static final int MAX_LABELS = 32;
    /** The longest label value. */
    public static final int MAX_VALUE_LENGTH = 1_024;

    private Labels() {}

    /** Returns an immutable copy of {@code labels} (null is the empty set) after checking every name and value. */
    public static Map<String, String> of(Map<String, String> labels, String field) {
        if (labels instanceof LabelSet already) {
            return already;
        }
        if (labels == null || labels.isEmpty()) {
            return LabelSet.EMPTY;
        }
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException(
                    field + " set has " + labels.size() + " labels; at most " + MAX_LABELS + " are allowed");
        }
        // Every sample passes here, live ones at every scrape: the messages are built only for a label that fails.
        labels.forEach((name, value) -> {
            if (!Require.isLabelName(name)) {
                Require.labelName(name, field + " name");
            }
            if (value == null) {
                throw new IllegalArgumentException(field + " '" + name + "' must have a value");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                Require.maxLength(value, MAX_VALUE_LENGTH, field + " '" + name + "' value");
            }
        });
        return LabelSet.copyOf(labels);
    }
}
