/** Rule tests as values: series fed to the rules on a simulated clock, and the alerts expected at given times. */
package com.airdrops.monitoring.domain.model.ruletest;
