/** Notification senders: webhook (Alertmanager v4 format, HMAC-signed), Slack, email (Simple Java Mail), Alertmanager API v2. */
package com.airdrops.monitoring.adapters.notify;
