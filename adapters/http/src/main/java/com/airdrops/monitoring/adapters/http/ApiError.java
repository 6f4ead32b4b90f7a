package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of every error answer: {@code {"error": "...", "status": 400, ...}}. */
final class ApiError {
    private static final String WRITTEN = "airdrops.api-error-written";
    private static final String MESSAGE = "airdrops.api-error-message";

    private ApiError() {}

    /** For the status-code error handlers: answers with a generic message unless a handler already explained. */
    static void respondIfUnexplained(Context ctx, int status, String message) {
        if (ctx.attribute(WRITTEN) == null) {
            respond(ctx, status, message);
        }
    }

    static void respond(Context ctx, int status, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.attribute(MESSAGE, message);
        ctx.status(status).json(body(status, message, ctx.path()));
    }

    /** The error message this request was answered with, if any. */
    static String message(Context ctx) {
        String message = ctx.attribute(MESSAGE);
        return message == null ? "" : message;
    }

    /** The body itself, for the answers Jetty writes before Javalin sees the request; a null path is unknown. */
    static Map<String, Object> body(int status, String message, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        body.put("path", path);
        return body;
    }
}
