package com.airdrops.monitoring.adapters.oshi;

import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.port.driven.DiskReading;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The space of the file system holding a watched path, or why it cannot be read. A path on a mounted file system
 * that is unmounted while the agent runs often still exists, as the empty folder it was mounted on, on the file
 * system below: read as is, it would report that one's space, and a full disk would read as one with room. So the
 * folder the path's file system was mounted on is found at the first reading (the highest folder on the path's own
 * device), and while that folder is no longer a mount point (it shares its parent's device) the disk is unreadable;
 * once a file system is mounted there again it is read again. Where the platform does not give device numbers, the
 * path is read as is. Not thread-safe: the probe serialises its readings.
 */
final class WatchedDisk {
    private final Path path;
    private FileStore store;
    /** Where the path's file system was mounted at the first reading; empty for the root or without device numbers. */
    private Optional<Path> mountedOn;

    WatchedDisk(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    DiskReading read() {
        try {
            if (mountedOn == null) {
                mountedOn = mountPoint(path);
            } else if (mountedOn.isPresent() && !isMountPoint(mountedOn.get())) {
                store = null;
                return new DiskReading.Unreadable("the file system mounted on " + mountedOn.get()
                        + " is no longer mounted (" + path + " would show the one below it)");
            }
            if (store == null) {
                store = Files.getFileStore(path);
            }
            return new DiskReading.Space(store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
        } catch (IOException | RuntimeException e) {
            store = null;
            return new DiskReading.Unreadable(Failures.rootMessage(e));
        }
    }

    /** The highest folder of {@code path} on the same device: where its file system is mounted, unless that is /. */
    private static Optional<Path> mountPoint(Path path) throws IOException {
        Optional<Object> device = device(path);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        Path top = path;
        while (top.getParent() != null && device.equals(device(top.getParent()))) {
            top = top.getParent();
        }
        return top.getParent() == null ? Optional.empty() : Optional.of(top);
    }

    private static boolean isMountPoint(Path folder) throws IOException {
        return !device(folder).equals(device(folder.getParent()));
    }

    /** The device number of the file system holding {@code path}; empty where the platform does not give one. */
    private static Optional<Object> device(Path path) throws IOException {
        try {
            return Optional.of(Files.getAttribute(path, "unix:dev"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
