package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ComponentsFile;
import com.airdrops.monitoring.config.EnvironmentSettings;
import com.airdrops.monitoring.config.MonitoringSettings;
import com.airdrops.monitoring.domain.model.ComponentDefinition;
import java.util.List;
import java.util.Map;

/**
 * Everything read at start-up, before any service is built: settings, plugins and the YAML files. Loading throws
 * {@link com.airdrops.monitoring.config.ConfigException} listing every problem.
 */
public record AgentConfiguration(MonitoringSettings settings, Plugins plugins, List<ComponentDefinition> components) {

    public AgentConfiguration {
        components = List.copyOf(components);
    }

    public static AgentConfiguration load(Map<String, String> environment) {
        MonitoringSettings settings = EnvironmentSettings.load(environment);
        Plugins plugins = Plugins.load(settings.pluginsDir());
        List<ComponentDefinition> components = ComponentsFile.load(settings.componentsFile(), environment,
                plugins.componentFactories().keySet());
        return new AgentConfiguration(settings, plugins, components);
    }
}
