/** Ports: what the monitoring services need from the outside world, and what they offer to it. */
package com.airdrops.monitoring.domain.port;
