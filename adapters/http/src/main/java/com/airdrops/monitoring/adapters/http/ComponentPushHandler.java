package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.model.component.ComponentSnapshot;
import com.airdrops.monitoring.domain.port.driving.ComponentPushReceiver;
import com.airdrops.monitoring.domain.port.driving.PushOutcome;
import com.airdrops.monitoring.domain.wire.ComponentSnapshotJson;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;

/**
 * {@code POST /api/v1/components/{name}}: authorises, reads (bounded in size and time), parses a pushed snapshot,
 * then hands it over. Every refusal happens before the receiver is called, so a bad push changes nothing.
 */
final class ComponentPushHandler {
    private final BearerToken token;
    private final RequestBodyReader bodies;
    private final ComponentPushReceiver receiver;
    private final InstantSource clock;

    ComponentPushHandler(
            BearerToken token, RequestBodyReader bodies, ComponentPushReceiver receiver, InstantSource clock) {
        this.token = token;
        this.bodies = bodies;
        this.receiver = receiver;
        this.clock = clock;
    }

    void handle(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        // The body arrives without a thread waiting for it; the rest runs on the thread that delivers its last byte.
        ctx.future(() -> bodies.read(ctx).thenAccept(body -> accept(ctx, body)));
    }

    private void accept(Context ctx, byte[] body) {
        Map<String, ?> json = JsonBodies.parseObject(body);
        ComponentSnapshot snapshot;
        try {
            snapshot = ComponentSnapshotJson.parse(json, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid snapshot: " + e.getMessage());
        }
        String name = ctx.pathParam("name");
        switch (receiver.accept(name, snapshot)) {
            case PushOutcome.Accepted accepted ->
                ctx.status(202).json(new PushAnswer("accepted", accepted.componentName()));
            case PushOutcome.UnknownComponent unknown ->
                throw new ApiException(
                        404, "no push component named '" + unknown.componentName() + "' in components.yaml");
        }
    }
}
