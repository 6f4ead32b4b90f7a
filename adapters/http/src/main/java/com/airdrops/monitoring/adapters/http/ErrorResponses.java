package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driven.DatabaseStartingException;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure answered as a JSON body with its status: refusals 4xx, the database 503, anything else 500. */
final class ErrorResponses {
    // Logged as the server, as these lines always were.
    private static final Logger LOG = LoggerFactory.getLogger(JavalinHttpServer.class);

    private ErrorResponses() {}

    static void install(RoutesConfig routes) {
        routes.error(
                HttpStatus.NOT_FOUND.getCode(), ctx -> ApiError.respondIfUnexplained(ctx, 404, "no such endpoint"));
        routes.error(
                HttpStatus.METHOD_NOT_ALLOWED.getCode(),
                ctx -> ApiError.respondIfUnexplained(ctx, 405, "method not allowed"));
        routes.exception(ApiException.class, (e, ctx) -> ApiError.respond(ctx, e.status(), e.getMessage()));
        routes.exception(MethodNotAllowedResponse.class, ErrorResponses::methodNotAllowed);
        routes.exception(NotFoundResponse.class, (e, ctx) -> ApiError.respond(ctx, 404, "no such endpoint"));
        routes.exception(HttpResponseException.class, (e, ctx) -> ApiError.respond(ctx, e.getStatus(), e.getMessage()));
        // Not a failure: the agent answers before its database half has joined, a second or so at start.
        routes.exception(DatabaseStartingException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            ApiError.respond(ctx, 503, e.getMessage() + "; try again shortly");
        });
        routes.exception(PersistenceException.class, (e, ctx) -> {
            LOG.warn("Request {} {} failed on the database: {}", ctx.method(), ctx.path(), e.getMessage());
            ApiError.respond(ctx, 503, "database unavailable; try again");
        });
        routes.exception(IllegalArgumentException.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            ApiError.respond(ctx, 500, "internal error");
        });
    }

    /** 405 with the Allow header RFC 9110 asks for; HEAD is answered wherever GET is. */
    private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        // Javalin puts the path's methods, comma-separated, in the exception's only detail.
        Set<String> allowed = new LinkedHashSet<>();
        for (String methods : e.getDetails().values()) {
            for (String method : methods.split(",")) {
                String name = method.trim();
                if (!name.isEmpty()) {
                    allowed.add(name);
                }
                if (name.equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        ApiError.respond(
                ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allow);
    }
}
