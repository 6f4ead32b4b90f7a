package com.airdrops.monitoring.collection;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.PushOutcome;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ProbeException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the latest snapshot pushed by each push component and serves it to collection as that component's probe;
 * staleness is judged by collection from the snapshot's arrival time. Thread-safe.
 */
public final class PushedComponentSnapshots implements ComponentPushReceiver {
    private final Map<String, AtomicReference<ComponentSnapshot>> latest;
    private volatile Consumer<String> onAccepted = name -> {};

    public PushedComponentSnapshots(Collection<String> pushComponentNames) {
        this.latest = pushComponentNames.stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), name -> new AtomicReference<>()));
    }

    @Override
    public PushOutcome accept(String componentName, ComponentSnapshot snapshot) {
        AtomicReference<ComponentSnapshot> slot = latest.get(componentName);
        if (slot == null) {
            return new PushOutcome.UnknownComponent(componentName);
        }
        slot.set(snapshot);
        onAccepted.accept(componentName);
        return new PushOutcome.Accepted(componentName);
    }

    /**
     * Runs {@code listener} with the component's name after each accepted push (it must return at once: the pusher
     * waits for it).
     */
    public void onAccepted(Consumer<String> listener) {
        this.onAccepted = listener;
    }

    /** The probe of one push component: its latest snapshot, or a failure until the first push. */
    public ComponentProbe probeFor(String componentName) {
        AtomicReference<ComponentSnapshot> slot = latest.get(componentName);
        if (slot == null) {
            throw new IllegalArgumentException("'" + componentName + "' is not a push component");
        }
        return () -> {
            ComponentSnapshot snapshot = slot.get();
            if (snapshot == null) {
                throw new ProbeException("no snapshot pushed yet");
            }
            return snapshot;
        };
    }
}
