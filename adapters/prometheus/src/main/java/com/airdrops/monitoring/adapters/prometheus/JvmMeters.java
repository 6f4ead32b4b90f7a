package com.airdrops.monitoring.adapters.prometheus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;

/** Micrometer's JVM and process metrics, without the two that break Prometheus' naming rules. */
final class JvmMeters {
    /**
     * The CPU time in ns (process_cpu_usage says the same) and a gauge ending in _count (system_cpu_count): promtool
     * check metrics flags both.
     */
    private static final Set<String> UNLINTED_BINDER_METERS = Set.of("process.cpu.time", "system.cpu.count");

    private JvmMeters() {}

    /** Binds them to {@code registry}; the GC listener they register stops when the returned handle is closed. */
    static AutoCloseable bindTo(MeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.deny(id -> UNLINTED_BINDER_METERS.contains(id.getName())));
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(
                new JvmMemoryMetrics(),
                gc,
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            binder.bindTo(registry);
        }
        return gc;
    }
}
