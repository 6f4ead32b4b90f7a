package com.airdrops.monitoring.config;

import java.util.List;

public record YamlSequence(List<YamlNode> items, int line, int column, String path) implements YamlNode {
    public YamlSequence {
        items = List.copyOf(items);
    }
}
