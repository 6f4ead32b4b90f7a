// The agent's status page: reads the agent's own JSON API (and /metrics for the delivery counters) every few
// seconds and draws it. No business logic lives here; every figure is what the API answers.
import { askToken } from "./actions.js";
import { banner, renderAgent, renderNotifications, renderSummary } from "./agent.js";
import { renderAlerts, renderHistory } from "./alerting.js";
import { renderComponents, renderHost } from "./collected.js";
import { $, AGGREGATES_EVERY_MS, DEAD_LETTERS_READ, failure, HISTORY_EVERY_MS, parseExposition, read, REFRESH_MS, sendable, state, timeOfDay } from "./core.js";

performance.mark("script-start");

// Each part draws on its own: one that fails is logged and leaves the others drawn.
function draw(parts) {
  for (const part of parts) {
    try { part(); } catch (e) { console.error("status page: a part failed to render", e); }
  }
}

const ok = (r) => (r && r.status === 200 ? r.body : null);

// The first view is in the document; its figure is taken once the browser has painted it (the task queued from the
// next frame's callback runs after that frame).
function firstViewDrawn() {
  state.firstRenderDone = true;
  performance.mark("first-view-drawn");
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark("first-view-painted");
    document.documentElement.dataset.firstRenderMs = String(Math.round(performance.now()));
  }));
}

function unreachable() {
  state.unreachableSince = state.unreachableSince || new Date();
  document.body.classList.add("unreachable"); // the figures shown are the last received: dimmed
  banner(`Cannot reach the agent since ${timeOfDay(state.unreachableSince)}: the figures below are the last ones received; retrying every ${REFRESH_MS / 1000} s.`);
  $("summary").textContent = `Agent unreachable since ${timeOfDay(state.unreachableSince)}`;
}

function readinessBanner(ready) {
  const database = ready ? ready.checks.find((c) => c.name === "database") : null;
  const failing = ready ? ready.checks.filter((c) => c.status !== "UP" && c.name !== "leadership") : [];
  if (database && database.status !== "UP") {
    banner(`Database down (${database.detail}): history, silences and notifications may lag until it is back.`);
  } else if (failing.length) {
    banner(`Not ready: ${failing.map((c) => `${c.name} ${c.status}: ${c.detail}`).join("; ")}`);
  } else {
    banner(null);
  }
}

let refreshing = false;
async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    const now = Date.now();
    // Sparklines change once a window closes: read every 30 s, or at each refresh while there are too few points.
    const wantAggregates = now - state.aggregatesAt >= AGGREGATES_EVERY_MS || state.aggregates.length < 20;
    const start = Math.floor(now / 1000) - 3600;
    // What the first view needs (in memory on the agent) is read and drawn first; the version, history, delivery
    // counters and sparklines follow, so a browser's few connections serve the first view before the rest.
    if (!state.firstRenderDone) performance.mark("first-reads-sent");
    const [ready, latest, alerts] = await Promise.all([
      read("/health/ready"), read("/api/v1/metrics/latest"), read("/api/v1/alerts")]);
    if (!state.firstRenderDone) performance.mark("first-reads-answered");
    if (ready.status === 0 && latest.status === 0) {
      unreachable();
      return;
    }
    state.unreachableSince = null;
    document.body.classList.remove("unreachable");
    if ([ready, latest, alerts].some((r) => r.status === 401)) {
      if (!state.tokenDeclined) {
        const given = await askToken(state.token
          ? "The token was refused: give this agent's read token (MONITORING_API_READ_TOKEN) or its API token."
          : "Reading this agent needs a token: its read token (MONITORING_API_READ_TOKEN) or its API token.");
        state.tokenDeclined = !given;
        if (given) { refreshing = false; return refresh(); }
      }
      banner("This agent needs a token to be read: use the Token… button.");
      return;
    }
    const readyBody = ready.body && ready.body.checks ? ready.body : null;
    // 503 is the agent's "no collection has run yet"; anything else without a snapshot is a failed read.
    const latestProblem = ok(latest) || latest.status === 503 ? null : failure(latest);
    draw([
      () => renderHost(ok(latest), readyBody, latestProblem),
      () => renderComponents(ok(latest), latestProblem),
      () => renderAlerts(alerts, readyBody),
      () => renderSummary(readyBody, ok(alerts), ok(latest)),
    ]);
    readinessBanner(readyBody);
    if (!state.firstRenderDone && ok(latest)) firstViewDrawn();
    // The 24 h history may be large: its newest 1,000 entries (the agent may send fewer, and says so), every 30 s.
    const wantHistory = now - state.historyAt >= HISTORY_EVERY_MS;
    const [live, history, rules, channels, dead, metrics, aggregates] = await Promise.all([read("/health/live"),
      wantHistory ? read("/api/v1/alerts/history?hours=24&limit=1000") : Promise.resolve(null), read("/api/v1/rules"), read("/api/v1/channels"),
      read(`/api/v1/notifications/dead?limit=${DEAD_LETTERS_READ}`), read("/metrics", true),
      wantAggregates ? read(`/api/v1/aggregates?name=system_&start=${start}&limit=10000`) : Promise.resolve(null)]);
    if (aggregates && aggregates.status === 200) {
      state.aggregates = aggregates.body || [];
      state.aggregatesAt = now;
      draw([() => renderHost(ok(latest), readyBody, latestProblem)]);
      // The bot's trends, once the host's are in: the portfolio value and the risk level over the last hour.
      const bot = await Promise.all(["portfolio_value_usd_avg", "risk_level_max"].map((name) =>
        read(`/api/v1/aggregates?name=${name}&start=${start}&limit=1000`)));
      if (bot.every((r) => r.status === 200)) {
        state.botAggregates = bot.flatMap((r) => r.body || []);
        draw([() => renderComponents(ok(latest), latestProblem)]);
      }
    }
    const metricSamples = parseExposition(ok(metrics));
    draw([
      () => renderHistory(ok(history), ok(rules), history),
      () => { if (history && history.status === 200) state.historyAt = now; },
      () => renderNotifications(channels, dead, metricSamples),
      () => renderAgent(ok(live), readyBody, ok(rules), ok(channels), metricSamples),
    ]);
  } finally {
    refreshing = false;
    document.documentElement.dataset.refreshedAt = String(Date.now());
  }
}

for (const cancel of document.querySelectorAll("dialog button.cancel")) {
  cancel.addEventListener("click", () => cancel.closest("dialog").close("cancel"));
}
// A dialog gives the focus back to the control that opened it; a refresh may have redrawn that control meanwhile,
// so the focus goes to the one that took its place (same data-focus-key).
let opener;
for (const dialog of document.querySelectorAll("dialog")) {
  dialog.addEventListener("close", () => {
    if (opener && (!document.activeElement || document.activeElement === document.body)) {
      const again = document.querySelector(`[data-focus-key="${CSS.escape(opener)}"]`);
      if (again) again.focus();
    }
  });
}
document.addEventListener("focusin", (event) => {
  if (!event.target.closest("dialog")) opener = event.target.dataset && event.target.dataset.focusKey;
});
$("token-input").addEventListener("input", (event) => {
  event.target.setCustomValidity(sendable(event.target.value.trim()) || event.target.value.trim() === "" ? ""
    : "A token is printable ASCII without spaces: this one cannot be sent to the agent.");
});
$("history-severity").addEventListener("change", () => renderHistory(null, null));
$("history-rule").addEventListener("change", () => renderHistory(null, null));
$("token-button").addEventListener("click", async () => {
  state.tokenDeclined = false;
  if (await askToken("A token for this agent: its API token (reads and writes) or its read token (reads only).")) refresh();
});
// An action (silence, acknowledge, replay) was taken: read the page again at once.
document.addEventListener("status:changed", () => refresh());
refresh();
setInterval(refresh, REFRESH_MS);
