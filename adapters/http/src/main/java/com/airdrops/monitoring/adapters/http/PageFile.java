package com.airdrops.monitoring.adapters.http;

record PageFile(String contentType, byte[] plain, byte[] gzipped, String etag) {}
