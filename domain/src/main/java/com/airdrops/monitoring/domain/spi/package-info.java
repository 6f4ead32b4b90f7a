/**
 * The plugin SPI: component probes, notification channels and the bot's component ports. Plugins outside this
 * repository compile against this package, so its name and types change only with a major version.
 */
package com.airdrops.monitoring.domain.spi;
