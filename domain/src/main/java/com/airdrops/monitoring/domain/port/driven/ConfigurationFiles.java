package com.airdrops.monitoring.domain.port.driven;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import java.util.List;

/** The alert rules file and the notifications file, read again for a reload. Thread-safe. */
public interface ConfigurationFiles {
    /** Reads both files: what they hold, or every problem found in either. */
    Reading read();

    /** What a reading found. */
    sealed interface Reading {
        /**
         * Both files are valid.
         *
         * @param rulesFrom where the rules came from, as the start-up log names it
         * @param routingFrom where the routing came from
         */
        record Read(List<AlertRule> rules, String rulesFrom, NotificationRouting routing, String routingFrom)
                implements Reading {
            public Read {
                rules = List.copyOf(rules);
            }
        }

        /** Something is wrong in either file: one line per problem, naming the file, line and field. */
        record Refused(List<String> problems) implements Reading {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }
}
