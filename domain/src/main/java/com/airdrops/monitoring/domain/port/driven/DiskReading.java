package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.Require;

/**
 * The space of the file system holding the watched disk path, or why it could not be read: a disk that cannot be read
 * (its path removed, its mount gone) leaves the host's other figures standing.
 */
public sealed interface DiskReading {

    /** Sizes in bytes, as statvfs(3) gives them: free counts blocks reserved for root, usable does not. */
    record Space(long totalBytes, long freeBytes, long usableBytes) implements DiskReading {
        public Space {
            Require.nonNegative(totalBytes, "totalBytes");
            Require.nonNegative(freeBytes, "freeBytes");
            Require.nonNegative(usableBytes, "usableBytes");
        }
    }

    /** The disk could not be read this time, for {@code reason} (one line, for the operator). */
    record Unreadable(String reason) implements DiskReading {
        public Unreadable {
            Require.nonBlank(reason, "reason");
        }
    }
}
