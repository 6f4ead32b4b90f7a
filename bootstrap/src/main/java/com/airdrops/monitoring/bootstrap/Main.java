package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.http.JavalinHttpServer;
import com.airdrops.monitoring.adapters.oshi.OshiSystemProbe;
import com.airdrops.monitoring.adapters.persistence.Database;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.Failures;
import com.airdrops.monitoring.domain.work.Preload;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point. Without a command it runs the service until SIGTERM or SIGINT; {@code check-config}
 * validates the environment and the YAML files. Exit status: 2 invalid configuration at start, 1 failure to start
 * (or findings of check-config), 0 otherwise.
 */
@Command(
        name = "airdrops-monitoring",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Monitoring agent for the airdrop automation bot: host and component metrics on /metrics, "
                + "windowed aggregates, alert rules and alert history. Without a command: run the service.",
        subcommands = {CheckConfigCommand.class, TestRulesCommand.class, CommandLine.HelpCommand.class},
        footer = {
            "",
            "Configuration comes from environment variables (see README) and the files named by "
                    + "ALERT_RULES_FILE, NOTIFICATIONS_FILE and COMPONENTS_FILE (by default config/*.yaml under "
                    + "MONITORING_HOME, else the copies built into the jar)."
        })
public final class Main implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;
    private static final String GUICE_STACK_TRACES = "guice_include_stack_traces";

    public static void main(String[] args) {
        // The service itself takes no arguments, so it starts without the command-line parser: picocli's classes
        // are built for Java 5 and cannot be stored in an AOT cache, and loading them costs about 0.3 s.
        int status = args.length == 0 ? runService() : commandLine(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int runService() {
        // Guice records where each binding was made, walking the stack for every one, for its own error messages; the
        // agent reports a failed start by its cause, so the walk is start-up time spent for nothing (about 15 ms).
        if (System.getProperty(GUICE_STACK_TRACES) == null) {
            System.setProperty(GUICE_STACK_TRACES, "OFF");
        }
        try {
            return new Main().call();
        } catch (Exception e) {
            return failed(e);
        }
    }

    private static int commandLine(String[] args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e))
                .execute(args);
    }

    private static int failed(Exception e) {
        // Whatever escaped is reported in one line: no stack trace reaches an operator.
        report("failed: " + rootMessage(e));
        return EXIT_START_FAILED;
    }

    /** Runs the service; returns only when it has stopped. */
    @Override
    public Integer call() throws InterruptedException {
        // First of all: a SIGTERM at any moment of start-up, even before the agent exists, ends with status 0.
        StopSignals.exitCleanlyOn("TERM", "INT");
        preloadOnTheOtherCore();
        AgentConfiguration configuration;
        try {
            configuration = AgentConfiguration.load(System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> report("configuration error: " + problem));
            return EXIT_CONFIG;
        } catch (RuntimeException e) {
            report("configuration error: " + rootMessage(e));
            return EXIT_CONFIG;
        }
        Optional<String> busy = PortCheck.busy(
                configuration.settings().http().host(),
                configuration.settings().http().port());
        if (busy.isPresent()) {
            // Checked before the database is opened: a second agent must name the port, not the database's lock.
            report("failed to start: " + busy.get());
            return EXIT_START_FAILED;
        }
        // Registered before anything is built: a SIGTERM during start-up stops what has started, and the start.
        AgentStop stop = new AgentStop();
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(stop));
        MonitoringAgent agent;
        try {
            agent = MonitoringAgent.create(configuration, List.of());
            if (!stop.adopt(agent)) {
                return 0; // stopped while it was being built: the process is exiting with 0 already
            }
            agent.startServices();
        } catch (RuntimeException e) {
            if (!StopSignals.claimFailedStart()) {
                return 0; // the start was cut short by the stop: the process is exiting with 0 already
            }
            report("failed to start: " + rootMessage(e));
            return EXIT_START_FAILED;
        }
        markAotTrainingRun();
        agent.awaitStop();
        return 0;
    }

    /**
     * Has the one-time initialisations of the host probe and the HTTP server ({@link OshiSystemProbe#preload()},
     * {@link JavalinHttpServer#preload()}) run on a thread of their own while this one reads the configuration and
     * builds the agent, which takes what they built or waits for what is under way: on two cores the port answers
     * sooner (BENCHMARKS.md). Logging is set up already, so that thread does not race this one to do it. A failure
     * there recurs where the agent needs what failed, and the start fails and says so.
     */
    private static void preloadOnTheOtherCore() {
        // The probe is built before the server: its part first.
        Preload.inBackground("preload", List.of(OshiSystemProbe::preload, JavalinHttpServer::preload));
    }

    /** The shutdown hook: stops the agent, or when the process exits before it was built, keeps it from starting. */
    private static final class AgentStop implements Runnable {
        private MonitoringAgent agent;
        private boolean exiting;

        /** Whether {@code built} is to start: false once the process is exiting. */
        synchronized boolean adopt(MonitoringAgent built) {
            agent = built;
            return !exiting;
        }

        @Override
        public void run() {
            ExitCaller.logIfForeign(); // plugin code that calls System.exit is named before the stop
            MonitoringAgent built;
            synchronized (this) {
                exiting = true;
                built = agent;
            }
            if (built == null) {
                LoggerFactory.getLogger(Main.class).info("Airdrops Monitoring stopped before it was built");
            } else {
                built.close();
            }
        }
    }

    /**
     * When the launcher records an AOT cache in this run, it names a file to create once the service has started: a
     * cache recorded by a run that stopped earlier (a configuration error) holds too few classes and is recorded again.
     * So is one recorded by a run that created or migrated the database schema: it would hold the migration tool's
     * classes, which the JVM then loads at every start though later starts never migrate (some 400 classes, 14 MiB).
     */
    private static void markAotTrainingRun() {
        String marker = System.getProperty("airdrops.monitoring.aot.trained");
        if (marker == null) {
            return;
        }
        if (Database.migratedInThisProcess()) {
            LoggerFactory.getLogger(Main.class)
                    .info("This run created or migrated the database schema: the next start records the AOT cache");
            return;
        }
        try {
            Files.writeString(Path.of(marker), "started " + Instant.now() + "\n");
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Main.class)
                    .warn(
                            "Cannot mark this run's AOT cache as trained at {}: {}; the next start records it again",
                            marker,
                            e.getMessage());
        }
    }

    /**
     * One line on stderr for a failure before or outside the log: plain for people, or with {@code LOG_FORMAT=json} a
     * JSON object with the log's fields, so that a log shipper reading JSON also reads why the agent did not start.
     */
    static void report(String message) {
        System.err.println(reportLine(message, System.getenv("LOG_FORMAT"), System.currentTimeMillis()));
    }

    static String reportLine(String message, String logFormat, long now) {
        if (!"json".equals(logFormat)) {
            return "airdrops-monitoring: " + message;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", now);
        line.put("level", "ERROR");
        line.put("threadName", "main");
        line.put("loggerName", Main.class.getName());
        line.put("formattedMessage", message);
        line.put("throwable", null);
        try {
            return new ObjectMapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "airdrops-monitoring: " + message; // strings and a number always serialise; never seen
        }
    }

    static String rootMessage(Throwable e) {
        // Guice wraps a provider's failure; the cause says what went wrong.
        return Failures.message(e, wrapper -> wrapper.getClass().getName().startsWith("com.google.inject"));
    }
}
