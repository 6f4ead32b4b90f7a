package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every architecture rule over the production classes of all modules (bootstrap sees them all). */
class ArchitectureTest {
    /** Packages that hold code today; a rule aimed at an empty or misspelt package would pass silently. */
    static final List<String> BUILT_PACKAGES = List.of(
            "com.airdrops.monitoring.domain.model.metric",
            "com.airdrops.monitoring.domain.model.component",
            "com.airdrops.monitoring.domain.model.alert",
            "com.airdrops.monitoring.domain.model.notification",
            "com.airdrops.monitoring.domain.model.lease",
            "com.airdrops.monitoring.domain.model.ruletest",
            "com.airdrops.monitoring.domain.work",
            "com.airdrops.monitoring.domain.wire",
            "com.airdrops.monitoring.domain.bot",
            "com.airdrops.monitoring.domain.port.driving",
            "com.airdrops.monitoring.domain.port.driven",
            "com.airdrops.monitoring.domain.spi",
            "com.airdrops.monitoring.config",
            "com.airdrops.monitoring.collection",
            "com.airdrops.monitoring.aggregation",
            "com.airdrops.monitoring.alerting",
            "com.airdrops.monitoring.notification",
            "com.airdrops.monitoring.adapters.persistence",
            "com.airdrops.monitoring.adapters.notify",
            "com.airdrops.monitoring.adapters.oshi",
            "com.airdrops.monitoring.adapters.prometheus",
            "com.airdrops.monitoring.adapters.http",
            "com.airdrops.monitoring.adapters.components",
            "com.airdrops.monitoring.bootstrap");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The test-jars (fakes, fixtures, contract tests) are test code too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ArchitectureRules.ROOT);
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCodeFollowsTheRule(ArchRule rule) {
        rule.check(production);
    }

    @ParameterizedTest
    @FieldSource("BUILT_PACKAGES")
    void everyPackageTheRulesNameHoldsClasses(String packageName) {
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith(packageName)))
                .as("classes in %s", packageName)
                .isNotEmpty();
    }
}
