package com.airdrops.monitoring.adapters.http;

/** The answer to a successful reload, in this field order. */
record ReloadAnswer(String status, String loaded) {}
