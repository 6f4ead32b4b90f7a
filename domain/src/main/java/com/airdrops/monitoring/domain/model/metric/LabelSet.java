package com.airdrops.monitoring.domain.model.metric;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable label map sorted by name, backed by two arrays, with its hash code computed once. Series lookups hash
 * and compare label sets on every sample, so neither may allocate. Obtain instances through {@link Labels#of}.
 */
final class LabelSet extends AbstractMap<String, String> {
    static final LabelSet EMPTY = new LabelSet(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private final int hash;

    LabelSet(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        int sum = 0;
        for (int i = 0; i < names.length; i++) {
            sum += names[i].hashCode() ^ values[i].hashCode();
        }
        this.hash = sum;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public String get(Object key) {
        int index = key instanceof String name ? Arrays.binarySearch(names, name) : -1;
        return index >= 0 ? values[index] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && Arrays.binarySearch(names, name) >= 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other instanceof LabelSet labels) {
            return hash == labels.hash && Arrays.equals(names, labels.names) && Arrays.equals(values, labels.values);
        }
        return super.equals(other);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(names[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    static LabelSet copyOf(Map<String, String> labels) {
        String[] names = labels.keySet().toArray(String[]::new);
        Arrays.sort(names);
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = labels.get(names[i]);
        }
        return new LabelSet(names, values);
    }
}
