package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.RuleFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code check-config}: validates every environment variable and YAML file, prints each finding, exits 0 or 1. */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description = "Validate the environment variables and the YAML files (components, alert rules, "
                + "notifications, each channel's own settings) without "
                + "starting the service. Prints each problem with file, line, column and field; exits 0 when all "
                + "is valid, 1 otherwise.")
final class CheckConfigCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try {
            AgentConfiguration configuration = AgentConfiguration.load(System.getenv());
            System.out.println("OK: environment valid");
            System.out.println("OK: " + configuration.settings().files().components() + ": "
                    + configuration.components().size() + " components");
            System.out.println(
                    "OK: " + RuleFiles.describe(configuration.settings().files()) + ": "
                            + configuration.rules().size() + " alert rules");
            System.out.println("OK: " + configuration.settings().files().notifications() + ": "
                    + configuration.notifiers().size() + " channels");
            return 0;
        } catch (ConfigException e) {
            e.problems().forEach(problem -> System.out.println("ERROR: " + problem));
            System.out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " found");
            return 1;
        } catch (RuntimeException e) {
            System.out.println("ERROR: " + Main.rootMessage(e));
            System.out.println("1 problem found");
            return 1;
        }
    }
}
