package com.airdrops.monitoring.adapters.persistence;

record LeaseRow(String holder, long epoch, long expiresAt) {}
