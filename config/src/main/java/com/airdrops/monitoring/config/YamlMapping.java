package com.airdrops.monitoring.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

public record YamlMapping(Map<String, YamlNode> entries, int line, int column, String path) implements YamlNode {
    public YamlMapping {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
