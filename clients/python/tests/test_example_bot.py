"""End to end with examples/python-bot and the shipped rules: a killed bot pages "component down" and never sends an
all-clear for its business alerts; a bot stopped cleanly is a planned stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from conftest import REPO, TOKEN, Receiver, wait_until

BOT = REPO / "examples" / "python-bot" / "bot.py"
STALE_AFTER = 3


def components() -> str:
    """The example's components.yaml with a shorter staleness limit, for a quick test."""
    text = (BOT.parent / "components.yaml").read_text()
    return text.replace("stale_after_seconds: 30", f"stale_after_seconds: {STALE_AFTER}")


def start(agent: Any, receiver: Receiver, start_agent: Any, *args: str) -> "subprocess.Popen[bytes]":
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).parents[1] / "src"),
        "AIRDROPS_AGENT_URL": agent.url,
        "MONITORING_API_TOKEN": TOKEN,
    }
    return subprocess.Popen([sys.executable, str(BOT), "--interval", "1", *args], env=env)


def agent_with_shipped_rules(start_agent: Any, receiver: Receiver) -> Any:
    return start_agent(
        components(),
        rules=(REPO / "config" / "alert_rules.yaml").read_text(),
        notifications=f'channels:\n  - {{ name: hook, type: webhook, config: {{ url: "{receiver.url}" }} }}\n',
    )


def test_a_killed_bot_pages_and_never_sends_an_all_clear(start_agent: Any, receiver: Receiver) -> None:
    agent = agent_with_shipped_rules(start_agent, receiver)
    bot = start(agent, receiver, start_agent, "--critical-after", "1", "--crash-after", "4")
    wait_until(lambda: "firing risk_level_critical" in receiver.alerts(), 20, "the critical risk page")
    assert bot.wait(20) == -signal.SIGKILL
    killed = time.monotonic()

    wait_until(
        lambda: {f"firing component_down {c}" for c in ("risk_manager", "capital_allocator", "scheduler")}
        <= set(receiver.alerts()),
        STALE_AFTER + 10,
        "component_down for each component",
    )
    assert time.monotonic() - killed < STALE_AFTER + 1 + 3, "within stale_after_seconds plus one evaluation"
    time.sleep(3)  # passes go on: nothing may resolve for want of data
    alerts = receiver.alerts()
    assert not [a for a in alerts if a.startswith("resolved")], alerts
    assert "firing circuit_breaker_active" in alerts
    assert '"rule_name":"risk_level_critical"' in agent.get("/api/v1/alerts")


def test_a_bot_stopped_cleanly_is_a_planned_stop(start_agent: Any, receiver: Receiver) -> None:
    agent = agent_with_shipped_rules(start_agent, receiver)
    bot = start(agent, receiver, start_agent)
    wait_until(lambda: "\nscheduler_running 1.0" in agent.metrics(), 20, "the bot's metrics")
    bot.send_signal(signal.SIGTERM)
    assert bot.wait(20) == 0
    wait_until(
        lambda: "firing component_stopped scheduler" in receiver.alerts(), STALE_AFTER + 10, "the planned stop"
    )
    time.sleep(2)
    assert not [a for a in receiver.alerts() if "component_down" in a]
