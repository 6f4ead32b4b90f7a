package com.airdrops.monitoring.adapters.prometheus;

import java.util.Map;

/**
 * One series: its name and labels. Every scrape looks up each live sample by this key, so equality and hash are
 * written out: a record's are bound through method handles, which the launcher's C1-only JIT does not inline.
 */
record SeriesKey(String name, Map<String, String> labels) {

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SeriesKey key && name.equals(key.name) && labels.equals(key.labels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + labels.hashCode();
    }
}
