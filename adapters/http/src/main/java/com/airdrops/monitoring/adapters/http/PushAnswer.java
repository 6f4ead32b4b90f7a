package com.airdrops.monitoring.adapters.http;

/** The answer to an accepted push, in this field order. */
record PushAnswer(String status, String component) {}
