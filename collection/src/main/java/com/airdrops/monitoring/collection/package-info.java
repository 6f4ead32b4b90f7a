/** MetricsCollector: turns probe readings into snapshots of system and component metrics. */
package com.airdrops.monitoring.collection;
