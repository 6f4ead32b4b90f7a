package com.airdrops.monitoring.alerting;

import com.airdrops.monitoring.domain.model.alert.Acknowledgement;
import com.airdrops.monitoring.domain.model.alert.ActiveAlert;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertRule;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.alert.HistoryCursor;
import com.airdrops.monitoring.domain.model.alert.HistoryPage;
import com.airdrops.monitoring.domain.model.alert.InstanceScope;
import com.airdrops.monitoring.domain.model.alert.QuarantinedRecord;
import com.airdrops.monitoring.domain.model.alert.WindowFill;
import com.airdrops.monitoring.domain.model.metric.Sample;
import com.airdrops.monitoring.domain.model.metric.SilentSeries;
import com.airdrops.monitoring.domain.port.driven.AlertRepository;
import com.airdrops.monitoring.domain.port.driven.FallbackOutbox;
import com.airdrops.monitoring.domain.port.driven.MetricsSource;
import com.airdrops.monitoring.domain.port.driven.NotificationPlanner;
import com.airdrops.monitoring.domain.port.driving.AckOutcome;
import com.airdrops.monitoring.domain.port.driving.AlertAcknowledger;
import com.airdrops.monitoring.domain.port.driving.AlertQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting of this agent: evaluates the rules with a {@link RuleEvaluator}, saves every change through the
 * {@link AlertRepository} in one transaction per pass together with the notifications the planner decides, tells
 * in-process listeners, and answers for the alerts (queries, acknowledgements, retention, self-metrics).
 *
 * <p>The state is restored from the database at construction, so a restart neither loses a pending timer nor
 * announces again what already fired. When the database fails, evaluation goes on in memory and the unsaved changes
 * are retried with the next pass.
 *
 * <p>Thread-safe: passes and rule changes are serialised; reads see the state of the last pass.
 */
public final class Alerter implements AlertQueries, AlertAcknowledger, MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    /** An acknowledgement may name an alert by this many leading characters of its fingerprint, or more. */
    static final int MIN_FINGERPRINT_PREFIX = 16;

    private final AlertRepository repository;
    private final AlertHistory history;
    private final InstantSource clock;
    private final NotificationPlanner planner;
    private final Silencer silencer;
    private final AlertListeners listeners = new AlertListeners();
    private final RuleEvaluator evaluator;
    private final RuleWindows windows;
    private final ChangeWriter writer;
    private volatile List<AlertRule> rules = List.of();
    private volatile List<Alert> active = List.of();

    /** An alerter without agent labels, silences or a fallback outbox: for tests and benchmarks. */
    public Alerter(AlertRepository repository, InstantSource clock, NotificationPlanner planner) {
        this(repository, clock, planner, Map.of(), Silencer.none(clock), FallbackOutbox.NONE, new RuleWindows());
    }

    /**
     * @param planner decides the notifications of each pass; they are saved with its transitions
     * @param agentLabels labels every alert of this agent carries, such as its {@code instance}; a series or rule
     *     label of the same name wins
     * @param silencer the silences in force: a silenced alert is recorded but its notifications are held back
     * @param fallback delivers the notifications of a pass the database cannot take, from memory
     * @param windows the sliding windows of the rules with a function
     */
    public Alerter(
            AlertRepository repository,
            InstantSource clock,
            NotificationPlanner planner,
            Map<String, String> agentLabels,
            Silencer silencer,
            FallbackOutbox fallback,
            RuleWindows windows) {
        this.silencer = silencer;
        this.windows = windows;
        this.evaluator = new RuleEvaluator(agentLabels, silencer, windows);
        this.repository = repository;
        this.history = new AlertHistory(repository, silencer, clock);
        this.writer = new ChangeWriter(repository, fallback, clock, listeners::stored);
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
        evaluator.clear();
        writer.discardUnsaved();
        silencer.refresh();
        for (ActiveAlert alert : restored) {
            AlertState state = evaluator.restore(alert, now);
            // A silenced alert was not announced: when its silence ends while it fires, it is, as if new.
            if (alert.status() == AlertStatus.FIRING && state.silencedBy.isEmpty()) {
                planner.restored(alert.toAlert(now), now);
            }
        }
        active = evaluator.states().alerts(now);
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
        evaluator.clear();
        active = List.of();
    }

    /**
     * A silence was created or expired: the alerts shown carry their new {@code silenced_by} at once, not a pass later
     * (the status page must not offer Silence on an alert just silenced). What is notified is still decided by the
     * passes, which mark every alert again.
     */
    public synchronized void silencesChanged() {
        Instant now = clock.instant();
        evaluator.states().forEach(state -> evaluator.mark(state, now));
        active = evaluator.states().alerts(now);
    }

    /** In-process listeners, told of every transition once it is stored. */
    public AlertListeners listeners() {
        return listeners;
    }

    /**
     * Replaces the rules; alerts of removed rules resolve at the next pass. Their windows start filling now, fed by
     * every collection even while this agent stands by, so a take-over finds them warm.
     */
    public synchronized void loadAlertRules(List<AlertRule> newRules) {
        rules = List.copyOf(newRules);
        windows.watch(rules, clock.instant());
    }

    @Override
    public List<AlertRule> rules() {
        return rules;
    }

    @Override
    public Map<String, WindowFill> windowFills() {
        return windows.fills();
    }

    /**
     * Evaluates every rule over {@code samples} and returns the alerts that
     * changed state in this pass: newly PENDING, FIRING or RESOLVED.
     */
    public List<Alert> evaluateRules(List<Sample> samples) {
        return evaluateRules(samples, SilentSeries.NONE);
    }

    /** As {@link #evaluateRules(List)}; alerts on the series of {@code silent} components keep their state. */
    public synchronized List<Alert> evaluateRules(List<Sample> samples, SilentSeries silent) {
        EvaluationPass pass = evaluator.evaluate(rules, samples, silent, clock.instant());
        pass.notifications.addAll(
                planner.plan(pass.transitions, evaluator.states().stillFiring(pass), pass.at));
        active = evaluator.states().alerts(pass.at); // before the save tells the listeners: one that asks sees them
        if (!writer.save(pass.changes())) {
            // Fenced: another agent of this instance took over while this pass ran; nothing of it was written.
            LOG.warn("Alert evaluation pass discarded: this agent no longer holds its instance's lease; standing by");
            clearForStandby();
            return List.of();
        }
        TransitionLog.log(pass.transitions, rules);
        return List.copyOf(pass.transitions);
    }

    @Override
    public synchronized AckOutcome acknowledge(String fingerprint, String by, String comment, Optional<Instant> until) {
        return acknowledge(fingerprint, Optional.empty(), by, comment, until);
    }

    @Override
    public synchronized AckOutcome acknowledgeEpisode(String fingerprint, Instant firingSince, String by) {
        return acknowledge(fingerprint, Optional.of(firingSince), by, "", Optional.empty());
    }

    @Override
    public synchronized Optional<AckOutcome> linkRefusal(String fingerprint, Instant firingSince) {
        return Acknowledgements.refusal(find(fingerprint), fingerprint, Optional.of(firingSince), clock.instant());
    }

    private AckOutcome acknowledge(
            String fingerprint, Optional<Instant> episode, String by, String comment, Optional<Instant> until) {
        Instant now = clock.instant();
        AckOutcome outcome = Acknowledgements.record(
                find(fingerprint), fingerprint, episode, new Acknowledgement(by, comment, now, until), writer, planner);
        if (outcome instanceof AckOutcome.Acknowledged) {
            active = evaluator.states().alerts(now);
        }
        return outcome;
    }

    /** The alert named by its fingerprint or a unique prefix of one, as the webhook's body shows it. */
    private Optional<AlertState> find(String fingerprint) {
        return evaluator.states().byFingerprint(fingerprint, MIN_FINGERPRINT_PREFIX);
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
    public HistoryPage getAlertHistory(double hours, InstanceScope scope, Optional<HistoryCursor> after, int limit) {
        return history.page(hours, scope, after, limit);
    }

    /** Deletes history, and silences that ended, older than {@code retention}; returns how many history rows. */
    public long applyRetention(Duration retention) {
        return history.applyRetention(retention);
    }

    @Override
    public List<Sample> samples(Instant now) {
        return AlertCounts.samples(active, writer, now);
    }
}
