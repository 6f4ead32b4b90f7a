/** MetricsAggregator: tumbling-window aggregation of samples with bounded memory. */
package com.airdrops.monitoring.aggregation;
