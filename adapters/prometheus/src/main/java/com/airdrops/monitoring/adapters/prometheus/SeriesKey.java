package com.airdrops.monitoring.adapters.prometheus;

import java.util.Map;

/** One series: its name and labels. */
record SeriesKey(String name, Map<String, String> labels) {}
