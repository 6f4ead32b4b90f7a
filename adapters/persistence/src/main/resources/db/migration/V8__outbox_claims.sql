-- A claim on an outbox row is its own column, apart from the retry schedule in next_attempt_at: a new leader (or the
-- same agent restarted) clears the claims its predecessor left and delivers at once, without touching any backoff.
ALTER TABLE notification_log ADD COLUMN claimed_until BIGINT;
