package com.airdrops.monitoring.adapters.persistence;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driving.HealthCheckResult;
import com.airdrops.monitoring.domain.work.Worker;
import com.airdrops.monitoring.domain.work.WorkerStop;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 file within a bound of its live data while the agent runs. H2 is written append-only (ADR 0008), so the
 * file grows with every commit; once it is more than {@link #RATIO} times its live data (and over a floor, 16 MB unless
 * MONITORING_DB_COMPACT_ABOVE_MB says otherwise),
 * both pools are paused, their connections closed, and {@code SHUTDOWN COMPACT} rewrites the file to its live size
 * (H2 writes the copy beside it and then replaces the file, so a crash midway leaves the old file whole). The pools
 * then open the file again. A write that waits meanwhile waits a second or two; one that gives up goes on from memory
 * like in any database outage. Checked at start and every {@link #EVERY}. Thread-safe.
 */
final class H2FileCompaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    /** The file is compacted when it is more than this many times its live data. */
    static final int RATIO = 4;
    /** Smaller files are left alone: compacting them gains nothing worth a pause. */
    static final long FLOOR_BYTES = 16L * 1024 * 1024;

    static final Duration EVERY = Duration.ofSeconds(10);

    private final Path file;
    private final String url;
    private final List<HikariDataSource> pools;
    private final Duration timeout;
    private final long floorBytes;
    private final Worker worker;
    private final AtomicLong compactions = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Long liveBytes;
    private volatile String lastFailure;

    H2FileCompaction(Path file, String url, List<HikariDataSource> pools, Duration timeout, long floorBytes) {
        this.file = file;
        this.url = url;
        this.pools = List.copyOf(pools);
        this.timeout = timeout;
        this.floorBytes = floorBytes;
        this.worker = new Worker("h2-compaction", timeout.plusSeconds(30), WorkerStop.WAKE, self -> {
            compactIfLarge();
            self.park(EVERY);
        });
    }

    void start() {
        worker.start();
    }

    /** Compacts the file when it has grown past its bound; true when it did. A failure is counted and logged. */
    boolean compactIfLarge() {
        long size = fileBytes();
        if (size <= floorBytes) {
            liveBytes = null;
            return false;
        }
        long live;
        try {
            live = liveBytes(size);
        } catch (SQLException | RuntimeException e) {
            return false; // the database is unreachable: its own checks say so
        }
        liveBytes = live;
        if (size <= RATIO * live) {
            return false;
        }
        try {
            long usable = Files.getFileStore(file).getUsableSpace();
            if (usable < 2 * live) {
                return fail(size, live, "only " + usable + " bytes free on its disk for the compacted copy");
            }
            long started = System.nanoTime();
            compact();
            compactions.incrementAndGet();
            lastFailure = null;
            liveBytes = null;
            LOG.info(
                    "Compacted the database file from {} to {} bytes in {} ms (it had reached {}x its live data)",
                    size,
                    fileBytes(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    size / Math.max(1, live));
            return true;
        } catch (SQLException | IOException | RuntimeException e) {
            return fail(size, live, Failures.rootMessage(e));
        }
    }

    private boolean fail(long size, long live, String reason) {
        failures.incrementAndGet();
        if (!reason.equals(lastFailure)) {
            LOG.warn("Could not compact the database file ({} bytes, about {} live): {}", size, live, reason);
        }
        lastFailure = reason;
        return false;
    }

    /** Live data as H2 counts it: the file's size times the share of its chunks still in use. */
    private long liveBytes(long size) throws SQLException {
        try (Connection connection = pools.getFirst().getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rows = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
                int percent = rows.next() ? Integer.parseInt(rows.getString(1).trim()) : 100;
                return Math.max(1, size * Math.max(1, percent) / 100);
            }
        }
    }

    /**
     * Pauses both pools (a borrow waits), closes their connections once those in use are returned (within the
     * timeout, else nothing is done), rewrites the file on a connection of its own, and lets the pools open it again.
     */
    private void compact() throws SQLException {
        List<HikariPoolMXBean> paused = new ArrayList<>();
        try {
            for (HikariDataSource pool : pools) {
                HikariPoolMXBean bean = pool.getHikariPoolMXBean();
                bean.suspendPool();
                paused.add(bean);
                bean.softEvictConnections();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (paused.stream().anyMatch(bean -> bean.getActiveConnections() > 0)) {
                if (System.nanoTime() > deadline) {
                    throw new SQLException("connections still in use after " + timeout.toMillis() + " ms");
                }
                worker.parkNanos(Duration.ofMillis(20).toNanos());
            }
            paused.forEach(HikariPoolMXBean::softEvictConnections);
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        } finally {
            paused.forEach(HikariPoolMXBean::resumePool);
        }
    }

    private long fileBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    List<Sample> samples(java.time.Instant now) {
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.of(MetricCatalog.DATABASE_FILE_BYTES, fileBytes(), now));
        samples.add(Sample.of(MetricCatalog.DATABASE_COMPACTIONS, compactions.get(), now));
        samples.add(Sample.of(MetricCatalog.DATABASE_COMPACTION_FAILURES, failures.get(), now));
        return samples;
    }

    /**
     * Readiness: DOWN once the file is past twice its bound (compaction is failing or cannot keep up), with why; else
     * nothing to say.
     */
    HealthCheckResult check(HealthCheckResult database) {
        Long live = liveBytes;
        long size = fileBytes();
        if (database instanceof HealthCheckResult.Up up && live != null && size > 2 * RATIO * live) {
            String failure = lastFailure;
            return HealthCheckResult.down("the database file (" + size + " bytes) is " + size / live
                    + "x its live data, past twice its bound of " + RATIO + "x"
                    + (failure == null ? "" : ": compaction failed: " + failure) + " (" + up.detail() + ")");
        }
        return database;
    }

    @Override
    public void close() {
        worker.close();
    }
}
