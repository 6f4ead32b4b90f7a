// What was collected: the host cards with their sparklines and the collection line, and the bot's components with
// what each role reports.
import { $, bytesRate, duration, emptyRow, h, money, percent, render, RISK_NAMES, state, svg, time, value } from "./core.js";

function sparkline(el, points) {
  el.replaceChildren();
  if (points.length < 2) return;
  const t0 = points[0][0], t1 = points[points.length - 1][0];
  let min = Math.min(...points.map((p) => p[1])), max = Math.max(...points.map((p) => p[1]));
  if (max - min < 1e-9) { min -= 1; max += 1; }
  const xy = points.map(([t, v]) =>
    `${(((t - t0) / Math.max(t1 - t0, 1)) * 120).toFixed(1)},${(30 - ((v - min) / (max - min)) * 28).toFixed(1)}`);
  el.append(svg("polyline", { points: xy.join(" ") }));
}

function series(name) {
  return state.aggregates.concat(state.botAggregates).filter((a) => a.metric_name === name)
    .map((a) => [a.timestamp, a.value]).sort((a, b) => a[0] - b[0]);
}

// A component's trend over the last hour (its closed aggregation windows), or nothing before there are two points.
function trend(label, name) {
  const points = series(name);
  if (points.length < 2) return null;
  const el = svg("svg", { class: "spark trend", viewBox: "0 0 120 32", preserveAspectRatio: "none", role: "img",
    "aria-label": `${label}, last hour` });
  sparkline(el, points);
  return el;
}

function rateSeries(points) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    const dt = points[i][0] - points[i - 1][0];
    if (dt > 0 && points[i][1] >= points[i - 1][1]) out.push([points[i][0], (points[i][1] - points[i - 1][1]) / dt]);
  }
  return out;
}

// What the host and components parts say without a collection: none yet (503 before the first), or a failed read.
export const noCollection = (problem) => (problem ? `Could not read the latest collection (${problem})` : "No collection yet");

export function renderHost(latest, ready, problem) {
  const samples = latest ? latest.samples : [];
  const set = (card, text, points) => {
    $(card).querySelector(".value").textContent = text;
    sparkline($(card).querySelector(".spark"), points);
  };
  set("card-cpu", percent(value(samples, "system_cpu_usage_percent")), series("system_cpu_usage_percent_avg"));
  set("card-memory", percent(value(samples, "system_memory_usage_percent")), series("system_memory_usage_percent_avg"));
  set("card-disk", percent(value(samples, "system_disk_usage_percent")), series("system_disk_usage_percent_avg"));
  const rx = value(samples, "system_network_bytes_recv_total"), tx = value(samples, "system_network_bytes_sent_total");
  let rates = "–";
  if (latest && rx !== undefined) {
    const prev = state.previousNet;
    if (prev && latest.timestamp > prev.t && rx >= prev.rx && tx >= prev.tx) {
      const dt = latest.timestamp - prev.t;
      rates = `in ${bytesRate((rx - prev.rx) / dt)}\nout ${bytesRate((tx - prev.tx) / dt)}`;
      state.previousNet = { t: latest.timestamp, rx, tx, rates };
    } else if (prev && latest.timestamp === prev.t) {
      rates = prev.rates || "–";
    } else {
      state.previousNet = { t: latest.timestamp, rx, tx, rates: "–" };
    }
  }
  const netPoints = series("system_network_bytes_recv_total_max");
  set("card-network", rates, rateSeries(netPoints.length ? netPoints : series("system_network_bytes_recv_total_avg")));
  const check = ready && ready.checks ? ready.checks.find((c) => c.name === "collection") : null;
  const errors = value(samples, "monitoring_collection_errors_total", { source: "system" });
  const collections = value(samples, "monitoring_collections_total");
  $("collection").textContent = latest
    ? `Last collection ${time(latest.timestamp)} (${duration(Date.now() / 1000 - latest.timestamp)} ago) · ` +
      `${collections ?? "–"} collections · ${errors ?? 0} host collection errors` +
      (check && check.status !== "UP" ? ` · ${check.status}: ${check.detail}` : "")
    : noCollection(problem);
}

function roleDetails(component, samples) {
  const own = samples.filter((s) => (s.labels || {}).component === component.name && !s.name.startsWith("component_")
    && !s.name.startsWith("monitoring_"));
  const parts = [];
  if (component.type === "risk_manager") {
    const risk = value(samples, "risk_level");
    if (risk !== undefined) parts.push(h("div", {}, "Risk ", h("strong", { class: `risk-${risk}` }, RISK_NAMES[risk] || risk)));
    const riskTrend = trend("Risk level", "risk_level_max");
    if (riskTrend) parts.push(riskTrend);
    const pv = value(samples, "portfolio_value_usd");
    if (pv !== undefined) parts.push(h("div", {}, `Portfolio ${money(pv)}`));
    const pvTrend = trend("Portfolio value", "portfolio_value_usd_avg");
    if (pvTrend) parts.push(pvTrend);
    const cb = value(samples, "circuit_breaker_active");
    if (cb !== undefined) parts.push(h("div", {}, "Circuit breaker ", h("strong", { class: cb ? "risk-3" : "risk-0" }, cb ? "open (trading halted)" : "closed")));
  } else if (component.type === "capital_allocator") {
    const used = value(samples, "capital_utilization_percent");
    const bar = (label, v) => h("div", { class: "bar" }, h("span", { title: label }, label),
      h("span", { class: "track" }, (() => { const f = h("span", { class: "fill" }); f.style.width = `${Math.min(100, Math.max(0, v))}%`; return f; })()),
      h("span", {}, percent(v)));
    if (used !== undefined) parts.push(bar("utilisation", used));
    const protocols = samples.filter((x) => x.name === "protocol_allocation_percent").sort((a, b) => b.value - a.value);
    for (const s of protocols.slice(0, 8)) parts.push(bar(s.labels.protocol, s.value));
    if (protocols.length > 8) parts.push(h("div", { class: "muted" }, `and ${protocols.length - 8} more protocols`));
    const r24 = value(samples, "portfolio_return_percent", { window: "24h" });
    const dd = value(samples, "portfolio_drawdown_percent");
    if (r24 !== undefined || dd !== undefined) {
      parts.push(h("div", {}, `Return 24 h ${percent(r24)} · drawdown ${percent(dd)}`));
    }
  } else if (component.type === "scheduler") {
    const running = value(samples, "scheduler_running");
    if (running !== undefined) parts.push(h("div", {}, "Scheduler ", h("strong", { class: running ? "risk-0" : "risk-2" }, running ? "running" : "stopped")));
    const tasks = value(samples, "scheduled_tasks");
    const executions = samples.filter((s) => s.name === "task_executions").map((s) => `${s.labels.status} ${s.value}`);
    if (tasks !== undefined || executions.length) parts.push(h("div", {}, `${tasks ?? "–"} tasks · ${executions.join(", ")}`));
  }
  for (const s of own.slice(0, 5)) parts.push(h("div", { class: "muted" }, `${s.name} ${s.value}`));
  return parts.length ? parts : [h("span", { class: "muted" }, "–")];
}

// A silent component's details are its last report, marked as such with its age: a dead bot must not look blank.
function lastReport(c, latest) {
  if (c.state === "healthy" || c.state === "stopping" || !c.last_report_at) return null;
  return h("div", { class: "muted stale-note" },
    `last known values, reported ${duration(latest.timestamp - c.last_report_at)} ago`);
}

export function renderComponents(latest, problem) {
  const components = latest ? latest.components || [] : [];
  const samples = latest ? latest.samples.concat(latest.last_known || []) : [];
  const trends = state.botAggregates.length ? state.botAggregates[state.botAggregates.length - 1].timestamp : 0;
  render($("components"), [problem, components, trends, samples.filter((s) => !s.name.startsWith("system_") && !s.name.startsWith("monitoring_"))], () =>
    components.length === 0 ? emptyRow(5, latest ? "No components configured" : noCollection(problem)) :
      components.map((c) => h("tr", { "data-component": c.name },
        h("td", {}, h("strong", {}, c.name), h("div", { class: "muted" }, c.type)),
        h("td", {}, h("span", { class: `badge st-${c.state}`, title: c.problem || undefined }, c.state),
          c.problem ? h("div", { class: "muted" }, c.problem) : null),
        h("td", {}, c.last_execution_time === null ? "–" : `${c.last_execution_time.toFixed(3)} s`),
        h("td", {}, `${c.error_count} failed read${c.error_count === 1 ? "" : "s"}`, (() => {
          const reported = value(samples, "component_reported_errors", { component: c.name });
          return reported === undefined ? null : h("div", { class: "muted" }, `${reported} reported by the component`);
        })()),
        h("td", {}, roleDetails(c, samples), lastReport(c, latest)))));
}
