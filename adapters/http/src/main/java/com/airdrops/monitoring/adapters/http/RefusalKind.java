package com.airdrops.monitoring.adapters.http;

record RefusalKind(String endpoint, int status) {}
