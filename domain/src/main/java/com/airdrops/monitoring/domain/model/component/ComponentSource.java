package com.airdrops.monitoring.domain.model.component;

import java.util.Locale;

/** Where a component's data comes from: polled from its status URL, pushed to our API, or a plugin's own probe. */
public enum ComponentSource {
    POLL,
    PUSH,
    PLUGIN;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
