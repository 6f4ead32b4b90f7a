/**
 * The bot's own components as a Java bot exposes them to an embedded agent: its risk manager, capital allocator and
 * scheduler, read in-process. Embedding applications implement these; plugins use the SPI instead.
 */
package com.airdrops.monitoring.domain.bot;
