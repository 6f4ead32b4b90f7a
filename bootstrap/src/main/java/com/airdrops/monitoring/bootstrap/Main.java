package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ConfigException;

/**
 * Command-line entry point: reads the environment, starts the agent and runs until SIGTERM or SIGINT.
 * Exit status 2 means invalid configuration, 1 a failure to start.
 */
public final class Main {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        AgentConfiguration configuration;
        try {
            configuration = AgentConfiguration.load(System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.err.println("airdrops-monitoring: configuration error: " + problem));
            System.exit(EXIT_CONFIG);
            return;
        }
        MonitoringAgent agent;
        try {
            agent = MonitoringAgent.start(configuration);
        } catch (RuntimeException e) {
            System.err.println("airdrops-monitoring: failed to start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(agent::close));
        agent.awaitStop();
    }
}
