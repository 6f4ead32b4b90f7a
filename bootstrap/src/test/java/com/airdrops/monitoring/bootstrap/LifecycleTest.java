package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> events = new ArrayList<>();

    private LifecyclePart part(String name) {
        return new LifecyclePart(name, () -> events.add("start " + name), () -> events.add("stop " + name));
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
                new LifecyclePart(
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
                LifecyclePart.stopOnly("exposition", () -> {
                    throw new IllegalStateException("boom");
                }),
                part("http")));

        lifecycle.stop();

        assertThat(events).containsExactly("stop http", "stop database");
    }

    @Test
    void partsThatJoinAfterAStopAreStoppedInsteadOfStarted() {
        Lifecycle lifecycle = new Lifecycle(List.of(part("http")), 0);
        lifecycle.start();
        lifecycle.stop(); // a SIGTERM while the database half was still opening

        assertThatThrownBy(() -> lifecycle.join(List.of(part("database"), part("loops"))))
                .hasMessage("the agent was stopped during its start");
        assertThat(events).containsExactly("start http", "stop http", "stop loops", "stop database");
        assertThatThrownBy(lifecycle::start).hasMessage("the agent was stopped during its start");
    }
}
