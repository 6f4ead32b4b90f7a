/** Prometheus exposition on Micrometer's PrometheusMeterRegistry. */
package com.airdrops.monitoring.adapters.prometheus;
