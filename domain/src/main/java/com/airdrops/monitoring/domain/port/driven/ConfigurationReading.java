package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import java.util.List;

/** What a reading found. */
public sealed interface ConfigurationReading {
    /**
     * Both files are valid.
     *
     * @param rulesFrom where the rules came from, as the start-up log names it
     * @param routingFrom where the routing came from
     */
    record Read(List<AlertRule> rules, String rulesFrom, NotificationRouting routing, String routingFrom)
            implements ConfigurationReading {
        public Read {
            rules = List.copyOf(rules);
        }
    }

    /** Something is wrong in either file: one line per problem, naming the file, line and field. */
    record Refused(List<String> problems) implements ConfigurationReading {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
