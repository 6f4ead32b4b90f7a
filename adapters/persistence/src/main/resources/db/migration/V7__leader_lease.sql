-- Agents of one instance (an active/standby pair) take turns: the holder of the instance's lease evaluates rules,
-- writes transitions and delivers notifications; the others wait until it expires. The epoch grows with every new
-- holder, and every write checks it in its own transaction: a deposed holder can never write again.
CREATE TABLE agent_lease (
    instance   VARCHAR(255) NOT NULL PRIMARY KEY,
    holder     VARCHAR(512) NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL
);
