/**
 * Notification dispatch: which pass notifies which channel (routing by severity, grouping, repeat suppression), and
 * the delivery of the outbox per channel (timeouts, retries with backoff, rate limits folded into digests, dead
 * letters). Depends only on the domain, the JDK and SLF4J.
 */
package com.airdrops.monitoring.notification;
