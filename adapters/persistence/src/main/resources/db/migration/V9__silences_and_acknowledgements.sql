-- Rendered summaries, acknowledgements and silences.

-- An acknowledgement lives with the alert's state (it ends when the alert resolves) and is copied into the history.
ALTER TABLE alert_state ADD COLUMN summary VARCHAR(100000) DEFAULT '' NOT NULL;
ALTER TABLE alert_state ADD COLUMN acked_by VARCHAR(255);
ALTER TABLE alert_state ADD COLUMN ack_comment VARCHAR(1000);
ALTER TABLE alert_state ADD COLUMN acked_at BIGINT;
ALTER TABLE alert_state ADD COLUMN acked_until BIGINT;

-- event: TRANSITION, or ACKNOWLEDGED for the entry an acknowledgement adds. silenced_by: JSON list of silence ids.
ALTER TABLE alert_history ADD COLUMN summary VARCHAR(100000) DEFAULT '' NOT NULL;
ALTER TABLE alert_history ADD COLUMN event VARCHAR(16) DEFAULT 'TRANSITION' NOT NULL;
ALTER TABLE alert_history ADD COLUMN silenced_by VARCHAR(100000) DEFAULT '[]' NOT NULL;
ALTER TABLE alert_history ADD COLUMN acked_by VARCHAR(255);
ALTER TABLE alert_history ADD COLUMN ack_comment VARCHAR(1000);
ALTER TABLE alert_history ADD COLUMN acked_at BIGINT;
ALTER TABLE alert_history ADD COLUMN acked_until BIGINT;

-- Silences are shared by every agent on the database; matchers: JSON object of label to matcher as written.
CREATE TABLE silence (
    id          VARCHAR(64)     NOT NULL PRIMARY KEY,
    matchers    VARCHAR(100000) NOT NULL,
    starts_at   BIGINT          NOT NULL,
    ends_at     BIGINT          NOT NULL,
    created_by  VARCHAR(255)    NOT NULL,
    comment     VARCHAR(1000)   NOT NULL
);
CREATE INDEX silence_ends_at ON silence (ends_at);
