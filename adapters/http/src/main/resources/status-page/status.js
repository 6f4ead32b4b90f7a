// The agent's status page: reads the agent's own JSON API (and /metrics for the delivery counters) every few
// seconds and draws it. No business logic lives here; every figure is what the API answers.
"use strict";
performance.mark("script-start");
(() => {
  const REFRESH_MS = 5000;
  const TIMEOUT_MS = 4000;
  const AGGREGATES_EVERY_MS = 30000;
  const HISTORY_EVERY_MS = 30000;
  const MAX_ALERT_ROWS = 100;
  const MAX_HISTORY_ROWS = 500;
  const DEAD_LETTERS_READ = 50;
  const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
  const RISK_NAMES = ["low", "medium", "high", "critical"];
  const TOKEN_KEY = "airdrops-monitoring.token";
  const $ = (id) => document.getElementById(id);

  // A token goes into an HTTP header: printable ASCII without spaces (a browser refuses to send anything else).
  const sendable = (token) => /^[!-~]+$/.test(token);
  const storedToken = sessionStorage.getItem(TOKEN_KEY) || "";
  const state = {
    token: sendable(storedToken) ? storedToken : "",
    tokenDeclined: false,
    unreachableSince: null,
    previousNet: null,
    aggregates: [],
    aggregatesAt: 0,
    historyAt: 0,
    firstRenderDone: false,
    rendered: new Map(),
  };

  // ---- DOM helpers: data only ever goes into text nodes and attributes, never into markup.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "onclick") el.addEventListener("click", value);
      else el.setAttribute(key, value === true ? "" : plain(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(plain(child)));
    }
    return el;
  }
  // Text as shown: bidirectional overrides and isolates (U+202A-202E, U+2066-2069) in data would reverse what follows
  // them in the cell; they are shown as U+FFFD instead.
  const plain = (text) => String(text).replace(/[\u202A-\u202E\u2066-\u2069]/g, "\uFFFD");
  function svg(tag, attrs) {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
    return el;
  }
  // Replaces the children of el only when what they show changed, keeping the keyboard focus on the same control.
  function render(el, key, build) {
    const signature = JSON.stringify(key);
    if (state.rendered.get(el.id) === signature) return;
    state.rendered.set(el.id, signature);
    const focused = document.activeElement && el.contains(document.activeElement)
      ? document.activeElement.dataset.focusKey : undefined;
    el.replaceChildren(...build());
    labelCells(el);
    if (focused) {
      const again = el.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }
  // Each cell of a table body carries its column's heading, shown beside it on a narrow screen.
  function labelCells(tbody) {
    const table = tbody.closest && tbody.closest("table");
    if (!table || tbody.tagName !== "TBODY") return;
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    for (const row of tbody.rows) {
      [...row.cells].forEach((cell, i) => {
        cell.dataset.label = headings[i] || "";
        const content = document.createElement("div"); // one box beside the label, whatever the cell holds
        content.append(...cell.childNodes);
        cell.append(content);
      });
    }
  }
  function emptyRow(columns, text) {
    return [h("tr", {}, h("td", { colspan: columns, class: "muted" }, text))];
  }

  // ---- formatting
  const percent = (v) => (v === undefined || v === null ? "–" : `${v.toFixed(1)} %`);
  function bytesRate(v) {
    if (v === undefined || v === null || !isFinite(v)) return "–";
    const units = ["B/s", "KiB/s", "MiB/s", "GiB/s"];
    let i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
  }
  // The browser's locale, with formatters made once: toLocaleString() builds one per call, which cost tens of
  // milliseconds for a few hundred rows.
  const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", second: "2-digit" });
  const calendar = new Intl.DateTimeFormat(undefined,
    { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });
  const timeOfDay = (date) => clock.format(date);
  function time(epochSeconds) {
    if (!epochSeconds) return "–";
    const d = new Date(epochSeconds * 1000), now = new Date();
    const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
    return sameDay ? clock.format(d) : calendar.format(d);
  }
  function duration(seconds) {
    if (!isFinite(seconds)) return "–";
    const s = Math.max(0, Math.floor(seconds));
    const d = Math.floor(s / 86400), hh = Math.floor((s % 86400) / 3600), mm = Math.floor((s % 3600) / 60);
    return d > 0 ? `${d} d ${hh} h` : hh > 0 ? `${hh} h ${mm} min` : mm > 0 ? `${mm} min ${s % 60} s` : `${s} s`;
  }
  const figure = (v) => (v === null || v === undefined ? "–" : String(Number(Number(v).toPrecision(6))));
  const money = (v) => "$" + v.toLocaleString(undefined, { maximumFractionDigits: 2 });
  const labelText = (labels) => Object.entries(labels || {})
    .filter(([k]) => k !== "instance").map(([k, v]) => `${k}=${v}`).join(", ");

  // ---- the API
  async function call(path, options = {}) {
    const headers = Object.assign({}, options.headers);
    if (state.token) headers.Authorization = "Bearer " + state.token;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await fetch(path, { ...options, headers, signal: controller.signal, cache: "no-store" });
    } finally {
      clearTimeout(timer);
    }
  }
  // A read: {status, body} (body parsed as JSON, or text), or {status: 0} when the agent did not answer.
  async function read(path, asText) {
    try {
      const response = await call(path);
      let body = null;
      try { body = asText ? await response.text() : await response.json(); } catch (e) { body = null; }
      return { status: response.status, body };
    } catch (e) {
      return { status: 0, body: null };
    }
  }
  async function errorText(response) {
    try { return (await response.json()).error || `HTTP ${response.status}`; } catch (e) { return `HTTP ${response.status}`; }
  }

  function parseExposition(text) {
    const samples = [];
    for (const line of (text || "").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!m) continue;
      const labels = {};
      for (const l of (m[2] || "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2].replace(/\\(.)/g, "$1");
      samples.push({ name: m[1], labels, value: Number(m[3]) });
    }
    return samples;
  }
  const find = (samples, name, labels = {}) => (samples || []).find((s) =>
    s.name === name && Object.entries(labels).every(([k, v]) => (s.labels || {})[k] === v));
  const value = (samples, name, labels) => { const s = find(samples, name, labels); return s ? s.value : undefined; };

  // ---- the token, asked once and kept in this tab's session storage
  let tokenQuestion = null;
  function askToken(why) {
    if (tokenQuestion) return tokenQuestion;
    const dialog = $("token-dialog");
    $("token-why").textContent = why;
    $("token-input").value = "";
    $("token-input").setCustomValidity("");
    tokenQuestion = new Promise((resolve) => {
      dialog.addEventListener("close", () => {
        tokenQuestion = null;
        const given = dialog.returnValue === "ok" && sendable($("token-input").value.trim());
        if (given) {
          state.token = $("token-input").value.trim();
          sessionStorage.setItem(TOKEN_KEY, state.token);
          state.tokenDeclined = false;
        }
        resolve(given);
      }, { once: true });
      dialog.returnValue = "";
      dialog.showModal();
    });
    return tokenQuestion;
  }
  // A write (silence, acknowledge, replay): asks for the API token when none is kept or the kept one is refused.
  async function write(path, body) {
    if (!state.token && !(await askToken("Silencing, acknowledging and replaying need the agent's API token (MONITORING_API_TOKEN)."))) {
      return { ok: false, message: "no token given" };
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      let response;
      try {
        response = await call(path, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body || {}),
        });
      } catch (e) {
        return { ok: false, message: "the agent did not answer" };
      }
      if (response.status === 401 && attempt === 0) {
        if (!(await askToken("The token was refused: give the agent's API token (MONITORING_API_TOKEN)."))) {
          return { ok: false, message: "no token given" };
        }
        continue;
      }
      return response.ok ? { ok: true, body: await response.json().catch(() => null) }
        : { ok: false, message: await errorText(response) };
    }
    return { ok: false, message: "refused" };
  }
  function notice(text) {
    state.historyAt = 0; // an action adds to the history: read it at the next refresh
    $("notice").textContent = plain(text);
  }

  // ---- actions
  function silence(alert) {
    const dialog = $("silence-dialog");
    $("silence-comment").value = "";
    $("silence-what").textContent = plain(`${alert.rule_name}${labelText(alert.labels) ? " (" + labelText(alert.labels) + ")" : ""}`);
    dialog.returnValue = "";
    dialog.addEventListener("close", async () => {
      if (dialog.returnValue !== "ok") return;
      // "=" makes each matcher an equality whatever the value holds ("=~.*" as a value is not a regex): the silence
      // holds back this alert and no other.
      const matchers = { alertname: "=" + alert.rule_name };
      for (const [k, v] of Object.entries(alert.labels || {})) matchers[k] = "=" + v;
      const outcome = await write("/api/v1/silences", {
        matchers,
        duration: $("silence-duration").value,
        created_by: $("silence-by").value.trim() || "status-page",
        comment: $("silence-comment").value.trim() || null,
      });
      notice(outcome.ok ? `Silenced ${alert.rule_name} for ${$("silence-duration").selectedOptions[0].textContent}.`
        : `Silencing ${alert.rule_name} failed: ${outcome.message}`);
      refresh();
    }, { once: true });
    dialog.showModal();
  }
  async function acknowledge(alert) {
    const outcome = await write(`/api/v1/alerts/${encodeURIComponent(alert.fingerprint)}/ack`,
      { by: $("silence-by").value.trim() || "status-page" });
    notice(outcome.ok ? `Acknowledged ${alert.rule_name}.` : `Acknowledging ${alert.rule_name} failed: ${outcome.message}`);
    refresh();
  }
  async function replay(letter) {
    const outcome = await write(`/api/v1/notifications/${letter.id}/replay`);
    notice(outcome.ok ? `Dead letter ${letter.id} queued again for ${letter.channel}.`
      : `Replaying dead letter ${letter.id} failed: ${outcome.message}`);
    refresh();
  }

  // ---- the parts of the page
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
    return state.aggregates.filter((a) => a.metric_name === name).map((a) => [a.timestamp, a.value])
      .sort((a, b) => a[0] - b[0]);
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
  const noCollection = (problem) => (problem ? `Could not read the latest collection (${problem})` : "No collection yet");

  function renderHost(latest, ready, problem) {
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
      const pv = value(samples, "portfolio_value_usd");
      if (pv !== undefined) parts.push(h("div", {}, `Portfolio ${money(pv)}`));
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

  function renderComponents(latest, problem) {
    const components = latest ? latest.components || [] : [];
    const samples = latest ? latest.samples : [];
    render($("components"), [problem, components, samples.filter((s) => !s.name.startsWith("system_") && !s.name.startsWith("monitoring_"))], () =>
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
          h("td", {}, roleDetails(c, samples)))));
  }

  const failure = (response) => (!response || !response.status ? "no answer"
    : response.status === 200 ? "an answer it could not read" : `HTTP ${response.status}`);
  const isStandby = (ready) => {
    const leadership = ready && ready.checks ? ready.checks.find((c) => c.name === "leadership") : null;
    return leadership && leadership.detail.startsWith("standby") ? leadership.detail : null;
  };

  // Since when an alert is in its state: firing, else pending (the condition first held), else its last evaluation.
  const since = (alert) => alert.firing_since || alert.pending_since || alert.timestamp;

  function renderAlerts(response, ready) {
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
  let ruleNames = [];
  function renderHistory(entries, rules, response) {
    if (entries) historyEntries = entries;
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
      : shown.length > MAX_HISTORY_ROWS ? `Showing the newest ${MAX_HISTORY_ROWS} of ${shown.length} entries.` : "";
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

  function renderNotifications(channelsResponse, deadResponse, metrics) {
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

  function renderAgent(live, ready, rules, channels, metrics) {
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
    ];
    render($("agent"), facts, () => facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  function renderSummary(ready, alerts, latest) {
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

  function banner(text) {
    const el = $("banner");
    el.hidden = !text;
    el.textContent = text || "";
    // The banner is fixed at the bottom: the page ends above it, however many lines it takes (on a phone, several).
    document.body.style.paddingBottom = text ? `${el.offsetHeight + 16}px` : "";
  }

  // ---- the refresh loop
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
        state.unreachableSince = state.unreachableSince || new Date();
        document.body.classList.add("unreachable"); // the figures shown are the last received: dimmed
        banner(`Cannot reach the agent since ${timeOfDay(state.unreachableSince)}: the figures below are the last ones received; retrying every ${REFRESH_MS / 1000} s.`);
        $("summary").textContent = `Agent unreachable since ${timeOfDay(state.unreachableSince)}`;
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
      const ok = (r) => (r && r.status === 200 ? r.body : null);
      const readyBody = ready.body && ready.body.checks ? ready.body : null;
      const draw = (parts) => {
        for (const part of parts) {
          try { part(); } catch (e) { console.error("status page: a part failed to render", e); }
        }
      };
      // 503 is the agent's "no collection has run yet"; anything else without a snapshot is a failed read.
      const latestProblem = ok(latest) || latest.status === 503 ? null : failure(latest);
      draw([
        () => renderHost(ok(latest), readyBody, latestProblem),
        () => renderComponents(ok(latest), latestProblem),
        () => renderAlerts(alerts, readyBody),
        () => renderSummary(readyBody, ok(alerts), ok(latest)),
      ]);
      const database = readyBody ? readyBody.checks.find((c) => c.name === "database") : null;
      const failing = readyBody ? readyBody.checks.filter((c) => c.status !== "UP" && c.name !== "leadership") : [];
      if (database && database.status !== "UP") {
        banner(`Database down (${database.detail}): history, silences and notifications may lag until it is back.`);
      } else if (failing.length) {
        banner(`Not ready: ${failing.map((c) => `${c.name} ${c.status}: ${c.detail}`).join("; ")}`);
      } else {
        banner(null);
      }
      if (!state.firstRenderDone && ok(latest)) {
        // The first view is in the document; its figure is taken once the browser has painted it (the task queued
        // from the next frame's callback runs after that frame).
        state.firstRenderDone = true;
        performance.mark("first-view-drawn");
        requestAnimationFrame(() => setTimeout(() => {
          performance.mark("first-view-painted");
          document.documentElement.dataset.firstRenderMs = String(Math.round(performance.now()));
        }));
      }
      // The 24 h history may be large (up to 10,000 entries): read every 30 s, not at every refresh.
      const wantHistory = now - state.historyAt >= HISTORY_EVERY_MS;
      const [live, history, rules, channels, dead, metrics, aggregates] = await Promise.all([read("/health/live"),
        wantHistory ? read("/api/v1/alerts/history?hours=24") : Promise.resolve(null), read("/api/v1/rules"), read("/api/v1/channels"),
        read(`/api/v1/notifications/dead?limit=${DEAD_LETTERS_READ}`), read("/metrics", true),
        wantAggregates ? read(`/api/v1/aggregates?name=system_&start=${start}&limit=10000`) : Promise.resolve(null)]);
      if (aggregates && aggregates.status === 200) {
        state.aggregates = aggregates.body || [];
        state.aggregatesAt = now;
        draw([() => renderHost(ok(latest), readyBody, latestProblem)]);
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
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
