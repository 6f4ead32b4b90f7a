package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driving.ConfigReloader;
import com.airdrops.monitoring.domain.port.driving.ReloadOutcome;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/reload}: re-reads the configuration files, with the bearer token. */
final class ReloadHandler {
    private final ConfigReloader reloader;
    private final BearerToken token;

    ReloadHandler(ConfigReloader reloader, BearerToken token) {
        this.reloader = reloader;
        this.token = token;
    }

    void handle(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        switch (reloader.reload()) {
            case ReloadOutcome.Reloaded reloaded -> ctx.json(new ReloadAnswer("reloaded", reloaded.summary()));
            case ReloadOutcome.Rejected rejected -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "configuration rejected; the running configuration is unchanged");
                body.put("status", 400);
                body.put("path", ctx.path());
                body.put("problems", rejected.problems());
                ctx.status(400).json(body);
            }
        }
    }
}
