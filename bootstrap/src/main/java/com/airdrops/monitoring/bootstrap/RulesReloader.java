package com.airdrops.monitoring.bootstrap;

import com.airdrops.monitoring.alerting.Alerter;
import com.airdrops.monitoring.config.ConfigException;
import com.airdrops.monitoring.domain.model.AlertRule;
import com.airdrops.monitoring.domain.port.ConfigReloader;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/reload}: re-reads the alert rules and applies them only when the file is valid. Changes to
 * components.yaml and the environment need a restart.
 */
final class RulesReloader implements ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(RulesReloader.class);

    private final AgentConfiguration configuration;
    private final Alerter alerter;

    RulesReloader(AgentConfiguration configuration, Alerter alerter) {
        this.configuration = configuration;
        this.alerter = alerter;
    }

    @Override
    public synchronized ReloadOutcome reload() {
        try {
            List<AlertRule> rules = configuration.reloadRules();
            alerter.loadAlertRules(rules);
            LOG.info("Reloaded {} alert rules from {}", rules.size(), configuration.settings().alertRulesFile());
            return new ReloadOutcome.Reloaded(rules.size() + " alert rules from " + configuration.settings().alertRulesFile());
        } catch (ConfigException e) {
            LOG.warn("Reload refused, keeping the running rules: {}", e.getMessage());
            return new ReloadOutcome.Rejected(e.problems());
        }
    }
}
