package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCallerTest {
    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", 42);
    }

    private static StackTraceElement[] exitingFrom(StackTraceElement caller) {
        return new StackTraceElement[] {
            frame("java.lang.Thread", "join"),
            frame("java.lang.ApplicationShutdownHooks", "runHooks"),
            frame("java.lang.Shutdown", "exit"),
            frame("java.lang.Runtime", "exit"),
            frame("java.lang.System", "exit"),
            caller,
            frame("com.example.gas.GasPriceProbe", "probe")
        };
    }

    @Test
    void namesTheCodeThatCalledSystemExit() {
        Thread plugin = new Thread(() -> {}, "collection");
        Map<Thread, StackTraceElement[]> stacks = Map.of(
                plugin,
                exitingFrom(frame("com.example.gas.GasPriceClient", "fetch")),
                new Thread(() -> {}, "idle"),
                new StackTraceElement[] {frame("java.lang.Object", "wait")});

        assertThat(ExitCaller.find(stacks)).hasValueSatisfying(caller -> {
            assertThat(caller.thread()).isEqualTo("collection");
            assertThat(caller.frames()[0].getClassName()).isEqualTo("com.example.gas.GasPriceClient");
            assertThat(caller.frames()).hasSize(2);
        });
    }

    @Test
    void theAgentsOwnStopAndAnOrdinaryEndNameNobody() {
        assertThat(ExitCaller.find(Map.of(
                        new Thread(() -> {}, "SIGTERM handler"),
                        exitingFrom(frame(StopSignals.class.getName() + "$1", "handle")))))
                .isEmpty();
        assertThat(ExitCaller.find(Map.of(new Thread(() -> {}, "main"), new StackTraceElement[0])))
                .isEmpty();
        assertThat(ExitCaller.find(
                        Map.of(new Thread(() -> {}, "main"), exitingFrom(frame(Main.class.getName(), "main")))))
                .as("a failed start's exit status, already explained in one line")
                .isEmpty();
    }
}
