// Delivery and the agent itself: channels, outbox and dead letters; the agent's facts, the summary and the banner.
import { replay } from "./actions.js";
import { $, DEAD_LETTERS_READ, duration, emptyRow, failure, figure, h, isStandby, render, time, timeOfDay, value } from "./core.js";

export function renderNotifications(channelsResponse, deadResponse, metrics) {
  const channels = channelsResponse && channelsResponse.status === 200 ? channelsResponse.body : null;
  const dead = deadResponse && deadResponse.status === 200 ? deadResponse.body : null;
  const depth = value(metrics, "monitoring_notification_outbox_depth");
  const deadText = dead === null ? "dead letters unknown"
    : `${dead.length}${dead.length >= DEAD_LETTERS_READ ? " or more" : ""} dead letters`;
  $("outbox").textContent = `Outbox: ${depth ?? "unknown"} waiting · ${deadText}`;
  const counts = (channel, outcome) => value(metrics, "monitoring_notifications_total", { channel, outcome }) ?? "–";
  const rows = (channels || []).map((c) => [c.name, c.type, c.enabled, counts(c.name, "sent"), counts(c.name, "failed"), counts(c.name, "dead")]);
  render($("channels"), [channels === null ? failure(channelsResponse) : "", rows], () =>
    channels === null ? emptyRow(5, `Could not read the channels (${failure(channelsResponse)})`) :
      rows.length === 0 ? emptyRow(5, "No channels configured") :
        rows.map(([name, type, enabled, sent, failed, deadCount]) => h("tr", { "data-channel": name },
          h("td", {}, name, enabled ? null : h("span", { class: "mark" }, " disabled")), h("td", {}, type),
          h("td", {}, String(sent)), h("td", {}, String(failed)), h("td", {}, String(deadCount)))));
  const alertsOf = (d) => {
    const names = (d.alerts || []).slice(0, 3).map((a) => `${a.rule_name} (${a.status})`);
    const total = d.alert_count ?? (d.alerts || []).length;
    return names.join(", ") + (total > names.length ? ` and ${total - names.length} more` : "");
  };
  render($("dead"), [dead === null ? failure(deadResponse) : "", (dead || []).map((d) => [d.id, d.status, d.attempts])], () =>
    dead === null ? emptyRow(6, `Could not read the dead letters (${failure(deadResponse)})`) :
      dead.length === 0 ? emptyRow(6, "No dead letters") : [
        ...dead.map((d) => h("tr", { "data-dead-letter": d.id },
          h("td", {}, time(d.created_at)), h("td", {}, d.channel), h("td", {}, alertsOf(d)),
          h("td", {}, String(d.attempts)), h("td", { class: "muted" }, d.last_error || "–"),
          h("td", { class: "actions" }, h("button", { type: "button", "data-focus-key": `replay:${d.id}`, "aria-label": `Replay dead letter ${d.id} (${d.channel})`, onclick: () => replay(d) }, "Replay")))),
        ...(dead.length >= DEAD_LETTERS_READ
          ? emptyRow(6, `Showing the newest ${dead.length}; GET /api/v1/notifications/dead?limit=1000 lists more.`) : []),
      ]);
}

export function renderAgent(live, ready, rules, channels, metrics) {
  const checks = ready && ready.checks ? ready.checks : [];
  const check = (name) => checks.find((c) => c.name === name);
  const uptime = value(metrics, "process_uptime_seconds");
  const facts = [
    ["Version", live ? live.version : "–"],
    ["Uptime", uptime === undefined ? "–" : duration(uptime)],
    ["Role", check("leadership") ? check("leadership").detail : "–"],
    ["Database", check("database") ? `${check("database").status} · ${check("database").detail}` : "–"],
    ["Ready", ready ? ready.status : "–"],
    ["Rules loaded", rules ? String(rules.length) : "–"],
    ["Channels loaded", channels ? String(channels.length) : "–"],
    // A rule with a function reads its own sliding window: until it has filled (after a start or a change), it only
    // decides what more samples could not undo.
    ...(rules || []).filter((r) => r.function).map((r) => [`Rule ${r.name}`, windowText(r)]),
  ];
  render($("agent"), facts, () => facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function windowText(rule) {
  const w = rule.window;
  const state = !w ? "not read yet"
    : (w.filled ? `window filled · ${w.series} series` : `window filling until ${timeOfDay(new Date(w.filled_at * 1000))} · ${w.series} series`)
      + (w.refused_samples ? ` · ${w.refused_samples} samples refused (series limit)` : "")
      + (w.sparse_series ? ` · ${w.sparse_series} series with one sample per window: lengthen over` : "");
  const over = rule.over % 3600 === 0 ? `${rule.over / 3600} h` : rule.over % 60 === 0 ? `${rule.over / 60} min` : `${rule.over} s`;
  return `${rule.function} over ${over} ${rule.condition} ${figure(rule.threshold)} · ${state}`;
}

export function renderSummary(ready, alerts, latest) {
  const firing = (alerts || []).filter((a) => a.status === "firing").length;
  const pending = (alerts || []).filter((a) => a.status === "pending").length;
  const standby = isStandby(ready);
  const unhealthy = (latest && latest.components || []).filter((c) => c.state !== "healthy").length;
  const leadership = ready && ready.checks ? ready.checks.find((c) => c.name === "leadership") : null;
  $("summary").textContent = [
    ready ? (ready.status === "UP" ? "Ready" : `Not ready (${ready.status})`) : "–",
    alerts === null ? "alerts unknown" : standby ? "standby: no alerts of its own" : `${firing} firing, ${pending} pending`,
    unhealthy ? `${unhealthy} component${unhealthy > 1 ? "s" : ""} not healthy` : null,
    leadership ? leadership.detail : null,
    `updated ${timeOfDay(new Date())}`,
  ].filter(Boolean).join(" · ");
}

export function banner(text) {
  const el = $("banner");
  el.hidden = !text;
  el.textContent = text || "";
  // The banner is fixed at the bottom: the page ends above it, however many lines it takes (on a phone, several).
  document.body.style.paddingBottom = text ? `${el.offsetHeight + 16}px` : "";
}
