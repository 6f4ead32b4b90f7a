package com.airdrops.monitoring.bootstrap;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * The exception of a log line as one line per cause, type and message, without stack frames: what a library logs with
 * an exception (a migration tool, a driver) reaches the operator's console as its story, not as a stack trace.
 * {@code LOG_LEVEL=DEBUG} shows the frames.
 */
public final class ExceptionCauses extends ThrowableHandlingConverter {
    /** Enough for any chain worth reading; a longer one ends with "...". */
    private static final int MAX_CAUSES = 8;

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy cause = event.getThrowableProxy();
        if (cause == null) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        String prefix = "  ";
        for (int depth = 0; cause != null; depth++, cause = cause.getCause()) {
            if (depth == MAX_CAUSES) {
                lines.append(prefix).append("...").append(CoreConstants.LINE_SEPARATOR);
                break;
            }
            lines.append(prefix).append(cause.getClassName());
            if (cause.getMessage() != null) {
                lines.append(": ").append(cause.getMessage());
            }
            lines.append(CoreConstants.LINE_SEPARATOR);
            prefix = "  caused by ";
        }
        return lines.toString();
    }
}
