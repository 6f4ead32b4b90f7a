"""The client against the real agent jar: what a bot attaches shows on /metrics, a refusal is clear and harmless,
close() is a planned stop, pull mode serves the same JSON, and the agent's webhooks verify."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict

import pytest

from airdrops_monitoring import Reporter, verify_webhook

from conftest import TOKEN, Agent, Receiver, wait_until

PUSHED = """
components:
  - { name: risk_manager, type: risk_manager, source: push, stale_after_seconds: 2 }
  - { name: capital_allocator, type: capital_allocator, source: push, stale_after_seconds: 2 }
  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 2 }
"""


class RiskManager:
    def __init__(self) -> None:
        self.risk_level = "high"
        self.circuit_breaker_active = False
        self.risk_limits = {"max_protocol_exposure": 0.2}


class CapitalAllocator:
    def __init__(self) -> None:
        now = time.time()
        self.portfolio_history = [(now - 86400, 1000.0), (now, 1040.0)]
        self.current_allocations = {"scroll": 0.4, "zksync": 0.6}
        self.capital_utilization = 0.7


class Scheduler:
    def __init__(self) -> None:
        self._running = True
        self._task_definitions = {"claim": None, "bridge": None}
        self._task_executions = {
            "e1": {"task_name": "claim", "status": "completed"},
            "e2": {"task_name": "bridge", "status": "failed", "error": "RPC timeout", "finished_at": time.time()},
        }


def test_attached_components_show_on_metrics_within_one_push_interval(start_agent: Any) -> None:
    agent = start_agent(PUSHED)
    reporter = Reporter(agent.url, TOKEN, interval=0.5).attach(
        risk_manager=RiskManager(), capital_allocator=CapitalAllocator(), scheduler=Scheduler()
    )
    try:
        started = time.monotonic()
        expected = [
            "\nrisk_level 2.0",
            'protocol_allocation_percent{protocol="scroll"} 40.0',
            "capital_utilization_percent 70.0",
            "scheduler_running 1.0",
            'task_executions{status="failed"} 1.0',
            'task_last_failure_timestamp_seconds{task="bridge"}',
            "portfolio_max_drawdown_percent 0.0",
        ]
        wait_until(lambda: all(line in agent.metrics() for line in expected), 5, "every component on /metrics")
        assert time.monotonic() - started < 2.0, "within one push interval (and the agent's one-second refresh)"
        assert reporter.stats["refused"] == 0
    finally:
        reporter.close()


def test_five_thousand_protocol_keys_are_refused_clearly_and_counted(start_agent: Any) -> None:
    agent = start_agent(PUSHED)
    allocator = CapitalAllocator()
    allocator.current_allocations = {f"protocol{i}": 1.0 / 5000 for i in range(5000)}
    reporter = Reporter(agent.url, TOKEN, interval=60).attach(
        risk_manager=RiskManager(), capital_allocator=allocator, start=False
    )
    # The client leaves the field out and says why, so the rest of the component still arrives.
    assert reporter.report_now() is True
    wait_until(lambda: "capital_utilization_percent 70.0" in agent.metrics(), 5, "the allocator's other fields")
    latest = json.loads(agent.get("/api/v1/metrics/latest"))
    allocator_view = next(c for c in latest["components"] if c["name"] == "capital_allocator")
    assert allocator_view["state"] == "unhealthy"
    assert allocator_view["problem"] == "protocol_allocations: 5000 keys, over the agent's 1000; not sent"

    # The agent itself refuses such a snapshot clearly, and counts it.
    raw = json.dumps({"protocol_allocations": allocator.current_allocations}).encode()
    request = urllib.request.Request(
        agent.url + "/api/v1/components/capital_allocator",
        data=raw,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    assert "protocol_allocations: at most 1000 keys, got 5000" in refused.value.read().decode()
    assert 'monitoring_http_refused_requests_total{endpoint="/api/v1/components",status="400"} 1.0' in agent.metrics()


def test_close_tells_the_agent_the_stop_is_planned(start_agent: Any) -> None:
    agent = start_agent(PUSHED)
    with Reporter(agent.url, TOKEN, interval=0.5).attach(risk_manager=RiskManager()):
        wait_until(lambda: 'component_up{component="risk_manager"} 1.0' in agent.metrics(), 10, "up")
    wait_until(
        lambda: 'component_up{component="risk_manager",stop="planned"} 0.0' in agent.metrics(),
        10,
        "a planned stop once the data is stale",
    )
    assert "stopped, as it announced" in agent.log()


def test_pull_mode_serves_the_same_snapshot(start_agent: Any) -> None:
    reporter = Reporter("http://127.0.0.1:9", TOKEN).attach(scheduler=Scheduler(), start=False)
    status = reporter.serve_status(0)
    try:
        host, port = status.address
        agent = start_agent(
            f"""
components:
  - {{ name: scheduler, type: scheduler, source: poll, url: "http://{host}:{port}/scheduler" }}
"""
        )
        wait_until(lambda: "scheduler_running 1.0" in agent.metrics(), 15, "the polled scheduler")
        assert 'task_executions{status="completed"} 1.0' in agent.metrics()
    finally:
        status.close()


def standard_webhooks() -> Path:
    """Where npm's standardwebhooks package is installed (./test.sh installs it), or skip if node is missing."""
    modules = Path(os.environ.get("STANDARDWEBHOOKS_NODE_MODULES", Path(__file__).parents[1] / ".node" / "node_modules"))
    if shutil.which("node") is None or not (modules / "standardwebhooks").exists():
        pytest.fail(f"node and npm's standardwebhooks are needed (./test.sh installs them into {modules.parent})")
    return modules


def node_verify(secret: str, request: Dict[str, Any], offset_seconds: int = 0) -> str:
    """Verifies ``request`` with npm's standardwebhooks, as if ``offset_seconds`` later; "ok" or the library's error."""
    script = """
const { Webhook } = require('standardwebhooks');
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const realNow = Date.now;
Date.now = () => realNow() + input.offset * 1000;
try {
  new Webhook(input.secret).verify(Buffer.from(input.body, 'base64').toString('utf8'), input.headers);
  console.log('ok');
} catch (e) { console.log(e.message); }
"""
    headers = {name.lower(): value for name, value in request["headers"].items()}
    payload = json.dumps({
        "secret": secret,
        "headers": headers,
        "body": base64.b64encode(request["body"]).decode(),
        "offset": offset_seconds,
    })
    result = subprocess.run(
        ["node", "-e", script],
        input=payload,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "NODE_PATH": str(standard_webhooks())},
    )
    return result.stdout.strip() or result.stderr.strip()


def test_the_agents_webhook_verifies_with_standard_webhooks_and_a_replay_is_refused(
    start_agent: Any, receiver: Receiver
) -> None:
    secret = "whsec_" + base64.b64encode(b"a secret of the team's own, 32 bytes").decode()
    agent = start_agent(
        PUSHED,
        rules="""
rules:
  - { name: risk_high, metric_name: risk_level, condition: gte, threshold: 2, severity: high, for_duration: 0 }
""",
        notifications=f"""
channels:
  - {{ name: hook, type: webhook, config: {{ url: "{receiver.url}", secret: "{secret}" }} }}
""",
        MONITORING_PUBLIC_URL="https://monitor.example.org",
    )
    Reporter(agent.url, TOKEN, interval=60).attach(risk_manager=RiskManager(), start=False).report_now()
    wait_until(lambda: receiver.requests, 20, "the webhook")
    request = receiver.requests[0]

    assert verify_webhook(secret, request["headers"], request["body"])
    assert not verify_webhook(secret, request["headers"], request["body"] + b" ")
    assert node_verify(secret, request) == "ok"
    assert node_verify(secret, request, offset_seconds=6 * 60) == "Message timestamp too old"
    assert not verify_webhook(secret, request["headers"], request["body"], now=time.time() + 6 * 60)
    body = json.loads(request["body"])
    assert body["alerts"][0]["labels"]["alertname"] == "risk_high"
    # A way back from the page to the agent: its status page at MONITORING_PUBLIC_URL.
    assert body["externalURL"] == "https://monitor.example.org/"
    assert body["alerts"][0]["generatorURL"] == "https://monitor.example.org/"
