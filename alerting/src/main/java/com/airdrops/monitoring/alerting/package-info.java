/** Alerter: rule evaluation and the alert lifecycle (inactive, pending, firing, resolved) with durable state. */
package com.airdrops.monitoring.alerting;
