package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.port.driven.ConfigurationFiles;
import com.airdrops.monitoring.domain.port.driven.ConfigurationReading;
import com.airdrops.monitoring.domain.port.driven.NotificationRoutes;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/reload}: re-reads alert_rules.yaml and notifications.yaml and applies them only when both are
 * valid: the rules, and the routes and policy of the existing channels, which the planner, every channel's
 * delivery and the channels view take together. Adding or removing a channel, and changes to components.yaml or the
 * environment, need a restart. Thread-safe: reloads are serialised.
 */
public final class ConfigurationReloader implements ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationReloader.class);

    private final ConfigurationFiles files;
    private final Alerter alerter;
    private final NotificationRoutes routes;

    public ConfigurationReloader(ConfigurationFiles files, Alerter alerter, NotificationRoutes routes) {
        this.files = files;
        this.alerter = alerter;
        this.routes = routes;
    }

    @Override
    public synchronized ReloadOutcome reload() {
        return switch (files.read()) {
            case ConfigurationReading.Refused refused -> {
                LOG.warn(
                        "Reload refused, keeping the running rules and notifications: {}",
                        String.join(System.lineSeparator(), refused.problems()));
                yield new ReloadOutcome.Rejected(refused.problems());
            }
            case ConfigurationReading.Read read -> {
                alerter.loadAlertRules(read.rules());
                routes.replace(read.routing());
                LOG.info(
                        "Reloaded {} alert rules and the routes of {} channels",
                        read.rules().size(),
                        read.routing().routes().size());
                yield new ReloadOutcome.Reloaded(read.rules().size() + " alert rules from " + read.rulesFrom() + ", "
                        + read.routing().routes().size() + " channels from " + read.routingFrom());
            }
        };
    }
}
