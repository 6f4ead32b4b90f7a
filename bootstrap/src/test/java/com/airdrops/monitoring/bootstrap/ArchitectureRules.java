package com.airdrops.monitoring.bootstrap;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** The module and package rules, shared by the architecture test and its self-test. */
final class ArchitectureRules {
    static final String ROOT = "com.airdrops.monitoring";
    static final String DOMAIN = ROOT + ".domain..";
    static final String CONFIG = ROOT + ".config..";
    static final String COLLECTION = ROOT + ".collection..";
    static final String AGGREGATION = ROOT + ".aggregation..";
    static final String ALERTING = ROOT + ".alerting..";
    static final String NOTIFICATION = ROOT + ".notification..";
    static final String[] SERVICES = {COLLECTION, AGGREGATION, ALERTING, NOTIFICATION};
    static final String ADAPTERS = ROOT + ".adapters..";
    static final String BOOTSTRAP = ROOT + ".bootstrap..";
    static final String ADAPTERS_PERSISTENCE = ROOT + ".adapters.persistence..";
    static final String ADAPTERS_HTTP = ROOT + ".adapters.http..";
    static final String ADAPTERS_OSHI = ROOT + ".adapters.oshi..";
    static final String ADAPTERS_PROMETHEUS = ROOT + ".adapters.prometheus..";
    static final String ADAPTERS_NOTIFY = ROOT + ".adapters.notify..";

    /** Pure computation libraries without I/O that services may use where an issue names one. */
    static final List<String> PURE_LIBRARIES = List.of("org.slf4j..", "com.datadoghq.sketch..");

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .because("the domain is the model and its ports; it must not know any technology");

    static final ArchRule SERVICES_USE_ONLY_THE_DOMAIN = classes()
            .that()
            .resideInAnyPackage(SERVICES)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(serviceAllowed())
            .because("services compute over domain ports; OSHI, Micrometer, Javalin, JDBI, mail, HTTP, Guice and YAML "
                    + "belong in adapters");

    static final ArchRule SERVICES_MEET_ONLY_THROUGH_PORTS = slices().matching(
                    ROOT + ".(collection|aggregation|alerting|notification)..")
            .should()
            .notDependOnEachOther()
            .because("one service reaches another only through a domain port (e.g. alerting reads closed windows "
                    + "through ClosedWindowSamples and plans notifications through NotificationPlanner), so each can be "
                    + "replaced or tested alone");

    static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = slices().matching(ROOT + ".adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter implements domain ports with its own technology; bootstrap composes them");

    static final ArchRule ADAPTERS_DO_NOT_USE_SERVICES_OR_BOOTSTRAP = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COLLECTION, AGGREGATION, ALERTING, NOTIFICATION, BOOTSTRAP)
            .because("adapters see the domain (and config types), never a service's internals");

    static final ArchRule SERVICES_AND_CONFIG_DO_NOT_USE_ADAPTERS = noClasses()
            .that()
            .resideInAnyPackage(CONFIG, COLLECTION, AGGREGATION, ALERTING, NOTIFICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS, BOOTSTRAP)
            .because("dependencies point inwards: domain <- services <- adapters <- bootstrap");

    static final ArchRule GUICE_ONLY_IN_BOOTSTRAP = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .because("services and adapters have plain constructors; wiring lives in bootstrap");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching(ROOT + ".(**)")
            .should()
            .beFreeOfCycles()
            .because("package cycles make modules impossible to split");

    static final ArchRule BOOTSTRAP_STARTS_NO_THREAD = noClasses()
            .that()
            .resideInAPackage(BOOTSTRAP)
            .should()
            .callMethod(Thread.class, "start")
            .orShould()
            .callMethodWhere(target(owner(assignableTo(Thread.Builder.class))).and(target(name("start"))))
            .orShould()
            .callMethodWhere(target(owner(assignableTo(Executors.class))))
            .orShould()
            .callMethodWhere(
                    target(owner(assignableTo(CompletableFuture.class))).and(target(nameMatching("(run|supply)Async"))))
            .because(
                    "bootstrap wires and starts the services' loops; a loop, its thread and how it stops belong to the "
                            + "service that owns it (each runs on a domain Worker), so behaviour does not hide in the wiring. "
                            + "The JVM starts the shutdown hook bootstrap registers");

    static final ArchRule BOOTSTRAP_IMPLEMENTS_NO_PORT = noClasses()
            .that()
            .resideInAPackage(BOOTSTRAP)
            .should()
            .implement(resideInAnyPackage(ROOT + ".domain.port..", ROOT + ".domain.spi.."))
            .because("bootstrap wires: what a port offers or needs is done by a service or an adapter, which can be "
                    + "tested alone");

    static final ArchRule PORTS_SPEAK_NO_IO_OR_SQL = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".domain.port..", ROOT + ".domain.spi..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.io.IOException.class)
            .because(
                    "an infrastructure failure is wrapped at the adapter's edge (PersistenceException, ProbeException): "
                            + "a port that names SQLException or IOException ties every caller to one technology");

    /** Each technology and the one adapter that may use it. */
    static final List<ArchRule> TECHNOLOGIES_STAY_IN_THEIR_ADAPTER = List.of(
            onlyIn(
                    ADAPTERS_PERSISTENCE,
                    "org.jdbi..",
                    "com.zaxxer.hikari..",
                    "org.flywaydb..",
                    "org.h2..",
                    "org.postgresql.."),
            onlyIn(ADAPTERS_HTTP, "io.javalin..", "org.eclipse.jetty.."),
            onlyIn(ADAPTERS_OSHI, "oshi.."),
            onlyIn(ADAPTERS_PROMETHEUS, "io.micrometer.."),
            onlyIn(ADAPTERS_NOTIFY, "org.simplejavamail..", "jakarta.mail.."),
            // The regex engine of label matchers: the configuration's edge compiles them, the domain sees a port.
            onlyIn(CONFIG, "com.google.re2j.."));

    static ArchRule onlyIn(String adapter, String... technology) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(adapter)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(technology)
                .because("each technology lives in its own adapter (" + adapter + "), behind the domain's ports, so "
                        + "that it can be replaced or tested alone");
    }

    static final List<ArchRule> ALL = Stream.concat(
                    TECHNOLOGIES_STAY_IN_THEIR_ADAPTER.stream(),
                    Stream.of(
                            BOOTSTRAP_STARTS_NO_THREAD,
                            PORTS_SPEAK_NO_IO_OR_SQL,
                            DOMAIN_IS_PURE_JAVA,
                            SERVICES_USE_ONLY_THE_DOMAIN,
                            SERVICES_MEET_ONLY_THROUGH_PORTS,
                            ADAPTERS_DO_NOT_USE_EACH_OTHER,
                            ADAPTERS_DO_NOT_USE_SERVICES_OR_BOOTSTRAP,
                            SERVICES_AND_CONFIG_DO_NOT_USE_ADAPTERS,
                            GUICE_ONLY_IN_BOOTSTRAP,
                            NO_PACKAGE_CYCLES))
            .toList();

    private static String[] serviceAllowed() {
        List<String> allowed = new ArrayList<>(List.of("java..", DOMAIN));
        allowed.addAll(List.of(SERVICES));
        allowed.addAll(PURE_LIBRARIES);
        return allowed.toArray(String[]::new);
    }
}
