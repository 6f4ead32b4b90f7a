package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.domain.model.component.ComponentRole;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins through {@link ServiceLoader}: on the classpath ({@code -cp}) and in every jar of the plugins folder.
 * A plugin type that repeats a built-in or another plugin's type is a configuration error.
 */
final class Plugins {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final Map<String, ComponentProbeFactory> componentFactories;
    private final Map<String, AlertNotifierFactory> notifierFactories;

    private Plugins(
            Map<String, ComponentProbeFactory> componentFactories,
            Map<String, AlertNotifierFactory> notifierFactories) {
        this.componentFactories = Map.copyOf(componentFactories);
        this.notifierFactories = Map.copyOf(notifierFactories);
    }

    static Plugins load(Path pluginsDir) {
        ClassLoader loader = classLoader(pluginsDir);
        Map<String, ComponentProbeFactory> factories = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ComponentProbeFactory factory : ServiceLoader.load(ComponentProbeFactory.class, loader)) {
            String type = factory.type();
            if (ComponentRole.find(type).isPresent()) {
                problems.add("plugin " + factory.getClass().getName() + " declares component type '" + type
                        + "', which is built in");
            } else if (factories.putIfAbsent(type, factory) != null) {
                problems.add("plugins " + factories.get(type).getClass().getName() + " and "
                        + factory.getClass().getName() + " both declare component type '" + type + "'");
            } else {
                LOG.info(
                        "Plugin component type '{}' from {}",
                        type,
                        factory.getClass().getName());
            }
        }
        Map<String, AlertNotifierFactory> notifiers = new TreeMap<>();
        for (AlertNotifierFactory factory : ServiceLoader.load(AlertNotifierFactory.class, loader)) {
            AlertNotifierFactory previous = notifiers.putIfAbsent(factory.type(), factory);
            if (previous != null) {
                problems.add("plugins " + previous.getClass().getName() + " and "
                        + factory.getClass().getName() + " both declare channel type '" + factory.type() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Plugins(factories, notifiers);
    }

    /** Channel types by name: the built-in ones (registered by the notify adapter) and those of plugins. */
    Map<String, AlertNotifierFactory> notifierFactories() {
        return notifierFactories;
    }

    Map<String, ComponentProbeFactory> componentFactories() {
        return componentFactories;
    }

    private static ClassLoader classLoader(Path pluginsDir) {
        ClassLoader parent = Plugins.class.getClassLoader();
        if (!Files.isDirectory(pluginsDir)) {
            return parent;
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            URL[] jars = files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .map(Plugins::url)
                    .toArray(URL[]::new);
            return jars.length == 0 ? parent : new URLClassLoader("plugins", jars, parent);
        } catch (IOException e) {
            throw new ConfigException(
                    List.of("MONITORING_PLUGINS_DIR='" + pluginsDir + "' cannot be read: " + e.getMessage()));
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
