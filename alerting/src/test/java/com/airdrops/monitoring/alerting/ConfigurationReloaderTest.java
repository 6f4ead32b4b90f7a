package com.airdrops.monitoring.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fakes.InMemoryAlertRepository;
import com.airdrops.monitoring.domain.fakes.SilentNotificationPlanner;
import com.airdrops.monitoring.domain.fixtures.Rules;
import com.airdrops.monitoring.domain.fixtures.TestClock;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.notification.NotificationPolicy;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.port.driven.ConfigurationFiles;
import com.airdrops.monitoring.domain.port.driven.ConfigurationReading;
import com.airdrops.monitoring.domain.port.driven.NotificationRoutes;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A reload applies both files or neither: the rules and the routing change together, or the running ones stay. */
class ConfigurationReloaderTest {
    private static final NotificationRouting NONE =
            new NotificationRouting(List.of(), NotificationPolicy.DEFAULT, Map.of());

    private final Alerter alerter = new Alerter(
            new InMemoryAlertRepository(),
            TestClock.at(Instant.parse("2026-12-05T00:00:00Z")),
            new SilentNotificationPlanner());
    private final Routes routes = new Routes();

    @Test
    void validFilesReplaceTheRulesAndTheRoutingAndSaySo() {
        NotificationRouting next =
                new NotificationRouting(List.of(), NotificationPolicy.DEFAULT, Map.of("x", Map.of()));
        ConfigurationFiles files = () -> new ConfigurationReading.Read(
                List.of(Rules.atLeastThree("risky", "risk_level", AlertSeverity.HIGH)),
                "/srv/rules.yaml",
                next,
                "/srv/notifications.yaml");

        ReloadOutcome outcome = new ConfigurationReloader(files, alerter, routes).reload();

        assertThat(outcome)
                .isEqualTo(new ReloadOutcome.Reloaded(
                        "1 alert rules from /srv/rules.yaml, 0 channels from /srv/notifications.yaml"));
        assertThat(alerter.rules()).extracting(rule -> rule.name()).containsExactly("risky");
        assertThat(routes.current()).isSameAs(next);
    }

    @Test
    void aProblemInEitherFileKeepsEverythingAsItRuns() {
        alerter.loadAlertRules(List.of(Rules.atLeastThree("running", "risk_level", AlertSeverity.LOW)));
        ConfigurationFiles files =
                () -> new ConfigurationReading.Refused(List.of("rules.yaml:2:3: rules[0].condition: unknown"));

        ReloadOutcome outcome = new ConfigurationReloader(files, alerter, routes).reload();

        assertThat(outcome)
                .isEqualTo(new ReloadOutcome.Rejected(List.of("rules.yaml:2:3: rules[0].condition: unknown")));
        assertThat(alerter.rules()).extracting(rule -> rule.name()).containsExactly("running");
        assertThat(routes.current()).isSameAs(NONE);
    }

    private static final class Routes implements NotificationRoutes {
        private final AtomicReference<NotificationRouting> current = new AtomicReference<>(NONE);

        @Override
        public NotificationRouting current() {
            return current.get();
        }

        @Override
        public void replace(NotificationRouting next) {
            current.set(next);
        }
    }
}
