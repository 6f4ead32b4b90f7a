// The token, asked once and kept in this tab's session storage, and what a person can do from the page: silence or
// acknowledge an alert, replay a dead letter.
import { $, call, errorText, labelText, plain, sendable, state, TOKEN_KEY } from "./core.js";

let tokenQuestion = null;

export function askToken(why) {
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
export async function write(path, body) {
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

// Says what an action did; the page is read again at once (an action adds to the history too).
export function notice(text) {
  state.historyAt = 0;
  $("notice").textContent = plain(text);
  document.dispatchEvent(new Event("status:changed"));
}

export function silence(alert) {
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
  }, { once: true });
  dialog.showModal();
}

export async function acknowledge(alert) {
  const outcome = await write(`/api/v1/alerts/${encodeURIComponent(alert.fingerprint)}/ack`,
    { by: $("silence-by").value.trim() || "status-page" });
  notice(outcome.ok ? `Acknowledged ${alert.rule_name}.` : `Acknowledging ${alert.rule_name} failed: ${outcome.message}`);
}

export async function replay(letter) {
  const outcome = await write(`/api/v1/notifications/${letter.id}/replay`);
  notice(outcome.ok ? `Dead letter ${letter.id} queued again for ${letter.channel}.`
    : `Replaying dead letter ${letter.id} failed: ${outcome.message}`);
}
