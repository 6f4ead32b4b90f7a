// The alerts: pending and firing ones with their Silence and Ack buttons, and the last 24 hours of transitions.
import { acknowledge, silence } from "./actions.js";
import { $, emptyRow, failure, figure, h, isStandby, labelText, MAX_ALERT_ROWS, MAX_HISTORY_ROWS, plain, render, SEVERITY_RANK, svg, time } from "./core.js";

// Since when an alert is in its state: firing, else pending (the condition first held), else its last evaluation.
const since = (alert) => alert.firing_since || alert.pending_since || alert.timestamp;

export function renderAlerts(response, ready) {
  if (!response || response.status !== 200 || !Array.isArray(response.body)) {
    render($("alerts"), ["failed", failure(response)], () =>
      emptyRow(6, `Could not read the alerts (${failure(response)}): what is pending or firing is unknown.`));
    return;
  }
  const standby = isStandby(ready);
  const sorted = (response.body || []).slice().sort((a, b) =>
    (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]) || (a.status === b.status ? 0 : a.status === "firing" ? -1 : 1)
    || (since(a) - since(b)));
  const shown = sorted.slice(0, MAX_ALERT_ROWS);
  render($("alerts"), [standby, sorted.length, shown.map((a) => [a.fingerprint, a.status, a.current_value, a.silenced_by, a.acknowledgement, a.description, a.summary])], () => {
    if (sorted.length === 0) {
      return emptyRow(6, standby ? `No alerts shown: ${standby}.` : "Nothing pending or firing");
    }
    const rows = shown.map((a) => {
      const what = `${a.rule_name}${labelText(a.labels) ? ` (${labelText(a.labels)})` : ""}`;
      const silenced = a.silenced_by && a.silenced_by.length > 0;
      return h("tr", { "data-fingerprint": a.fingerprint, "data-rule": a.rule_name },
        h("td", {}, h("span", { class: `badge sev-${a.severity}` }, a.severity)),
        h("td", {}, h("strong", {}, a.rule_name), labelText(a.labels) ? h("div", { class: "muted" }, labelText(a.labels)) : null),
        h("td", {}, a.status,
          silenced ? h("div", { class: "mark", title: `silence ${a.silenced_by.join(", ")}` }, "silenced") : null,
          a.acknowledgement ? h("div", { class: "mark", title: a.acknowledgement.comment || "" }, `acked by ${a.acknowledgement.by}`) : null),
        h("td", {}, time(since(a))),
        h("td", { class: "description" }, a.summary ? h("strong", {}, a.summary) : null, a.summary ? h("br") : null, a.description),
        h("td", { class: "actions" },
          silenced ? null : h("button", { type: "button", "data-focus-key": `silence:${a.fingerprint}`, "aria-label": `Silence ${what}`, onclick: () => silence(a) }, "Silence"),
          a.acknowledgement ? null : h("button", { type: "button", "data-focus-key": `ack:${a.fingerprint}`, "aria-label": `Acknowledge ${what}`, onclick: () => acknowledge(a) }, "Ack")));
    });
    if (sorted.length > shown.length) {
      rows.push(...emptyRow(6, `Showing the ${shown.length} most severe of ${sorted.length} alerts; GET /api/v1/alerts lists them all.`));
    }
    return rows;
  });
}

let historyEntries = [];
let historyCut = false;
let ruleNames = [];

// Draws the history; null entries or rules keep the last ones read (a filter changed, or a read failed).
export function renderHistory(entries, rules, response) {
  if (entries) { historyEntries = entries; historyCut = Boolean(response && response.truncated); }
  if (rules) ruleNames = rules.map((r) => r.name);
  const select = $("history-rule");
  const chosen = select.value;
  const names = [...new Set([...ruleNames, ...historyEntries.map((e) => e.rule_name)])].sort();
  render(select, names, () => [h("option", { value: "" }, "all"), ...names.map((n) => h("option", { value: n }, n))]);
  select.value = names.includes(chosen) ? chosen : "";
  const severity = $("history-severity").value, rule = select.value;
  const shown = historyEntries.filter((e) => (!severity || e.severity === severity) && (!rule || e.rule_name === rule));
  const now = Date.now() / 1000, from = now - 86400;
  render($("timeline"), [shown.map((e) => [e.timestamp, e.status, e.event]), Math.floor(now / 60)], () => shown
    .filter((e) => e.timestamp >= from)
    .map((e) => {
      const rect = svg("rect", {
        x: (((e.timestamp - from) / 86400) * 1000 - 1.5).toFixed(1), y: e.status === "resolved" ? 12 : 2,
        width: 3, height: e.status === "resolved" ? 10 : 20,
        fill: e.status === "resolved" ? "var(--ok)" : `var(--${e.severity})`,
      });
      const title = svg("title", {});
      title.textContent = plain(`${time(e.timestamp)} ${e.rule_name} ${e.event === "acknowledged" ? "acknowledged" : e.status}`);
      rect.append(title);
      return rect;
    }));
  const note = response && response.status !== 200
    ? `Could not read the history (${failure(response)}): showing what was last read.`
    : shown.length > MAX_HISTORY_ROWS ? `Showing the newest ${MAX_HISTORY_ROWS} of ${shown.length} entries.`
    : historyCut ? `The newest ${historyEntries.length} entries of the last 24 h (the agent cut its answer).` : "";
  if ($("history-note").textContent !== note) $("history-note").textContent = note;
  render($("history"), shown.slice(0, MAX_HISTORY_ROWS).map((e) => [e.fingerprint, e.timestamp, e.status, e.event]), () =>
    shown.length === 0 ? emptyRow(6, "No transitions") :
      shown.slice(0, MAX_HISTORY_ROWS).map((e) => h("tr", { "data-rule": e.rule_name },
        h("td", {}, time(e.timestamp)),
        h("td", {}, h("span", { class: `badge sev-${e.severity}` }, e.severity)),
        h("td", {}, e.rule_name, labelText(e.labels) ? h("div", { class: "muted" }, labelText(e.labels)) : null),
        h("td", {}, e.event === "acknowledged" ? `acknowledged${e.acknowledgement ? " by " + e.acknowledgement.by : ""}` : e.status,
          e.silenced_by && e.silenced_by.length ? h("div", { class: "mark" }, "silenced") : null),
        h("td", {}, figure(e.current_value)),
        h("td", {}, e.description))));
}
