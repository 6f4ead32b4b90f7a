package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.ComponentSnapshotJson;
import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver.PushOutcome;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.Map;

/**
 * {@code POST /api/v1/components/{name}}: authorises, bounds and parses a pushed snapshot, then hands it over.
 * Every refusal happens before the receiver is called, so a bad push changes nothing.
 */
final class ComponentPushHandler {
    private final BearerToken token;
    private final long maxBodyBytes;
    private final ComponentPushReceiver receiver;
    private final InstantSource clock;

    ComponentPushHandler(BearerToken token, long maxBodyBytes, ComponentPushReceiver receiver, InstantSource clock) {
        this.token = token;
        this.maxBodyBytes = maxBodyBytes;
        this.receiver = receiver;
        this.clock = clock;
    }

    void handle(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        Map<String, ?> json = JsonBodies.parseObject(readBounded(ctx));
        ComponentSnapshot snapshot;
        try {
            snapshot = ComponentSnapshotJson.parse(json, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid snapshot: " + e.getMessage());
        }
        String name = ctx.pathParam("name");
        switch (receiver.accept(name, snapshot)) {
            case PushOutcome.Accepted accepted ->
                ctx.status(202).json(Map.of("status", "accepted", "component", accepted.componentName()));
            case PushOutcome.UnknownComponent unknown ->
                throw new ApiException(
                        404, "no push component named '" + unknown.componentName() + "' in components.yaml");
        }
    }

    /** A declared length above the limit never gets here (see JavalinHttpServer); a chunked body is counted. */
    private byte[] readBounded(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            byte[] bytes = body.readNBytes((int) maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiException(400, "could not read the request body: " + e.getMessage());
        }
    }

    static ApiException tooLarge(long maxBodyBytes) {
        return new ApiException(413, "request body larger than " + maxBodyBytes + " bytes");
    }
}
