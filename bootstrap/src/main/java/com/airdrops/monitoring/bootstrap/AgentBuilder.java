package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.adapters.components.InProcessComponentProbes;
import com.airdrops.monitoring.collection.ComponentRegistration;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.domain.bot.CapitalAllocator;
import com.airdrops.monitoring.domain.bot.CentralScheduler;
import com.airdrops.monitoring.domain.bot.RiskManager;
import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import com.airdrops.monitoring.domain.spi.AlertListener;
import com.airdrops.monitoring.domain.spi.AlertNotifierFactory;
import com.airdrops.monitoring.domain.spi.ComponentProbe;
import com.airdrops.monitoring.domain.spi.ComponentProbeFactory;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an embedding application sets before the agent starts. Component and channel types it binds with a Guice
 * {@code Multibinder<ComponentProbeFactory>} or {@code Multibinder<AlertNotifierFactory>} in a {@link #module}
 * count like plugins (the modules are read once on their own to find them, so such bindings must not need the
 * agent's own).
 */
public final class AgentBuilder {
    private Map<String, String> environment = System.getenv();
    private final List<Module> modules = new ArrayList<>();
    private final List<ComponentRegistration> components = new ArrayList<>();
    private final List<AlertListener> listeners = new ArrayList<>();
    private final List<ComponentProbeFactory> componentTypes = new ArrayList<>();
    private final List<AlertNotifierFactory> channelTypes = new ArrayList<>();
    private InstantSource clock = Clock.systemUTC();

    AgentBuilder() {}

    /**
     * The clock the agent reads for every timestamp, staleness check and alert timer (its loops still tick in real
     * time): a simulation or a test sets one it moves itself. The system's UTC clock by default.
     */
    public AgentBuilder clock(InstantSource clock) {
        this.clock = clock;
        return this;
    }

    /** A component type that {@code components.yaml} may name, as a plugin would add it. */
    public AgentBuilder componentType(ComponentProbeFactory factory) {
        componentTypes.add(factory);
        return this;
    }

    /** A channel type that {@code notifications.yaml} may name, as a plugin would add it. */
    public AgentBuilder channelType(AlertNotifierFactory factory) {
        channelTypes.add(factory);
        return this;
    }

    /** The settings, as environment variables (see the README's configuration table); default: the process's. */
    public AgentBuilder settings(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    public AgentBuilder component(String name, RiskManager riskManager) {
        return component(inProcess(name, "risk_manager"), InProcessComponentProbes.riskManager(riskManager, this::now));
    }

    public AgentBuilder component(String name, CapitalAllocator allocator) {
        return component(
                inProcess(name, "capital_allocator"), InProcessComponentProbes.capitalAllocator(allocator, this::now));
    }

    public AgentBuilder component(String name, CentralScheduler scheduler) {
        return component(inProcess(name, "scheduler"), InProcessComponentProbes.scheduler(scheduler, this::now));
    }

    /** Any component: its definition (name, type, timeout, staleness) and the probe that reads it. */
    public AgentBuilder component(ComponentDefinition definition, ComponentProbe probe) {
        components.add(new ComponentRegistration(definition, probe));
        return this;
    }

    /** A Guice module: sinks, health checks, component or channel factories, registrations. */
    public AgentBuilder module(Module module) {
        modules.add(module);
        return this;
    }

    public AgentBuilder alertListener(AlertListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Reads the configuration, builds and starts the agent; a configuration error throws {@link ConfigException}. */
    public MonitoringAgent start() {
        Injector bound = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), ComponentProbeFactory.class);
                Multibinder.newSetBinder(binder(), AlertNotifierFactory.class);
                modules.forEach(this::install);
            }
        });
        List<ComponentProbeFactory> probes = new ArrayList<>(componentTypes);
        probes.addAll(bound.getInstance(Key.get(new TypeLiteral<Set<ComponentProbeFactory>>() {})));
        List<AlertNotifierFactory> notifiers = new ArrayList<>(channelTypes);
        notifiers.addAll(bound.getInstance(Key.get(new TypeLiteral<Set<AlertNotifierFactory>>() {})));
        AgentConfiguration configuration = AgentConfiguration.load(environment, probes, notifiers);
        List<Module> all = new ArrayList<>(modules);
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<ComponentRegistration> registrations =
                        Multibinder.newSetBinder(binder(), ComponentRegistration.class);
                components.forEach(component -> registrations.addBinding().toInstance(component));
            }
        });
        MonitoringAgent agent = MonitoringAgent.create(configuration, all, clock);
        listeners.forEach(agent::addAlertListener);
        try {
            agent.startServices();
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    private static ComponentDefinition inProcess(String name, String type) {
        return new ComponentDefinition(
                name,
                type,
                ComponentSource.PLUGIN,
                Optional.empty(),
                ComponentDefinition.DEFAULT_TIMEOUT,
                ComponentDefinition.DEFAULT_STALE_AFTER,
                Map.of());
    }

    /** The builder's clock as it is when read: components added before {@link #clock} still follow it. */
    private java.time.Instant now() {
        return clock.instant();
    }
}
