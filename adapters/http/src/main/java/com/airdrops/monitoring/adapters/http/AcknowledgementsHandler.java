package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.domain.port.driven.AckLinks;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Acknowledging an alert: {@code POST /api/v1/alerts/{fingerprint}/ack} with the API token, or a signed link that
 * needs none (GET acts, HEAD only says what a GET would answer). Thread-safe.
 */
final class AcknowledgementsHandler {
    static final Set<String> ACK_FIELDS = Set.of("by", "comment", "until");
    /** Who acknowledged through a signed link. */
    static final String SIGNED_LINK = "signed-link";

    private final BearerToken token;
    private final AlertAcknowledger acknowledger;
    private final Optional<AckLinks> ackLinks;
    private final RequestBodyReader bodies;
    private final InstantSource clock;

    AcknowledgementsHandler(
            BearerToken token,
            AlertAcknowledger acknowledger,
            Optional<AckLinks> ackLinks,
            RequestBodyReader bodies,
            InstantSource clock) {
        this.token = token;
        this.acknowledger = acknowledger;
        this.ackLinks = ackLinks;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** {@code POST /api/v1/alerts/{fingerprint}/ack} with the token; the body ({@code by, comment, until}) is optional. */
    void acknowledge(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        ctx.future(() -> bodies.read(ctx).thenAccept(body -> {
            Map<String, ?> json = body.length == 0 ? Map.of() : JsonBodies.parseObject(body);
            JsonBodies.allowOnly(json, ACK_FIELDS);
            String by = SilencesHandler.text(json, "by", false);
            Optional<Instant> until = SilencesHandler.time(json, "until");
            if (until.isPresent() && !until.get().isAfter(clock.instant())) {
                throw new ApiException(400, "'until' must be in the future");
            }
            AckOutcome outcome;
            try {
                outcome = acknowledger.acknowledge(
                        ctx.pathParam("fingerprint"),
                        by.isBlank() ? "api" : by,
                        SilencesHandler.text(json, "comment", false),
                        until);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid acknowledgement: " + e.getMessage());
            }
            answer(ctx, outcome);
        }));
    }

    /**
     * {@code GET /api/v1/alerts/{fingerprint}/ack?since=..&expires=..&sig=..}: a signed link acknowledges without a
     * token, in the firing episode it was made for. A link whose signature does not match is refused (403), an expired
     * one too (410); a second use finds the alert already acknowledged (409), and a link of an earlier episode is
     * refused (409).
     */
    void acknowledgeByLink(Context ctx) {
        Instant firingSince = verifiedLink(ctx);
        answer(ctx, acknowledger.acknowledgeEpisode(ctx.pathParam("fingerprint"), firingSince, SIGNED_LINK));
    }

    /**
     * HEAD of a signed link: the status a GET would answer, without acknowledging anything (a link checker or a
     * preview must not act on the alert).
     */
    void checkLink(Context ctx) {
        Instant firingSince = verifiedLink(ctx);
        acknowledger
                .linkRefusal(ctx.pathParam("fingerprint"), firingSince)
                .ifPresentOrElse(refusal -> answer(ctx, refusal), () -> ctx.status(200));
    }

    /** The firing instant a link was made for, once its signature and expiry hold; throws the refusal otherwise. */
    private Instant verifiedLink(Context ctx) {
        AckLinks links = ackLinks.orElseThrow(() ->
                new ApiException(404, "ack links are not enabled on this agent (MONITORING_ACK_SECRET is unset)"));
        String since = ctx.queryParam("since");
        switch (links.verify(
                ctx.pathParam("fingerprint"),
                since,
                ctx.queryParam("expires"),
                ctx.queryParam("sig"),
                clock.instant())) {
            case TAMPERED -> throw new ApiException(403, "invalid ack link: the signature does not match");
            case EXPIRED -> throw new ApiException(410, "this ack link has expired; acknowledge with the API token");
            case VALID -> {
                return Instant.ofEpochMilli(Long.parseLong(since));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static void answer(Context ctx, AckOutcome outcome) {
        switch (outcome) {
            case AckOutcome.Acknowledged acknowledged -> ctx.json(AlertViews.alert(acknowledged.alert()));
            case AckOutcome.NotActive notActive ->
                throw new ApiException(
                        404,
                        "no pending or firing alert with fingerprint '" + shortened(notActive.fingerprint())
                                + "' on this agent: it may have resolved, or this agent is a standby");
            case AckOutcome.AlreadyAcknowledged already ->
                throw new ApiException(
                        409,
                        "already acknowledged by " + already.acknowledgement().by() + " at "
                                + already.acknowledgement().at());
            case AckOutcome.OtherEpisode other ->
                throw new ApiException(
                        409,
                        "this ack link is for an earlier firing episode of the alert, which resolved: it acknowledges "
                                + "nothing now; use the link of the latest notification or the API token");
        }
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
