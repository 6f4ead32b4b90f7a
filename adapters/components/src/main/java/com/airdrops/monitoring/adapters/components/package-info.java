/** Probes of the bot's components: HTTP polling of a status URL, and in-process probes of a Java bot. */
package com.airdrops.monitoring.adapters.components;
