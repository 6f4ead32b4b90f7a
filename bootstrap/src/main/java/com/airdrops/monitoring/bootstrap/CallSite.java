package com.airdrops.monitoring.bootstrap;

record CallSite(String thread, StackTraceElement[] frames) {}
