package com.airdrops.monitoring.examples.embeddedbot;

import com.airdrops.monitoring.bootstrap.MonitoringAgent;
import com.airdrops.monitoring.domain.bot.CapitalAllocator;
import com.airdrops.monitoring.domain.bot.CentralScheduler;
import com.airdrops.monitoring.domain.bot.RiskManager;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.alert.AlertStatus;
import com.airdrops.monitoring.domain.model.component.PortfolioPoint;
import com.airdrops.monitoring.domain.model.component.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny airdrop bot that embeds the monitoring agent: its three parts implement the component ports, the agent
 * watches them in-process, and the bot reacts to its own alerts: when the agent says the risk level is critical,
 * the bot trips its circuit breaker and pauses its scheduler.
 */
public final class EmbeddedBot implements RiskManager, CapitalAllocator, CentralScheduler, AutoCloseable {
    private final AtomicReference<RiskLevel> risk = new AtomicReference<>(RiskLevel.LOW);
    private final AtomicBoolean circuitBreaker = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<PortfolioPoint> history = new CopyOnWriteArrayList<>();
    private final MonitoringAgent agent;

    /** Starts the bot and its agent; {@code settings} are the agent's environment variables. */
    public EmbeddedBot(Map<String, String> settings) {
        history.add(new PortfolioPoint(Instant.now(), 1_000));
        agent = MonitoringAgent.builder()
                .settings(settings)
                .component("risk_manager", (RiskManager) this)
                .component("capital_allocator", (CapitalAllocator) this)
                .component("scheduler", (CentralScheduler) this)
                .alertListener(this::onAlert)
                .start();
    }

    public static void main(String[] args) throws InterruptedException {
        try (EmbeddedBot bot = new EmbeddedBot(System.getenv())) {
            Runtime.getRuntime().addShutdownHook(new Thread(bot::close));
            bot.agent.awaitStop();
        }
    }

    /** The bot's own reaction to its alerts, on the agent's listener thread. */
    private void onAlert(Alert alert) {
        if (alert.ruleName().equals("risk_level_critical") && alert.status() == AlertStatus.FIRING) {
            circuitBreaker.set(true);
            running.set(false);
        }
    }

    /** What the bot's trading logic would do: here, set by hand. */
    public void riskLevel(RiskLevel level) {
        risk.set(level);
    }

    public void portfolioValue(double usd) {
        history.add(new PortfolioPoint(Instant.now(), usd));
    }

    public MonitoringAgent agent() {
        return agent;
    }

    @Override
    public RiskLevel riskLevel() {
        return risk.get();
    }

    @Override
    public double portfolioValueUsd() {
        return history.getLast().valueUsd();
    }

    @Override
    public boolean circuitBreakerActive() {
        return circuitBreaker.get();
    }

    @Override
    public Map<String, Double> riskLimits() {
        return Map.of("max_protocol_exposure", 0.4);
    }

    @Override
    public double capitalUtilizationPercent() {
        return 60;
    }

    @Override
    public Map<String, Double> protocolAllocations() {
        return Map.of("scroll", 40.0, "zksync", 20.0);
    }

    @Override
    public List<PortfolioPoint> portfolioHistory() {
        return List.copyOf(history);
    }

    @Override
    public boolean running() {
        return running.get();
    }

    @Override
    public int taskDefinitions() {
        return 3;
    }

    @Override
    public Map<String, Long> taskExecutionsByStatus() {
        return Map.of("completed", 12L, "failed", 1L);
    }

    @Override
    public void close() {
        agent.close();
    }
}
