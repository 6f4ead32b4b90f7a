package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.config.NotificationsConfig;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.notification.LiveNotificationSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/reload}: re-reads alert_rules.yaml and notifications.yaml and applies them only when both are
 * valid: the rules, and the routes and policy of the existing channels, which the planner, every channel's
 * delivery and the channels view take together. Adding or removing a channel, and changes
 * to components.yaml or the environment, need a restart.
 */
final class RulesReloader implements ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(RulesReloader.class);

    private final AgentConfiguration configuration;
    private final Alerter alerter;
    private final LiveNotificationSetup notificationSetup;

    RulesReloader(AgentConfiguration configuration, Alerter alerter, LiveNotificationSetup notificationSetup) {
        this.configuration = configuration;
        this.alerter = alerter;
        this.notificationSetup = notificationSetup;
    }

    @Override
    public synchronized ReloadOutcome reload() {
        try {
            List<String> problems = new ArrayList<>();
            List<AlertRule> rules = List.of();
            NotificationsConfig notifications = null;
            try {
                rules = configuration.reloadRules();
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            try {
                notifications = configuration.reloadNotifications();
                Set<String> names = new TreeSet<>();
                notifications
                        .channels()
                        .forEach(channel -> names.add(channel.channel().name()));
                if (!names.equals(new TreeSet<>(configuration.notifiers().keySet()))) {
                    problems.add(configuration.settings().files().notifications() + ": channels " + names
                            + " differ from the "
                            + "running "
                            + new TreeSet<>(configuration.notifiers().keySet())
                            + "; adding or removing a channel needs a restart");
                }
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            alerter.loadAlertRules(rules);
            notificationSetup.replace(NotifyModule.setupOf(notifications));
            LOG.info(
                    "Reloaded {} alert rules and the routes of {} channels",
                    rules.size(),
                    notifications.channels().size());
            return new ReloadOutcome.Reloaded(rules.size() + " alert rules from "
                    + configuration.settings().files().alertRules() + ", "
                    + notifications.channels().size() + " channels from "
                    + configuration.settings().files().notifications());
        } catch (ConfigException e) {
            LOG.warn("Reload refused, keeping the running rules and notifications: {}", e.getMessage());
            return new ReloadOutcome.Rejected(e.problems());
        }
    }
}
