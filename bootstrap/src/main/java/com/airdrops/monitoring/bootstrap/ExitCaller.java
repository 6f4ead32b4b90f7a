package com.airdrops.monitoring.bootstrap;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the code that called {@code System.exit} when it was not the agent's own stop: plugin code that exits takes
 * the whole agent down, and the log must say who did it. While the shutdown hooks run, the calling thread waits inside
 * {@code Runtime.exit}, so its stack shows the caller.
 */
final class ExitCaller {
    private static final Logger LOG = LoggerFactory.getLogger(ExitCaller.class);
    private static final int FRAMES_SHOWN = 8;

    private ExitCaller() {}

    /** Logs the caller of {@code System.exit}, unless the agent's own stop or failed start called it. */
    static void logIfForeign() {
        find(Thread.getAllStackTraces())
                .ifPresent(caller -> LOG.error(
                        "System.exit was called by {} on thread '{}': the agent stops (frames: {})",
                        caller.frames()[0],
                        caller.thread(),
                        Arrays.stream(caller.frames())
                                .limit(FRAMES_SHOWN)
                                .map(String::valueOf)
                                .collect(Collectors.joining(" < "))));
    }

    /** The thread waiting in {@code Runtime.exit}, with the frames below it, when that is not the agent's own. */
    static Optional<CallSite> find(Map<Thread, StackTraceElement[]> stacks) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
            StackTraceElement[] stack = entry.getValue();
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime")
                        && stack[i].getMethodName().equals("exit")) {
                    StackTraceElement[] below = Arrays.stream(stack, i + 1, stack.length)
                            .filter(frame -> !frame.getClassName().equals("java.lang.System"))
                            .toArray(StackTraceElement[]::new);
                    // The agent's own exits: a stop signal, and Main ending with a failed start's status.
                    boolean own = below.length > 0
                            && (below[0].getClassName().startsWith(StopSignals.class.getName())
                                    || below[0].getClassName().equals(Main.class.getName()));
                    return own || below.length == 0
                            ? Optional.empty()
                            : Optional.of(new CallSite(entry.getKey().getName(), below));
                }
            }
        }
        return Optional.empty();
    }
}
