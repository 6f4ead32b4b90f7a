/**
 * The plugin SPI: component probes and notification channels, and the listener of alert transitions. Plugins outside
 * this repository compile against this package, so its name and types change only with a major version.
 */
package com.airdrops.monitoring.domain.spi;
