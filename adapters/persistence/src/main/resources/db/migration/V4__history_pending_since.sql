-- A transition row carries every instant of its phase: a FIRING row also keeps when its alert became pending.
-- Rows written before this column existed read their firing instant instead.
ALTER TABLE alert_history ADD COLUMN pending_since BIGINT;
