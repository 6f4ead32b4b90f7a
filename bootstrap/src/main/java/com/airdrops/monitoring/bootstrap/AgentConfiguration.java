package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.AlertRulesFile;
import com.airdrops.monitoring.config.ComponentsFile;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.model.AlertRule;
import com.airdrops.monitoring.domain.model.ComponentDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything read at start-up, before any service is built: settings, plugins and the YAML files. Loading throws
 * {@link com.airdrops.monitoring.config.ConfigException} listing every problem.
 */
public record AgentConfiguration(MonitoringSettings settings, Plugins plugins, List<ComponentDefinition> components,
                                 List<AlertRule> rules, Map<String, String> environment) {

    public AgentConfiguration {
        components = List.copyOf(components);
        rules = List.copyOf(rules);
        environment = Map.copyOf(environment);
    }

    /** Reads everything, reporting every problem of every file at once. */
    public static AgentConfiguration load(Map<String, String> environment) {
        MonitoringSettings settings = EnvironmentSettings.load(environment);
        Plugins plugins = Plugins.load(settings.pluginsDir());
        List<String> problems = new ArrayList<>();
        List<ComponentDefinition> components = collect(problems, () -> ComponentsFile.load(settings.componentsFile(),
                environment, plugins.componentFactories().keySet()));
        List<AlertRule> rules = collect(problems, () -> AlertRulesFile.load(settings.alertRulesFile(), environment));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AgentConfiguration(settings, plugins, components, rules, environment);
    }

    /** Re-reads the alert rules file with the environment the agent started with. */
    List<AlertRule> reloadRules() {
        return AlertRulesFile.load(settings.alertRulesFile(), environment);
    }

    private static <T> List<T> collect(List<String> problems, Supplier<List<T>> load) {
        try {
            return load.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    @Override
    public String toString() {
        return "AgentConfiguration[settings=" + settings + ", components=" + components.size() + ", rules=" + rules.size() + "]";
    }
}
