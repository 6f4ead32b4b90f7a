package com.airdrops.monitoring.domain.model.alert;

public enum MatchKind {
    EQUAL("="),
    NOT_EQUAL("!="),
    MATCHES("=~"),
    NOT_MATCHES("!~");

    private final String operator;

    MatchKind(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }
}
