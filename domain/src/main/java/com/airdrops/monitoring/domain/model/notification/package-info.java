/** Channels, their routes and policy, the notifications sent to them and the outbox rows that carry them. */
package com.airdrops.monitoring.domain.model.notification;
