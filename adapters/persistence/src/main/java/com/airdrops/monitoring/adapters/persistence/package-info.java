/** JDBI stores for alert state, alert history and the notification log, on H2 or PostgreSQL with Flyway migrations. */
package com.airdrops.monitoring.adapters.persistence;
