package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.spi.AlertListener;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored transitions to the registered {@link AlertListener}s on one daemon thread of their own, through a
 * queue of at most {@value #CAPACITY} transitions: the evaluation pass only enqueues. When the queue is full (the
 * listeners fell far behind) a transition is dropped for them, counted and logged once per overflow. Thread-safe.
 */
public final class AlertListeners implements MetricsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertListeners.class);
    static final int CAPACITY = 10_000;

    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<Class<?>> failingLogged = ConcurrentHashMap.newKeySet();
    private volatile boolean overflowing;
    private volatile Thread worker;

    public void add(AlertListener listener) {
        listeners.add(listener);
        startWorker();
    }

    /** Called with the transitions the database has just stored. */
    void stored(List<Alert> transitions) {
        if (listeners.isEmpty()) {
            return;
        }
        for (Alert alert : transitions) {
            if (!queue.offer(alert)) {
                dropped.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    LOG.warn(
                            "Alert listeners fell {} transitions behind: further ones are dropped for them and "
                                    + "counted in {}",
                            CAPACITY,
                            MetricCatalog.ALERT_LISTENER_DROPPED);
                }
            } else {
                overflowing = false;
            }
        }
    }

    private synchronized void startWorker() {
        if (worker == null) {
            worker = Thread.ofPlatform().name("alert-listeners").daemon(true).start(this::run);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Alert alert;
            try {
                alert = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (alert == null) {
                continue;
            }
            for (AlertListener listener : listeners) {
                try {
                    listener.onTransition(alert);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    if (failingLogged.add(listener.getClass())) {
                        LOG.warn(
                                "Alert listener {} failed (logged once, counted in {}); it keeps being called",
                                listener.getClass().getName(),
                                MetricCatalog.ALERT_LISTENER_FAILURES,
                                e);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public List<Sample> samples(Instant now) {
        return List.of(
                Sample.of(MetricCatalog.ALERT_LISTENER_DROPPED, dropped.get(), now),
                Sample.of(MetricCatalog.ALERT_LISTENER_FAILURES, failures.get(), now));
    }
}
