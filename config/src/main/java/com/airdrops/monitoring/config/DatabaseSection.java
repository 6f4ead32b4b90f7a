package com.airdrops.monitoring.config;

import java.time.Duration;

/** The alert database: its URL, the API's read pool, the bound on every wait, and the leader lease. */
public record DatabaseSection(String url, int poolSize, Duration timeout, Duration leaseTtl, long compactAboveBytes) {
    /** The URL without user-info, query parameters or H2 settings, which may carry passwords. */
    public String shownUrl() {
        return Redaction.jdbcUrl(url);
    }

    @Override
    public String toString() {
        return "Database[url=" + shownUrl() + ", poolSize=" + poolSize + ", timeout=" + timeout + ", leaseTtl="
                + leaseTtl + ", compactAboveBytes=" + compactAboveBytes + "]";
    }
}
