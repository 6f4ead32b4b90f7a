package com.airdrops.monitoring.domain.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics this product exposes, by exposed name (SPEC section 5). A sample whose name is not listed here is a
 * gauge reported by a component. The README's metric table mirrors this class.
 */
public final class MetricCatalog {
    public static final String CPU_USAGE = "system_cpu_usage_percent";
    public static final String MEMORY_USAGE = "system_memory_usage_percent";
    public static final String DISK_USAGE = "system_disk_usage_percent";
    public static final String NETWORK_SENT = "system_network_bytes_sent_total";
    public static final String NETWORK_RECV = "system_network_bytes_recv_total";

    public static final String COLLECTION_DURATION = "monitoring_collection_duration_seconds";
    public static final String COLLECTIONS = "monitoring_collections_total";
    public static final String COLLECTION_ERRORS = "monitoring_collection_errors_total";

    private static final Map<String, MetricDescriptor> KNOWN = new LinkedHashMap<>();

    static {
        gauge(CPU_USAGE, "Host CPU utilisation between the last two collections, percent.");
        gauge(MEMORY_USAGE, "Host memory in use, (total - available) / total, percent.");
        gauge(DISK_USAGE, "Disk space in use on the filesystem of METRICS_DISK_PATH, as df computes it, percent.");
        counter(NETWORK_SENT, "Bytes sent over all non-loopback network interfaces since boot.");
        counter(NETWORK_RECV, "Bytes received over all non-loopback network interfaces since boot.");
        gauge(COLLECTION_DURATION, "Wall-clock duration of the last collection cycle, seconds.");
        counter(COLLECTIONS, "Collection cycles run since start.");
        counter(COLLECTION_ERRORS, "Failures while collecting, by source (system or a component name).");
    }

    private MetricCatalog() {
    }

    private static void gauge(String name, String help) {
        KNOWN.put(name, new MetricDescriptor(name, MetricType.GAUGE, help));
    }

    private static void counter(String name, String help) {
        KNOWN.put(name, new MetricDescriptor(name, MetricType.COUNTER, help));
    }

    /** The descriptor of a known metric, or of a component gauge for any other name. */
    public static MetricDescriptor describe(String name) {
        MetricDescriptor known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        if (name.endsWith("_total")) {
            return new MetricDescriptor(name, MetricType.COUNTER, "Counter " + name + " reported by a component.");
        }
        return new MetricDescriptor(name, MetricType.GAUGE, "Gauge " + name + " reported by a component.");
    }

    public static Optional<MetricDescriptor> known(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    public static Map<String, MetricDescriptor> all() {
        return Map.copyOf(KNOWN);
    }
}
