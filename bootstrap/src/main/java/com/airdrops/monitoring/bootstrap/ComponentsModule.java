package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.components.HttpPollingComponentProbe;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.collection.PluginProbes;
import com.airdrops.monitoring.collection.PushedComponentSnapshots;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds one probe per configured component (polled, pushed or a plugin's), plus any in-process registrations an
 * embedding application binds into {@code Multibinder<ComponentRegistration>}.
 */
final class ComponentsModule extends AbstractModule {
    private final AgentConfiguration configuration;

    ComponentsModule(AgentConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ComponentRegistration.class);
        bind(ComponentPushReceiver.class).to(PushedComponentSnapshots.class);
    }

    @Provides
    @Singleton
    PushedComponentSnapshots pushedSnapshots() {
        return new PushedComponentSnapshots(configuration.components().stream()
                .filter(definition -> definition.source() == ComponentSource.PUSH)
                .map(ComponentDefinition::name)
                .toList());
    }

    @Provides
    @Singleton
    List<ComponentRegistration> registrations(
            PushedComponentSnapshots pushed, InstantSource clock, Set<ComponentRegistration> inProcess) {
        // Built only when a component is polled: a client and its TLS context cost about 50 ms at start-up.
        HttpClient client =
                configuration.components().stream().anyMatch(definition -> definition.source() == ComponentSource.POLL)
                        ? HttpPollingComponentProbe.defaultClient()
                        : null;
        List<ComponentRegistration> registrations = new ArrayList<>();
        for (ComponentDefinition definition : configuration.components()) {
            ComponentProbe probe = switch (definition.source()) {
                case POLL ->
                    new HttpPollingComponentProbe(definition.url().orElseThrow(), definition.timeout(), clock, client);
                case PUSH -> pushed.probeFor(definition.name());
                case PLUGIN -> PluginProbes.create(plugin(definition), definition);
            };
            registrations.add(new ComponentRegistration(definition, probe));
        }
        registrations.addAll(inProcess);
        return List.copyOf(registrations);
    }

    private ComponentProbeFactory plugin(ComponentDefinition definition) {
        ComponentProbeFactory factory =
                configuration.plugins().componentFactories().get(definition.type());
        if (factory == null) {
            throw new IllegalStateException("no plugin provides component type '" + definition.type() + "'");
        }
        return factory;
    }
}
