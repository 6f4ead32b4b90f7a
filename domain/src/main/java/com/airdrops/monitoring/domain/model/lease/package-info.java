/** Who leads an instance: the state of this agent's claim on its leader lease. */
package com.airdrops.monitoring.domain.model.lease;
