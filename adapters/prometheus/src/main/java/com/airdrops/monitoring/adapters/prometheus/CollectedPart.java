package com.airdrops.monitoring.adapters.prometheus;

import com.airdrops.monitoring.domain.port.driving.ExpositionFormat;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The collected part of the exposition, per format: rendered by the publishing thread right after each publish, for
 * the formats scrapers have asked for, then served from memory until the next publish. A scrape never waits for that
 * render: while it runs, scrapes get the part of the collection before it, as if they had come a moment earlier. A
 * format asked for the first time, or a part made stale otherwise (a name moving to the live part), is rendered by
 * the scrape that finds it so. Thread-safe.
 */
final class CollectedPart {
    private static final String EOF_LINE = "# EOF\n";

    private record Rendered(long generation, byte[] bytes) {}

    private final PrometheusMeterRegistry registry;
    private final Map<ExpositionFormat, Rendered> rendered = new EnumMap<>(ExpositionFormat.class);
    /** Counts the registry's changes; a rendered part is fresh while it carries the latest count. */
    private long generation;
    /** Whether a publish's render is under way: stale parts are served meanwhile. */
    private boolean rendering;

    private final Object renderLock = new Object();

    CollectedPart(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry changed by a publish, which calls {@link #renderChanged()} next. */
    synchronized void published() {
        generation++;
        rendering = !rendered.isEmpty();
    }

    /** The registry changed outside a publish: the next scrape renders. */
    synchronized void invalidated() {
        generation++;
    }

    /** Renders the formats scraped so far, outside any lock a scrape takes. */
    void renderChanged() {
        synchronized (renderLock) {
            long target;
            Set<ExpositionFormat> formats;
            synchronized (this) {
                target = generation;
                formats = rendered.isEmpty() ? Set.of() : EnumSet.copyOf(rendered.keySet());
            }
            try {
                for (ExpositionFormat format : formats) {
                    byte[] bytes = render(format);
                    synchronized (this) {
                        if (generation == target) {
                            rendered.put(format, new Rendered(target, bytes));
                        }
                    }
                }
            } finally {
                synchronized (this) {
                    rendering = false;
                }
            }
        }
    }

    /** The part in {@code format}: the one rendered last while a publish renders the next, else a fresh one. */
    synchronized byte[] bytes(ExpositionFormat format) {
        Rendered entry = rendered.get(format);
        if (entry != null && (entry.generation() == generation || rendering)) {
            return entry.bytes();
        }
        byte[] bytes = render(format);
        rendered.put(format, new Rendered(generation, bytes));
        return bytes;
    }

    /** The part in {@code format}, without the OpenMetrics end marker (the live part ends the document). */
    private byte[] render(ExpositionFormat format) {
        String text = registry.scrape(format.contentType());
        return (text.endsWith(EOF_LINE) ? text.substring(0, text.length() - EOF_LINE.length()) : text)
                .getBytes(StandardCharsets.UTF_8);
    }
}
