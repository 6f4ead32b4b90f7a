package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogSetupTest {
    @Test
    void withoutAnXmlConfigurationTheAgentLogsTextAtInfoWithTheLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new LogSetup().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO); // LOG_LEVEL is not set in the test's environment
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(LogSetup.TEXT_PATTERN);
        assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.airdrops.monitoring").getEffectiveLevel())
                .isEqualTo(Level.INFO);
    }

    @Test
    void aNamedConfigurationFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "custom.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
                    .isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    @Test
    void anExceptionALibraryLogsReachesTheConsoleAsItsCausesWithoutFramesUnlessDebugging() {
        LoggerContext context = new LoggerContext();
        Exception failure = new IllegalStateException(
                "Migration of schema to version 1 failed!",
                new java.sql.SQLException(
                        "An I/O error occurred", new java.net.SocketTimeoutException("Read timed out")));
        LoggingEvent event = new LoggingEvent(
                getClass().getName(),
                context.getLogger("org.flywaydb.core.internal.command.DbMigrate"),
                Level.ERROR,
                "Migration failed",
                failure,
                null);

        String info = new String(LogSetup.encoder(context, null, Level.INFO).encode(event), StandardCharsets.UTF_8);
        String debug = new String(LogSetup.encoder(context, null, Level.DEBUG).encode(event), StandardCharsets.UTF_8);

        assertThat(info.lines().toList())
                .hasSize(4)
                .endsWith(
                        "  java.lang.IllegalStateException: Migration of schema to version 1 failed!",
                        "  caused by java.sql.SQLException: An I/O error occurred",
                        "  caused by java.net.SocketTimeoutException: Read timed out");
        assertThat(info).doesNotContain("\tat ");
        assertThat(debug).contains("\tat " + getClass().getName());
    }
}
