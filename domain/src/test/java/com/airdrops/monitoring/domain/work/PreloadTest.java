package com.airdrops.monitoring.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PreloadTest {
    @Test
    void runsTheTasksInOrderOnADaemonThreadOfItsOwn() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread preload = Preload.inBackground(
                "preload-test",
                List.of(() -> ran.add("first on " + Thread.currentThread().getName()), () -> ran.add("second")));

        assertThat(preload.join(Duration.ofSeconds(30))).isTrue();
        assertThat(preload.isDaemon()).isTrue();
        assertThat(ran).containsExactly("first on preload-test", "second");
    }

    @Test
    void aFailingTaskEndsThePreloadQuietlyAndTheRestDoNotRun() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            Thread preload = Preload.inBackground(
                    "preload-test",
                    List.of(
                            () -> {
                                throw new ExceptionInInitializerError("no native library");
                            },
                            () -> ran.add("after the failure")));

            assertThat(preload.join(Duration.ofSeconds(30))).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(ran).isEmpty();
        assertThat(uncaught)
                .as("nothing reaches the uncaught handler, which prints a stack trace")
                .isEmpty();
    }
}
