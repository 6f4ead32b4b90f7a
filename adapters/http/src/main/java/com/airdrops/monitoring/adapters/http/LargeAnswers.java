package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The list answers that may run to megabytes (history, silences, dead letters, alerts, aggregates) are built and
 * written {@value #AT_ONCE} at a time: each is bounded by its own budget, and this bounds how many of them the heap
 * holds at once, however many clients ask. Three, one fewer than the default read pool: a storm of them leaves a
 * read connection to the readiness probe, which would otherwise report the database DOWN. A request that waits longer than {@value #WAIT_SECONDS} s gets a 503 JSON
 * answer (try again), never the agent's heap.
 */
final class LargeAnswers {
    static final int AT_ONCE = 3;
    static final int WAIT_SECONDS = 5;

    private static final Semaphore PERMITS = new Semaphore(AT_ONCE, true);

    private LargeAnswers() {}

    /** Builds the body with {@code body}, serialises it and writes it, while holding one of the permits. */
    static void json(Context ctx, Supplier<Object> body) {
        boolean acquired;
        try {
            acquired = PERMITS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ctx.header("Retry-After", "1");
            throw new ApiException(503, "too many large answers are being sent at once; try again in a second");
        }
        try {
            byte[] bytes = JsonBodies.MAPPER.writeValueAsBytes(body.get());
            ctx.contentType("application/json");
            ctx.outputStream().write(bytes);
            ctx.outputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PERMITS.release();
        }
    }
}
