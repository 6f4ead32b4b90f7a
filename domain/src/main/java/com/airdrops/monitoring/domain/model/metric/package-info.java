/** Samples, series labels, snapshots and aggregates: the values that collection emits and every service reads. */
package com.airdrops.monitoring.domain.model.metric;
