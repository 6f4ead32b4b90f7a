package com.airdrops.monitoring.domain.model.alert;

/** Where a page ended: the instant and the row of its last transition, written {@code <epoch ms>.<row>}. */
public record HistoryCursor(long occurredAtMillis, long row) {
    public static HistoryCursor parse(String written) {
        int dot = written.indexOf('.');
        try {
            if (dot > 0) {
                return new HistoryCursor(
                        Long.parseLong(written.substring(0, dot)), Long.parseLong(written.substring(dot + 1)));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected a cursor from an earlier page, such as 1796466999771.42");
    }

    @Override
    public String toString() {
        return occurredAtMillis + "." + row;
    }
}
