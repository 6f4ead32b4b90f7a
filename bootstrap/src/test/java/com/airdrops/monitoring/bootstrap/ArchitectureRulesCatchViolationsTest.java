package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.collection.archfixture.CollectorUsingOshi;
import com.airdrops.monitoring.domain.archfixture.DomainClassUsingJavalin;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Proves the rules can fail: a domain class using Javalin and a service class using OSHI are rejected. */
class ArchitectureRulesCatchViolationsTest {

    @Test
    void aDomainClassThatUsesJavalinBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(DomainClassUsingJavalin.class);
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PURE_JAVA.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.javalin.Javalin")
                .hasMessageContaining("the domain is the model and its ports");
    }

    @Test
    void aServiceClassThatUsesOshiBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(CollectorUsingOshi.class);
        assertThatThrownBy(() -> ArchitectureRules.SERVICES_USE_ONLY_THE_DOMAIN.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("oshi.SystemInfo");
    }
}
