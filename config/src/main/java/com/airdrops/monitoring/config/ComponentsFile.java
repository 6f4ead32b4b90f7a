package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentRole;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads {@code components.yaml} into {@link ComponentDefinition}s. A missing file means no components;
 * every problem of a present file is reported at once with file, line, column and field path.
 */
public final class ComponentsFile {
    private static final Set<String> FIELDS =
            Set.of("name", "type", "source", "url", "timeout_seconds", "stale_after_seconds", "config");

    private ComponentsFile() {}

    /** Reads the file at {@code path}, which must exist. */
    public static List<ComponentDefinition> load(Path path, Map<String, String> environment, Set<String> pluginTypes) {
        return load(ConfigFile.at(path), environment, pluginTypes);
    }

    /**
     * @param pluginTypes component types that plugins on the classpath provide, besides the built-in ones
     */
    public static List<ComponentDefinition> load(
            ConfigFile file, Map<String, String> environment, Set<String> pluginTypes) {
        Optional<YamlNode> root = YamlDocument.read(file, environment);
        if (root.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<ComponentDefinition> definitions = new ArrayList<>();
        if (!(root.get() instanceof YamlMapping top)) {
            throw new ConfigException(
                    List.of(YamlDocument.problem(file, root.get(), "expected a mapping with 'components:'")));
        }
        YamlFields topFields = new YamlFields(file, top, problems);
        topFields.allowOnly(Set.of("components"));
        Set<String> names = new HashSet<>();
        Set<String> roles = new HashSet<>();
        for (YamlMapping entry : topFields.listOfMappings("components", "component", "components")) {
            definition(file, entry, pluginTypes, problems).ifPresent(definition -> {
                if (!names.add(definition.name())) {
                    problems.add(
                            YamlDocument.problem(file, entry, "duplicate component name '" + definition.name() + "'"));
                }
                if (definition.role().filter(ComponentRole::isBotRole).isPresent() && !roles.add(definition.type())) {
                    problems.add(YamlDocument.problem(
                            file,
                            entry,
                            "a second component of type '" + definition.type()
                                    + "': its metrics have no component label, so each bot role may appear once"));
                }
                definitions.add(definition);
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(definitions);
    }

    private static Optional<ComponentDefinition> definition(
            ConfigFile file, YamlMapping entry, Set<String> pluginTypes, List<String> problems) {
        int before = problems.size();
        YamlFields fields = new YamlFields(file, entry, problems);
        fields.allowOnly(FIELDS);
        Optional<String> name = fields.requiredName("name");
        name.ifPresent(value -> {
            try {
                Require.labelName(value, "component name");
            } catch (IllegalArgumentException e) {
                fields.problem(fields.node("name").orElseThrow(), e.getMessage());
            }
        });
        Optional<String> type = fields.requiredText("type");
        Set<String> allowedTypes = new TreeSet<>(pluginTypes);
        for (ComponentRole role : ComponentRole.values()) {
            allowedTypes.add(role.wireName());
        }
        type.filter(value -> !allowedTypes.contains(value))
                .ifPresent(value -> fields.problem(
                        fields.node("type").orElseThrow(),
                        "unknown type '" + value + "'; allowed: " + String.join(", ", allowedTypes)
                                + (pluginTypes.isEmpty()
                                        ? " (no plugin types found on the classpath or in plugins/)"
                                        : "")));
        boolean builtIn = type.flatMap(ComponentRole::find).isPresent();
        Optional<ComponentSource> source = source(fields, builtIn);
        Optional<URI> url = fields.text("url").flatMap(value -> url(fields, value));
        if (source.filter(value -> value == ComponentSource.POLL).isPresent()
                && fields.node("url").isEmpty()) {
            fields.problem(entry, "a component with source: poll needs a url");
        }
        Duration timeout = fields.seconds("timeout_seconds", 0.1, 300).orElse(ComponentDefinition.DEFAULT_TIMEOUT);
        Duration staleAfter =
                fields.seconds("stale_after_seconds", 1, 7 * 86_400).orElse(ComponentDefinition.DEFAULT_STALE_AFTER);
        Map<String, Object> config =
                fields.mapping("config").map(YamlFields::plainMap).orElse(Map.of());
        if (problems.size() > before || name.isEmpty() || type.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ComponentDefinition(name.get(), type.get(), source.get(), url, timeout, staleAfter, config));
        } catch (IllegalArgumentException e) {
            fields.problem(entry, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ComponentSource> source(YamlFields fields, boolean builtInType) {
        Optional<String> text = fields.text("source");
        if (text.isEmpty()) {
            if (builtInType && fields.node("source").isEmpty()) {
                fields.problem(fields.self(), "missing required field 'source' (poll or push)");
                return Optional.empty();
            }
            return builtInType ? Optional.empty() : Optional.of(ComponentSource.PLUGIN);
        }
        String value = text.get();
        if (value.equals("poll")) {
            return Optional.of(ComponentSource.POLL);
        }
        if (value.equals("push")) {
            return Optional.of(ComponentSource.PUSH);
        }
        if (value.equals("plugin") && !builtInType) {
            return Optional.of(ComponentSource.PLUGIN);
        }
        fields.problem(
                fields.node("source").orElseThrow(),
                "unknown source '" + value + "'; allowed: poll, push" + (builtInType ? "" : ", plugin"));
        return Optional.empty();
    }

    private static Optional<URI> url(YamlFields fields, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        fields.problem(
                fields.node("url").orElseThrow(),
                "expected an http:// or https:// URL, got '" + Redaction.urls(value) + "'");
        return Optional.empty();
    }
}
