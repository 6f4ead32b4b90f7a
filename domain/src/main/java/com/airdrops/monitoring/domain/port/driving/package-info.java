/** Driving ports: what the services offer to the outside (the HTTP API, the exposition, health checks). */
package com.airdrops.monitoring.domain.port.driving;
