package com.airdrops.monitoring.domain.model;

import java.util.Locale;

/** Where a component's data comes from: polled from its status URL, pushed to our API, or a plugin's own probe. */
public enum ComponentSource {
    POLL, PUSH, PLUGIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
