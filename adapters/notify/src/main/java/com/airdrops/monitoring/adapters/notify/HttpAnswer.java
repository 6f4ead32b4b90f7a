package com.airdrops.monitoring.adapters.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** What a service answered: its status, headers and the start of its body (enough for an error's reason). */
record HttpAnswer(int status, HttpHeaders headers, String body) {
    /** The body as JSON, or an empty object when it is not JSON. */
    JsonNode json() {
        try {
            JsonNode node = AlertmanagerFormat.JSON.readTree(body);
            return node == null ? AlertmanagerFormat.JSON.createObjectNode() : node;
        } catch (IOException e) {
            return AlertmanagerFormat.JSON.createObjectNode();
        }
    }
}
