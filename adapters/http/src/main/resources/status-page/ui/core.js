// The page's foundations: its state and figures, DOM helpers (data only ever goes into text nodes and attributes),
// how values are written, and the agent's API as the page reads it.

export const REFRESH_MS = 5000;
export const TIMEOUT_MS = 4000;
export const AGGREGATES_EVERY_MS = 30000;
export const HISTORY_EVERY_MS = 30000;
export const MAX_ALERT_ROWS = 100;
export const MAX_HISTORY_ROWS = 500;
export const DEAD_LETTERS_READ = 50;
export const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
export const RISK_NAMES = ["low", "medium", "high", "critical"];
export const TOKEN_KEY = "airdrops-monitoring.token";

// A token goes into an HTTP header: printable ASCII without spaces (a browser refuses to send anything else).
export const sendable = (token) => /^[!-~]+$/.test(token);
const storedToken = sessionStorage.getItem(TOKEN_KEY) || "";
export const state = {
  token: sendable(storedToken) ? storedToken : "",
  tokenDeclined: false,
  unreachableSince: null,
  previousNet: null,
  aggregates: [],
  aggregatesAt: 0,
  botAggregates: [], // the last hour of portfolio_value_usd_avg and risk_level_max, for the components' trends
  historyAt: 0,
  firstRenderDone: false,
};
export const $ = (id) => document.getElementById(id);

// Text as shown: bidirectional overrides and isolates (U+202A-202E, U+2066-2069) in data would reverse what follows
// them in the cell; they are shown as U+FFFD instead.
export const plain = (text) => String(text).replace(/[\u202A-\u202E\u2066-\u2069]/g, "\uFFFD");

export function h(tag, attrs, ...children) {
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

export function svg(tag, attrs) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
  return el;
}

const rendered = new Map();

// Replaces the children of el only when what they show changed, keeping the keyboard focus on the same control.
export function render(el, key, build) {
  const signature = JSON.stringify(key);
  if (rendered.get(el.id) === signature) return;
  rendered.set(el.id, signature);
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

export function emptyRow(columns, text) {
  return [h("tr", {}, h("td", { colspan: columns, class: "muted" }, text))];
}
export const percent = (v) => (v === undefined || v === null ? "–" : `${v.toFixed(1)} %`);

export function bytesRate(v) {
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
export const timeOfDay = (date) => clock.format(date);

export function time(epochSeconds) {
  if (!epochSeconds) return "–";
  const d = new Date(epochSeconds * 1000), now = new Date();
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? clock.format(d) : calendar.format(d);
}

export function duration(seconds) {
  if (!isFinite(seconds)) return "–";
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400), hh = Math.floor((s % 86400) / 3600), mm = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d} d ${hh} h` : hh > 0 ? `${hh} h ${mm} min` : mm > 0 ? `${mm} min ${s % 60} s` : `${s} s`;
}

export const figure = (v) => (v === null || v === undefined ? "–" : String(Number(Number(v).toPrecision(6))));
export const money = (v) => "$" + v.toLocaleString(undefined, { maximumFractionDigits: 2 });
export const labelText = (labels) => Object.entries(labels || {})
  .filter(([k]) => k !== "instance").map(([k, v]) => `${k}=${v}`).join(", ");

export async function call(path, options = {}) {
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

// A read: {status, body, truncated} (body parsed as JSON, or text; truncated when the agent cut a list), or
// {status: 0} when the agent did not answer.
export async function read(path, asText) {
  try {
    const response = await call(path);
    let body = null;
    try { body = asText ? await response.text() : await response.json(); } catch (e) { body = null; }
    return { status: response.status, body, truncated: response.headers.get("X-Truncated") === "true" };
  } catch (e) {
    return { status: 0, body: null };
  }
}

export async function errorText(response) {
  try { return (await response.json()).error || `HTTP ${response.status}`; } catch (e) { return `HTTP ${response.status}`; }
}

// Why a read gave nothing to show.
export const failure = (response) => (!response || !response.status ? "no answer"
  : response.status === 200 ? "an answer it could not read" : `HTTP ${response.status}`);

export function parseExposition(text) {
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
export const value = (samples, name, labels) => { const s = find(samples, name, labels); return s ? s.value : undefined; };

// The readiness check saying this agent stands by, or null when it leads.
export const isStandby = (ready) => {
  const leadership = ready && ready.checks ? ready.checks.find((c) => c.name === "leadership") : null;
  return leadership && leadership.detail.startsWith("standby") ? leadership.detail : null;
};
