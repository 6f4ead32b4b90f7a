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
import java.util.function.Function;
import java.util.function.Predicate;
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
        return load(pluginsDir, List.of(), List.of());
    }

    /**
     * The plugins of the classpath and the plugins folder, plus factories an embedding application bound with a Guice
     * {@code Multibinder} ({@code bound}); a type declared twice, from any two sources, is an error naming both.
     */
    static Plugins load(
            Path pluginsDir, List<ComponentProbeFactory> boundProbes, List<AlertNotifierFactory> boundNotifiers) {
        ClassLoader loader = classLoader(pluginsDir);
        List<String> problems = new ArrayList<>();
        Map<String, ComponentProbeFactory> factories = byType(
                ServiceLoader.load(ComponentProbeFactory.class, loader),
                boundProbes,
                ComponentProbeFactory::type,
                "component",
                type -> ComponentRole.find(type).isPresent(),
                problems);
        // The built-in channel types come through the ServiceLoader too: a clash names the built-in class.
        Map<String, AlertNotifierFactory> notifiers = byType(
                ServiceLoader.load(AlertNotifierFactory.class, loader),
                boundNotifiers,
                AlertNotifierFactory::type,
                "channel",
                type -> false,
                problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Plugins(factories, notifiers);
    }

    /** Factories by type, the loaded ones first; a type declared twice, or a built-in one, is a problem naming them. */
    private static <F> Map<String, F> byType(
            Iterable<F> loaded,
            List<F> bound,
            Function<F, String> typeOf,
            String kind,
            Predicate<String> builtIn,
            List<String> problems) {
        Map<String, F> factories = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        List<Map.Entry<F, String>> all = new ArrayList<>();
        loaded.forEach(factory ->
                all.add(Map.entry(factory, "plugin " + factory.getClass().getName())));
        for (int i = 0; i < bound.size(); i++) {
            F factory = bound.get(i);
            // Numbered: two factories of one class must still be told apart.
            all.add(Map.entry(
                    factory,
                    "the embedding application's factory #" + (i + 1) + " ("
                            + factory.getClass().getName() + ")"));
        }
        for (Map.Entry<F, String> entry : all) {
            String type = typeOf.apply(entry.getKey());
            if (builtIn.test(type)) {
                problems.add(entry.getValue() + " declares " + kind + " type '" + type + "', which is built in");
            } else if (factories.putIfAbsent(type, entry.getKey()) != null) {
                problems.add(sources.get(type) + " and " + entry.getValue() + " both declare " + kind + " type '" + type
                        + "'");
            } else {
                sources.put(type, entry.getValue());
                LOG.debug("{} type '{}' from {}", kind, type, entry.getValue());
            }
        }
        return factories;
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
