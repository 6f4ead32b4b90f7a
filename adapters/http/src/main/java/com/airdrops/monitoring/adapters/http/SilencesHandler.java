package com.airdrops.monitoring.adapters.http;

import com.airdrops.monitoring.config.LinearRegex;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.port.driving.SilenceAdmin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/silences}: create (bearer token), list, and expire one (bearer token). Times are epoch seconds or
 * ISO-8601 strings; a duration is seconds or text such as {@code 90m} or {@code 1h30m}.
 */
final class SilencesHandler {
    static final Set<String> FIELDS = Set.of("matchers", "starts_at", "ends_at", "duration", "created_by", "comment");
    /** The longest silence: a year. A longer one would hide a problem for good. */
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?");

    private final SilenceAdmin silences;
    private final BearerToken token;
    private final RequestBodyReader bodies;
    private final InstantSource clock;

    SilencesHandler(SilenceAdmin silences, BearerToken token, RequestBodyReader bodies, InstantSource clock) {
        this.silences = silences;
        this.token = token;
        this.bodies = bodies;
        this.clock = clock;
    }

    void create(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        ctx.future(() -> bodies.read(ctx).thenAccept(body -> create(ctx, JsonBodies.parseObject(body))));
    }

    private void create(Context ctx, Map<String, ?> json) {
        JsonBodies.allowOnly(json, FIELDS);
        List<LabelMatcher> matchers = matchers(json.get("matchers"));
        Instant now = clock.instant();
        Optional<Instant> startsAt = time(json, "starts_at");
        Optional<Instant> endsAt = time(json, "ends_at");
        Optional<Duration> duration = duration(json.get("duration"));
        if (endsAt.isPresent() == duration.isPresent()) {
            throw new ApiException(400, "give exactly one of 'ends_at' (a time) and 'duration' (e.g. \"2h\")");
        }
        Instant start = startsAt.orElse(now);
        Instant end = endsAt.orElseGet(() -> start.plus(duration.orElseThrow()));
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new ApiException(400, "a silence lasts at most " + MAX_LENGTH.toDays() + " days");
        }
        if (Duration.between(now, start).compareTo(MAX_LENGTH) > 0) {
            throw new ApiException(400, "a silence starts at most " + MAX_LENGTH.toDays() + " days from now");
        }
        String createdBy = text(json, "created_by", true);
        String comment = text(json, "comment", false);
        Silence silence;
        try {
            silence = silences.create(matchers, startsAt, end, createdBy, comment);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid silence: " + e.getMessage());
        }
        ctx.status(201).json(view(silence, clock.instant()));
    }

    /**
     * {@code GET /api/v1/silences?limit=&cursor=}: at most {@code limit} silences (default and most 1,000), newest start
     * first, and no more once about {@value #TEXT_BUDGET} characters of matchers and comments are taken (always one);
     * when more follow, the answer says so and {@code cursor} continues.
     */
    void list(Context ctx) {
        Instant now = clock.instant();
        LargeAnswers.json(
                ctx,
                () -> Pages.of(
                        ctx,
                        silences.silences(),
                        MAX_LISTED,
                        TEXT_BUDGET,
                        SilencesHandler::size,
                        silence -> view(silence, now)));
    }

    /** What a silence holds in text: what the list's budget counts. */
    private static long size(Silence silence) {
        long size = 200 + silence.createdBy().length() + silence.comment().length();
        for (LabelMatcher matcher : silence.matchers()) {
            size += matcher.label().length() + matcher.value().length();
        }
        return size;
    }

    static final long TEXT_BUDGET = 1_000_000;
    static final int MAX_LISTED = 1_000;

    void expire(Context ctx) {
        token.authorize(ctx.header("Authorization"));
        String id = ctx.pathParam("id");
        Silence expired = silences.expire(id)
                .orElseThrow(() -> new ApiException(
                        404, "no silence with id '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "'"));
        ctx.json(view(expired, clock.instant()));
    }

    static Map<String, Object> view(Silence silence, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", silence.id());
        Map<String, String> matchers = new LinkedHashMap<>();
        silence.matchers().forEach(matcher -> matchers.put(matcher.label(), matcher.written()));
        view.put("matchers", matchers);
        view.put("starts_at", JsonViews.epochSeconds(silence.startsAt()));
        view.put("ends_at", JsonViews.epochSeconds(silence.endsAt()));
        view.put("created_by", silence.createdBy());
        view.put("comment", silence.comment());
        view.put("state", silence.stateAt(now).wireName());
        return view;
    }

    private static List<LabelMatcher> matchers(Object raw) {
        if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new ApiException(
                    400,
                    "'matchers' must be a non-empty object of label to matcher, e.g. {\"alertname\": \"HighCPU\", "
                            + "\"component\": \"=~sched.*\"} (value, \"!=value\", \"=~regex\" or \"!~regex\")");
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof String written)) {
                throw new ApiException(400, "matcher '" + entry.getKey() + "' must be a string");
            }
            try {
                matchers.add(LabelMatcher.parse((String) entry.getKey(), written, LinearRegex.ENGINE));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "matcher '" + entry.getKey() + "': " + e.getMessage());
            }
        }
        return matchers;
    }

    /** Epoch seconds (a number) or an ISO-8601 instant such as {@code 2026-11-27T18:00:00Z}. */
    static Optional<Instant> time(Map<String, ?> json, String field) {
        Object raw = json.get(field);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw instanceof Number number) {
            BigDecimal seconds = new BigDecimal(number.toString());
            if (seconds.signum() < 0 || seconds.compareTo(QueryParameters.MAX_EPOCH_SECONDS) > 0) {
                throw badTime(field, raw);
            }
            return Optional.of(Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
        }
        if (raw instanceof String text) {
            try {
                return Optional.of(Instant.parse(text.trim()));
            } catch (DateTimeParseException e) {
                throw badTime(field, raw);
            }
        }
        throw badTime(field, raw);
    }

    private static ApiException badTime(String field, Object raw) {
        return new ApiException(
                400,
                "'" + field + "'=" + shown(raw) + " is invalid: expected epoch seconds (e.g. 1795737600) or an "
                        + "ISO-8601 time (e.g. 2026-11-27T18:00:00Z)");
    }

    private static Optional<Duration> duration(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Duration duration = null;
        if (raw instanceof Number number && number.doubleValue() >= 1 && number.doubleValue() <= 31_622_400) {
            duration = Duration.ofMillis(Math.round(number.doubleValue() * 1000));
        } else if (raw instanceof String text && !text.isBlank()) {
            Matcher matcher = DURATION.matcher(text.trim());
            if (matcher.matches()) {
                long seconds =
                        part(matcher, 1, 86_400) + part(matcher, 2, 3_600) + part(matcher, 3, 60) + part(matcher, 4, 1);
                duration = seconds > 0 ? Duration.ofSeconds(seconds) : null;
            }
        }
        if (duration == null) {
            throw new ApiException(
                    400,
                    "'duration'=" + shown(raw)
                            + " is invalid: expected seconds (at least 1, e.g. 7200) or text such as "
                            + "\"2h\", \"90m\" or \"1d12h\"");
        }
        return Optional.of(duration);
    }

    private static long part(Matcher matcher, int group, long unit) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits) * unit;
    }

    static String text(Map<String, ?> json, String field, boolean required) {
        Object raw = json.get(field);
        if (raw == null && !required) {
            return "";
        }
        if (!(raw instanceof String text) || (required && text.isBlank())) {
            throw new ApiException(400, "'" + field + "' must be " + (required ? "a non-empty string" : "a string"));
        }
        return text;
    }

    private static String shown(Object raw) {
        String text = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
