/** SystemProbe on OSHI: CPU ticks, memory, disk and network counters of the host. */
package com.airdrops.monitoring.adapters.oshi;
