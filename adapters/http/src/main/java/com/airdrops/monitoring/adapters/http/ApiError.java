package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of every error answer: {@code {"error": "...", "status": 400, ...}}. */
final class ApiError {
    private ApiError() {
    }

    static void respond(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        body.put("path", ctx.path());
        ctx.status(status).json(body);
    }
}
