package com.airdrops.monitoring.adapters.persistence;

import java.time.Duration;
import java.util.UUID;

/**
 * How the agent talks to its database: the JDBC URL, how many connections the API's reads may hold, the one
 * timeout that bounds connecting, waiting for a pooled connection and running a statement, the agent's instance (the
 * rows it owns in a database that other agents share), its name as a holder of the instance's leader lease (the
 * same for the same agent across restarts), how long that lease lasts unless renewed, and the size above which an H2
 * file is compacted once it is more than four times its live data.
 */
public record DatabaseSettings(
        String url,
        int readPoolSize,
        Duration timeout,
        String instance,
        String holder,
        Duration leaseTtl,
        long compactAboveBytes) {
    /** How long a leader's lease lasts unless renewed: the standby of the instance takes over after it. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);

    /** The instance of a database opened without one (tests, tools). */
    public static final String DEFAULT_INSTANCE = "default";
    /** Connections for the agent's own writes (alert passes, outbox updates, aggregates) on PostgreSQL. */
    static final int WRITE_POOL_SIZE_POSTGRES = 4;

    public static final int DEFAULT_READ_POOL_SIZE = 4;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a JDBC URL is required");
        }
        if (readPoolSize < 1) {
            throw new IllegalArgumentException("readPoolSize must be >= 1, got " + readPoolSize);
        }
        if (timeout == null || timeout.toMillis() < 250) {
            throw new IllegalArgumentException("timeout must be >= 250 ms, got " + timeout);
        }
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("an instance is required");
        }
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a lease holder name is required");
        }
        if (leaseTtl == null || leaseTtl.toMillis() < 1_000) {
            throw new IllegalArgumentException("leaseTtl must be >= 1 s, got " + leaseTtl);
        }
        if (compactAboveBytes < 1) {
            throw new IllegalArgumentException("compactAboveBytes must be >= 1, got " + compactAboveBytes);
        }
    }

    /** Compacting an H2 file above the default size (see {@link H2FileCompaction}). */
    public DatabaseSettings(
            String url, int readPoolSize, Duration timeout, String instance, String holder, Duration leaseTtl) {
        this(url, readPoolSize, timeout, instance, holder, leaseTtl, H2FileCompaction.FLOOR_BYTES);
    }

    /** An agent of {@code instance} with a holder name of its own and the default lease. */
    public DatabaseSettings(String url, int readPoolSize, Duration timeout, String instance) {
        this(url, readPoolSize, timeout, instance, instance + "@" + UUID.randomUUID(), DEFAULT_LEASE_TTL);
    }

    public static DatabaseSettings defaults(String url) {
        return new DatabaseSettings(url, DEFAULT_READ_POOL_SIZE, DEFAULT_TIMEOUT, DEFAULT_INSTANCE);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * H2 writes through one connection: commits never race inside its store, so a transaction whose commit returned
     * is on disk before the next begins.
     */
    int writePoolSize() {
        return isH2() ? 1 : WRITE_POOL_SIZE_POSTGRES;
    }
}
