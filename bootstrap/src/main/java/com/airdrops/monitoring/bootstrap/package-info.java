/** Wiring (Guice modules, one per adapter), the scheduler loops and the command-line entry point. */
package com.airdrops.monitoring.bootstrap;
