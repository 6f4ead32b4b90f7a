/** The Javalin HTTP server: /metrics, health endpoints and the JSON API. */
package com.airdrops.monitoring.adapters.http;
