package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertFingerprint;
import com.airdrops.monitoring.domain.model.alert.AlertPhase;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertSeverity;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.NoData;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.metric.Labels;
import com.airdrops.monitoring.domain.model.metric.MetricCatalog;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alert rules over samples with the lifecycle of Prometheus alerting rules, per rule and matching series:
 * inactive, PENDING when the condition first holds, FIRING once it has held for the rule's {@code for_duration} (at
 * once for zero), RESOLVED when it stops holding (or its series disappears) for longer than {@code keep_firing_for}.
 * A PENDING alert whose condition stops holding returns to inactive silently. NaN never satisfies a condition.
 *
 * <p>Every change is saved through the {@link AlertRepository} in one transaction per pass; the state is restored
 * from it at construction, so a restart neither loses a pending timer nor announces again what already fired. When the
 * database fails, evaluation goes on in memory and the unsaved changes are retried with the next pass.
 *
 * <p>Thread-safe: passes and rule changes are serialised; reads see the state of the last pass.
 */
public final class Alerter implements AlertQueries, AlertAcknowledger, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    /**
     * How long an alert restored at start (or at a take-over) keeps its state while its series has not come back:
     * pushed data is not kept across a restart, so a pushed series returns only with the bot's next push.
     */
    static final Duration RESTORE_GRACE = Duration.ofMinutes(2);

    static final int HISTORY_LIMIT = 10_000;

    /** An acknowledgement may name an alert by this many leading characters of its fingerprint, or more. */
    static final int MIN_FINGERPRINT_PREFIX = 16;

    private final Map<String, String> agentLabels;
    private final AlertRepository repository;
    private final InstantSource clock;
    private final NotificationPlanner planner;
    private final Silencer silencer;
    private final AlertListeners listeners = new AlertListeners();
    private final Map<String, Map<Map<String, String>, AlertState>> states = new HashMap<>();
    /** Per rule with {@code no_data}: when each watched series was last seen, and since when the rule is watched. */
    private final Map<String, Map<Map<String, String>, Instant>> seen = new HashMap<>();

    private final Map<String, Instant> ruleSince = new HashMap<>();
    private final ChangeWriter writer;
    private volatile List<AlertRule> rules = List.of();
    private volatile List<Alert> active = List.of();
    private long pass;

    /** @param planner decides the notifications of each pass; they are saved with its transitions */
    public Alerter(AlertRepository repository, InstantSource clock, NotificationPlanner planner) {
        this(repository, clock, planner, Map.of(), Silencer.none(clock));
    }

    /**
     * @param agentLabels labels every alert of this agent carries, such as its {@code instance}; a series or rule
     *     label of the same name wins
     */
    public Alerter(
            AlertRepository repository,
            InstantSource clock,
            NotificationPlanner planner,
            Map<String, String> agentLabels) {
        this(repository, clock, planner, agentLabels, Silencer.none(clock));
    }

    /** @param silencer the silences in force: a silenced alert is recorded but its notifications are held back */
    public Alerter(
            AlertRepository repository,
            InstantSource clock,
            NotificationPlanner planner,
            Map<String, String> agentLabels,
            Silencer silencer) {
        this.silencer = silencer;
        this.agentLabels = Map.copyOf(agentLabels);
        this.repository = repository;
        this.writer = new ChangeWriter(repository, clock, listeners::stored);
        this.clock = clock;
        this.planner = planner;
        restore();
    }

    /**
     * Replaces the in-memory state with the database's: at start, and when this agent becomes the leader of its
     * instance (the previous leader's alerts go on with their timers: nothing fires twice, no pending timer restarts).
     */
    public synchronized void restore() {
        Instant now = clock.instant();
        List<ActiveAlert> restored = repository.loadActive();
        states.clear();
        seen.clear();
        ruleSince.clear();
        writer.discardUnsaved();
        silencer.refresh();
        for (ActiveAlert alert : restored) {
            AlertState state = AlertState.restore(alert, now);
            state.restoredAt = now;
            mark(state, now);
            states.computeIfAbsent(alert.ruleName(), name -> new HashMap<>()).put(alert.seriesLabels(), state);
            // A silenced alert was not announced: when its silence ends while it fires, it is, as if new.
            if (alert.status() == AlertStatus.FIRING && state.silencedBy.isEmpty()) {
                planner.restored(alert.toAlert(now), now);
            }
        }
        active = activeAlerts(now);
        LOG.info("Restored {} pending or firing alerts", restored.size());
    }

    /**
     * This agent no longer leads: what it has not saved belongs to a term that ended (the new leader evaluates from
     * the database), so it is dropped, and the alerts shown are the last known until it leads again.
     */
    public synchronized void standBy() {
        int dropped = writer.discardUnsaved();
        if (dropped > 0) {
            LOG.warn("No longer the leader: {} unsaved transitions dropped (the new leader evaluates afresh)", dropped);
        }
        clearForStandby();
    }

    /** A standby shows no alerts of its own: the leader's are in the database, and on the leader's /metrics. */
    private void clearForStandby() {
        states.clear();
        seen.clear();
        ruleSince.clear();
        active = List.of();
    }

    /** In-process listeners, told of every transition once it is stored. */
    public AlertListeners listeners() {
        return listeners;
    }

    /** Replaces the rules; alerts of removed rules resolve at the next pass. */
    public synchronized void loadAlertRules(List<AlertRule> newRules) {
        rules = List.copyOf(newRules);
    }

    @Override
    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * Evaluates every rule over {@code samples} and returns the alerts that
     * changed state in this pass: newly PENDING, FIRING or RESOLVED.
     */
    public synchronized List<Alert> evaluateRules(List<Sample> samples) {
        Pass current = new Pass(clock.instant(), ++pass);
        silencer.refresh();
        states.values().forEach(byLabels -> byLabels.values().forEach(state -> mark(state, current.at)));
        Map<String, List<Sample>> byName = index(samples);
        Map<String, AlertRule> ruleByName = new HashMap<>();
        for (AlertRule rule : rules) {
            ruleByName.put(rule.name(), rule);
            Map<Map<String, String>, AlertState> ruleStates =
                    states.computeIfAbsent(rule.name(), name -> new HashMap<>());
            Map<Map<String, String>, Instant> lastSeen = seen.computeIfAbsent(rule.name(), name -> new HashMap<>());
            Instant watchedSince = ruleSince.computeIfAbsent(rule.name(), name -> current.at);
            for (Sample sample : byName.getOrDefault(rule.metricName(), List.of())) {
                if (rule.watches(sample.labels())) {
                    if (rule.noData().isPresent()) {
                        lastSeen.put(sample.labels(), current.at);
                        endNoData(ruleStates, sample.labels(), current);
                        endNoData(ruleStates, Map.of(), current); // the metric itself has come
                    }
                    evaluate(rule, ruleStates, sample, current);
                }
            }
            Iterator<AlertState> unseen = ruleStates.values().iterator();
            while (unseen.hasNext()) {
                AlertState state = unseen.next();
                if (state.lastSeenPass == current.number
                        || keptWhileAbsent(rule, state, lastSeen, watchedSince, current)) {
                    continue;
                }
                if (ends(rule, state, Double.NaN, current)) {
                    unseen.remove();
                }
            }
            raiseNoData(rule, ruleStates, lastSeen, watchedSince, current);
        }
        resolveRemovedRules(ruleByName.keySet(), current);
        current.notifications.addAll(planner.plan(current.transitions, stillFiring(current), current.at));
        if (!writer.save(current.changes())) {
            // Fenced: another agent of this instance took over while this pass ran; nothing of it was written.
            LOG.warn("Alert evaluation pass discarded: this agent no longer holds its instance's lease; standing by");
            clearForStandby();
            return List.of();
        }
        active = activeAlerts(current.at);
        for (Alert transition : current.transitions) {
            LOG.info(
                    "Alert {} {} {} value={} threshold={} severity={}",
                    transition.ruleName(),
                    transition.labels(),
                    transition.status().wireName().toUpperCase(Locale.ROOT),
                    transition.currentValue(),
                    transition.threshold(),
                    transition.severity().wireName());
        }
        return List.copyOf(current.transitions);
    }

    private void evaluate(
            AlertRule rule, Map<Map<String, String>, AlertState> ruleStates, Sample sample, Pass current) {
        AlertState state = ruleStates.get(sample.labels());
        // A firing alert with a recovery threshold holds until the value crosses that instead (hysteresis).
        boolean holds = rule.holds(sample.value(), state != null && state.phase instanceof AlertPhase.Firing);
        if (state == null) {
            if (holds) {
                start(rule, ruleStates, sample, current);
            }
            return;
        }
        state.lastSeenPass = current.number;
        state.restoredAt = null;
        state.adopt(rule);
        if (!holds) {
            if (ends(rule, state, sample.value(), current)) {
                ruleStates.remove(sample.labels());
            }
            return;
        }
        state.value = sample.value();
        state.lastHeld = current.at;
        if (state.phase instanceof AlertPhase.Pending pending
                && !current.at.isBefore(pending.since().plus(rule.forDuration()))) {
            fire(state, current);
        }
    }

    private void start(AlertRule rule, Map<Map<String, String>, AlertState> ruleStates, Sample sample, Pass current) {
        Map<String, String> labels = alertLabels(sample.labels(), rule);
        AlertState state = new AlertState(
                AlertFingerprint.of(rule.name(), labels), rule, sample.labels(), labels, current.at, sample.value());
        state.lastSeenPass = current.number;
        mark(state, current.at);
        ruleStates.put(sample.labels(), state);
        if (rule.forDuration().isZero()) {
            fire(state, current);
        } else {
            current.transitions.add(state.alert(current.at));
            current.upserts.put(state.fingerprint, state.toActive());
        }
    }

    /**
     * Whether an alert whose series was not seen this pass keeps its state: a no-data alert (it ends when its series
     * returns), or, by the rule's {@code no_data}, one kept ({@code keep_last}) or not yet absent long enough.
     */
    private static boolean keptWhileAbsent(
            AlertRule rule,
            AlertState state,
            Map<Map<String, String>, Instant> lastSeen,
            Instant watchedSince,
            Pass current) {
        if (state.restoredAt != null && current.at.isBefore(state.restoredAt.plus(RESTORE_GRACE))) {
            return true; // restored, and its series may simply not be back yet (a pushing bot must push again)
        }
        if (rule.noData().isEmpty()) {
            return false;
        }
        NoData noData = rule.noData().get();
        if (isNoData(state)) {
            return noData.state() == NoData.State.FIRING;
        }
        Instant last = lastSeen.getOrDefault(state.seriesLabels, watchedSince);
        boolean longAbsent = !current.at.isBefore(last.plus(noData.after()));
        return noData.state() == NoData.State.KEEP_LAST || !longAbsent;
    }

    /** With {@code no_data: firing}: a distinct alert for each watched series (or the metric) absent too long. */
    private void raiseNoData(
            AlertRule rule,
            Map<Map<String, String>, AlertState> ruleStates,
            Map<Map<String, String>, Instant> lastSeen,
            Instant watchedSince,
            Pass current) {
        if (rule.noData().isEmpty() || rule.noData().get().state() != NoData.State.FIRING) {
            return;
        }
        Duration after = rule.noData().get().after();
        Map<Map<String, String>, Instant> absent = new HashMap<>();
        lastSeen.forEach((series, at) -> {
            if (!current.at.isBefore(at.plus(after))) {
                absent.put(series, at);
            }
        });
        if (lastSeen.isEmpty() && !current.at.isBefore(watchedSince.plus(after))) {
            absent.put(Map.of(), watchedSince); // nothing of the metric ever came
        }
        for (Map<String, String> series : absent.keySet()) {
            Map<String, String> key = noDataKey(series);
            if (!ruleStates.containsKey(key)) {
                Map<String, String> labels = alertLabels(key, rule);
                AlertState state = new AlertState(
                        AlertFingerprint.of(rule.name(), labels), rule, key, labels, current.at, Double.NaN);
                state.lastSeenPass = current.number;
                mark(state, current.at);
                ruleStates.put(key, state);
                fire(state, current);
            }
        }
    }

    /** The series is back: its no-data alert resolves. */
    private static void endNoData(
            Map<Map<String, String>, AlertState> ruleStates, Map<String, String> series, Pass current) {
        AlertState state = ruleStates.remove(noDataKey(series));
        if (state != null) {
            if (state.phase instanceof AlertPhase.Firing firing) {
                current.transitions.add(state.resolved(firing, current.at));
            }
            current.remove(state.fingerprint);
        }
    }

    /** Notes which silences hold the alert back at {@code now}. */
    private void mark(AlertState state, Instant now) {
        state.silencedBy = silencer.matching(state.ruleName, state.labels, now);
    }

    @Override
    public synchronized AckOutcome acknowledge(String fingerprint, String by, String comment, Optional<Instant> until) {
        Instant now = clock.instant();
        // The whole fingerprint, or the first 16 characters or more of one, as the webhook's body shows it.
        AlertState state = null;
        int matches = 0;
        for (Map<Map<String, String>, AlertState> byLabels : states.values()) {
            for (AlertState candidate : byLabels.values()) {
                if (candidate.fingerprint.equals(fingerprint)
                        || (fingerprint.length() >= MIN_FINGERPRINT_PREFIX
                                && candidate.fingerprint.startsWith(fingerprint))) {
                    state = candidate;
                    matches++;
                }
            }
        }
        if (state == null || matches > 1) {
            return new AckOutcome.NotActive(fingerprint);
        }
        if (state.acknowledgement != null && state.acknowledgement.holdsAt(now)) {
            return new AckOutcome.AlreadyAcknowledged(state.acknowledgement);
        }
        Acknowledgement previous = state.acknowledgement;
        state.acknowledgement = new Acknowledgement(by, comment, now, until);
        Alert entry = state.acknowledged(now);
        if (!writer.save(new AlertChanges(List.of(state.toActive()), List.of(), List.of(entry), List.of()))) {
            state.acknowledgement = previous;
            return new AckOutcome.NotActive(fingerprint); // fenced: another agent of this instance leads now
        }
        active = activeAlerts(now);
        LOG.info(
                "Alert {} {} acknowledged by {}{}: {}",
                state.ruleName,
                state.labels,
                by,
                until.map(end -> " until " + end).orElse(""),
                comment);
        return new AckOutcome.Acknowledged(entry);
    }

    private static Map<String, String> noDataKey(Map<String, String> series) {
        Map<String, String> key = new TreeMap<>(series);
        key.put(NoData.REASON_LABEL, NoData.REASON);
        return Map.copyOf(key);
    }

    private static boolean isNoData(AlertState state) {
        return NoData.REASON.equals(state.seriesLabels.get(NoData.REASON_LABEL));
    }

    private static void fire(AlertState state, Pass current) {
        state.fire(current.at);
        current.transitions.add(state.alert(current.at));
        current.upserts.put(state.fingerprint, state.toActive());
    }

    /** The condition does not hold, or the series is gone: returns true when the alert's state ends. */
    private static boolean ends(AlertRule rule, AlertState state, double value, Pass current) {
        if (state.phase instanceof AlertPhase.Firing firing) {
            if (Duration.between(state.lastHeld, current.at).compareTo(rule.keepFiringFor()) < 0) {
                return false; // keep_firing_for holds it through a short dip
            }
            if (!Double.isNaN(value)) {
                state.value = value;
            }
            current.transitions.add(state.resolved(firing, current.at));
        }
        // A PENDING alert goes back to inactive silently: no transition.
        current.remove(state.fingerprint);
        return true;
    }

    private void resolveRemovedRules(Set<String> ruleNames, Pass current) {
        Iterator<Map.Entry<String, Map<Map<String, String>, AlertState>>> byRule =
                states.entrySet().iterator();
        while (byRule.hasNext()) {
            Map.Entry<String, Map<Map<String, String>, AlertState>> entry = byRule.next();
            if (ruleNames.contains(entry.getKey())) {
                continue;
            }
            for (AlertState state : entry.getValue().values()) {
                if (state.phase instanceof AlertPhase.Firing firing) {
                    current.transitions.add(state.resolved(firing, current.at));
                }
                current.remove(state.fingerprint);
            }
            byRule.remove();
        }
    }

    /** Firing alerts that did not change in this pass: candidates for a repeat notification. */
    private List<Alert> stillFiring(Pass current) {
        List<Alert> firing = new ArrayList<>();
        for (Map<Map<String, String>, AlertState> byLabels : states.values()) {
            for (AlertState state : byLabels.values()) {
                if (state.phase instanceof AlertPhase.Firing && !current.upserts.containsKey(state.fingerprint)) {
                    firing.add(state.alert(current.at));
                }
            }
        }
        return firing;
    }

    private List<Alert> activeAlerts(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        states.values().forEach(byLabels -> byLabels.values().forEach(state -> alerts.add(state.alert(now))));
        return List.copyOf(alerts);
    }

    @Override
    public List<QuarantinedRecord> quarantined() {
        return writer.quarantined();
    }

    /** Transitions waiting in memory for the database. */
    public int unsavedTransitions() {
        return writer.unsavedTransitions();
    }

    @Override
    public List<Alert> getActiveAlerts() {
        return active;
    }

    @Override
    public List<Alert> getAlertHistory(double hours, InstanceScope scope) {
        return repository.history(clock.instant().minusMillis(Math.round(hours * 3_600_000)), HISTORY_LIMIT, scope);
    }

    /** Deletes history, and silences that ended, older than {@code retention}; returns how many history rows. */
    public long applyRetention(Duration retention) {
        long silences = silencer.applyRetention(retention);
        if (silences > 0) {
            LOG.info("Deleted {} silences that ended more than {} h ago", silences, retention.toHours());
        }
        return repository.deleteHistoryOlderThan(clock.instant().minus(retention));
    }

    @Override
    public List<Sample> samples(Instant now) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (AlertStatus status : List.of(AlertStatus.PENDING, AlertStatus.FIRING)) {
            for (AlertSeverity severity : AlertSeverity.values()) {
                counts.computeIfAbsent(status.wireName(), key -> new TreeMap<>())
                        .put(severity.wireName(), 0);
            }
        }
        int silenced = 0;
        int acknowledged = 0;
        for (Alert alert : active) {
            counts.get(alert.status().wireName()).merge(alert.severity().wireName(), 1, Integer::sum);
            silenced += alert.marks().silenced() ? 1 : 0;
            acknowledged += alert.marks().acknowledgedAt(now) ? 1 : 0;
        }
        List<Sample> samples = new ArrayList<>();
        counts.forEach((state, bySeverity) -> bySeverity.forEach((severity, count) -> samples.add(
                new Sample(MetricCatalog.ALERTS, Map.of("state", state, "severity", severity), count, now))));
        samples.add(Sample.of(MetricCatalog.ALERTS_SILENCED, silenced, now));
        samples.add(Sample.of(MetricCatalog.ALERTS_ACKNOWLEDGED, acknowledged, now));
        samples.add(Sample.of(MetricCatalog.ALERT_SAVE_FAILURES, writer.failures(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_UNSAVED_TRANSITIONS, writer.unsavedTransitions(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_DROPPED_TRANSITIONS, writer.droppedTransitions(), now));
        samples.add(Sample.of(MetricCatalog.ALERT_QUARANTINED, writer.quarantinedSinceStart(), now));
        return samples;
    }

    private static Map<String, List<Sample>> index(List<Sample> samples) {
        Map<String, List<Sample>> byName = new HashMap<>();
        for (Sample sample : samples) {
            byName.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample);
        }
        return byName;
    }

    private Map<String, String> alertLabels(Map<String, String> seriesLabels, AlertRule rule) {
        if (rule.labels().isEmpty() && agentLabels.isEmpty()) {
            return seriesLabels;
        }
        Map<String, String> merged = new TreeMap<>(agentLabels);
        merged.putAll(seriesLabels);
        merged.putAll(rule.labels());
        return Labels.of(merged, "label");
    }

    /** What one pass observed and changed. */
    private static final class Pass {
        final Instant at;
        final long number;
        final List<Alert> transitions = new ArrayList<>();
        final Map<String, ActiveAlert> upserts = new LinkedHashMap<>();
        final List<String> removals = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();

        Pass(Instant at, long number) {
            this.at = at;
            this.number = number;
        }

        void remove(String fingerprint) {
            upserts.remove(fingerprint);
            removals.add(fingerprint);
        }

        AlertChanges changes() {
            return new AlertChanges(List.copyOf(upserts.values()), removals, transitions, notifications);
        }
    }
}
