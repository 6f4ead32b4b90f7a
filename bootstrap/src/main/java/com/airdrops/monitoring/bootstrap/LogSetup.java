package com.airdrops.monitoring.bootstrap;

import static ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The agent's logging, set up in code (logback finds it as a service): one console appender, text or JSON by
 * {@code LOG_FORMAT}, the root level by {@code LOG_LEVEL}, and the HTTP and hardware libraries at WARN. Setting it
 * up in code instead of reading an XML file saves about a tenth of a second at start. A {@code logback.xml} or
 * {@code logback-test.xml} on the classpath, or {@code -Dlogback.configurationFile}, wins: an application that
 * embeds the agent keeps its own logging.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** A line per event; an exception as its causes' types and messages ({@link ExceptionCauses}). */
    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n%causes";
    /** With {@code LOG_LEVEL=DEBUG} or {@code TRACE}: an exception with its stack frames. */
    static final String DEBUG_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
    /**
     * Libraries whose routine lines add nothing to the agent's own. The pool's "connection marked as broken" comes with
     * a stack trace each time a failing database's connection is replaced; the agent logs the outage itself.
     */
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty",
            Level.WARN,
            "io.javalin",
            Level.WARN,
            "oshi",
            Level.WARN,
            "com.zaxxer.hikari.pool.ProxyConnection",
            Level.ERROR,
            "com.zaxxer.hikari.pool.PoolBase",
            Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogSetup.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        // LOG_LEVEL is checked with the other settings; a value that would not pass leaves INFO here.
        String levelName = System.getenv("LOG_LEVEL");
        Level level = Level.toLevel(levelName == null ? "INFO" : levelName.toUpperCase(Locale.ROOT), Level.INFO);
        console.setEncoder(encoder(context, System.getenv("LOG_FORMAT"), level));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(console);
        QUIET.forEach((name, quiet) -> context.getLogger(name).setLevel(quiet));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static Encoder<ILoggingEvent> encoder(LoggerContext context, String format, Level level) {
        if ("json".equals(format)) {
            // One JSON object per line: timestamp, level, thread, logger, message and the exception when there is one.
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMDC(false);
            json.setWithKVPList(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("causes", ExceptionCauses::new);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(level.isGreaterOrEqual(Level.INFO) ? TEXT_PATTERN : DEBUG_PATTERN);
        text.start();
        return text;
    }
}
