-- Several agents may share one database: every row belongs to the agent that wrote it (its MONITORING_INSTANCE),
-- and an agent reads, restores, prunes, caps and delivers only its own rows. Rows written before this version belong
-- to the agent that upgrades the database (the placeholder is its instance).

-- alert_state is keyed by (instance, fingerprint): rebuilt, since the primary key's name differs between databases.
CREATE TABLE alert_state_v6 (
    instance        VARCHAR(255)     NOT NULL,
    fingerprint     VARCHAR(64)      NOT NULL,
    rule_name       VARCHAR(255)     NOT NULL,
    metric_name     VARCHAR(255)     NOT NULL,
    series_labels   VARCHAR(1000000) NOT NULL,
    labels          VARCHAR(1000000) NOT NULL,
    severity        VARCHAR(16)      NOT NULL,
    status          VARCHAR(16)      NOT NULL,
    current_value   DOUBLE PRECISION,
    threshold       DOUBLE PRECISION NOT NULL,
    description     VARCHAR(100000)  NOT NULL,
    pending_since   BIGINT           NOT NULL,
    firing_since    BIGINT,
    PRIMARY KEY (instance, fingerprint)
);
INSERT INTO alert_state_v6 (instance, fingerprint, rule_name, metric_name, series_labels, labels, severity, status,
                            current_value, threshold, description, pending_since, firing_since)
    SELECT '${instance}', fingerprint, rule_name, metric_name, series_labels, labels, severity, status,
           current_value, threshold, description, pending_since, firing_since
    FROM alert_state;
DROP TABLE alert_state;
ALTER TABLE alert_state_v6 RENAME TO alert_state;

ALTER TABLE alert_history ADD COLUMN instance VARCHAR(255) DEFAULT '${instance}' NOT NULL;
ALTER TABLE alert_history ALTER COLUMN instance DROP DEFAULT;
DROP INDEX alert_history_occurred_at;
CREATE INDEX alert_history_instance_occurred_at ON alert_history (instance, occurred_at);

ALTER TABLE notification_log ADD COLUMN instance VARCHAR(255) DEFAULT '${instance}' NOT NULL;
ALTER TABLE notification_log ALTER COLUMN instance DROP DEFAULT;
DROP INDEX notification_log_due;
DROP INDEX notification_log_status_updated;
CREATE INDEX notification_log_due ON notification_log (instance, channel, status, next_attempt_at);
CREATE INDEX notification_log_status_updated ON notification_log (instance, status, updated_at);

ALTER TABLE aggregates ADD COLUMN instance VARCHAR(255) DEFAULT '${instance}' NOT NULL;
ALTER TABLE aggregates ALTER COLUMN instance DROP DEFAULT;
DROP INDEX aggregates_window_end;
CREATE INDEX aggregates_instance_window_end ON aggregates (instance, window_end);
-- The aggregate bound is kept per agent: its oldest rows are found by (instance, id).
CREATE INDEX aggregates_instance_id ON aggregates (instance, id);
