package com.airdrops.monitoring.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the errors Jetty answers itself, before or around Javalin's routing (431, 414, 505, a malformed request
 * line, a bad Content-Length...), as the documented JSON body instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** The method Jetty gives a request whose request line it could not parse; its path is a placeholder. */
    private static final String UNPARSED_METHOD = "BAD";

    @Override
    public boolean errorPageForMethod(String method) {
        // Jetty writes a body only for GET, POST and HEAD by default; a DELETE deserves the same explanation.
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        byte[] body;
        try {
            body = JsonBodies.MAPPER.writeValueAsBytes(
                    ApiError.body(code, describe(code, message, cause), path(request)));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Jetty's reason for a refused request ("URI Too Long", "Invalid Content-Length Value") helps the sender; any
     * other text may be an exception's message, so the status's reason phrase stands in for it.
     */
    private static String describe(int code, String message, Throwable cause) {
        boolean jettysOwnReason = cause == null || cause instanceof HttpException;
        if (message == null || message.isBlank() || !jettysOwnReason || code >= 500) {
            String reason = HttpStatus.getMessage(code);
            return reason == null ? "error " + code : reason;
        }
        return message;
    }

    private static String path(Request request) {
        if (UNPARSED_METHOD.equals(request.getMethod())) {
            return null;
        }
        return request.getHttpURI().getPath();
    }
}
