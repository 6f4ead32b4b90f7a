package com.airdrops.monitoring.domain.model.component;

import com.airdrops.monitoring.domain.model.Require;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code components.yaml}: the component's name (its {@code component} label), its type (a
 * {@link ComponentRole} or a plugin's type), where its data comes from, and how long a probe and its data may take.
 */
public record ComponentDefinition(
        String name,
        String type,
        ComponentSource source,
        Optional<URI> url,
        Duration timeout,
        Duration staleAfter,
        Map<String, Object> config) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(120);

    public ComponentDefinition {
        Require.labelName(name, "component name");
        Require.nonBlank(type, "component type");
        Require.nonNull(source, "source");
        url = url == null ? Optional.empty() : url;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        staleAfter = staleAfter == null ? DEFAULT_STALE_AFTER : staleAfter;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0");
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale_after must be > 0");
        }
        if (source == ComponentSource.POLL && url.isEmpty()) {
            throw new IllegalArgumentException("a polled component needs a url");
        }
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    /** The built-in role of this component, empty for a plugin's type. */
    public Optional<ComponentRole> role() {
        return ComponentRole.find(type);
    }
}
