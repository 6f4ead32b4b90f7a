-- Columns hold anything the agent accepts at its edge (label sets of up to 32 labels of 1,024 characters, rule
-- descriptions of up to 4,096): a value the edge accepted is never refused here.
ALTER TABLE alert_state ALTER COLUMN series_labels SET DATA TYPE VARCHAR(1000000);
ALTER TABLE alert_state ALTER COLUMN labels SET DATA TYPE VARCHAR(1000000);
ALTER TABLE alert_state ALTER COLUMN description SET DATA TYPE VARCHAR(100000);
ALTER TABLE alert_history ALTER COLUMN labels SET DATA TYPE VARCHAR(1000000);
ALTER TABLE alert_history ALTER COLUMN description SET DATA TYPE VARCHAR(100000);
ALTER TABLE aggregates ALTER COLUMN labels SET DATA TYPE VARCHAR(1000000);

-- The outbox is pruned by status and age, and its depth is counted over PENDING rows only.
CREATE INDEX notification_log_status_updated ON notification_log (status, updated_at);
