package com.airdrops.monitoring.domain.port.archfixture;

import java.sql.SQLException;
import java.util.List;

/** Breaks a rule on purpose: a port whose callers must handle a JDBC exception. */
public interface HistoryPortThrowingSql {
    List<String> history() throws SQLException;
}
