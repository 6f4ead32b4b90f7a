package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body without holding a thread while the sender is slow: at most {@code maxBytes} (else 413), all
 * of it within the deadline (else 408). A blocking read holds one of Jetty's threads per sender, so a few hundred
 * senders of a byte a second starved every other request, {@code /metrics} included.
 */
final class RequestBodyReader {
    /**
     * A refusal is answered on a thread of its own: a timeout fires on the JDK's one shared delay thread, which
     * should not be writing responses (a blocked write there would delay every other timeout in the process).
     */
    private static final Executor ANSWER_ELSEWHERE = Thread::startVirtualThread;

    private final long maxBytes;
    private final Duration deadline;

    RequestBodyReader(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /** Only inside {@link Context#future}: the servlet must be asynchronous before a read listener is set. */
    CompletableFuture<byte[]> read(Context ctx) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        try {
            ServletInputStream in = ctx.req().getInputStream();
            in.setReadListener(new Listener(in, body));
        } catch (IOException e) {
            body.completeExceptionally(e);
        }
        return body.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyAsync(
                        failure -> {
                            throw refusal(failure);
                        },
                        ANSWER_ELSEWHERE);
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "request body larger than " + maxBytes + " bytes");
    }

    private ApiException refusal(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return switch (cause) {
            case ApiException refused -> refused;
            case TimeoutException timeout ->
                new ApiException(408, "request body not received within " + deadline.toMillis() + " ms");
            default -> new ApiException(400, "could not read the request body: " + cause.getMessage());
        };
    }

    /** Called by Jetty whenever bytes arrive; the container never calls it concurrently. */
    private final class Listener implements ReadListener {
        private final ServletInputStream in;
        private final CompletableFuture<byte[]> body;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];

        Listener(ServletInputStream in, CompletableFuture<byte[]> body) {
            this.in = in;
            this.body = body;
        }

        @Override
        public void onDataAvailable() throws IOException {
            // Once the answer is decided (too large, too late) the rest of the body is not worth reading.
            while (!body.isDone() && in.isReady()) {
                int read = in.read(chunk);
                if (read < 0) {
                    return;
                }
                if (received.size() + read > maxBytes) {
                    body.completeExceptionally(tooLarge(maxBytes));
                    return;
                }
                received.write(chunk, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            body.complete(received.toByteArray());
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }
    }
}
