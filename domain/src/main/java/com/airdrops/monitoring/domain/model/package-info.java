/** Immutable values of the monitoring domain: metrics, samples, rules and alerts. Depends on the JDK only. */
package com.airdrops.monitoring.domain.model;
