/**
 * Immutable values of the monitoring domain, grouped by concept in the sub-packages; this package holds only the
 * argument checks they share. Depends on the JDK only.
 */
package com.airdrops.monitoring.domain.model;
