package com.airdrops.monitoring.domain.model.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics this product exposes, by exposed name (the README's metric tables). A sample whose name is not listed here is a
 * gauge reported by a component. The README's metric table mirrors this class.
 */
public final class MetricCatalog {
    public static final String CPU_USAGE = "system_cpu_usage_percent";
    public static final String MEMORY_USAGE = "system_memory_usage_percent";
    public static final String DISK_USAGE = "system_disk_usage_percent";
    public static final String NETWORK_SENT = "system_network_bytes_sent_total";
    public static final String NETWORK_RECV = "system_network_bytes_recv_total";

    public static final String COLLECTION_DURATION = "monitoring_collection_duration_seconds";
    public static final String COLLECTIONS = "monitoring_collections_total";
    public static final String COLLECTION_ERRORS = "monitoring_collection_errors_total";

    public static final String COMPONENT_STATUS = "component_status";
    public static final String COMPONENT_UP = "component_up";
    public static final String COMPONENT_EXECUTION = "component_execution_seconds";
    public static final String COMPONENT_ERRORS = "component_errors_total";
    public static final String COMPONENT_LAST_EXECUTION = "component_last_execution_seconds";
    public static final String COMPONENT_REPORTED_ERRORS = "component_reported_errors";
    public static final String COMPONENT_REPORTED_SUCCESSES = "component_reported_successes";
    public static final String COMPONENT_DROPPED_SERIES = "monitoring_component_dropped_series_total";
    public static final String RISK_LEVEL = "risk_level";
    public static final String PORTFOLIO_VALUE = "portfolio_value_usd";
    public static final String CIRCUIT_BREAKER = "circuit_breaker_active";
    public static final String RISK_LIMIT = "risk_limit";
    public static final String CAPITAL_UTILIZATION = "capital_utilization_percent";
    public static final String PROTOCOL_ALLOCATION = "protocol_allocation_percent";
    public static final String PORTFOLIO_RETURN = "portfolio_return_percent";
    public static final String PORTFOLIO_DRAWDOWN = "portfolio_drawdown_percent";
    public static final String PORTFOLIO_MAX_DRAWDOWN = "portfolio_max_drawdown_percent";
    public static final String PORTFOLIO_VOLATILITY = "portfolio_volatility_percent";
    public static final String SCHEDULER_RUNNING = "scheduler_running";
    public static final String SCHEDULED_TASKS = "scheduled_tasks";
    public static final String TASK_EXECUTIONS = "task_executions";
    public static final String TASK_LAST_FAILURE = "task_last_failure_timestamp_seconds";

    public static final String AGGREGATION_SERIES = "monitoring_aggregation_series";
    public static final String AGGREGATION_DROPPED_SAMPLES = "monitoring_aggregation_dropped_samples_total";
    public static final String AGGREGATION_DROPPED_SNAPSHOTS = "monitoring_aggregation_dropped_snapshots_total";
    public static final String AGGREGATION_BUFFERED_SNAPSHOTS = "monitoring_aggregation_buffered_snapshots";
    public static final String AGGREGATION_EVICTED_SERIES = "monitoring_aggregation_evicted_series_total";
    public static final String AGGREGATES_EMITTED = "monitoring_aggregates_emitted_total";
    public static final String AGGREGATES_EXPIRED = "monitoring_aggregates_expired_total";
    public static final String AGGREGATES_STORED = "monitoring_aggregates_stored";
    public static final String DATABASE_FILE_BYTES = "monitoring_database_file_bytes";
    public static final String MATCHER_OVERRUNS = "monitoring_matcher_overruns_total";
    public static final String DATABASE_COMPACTIONS = "monitoring_database_compactions_total";
    public static final String DATABASE_COMPACTION_FAILURES = "monitoring_database_compaction_failures_total";
    public static final String AGGREGATES_DROPPED = "monitoring_aggregates_dropped_total";
    public static final String RULE_WINDOW_SERIES = "monitoring_rule_window_series";
    public static final String RULE_WINDOW_REFUSED_SAMPLES = "monitoring_rule_window_refused_samples_total";
    public static final String RULE_WINDOW_FORGOTTEN_SERIES = "monitoring_rule_window_forgotten_series_total";
    public static final String AGGREGATES_STORE_FAILURES = "monitoring_aggregates_store_failures_total";

    public static final String ALERTS = "monitoring_alerts";
    public static final String ALERT_SAVE_FAILURES = "monitoring_alert_save_failures_total";
    public static final String ALERT_UNSAVED_TRANSITIONS = "monitoring_alert_unsaved_transitions";
    public static final String ALERT_DROPPED_TRANSITIONS = "monitoring_alert_dropped_transitions_total";
    public static final String ALERT_EVALUATIONS = "monitoring_alert_evaluations_total";
    public static final String ALERT_EVALUATIONS_SKIPPED = "monitoring_alert_evaluations_skipped_total";
    public static final String ALERT_EVALUATION_DURATION = "monitoring_alert_evaluation_duration_seconds";

    public static final String NOTIFICATIONS = "monitoring_notifications_total";
    public static final String OUTBOX_DEPTH = "monitoring_notification_outbox_depth";
    public static final String OUTBOX_PRUNED = "monitoring_notification_outbox_pruned_total";
    public static final String OUTBOX_IN_MEMORY = "monitoring_notification_outbox_in_memory";
    public static final String OUTBOX_IN_MEMORY_DROPPED = "monitoring_notification_outbox_in_memory_dropped_total";
    public static final String ALERT_QUARANTINED = "monitoring_alert_quarantined_records";
    public static final String LOOP_FAILURES = "monitoring_loop_failures_total";
    public static final String HTTP_REFUSED = "monitoring_http_refused_requests_total";
    public static final String HA_LEADER = "monitoring_ha_leader";
    public static final String SILENCES = "monitoring_silences";
    public static final String ALERT_LISTENER_DROPPED = "monitoring_alert_listener_dropped_total";
    public static final String ALERT_LISTENER_FAILURES = "monitoring_alert_listener_failures_total";
    public static final String SILENCE_READ_FAILURES = "monitoring_silence_read_failures_total";
    public static final String ALERTS_SILENCED = "monitoring_alerts_silenced";
    public static final String ALERTS_ACKNOWLEDGED = "monitoring_alerts_acknowledged";

    private static final Map<String, MetricDescriptor> KNOWN = new LinkedHashMap<>();

    static {
        gauge(CPU_USAGE, "Host CPU utilisation between the last two collections, percent.");
        gauge(MEMORY_USAGE, "Host memory in use, (total - available) / total, percent.");
        gauge(DISK_USAGE, "Disk space in use on the filesystem of METRICS_DISK_PATH, as df computes it, percent.");
        counter(NETWORK_SENT, "Bytes sent over all non-loopback network interfaces since boot.");
        counter(NETWORK_RECV, "Bytes received over all non-loopback network interfaces since boot.");
        gauge(COLLECTION_DURATION, "Wall-clock duration of the last collection cycle, seconds.");
        counter(COLLECTIONS, "Collection cycles run since start.");
        counter(
                COLLECTION_ERRORS,
                "Failed host collections: source=\"system\" the whole reading, source=\"disk\" the disk's only;"
                        + " a component's failures count in component_errors_total.");
        gauge(
                COMPONENT_STATUS,
                "Component health: 1 healthy, 0 unhealthy (failed, timed out, stale or reported unhealthy).");
        gauge(
                COMPONENT_UP,
                "1 while the component reports, 0 once it is silent (stale, or its poll fails); stop=\"planned\" when "
                        + "its last report said it was stopping.");
        KNOWN.put(
                COMPONENT_EXECUTION,
                new MetricDescriptor(
                        COMPONENT_EXECUTION, MetricType.HISTOGRAM, "Duration of each probe of a component, seconds."));
        counter(COMPONENT_ERRORS, "Collections of a component that failed, timed out or found stale data.");
        gauge(COMPONENT_LAST_EXECUTION, "Duration of the component's last execution as it reports it, seconds.");
        gauge(COMPONENT_REPORTED_ERRORS, "Error count the component reports about itself.");
        gauge(COMPONENT_REPORTED_SUCCESSES, "Success count the component reports about itself.");
        gauge(RISK_LEVEL, "RiskManager risk level: 0 low, 1 medium, 2 high, 3 critical.");
        gauge(PORTFOLIO_VALUE, "Portfolio value reported by the RiskManager, USD.");
        gauge(CIRCUIT_BREAKER, "RiskManager circuit breaker: 1 active, 0 inactive.");
        gauge(RISK_LIMIT, "RiskManager risk limits by name.");
        gauge(CAPITAL_UTILIZATION, "Capital utilisation reported by the CapitalAllocator, percent.");
        gauge(PROTOCOL_ALLOCATION, "Capital allocated per protocol by the CapitalAllocator, percent.");
        gauge(
                PORTFOLIO_RETURN,
                "Portfolio return over the window (24h, 7d) from the CapitalAllocator's portfolio_history, percent.");
        gauge(PORTFOLIO_DRAWDOWN, "Portfolio value below its peak in portfolio_history, percent of the peak.");
        gauge(PORTFOLIO_MAX_DRAWDOWN, "Largest fall from a running peak over portfolio_history, percent.");
        gauge(
                PORTFOLIO_VOLATILITY,
                "Sample standard deviation of the returns between consecutive portfolio_history points, percent.");
        gauge(SCHEDULER_RUNNING, "CentralScheduler running: 1 yes, 0 no.");
        gauge(SCHEDULED_TASKS, "Task definitions known to the CentralScheduler (formerly scheduled_tasks_total).");
        gauge(TASK_EXECUTIONS, "CentralScheduler task executions by status (formerly task_execution_status_total).");
        gauge(
                TASK_LAST_FAILURE,
                "When each task among the scheduler's last reported failures (at most 10) last failed, epoch seconds.");
        gauge(AGGREGATION_SERIES, "Series the aggregator tracks now.");
        counter(
                AGGREGATION_DROPPED_SAMPLES,
                "Samples the aggregator dropped, by reason: late (window already closed), "
                        + "series_limit, not_finite.");
        counter(AGGREGATION_DROPPED_SNAPSHOTS, "Snapshots dropped because the aggregation buffer was full.");
        gauge(AGGREGATION_BUFFERED_SNAPSHOTS, "Snapshots waiting for aggregation.");
        counter(AGGREGATION_EVICTED_SERIES, "Series forgotten after two windows without samples.");
        counter(AGGREGATES_EMITTED, "Aggregates produced by closed windows.");
        counter(AGGREGATES_EXPIRED, "Aggregates removed by retention (METRICS_RETENTION_PERIOD_HOURS).");
        gauge(AGGREGATES_STORED, "Aggregates held by the aggregate store.");
        gauge(DATABASE_FILE_BYTES, "Size of the H2 database file on disk, bytes (not reported on PostgreSQL).");
        gauge(RULE_WINDOW_SERIES, "Series the sliding windows of rules with a function watch now.");
        counter(
                RULE_WINDOW_REFUSED_SAMPLES,
                "Samples of new series a rule's window refused, by rule: it held its share of ALERT_WINDOW_MAX_SERIES.");
        counter(RULE_WINDOW_FORGOTTEN_SERIES, "Series forgotten once no sample was left in their rule window.");
        counter(MATCHER_OVERRUNS, "Label matcher regex matches that took over 10 ms (each pattern is logged once).");
        counter(DATABASE_COMPACTIONS, "Times the H2 file was compacted while running, past 4x its live data.");
        counter(DATABASE_COMPACTION_FAILURES, "Compactions of the H2 file that failed or could not start.");
        counter(AGGREGATES_DROPPED, "Aggregates dropped because the aggregate store was full.");
        counter(AGGREGATES_STORE_FAILURES, "Aggregates lost because the aggregate store (database) failed.");
        gauge(ALERTS, "Active alerts by state (pending, firing) and severity.");
        counter(ALERT_SAVE_FAILURES, "Evaluation passes whose alert changes could not be saved to the database.");
        gauge(ALERT_UNSAVED_TRANSITIONS, "Alert transitions kept in memory until the database takes them.");
        counter(
                ALERT_DROPPED_TRANSITIONS,
                "Unsaved transitions and notifications dropped because more than 100,000 "
                        + "waited for the database.");
        counter(ALERT_EVALUATIONS, "Alert evaluation passes run.");
        counter(ALERT_EVALUATIONS_SKIPPED, "Alert evaluation ticks skipped because the previous pass overran.");
        gauge(ALERT_EVALUATION_DURATION, "Duration of the last alert evaluation pass, seconds.");
        counter(
                NOTIFICATIONS,
                "Notification attempts by channel and outcome: sent, failed, retried, dead, folded "
                        + "(messages folded into a digest by the rate limit).");
        gauge(OUTBOX_DEPTH, "Notifications waiting in the outbox.");
        counter(OUTBOX_PRUNED, "Outbox rows deleted by retention: sent and folded ones, and old dead letters.");
        gauge(
                OUTBOX_IN_MEMORY,
                "Notifications held in memory because the database could not take them: delivered from there, and "
                        + "written to the outbox once it is back.");
        counter(
                OUTBOX_IN_MEMORY_DROPPED,
                "Notifications dropped from memory because it held its bound of 10,000 while the database was down "
                        + "(the oldest delivered first, then the oldest waiting).");
        gauge(
                ALERT_QUARANTINED,
                "Alert records (transitions, states, notifications) the database refused, set aside so that the "
                        + "others are saved; listed by GET /api/v1/alerts/quarantine.");
        counter(
                COMPONENT_DROPPED_SERIES,
                "Series a component reported beyond the bound of 1,000 per snapshot, dropped from the exposition.");
        gauge(
                SILENCES,
                "Silences by state: pending (starting later), active, and set_aside (stored by an older version with a "
                        + "matcher that no longer parses: not applied).");
        counter(
                ALERT_LISTENER_DROPPED,
                "Transitions not handed to in-process alert listeners because 10,000 were already waiting for them.");
        counter(ALERT_LISTENER_FAILURES, "Calls of an in-process alert listener that threw.");
        counter(
                SILENCE_READ_FAILURES,
                "Evaluation passes that could not read the silences from the database and used the last ones read.");
        gauge(ALERTS_SILENCED, "Pending and firing alerts a silence holds back from notification.");
        gauge(ALERTS_ACKNOWLEDGED, "Pending and firing alerts acknowledged: their repeat notifications are held back.");
        gauge(
                HA_LEADER,
                "1 while this agent leads its instance (evaluates, writes and notifies), 0 while it stands by for the "
                        + "other agent of an active/standby pair.");
        counter(
                HTTP_REFUSED,
                "API requests refused with a 4xx answer, by endpoint and status (wrong token, bad body, unknown "
                        + "component, ...); each kind is also logged, at most once a minute.");
        counter(
                LOOP_FAILURES,
                "Unexpected failures of a background loop (collection, aggregation, evaluation, delivery, outbox); "
                        + "the loop logs, counts and carries on.");
    }

    private MetricCatalog() {}

    private static void gauge(String name, String help) {
        KNOWN.put(name, new MetricDescriptor(name, MetricType.GAUGE, help));
    }

    private static void counter(String name, String help) {
        KNOWN.put(name, new MetricDescriptor(name, MetricType.COUNTER, help));
    }

    /** The descriptor of a known metric, or of a component gauge for any other name. */
    public static MetricDescriptor describe(String name) {
        MetricDescriptor known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        if (name.endsWith("_total")) {
            return new MetricDescriptor(name, MetricType.COUNTER, "Counter " + name + " reported by a component.");
        }
        return new MetricDescriptor(name, MetricType.GAUGE, "Gauge " + name + " reported by a component.");
    }

    public static Optional<MetricDescriptor> known(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }
}
