/** Driven ports: what the services need from the outside (storage, the host probe, metric sinks and sources). */
package com.airdrops.monitoring.domain.port.driven;
