package com.airdrops.monitoring.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.adapters.http.archfixture.HandlerUsingJdbi;
import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.bootstrap.archfixture.LoopInBootstrap;
import com.airdrops.monitoring.bootstrap.archfixture.ReloaderInBootstrap;
import com.airdrops.monitoring.collection.archfixture.CollectorUsingOshi;
import com.airdrops.monitoring.domain.archfixture.DomainClassUsingJavalin;
import com.airdrops.monitoring.domain.port.archfixture.HistoryPortThrowingSql;
import com.airdrops.monitoring.notification.archfixture.DeliveryUsingJdbi;
import com.airdrops.monitoring.notification.archfixture.PlannerUsingAlerter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules can fail: a domain class using Javalin, service classes using OSHI or JDBI, one service calling
 * another directly, a loop with its own thread in bootstrap, a port that throws SQLException and an adapter using
 * another adapter's technology are rejected.
 */
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

    @Test
    void aNotificationClassThatUsesJdbiBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(DeliveryUsingJdbi.class);
        assertThatThrownBy(() -> ArchitectureRules.SERVICES_USE_ONLY_THE_DOMAIN.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.jdbi.v3.core.Jdbi");
    }

    @Test
    void aLoopWrittenIntoBootstrapBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(LoopInBootstrap.class);
        assertThatThrownBy(() -> ArchitectureRules.BOOTSTRAP_STARTS_NO_THREAD.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thread$Builder$OfPlatform.start")
                .hasMessageContaining("Executors.newSingleThreadScheduledExecutor")
                .hasMessageContaining("belong to the service that owns it");
    }

    @Test
    void aPortImplementedInBootstrapBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(ReloaderInBootstrap.class);
        assertThatThrownBy(() -> ArchitectureRules.BOOTSTRAP_IMPLEMENTS_NO_PORT.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReloaderInBootstrap")
                .hasMessageContaining("bootstrap wires");
    }

    @Test
    void aPortThatThrowsSqlExceptionBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(HistoryPortThrowingSql.class);
        assertThatThrownBy(() -> ArchitectureRules.PORTS_SPEAK_NO_IO_OR_SQL.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.SQLException")
                .hasMessageContaining("wrapped at the adapter's edge");
    }

    @Test
    void anAdapterUsingAnotherAdaptersTechnologyBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(HandlerUsingJdbi.class);
        assertThatThrownBy(() -> ArchitectureRules.TECHNOLOGIES_STAY_IN_THEIR_ADAPTER
                        .getFirst()
                        .check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.jdbi.v3.core.Jdbi")
                .hasMessageContaining("its own adapter");
    }

    @Test
    void aNotificationClassThatCallsTheAlerterBreaksTheBuild() {
        var classes = new ClassFileImporter().importClasses(PlannerUsingAlerter.class, Alerter.class);
        assertThatThrownBy(() -> ArchitectureRules.SERVICES_MEET_ONLY_THROUGH_PORTS.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlannerUsingAlerter")
                .hasMessageContaining("only through a domain port");
    }
}
