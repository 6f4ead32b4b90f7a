package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.Redaction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        versionProvider = Main.Version.class,
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

    public static void main(String[] args) {
        // The service itself takes no arguments, so it starts without the command-line parser: picocli's classes
        // are built for Java 5 and cannot be stored in an AOT cache, and loading them costs about 0.3 s.
        int status = args.length == 0 ? runService() : commandLine(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int runService() {
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
        System.err.println("airdrops-monitoring: failed: " + rootMessage(e));
        return EXIT_START_FAILED;
    }

    /** Runs the service; returns only when it has stopped. */
    @Override
    public Integer call() throws InterruptedException {
        // First of all: a SIGTERM at any moment of start-up, even before the agent exists, ends with status 0.
        StopSignals.exitCleanlyOn("TERM", "INT");
        AgentConfiguration configuration;
        try {
            configuration = AgentConfiguration.load(System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.err.println("airdrops-monitoring: configuration error: " + problem));
            return EXIT_CONFIG;
        } catch (RuntimeException e) {
            System.err.println("airdrops-monitoring: configuration error: " + rootMessage(e));
            return EXIT_CONFIG;
        }
        Optional<String> busy = PortCheck.busy(
                configuration.settings().httpHost(), configuration.settings().httpPort());
        if (busy.isPresent()) {
            // Checked before the database is opened: a second agent must name the port, not the database's lock.
            System.err.println("airdrops-monitoring: failed to start: " + busy.get());
            return EXIT_START_FAILED;
        }
        MonitoringAgent agent;
        try {
            agent = MonitoringAgent.create(configuration, List.of());
            // Registered before anything starts: a SIGTERM during start-up still shuts down cleanly.
            Runtime.getRuntime()
                    .addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(agent::close));
            agent.startServices();
        } catch (RuntimeException e) {
            System.err.println("airdrops-monitoring: failed to start: " + rootMessage(e));
            return EXIT_START_FAILED;
        }
        agent.awaitStop();
        return 0;
    }

    /** The jar's version, as the start-up log and {@code --version} show it. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(version unknown: not run from the jar)" : version;
    }

    /** {@code --version}: the same version the start-up log names, and the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Airdrops Monitoring " + version() + " on Java " + Runtime.version()};
        }
    }

    static String rootMessage(Throwable e) {
        Throwable top = e;
        // Guice wraps a provider's failure; the cause says what went wrong.
        while (top.getCause() != null && top.getClass().getName().startsWith("com.google.inject")) {
            top = top.getCause();
        }
        String message = top.getMessage() == null ? top.getClass().getSimpleName() : top.getMessage();
        return Redaction.urls(message);
    }
}
