package com.airdrops.monitoring.testkit;

import java.util.List;
import java.util.Map;

/** One request as received. */
public record ReceivedRequest(String method, String path, Map<String, List<String>> headers, String body) {}
