package com.airdrops.monitoring.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.Predicate;

/** What a failure says to an operator: one line, from the layer that knows what went wrong, without credentials. */
public final class Failures {
    private Failures() {}

    /** The message of the innermost cause, e.g. a driver's or the file system's own words. */
    public static String rootMessage(Throwable e) {
        return message(e, cause -> true);
    }

    /**
     * The message of the first failure in the chain that is not a wrapper: {@code wrapper} tells which to look through
     * (a dependency injector's, say, whose cause already says what went wrong with its own context).
     */
    public static String message(Throwable e, Predicate<Throwable> wrapper) {
        Throwable shown = e;
        while (shown.getCause() != null && shown.getCause() != shown && wrapper.test(shown)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        if (shown instanceof AccessDeniedException) {
            message = "permission denied: " + message;
        } else if (shown instanceof NoSuchFileException) {
            message = "no such file or directory: " + message;
        }
        return Redaction.urls(message);
    }
}
