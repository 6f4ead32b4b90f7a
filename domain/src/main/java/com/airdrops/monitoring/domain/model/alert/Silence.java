package com.airdrops.monitoring.domain.model.alert;

import com.airdrops.monitoring.domain.model.Require;
import com.airdrops.monitoring.domain.model.metric.Labels;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds back the notifications of every alert its matchers all accept, from {@code startsAt} until {@code endsAt}.
 * The matchers take the rules' syntax and see the alert's labels plus {@code alertname} (the rule's name). A silenced
 * alert still changes state and is recorded; silences are shared by every agent on one database. Its matchers are
 * kept in label order.
 */
public record Silence(
        String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    public static final String ALERT_NAME = "alertname";
    public static final int MAX_MATCHERS = 32;
    public static final int MAX_TEXT_LENGTH = 1_000;

    /**
     * The matchers' labels and values together: with the comment, a silence stays under about 5 KB, so the 1,000 that
     * may be in force at once fit any heap the agent runs in.
     */
    public static final int MAX_MATCHER_TEXT = 4_096;

    public Silence {
        Require.nonBlank(id, "silence id");
        // Kept in label order: the order they were given in means nothing, and a store need not keep it.
        matchers = matchers == null
                ? List.of()
                : matchers.stream()
                        .sorted(Comparator.comparing(LabelMatcher::label).thenComparing(LabelMatcher::written))
                        .toList();
        if (matchers.isEmpty() || matchers.size() > MAX_MATCHERS) {
            throw new IllegalArgumentException(
                    "a silence needs 1 to " + MAX_MATCHERS + " matchers, got " + matchers.size());
        }
        Require.nonNull(startsAt, "starts_at");
        Require.nonNull(endsAt, "ends_at");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("ends_at must be after starts_at");
        }
        int matcherText = 0;
        for (LabelMatcher matcher : matchers) {
            Require.labelName(matcher.label(), "matcher label");
            Require.maxLength(matcher.value(), Labels.MAX_VALUE_LENGTH, "matcher '" + matcher.label() + "'");
            Require.printable(matcher.value(), "matcher '" + matcher.label() + "'");
            matcherText += matcher.label().length() + matcher.value().length();
        }
        if (matcherText > MAX_MATCHER_TEXT) {
            throw new IllegalArgumentException("a silence's matchers hold at most " + MAX_MATCHER_TEXT
                    + " characters in all (labels and values), got " + matcherText);
        }
        Require.nonBlank(createdBy, "created_by");
        Require.printable(createdBy, "created_by");
        comment = comment == null ? "" : comment;
        Require.printable(comment, "comment");
        if (createdBy.length() > 255 || comment.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "created_by is at most 255 characters and comment at most " + MAX_TEXT_LENGTH);
        }
    }

    public SilenceState stateAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    /** Whether it is active at {@code now} and matches the alert of {@code ruleName} with {@code labels}. */
    public boolean silences(String ruleName, Map<String, String> labels, Instant now) {
        if (stateAt(now) != SilenceState.ACTIVE) {
            return false;
        }
        Map<String, String> seen = labels;
        if (!labels.containsKey(ALERT_NAME)) {
            seen = new HashMap<>(labels);
            seen.put(ALERT_NAME, ruleName);
        }
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(seen)) {
                return false;
            }
        }
        return true;
    }

    /** This silence ended at {@code at} (no later than it would have ended anyway). */
    public Silence expiredAt(Instant at) {
        Instant end = at.isBefore(endsAt) ? at : endsAt;
        Instant start = startsAt.isBefore(end) ? startsAt : end.minusMillis(1);
        return new Silence(id, matchers, start, end, createdBy, comment);
    }
}
