package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> events = new ArrayList<>();

    private Lifecycle.Part part(String name) {
        return new Lifecycle.Part(name, () -> events.add("start " + name), () -> events.add("stop " + name));
    }

    @Test
    void partsStartInOrderAndStopInReverse() {
        Lifecycle lifecycle = new Lifecycle(List.of(part("database"), part("loops"), part("http")));

        lifecycle.start();
        lifecycle.stop();

        assertThat(events)
                .containsExactly(
                        "start database", "start loops", "start http", "stop http", "stop loops", "stop database");
    }

    @Test
    void aFailedStartStopsEveryPartAndThrowsItsFailure() {
        Lifecycle lifecycle = new Lifecycle(List.of(
                part("database"),
                new Lifecycle.Part(
                        "http",
                        () -> {
                            throw new IllegalStateException("cannot listen on 0.0.0.0:8000");
                        },
                        () -> events.add("stop http"))));

        assertThatThrownBy(lifecycle::start).hasMessage("cannot listen on 0.0.0.0:8000");
        assertThat(events).containsExactly("start database", "stop http", "stop database");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        Lifecycle lifecycle = new Lifecycle(List.of(
                part("database"),
                Lifecycle.Part.stopOnly("exposition", () -> {
                    throw new IllegalStateException("boom");
                }),
                part("http")));

        lifecycle.stop();

        assertThat(events).containsExactly("stop http", "stop database");
    }
}
