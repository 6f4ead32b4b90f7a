/** Alert rules and the alerts they raise: conditions, severities, lifecycle states and fingerprints. */
package com.airdrops.monitoring.domain.model.alert;
