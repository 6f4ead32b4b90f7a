"""A fake airdrop bot with the three components of the bot's design, reported to the agent by the Python client.

    AIRDROPS_AGENT_URL=http://127.0.0.1:8000 MONITORING_API_TOKEN=... python3 bot.py [--crash-after S]
        [--critical-after S] [--interval S] [--run-for S]

Its values move: the portfolio drifts, allocations shift, tasks complete, and the "bridge" task fails every fourth
run. --critical-after S takes the risk level to critical after S seconds; --crash-after S kills the process with
SIGKILL (no last word: the agent pages "component down"); SIGTERM or Ctrl-C stops it cleanly (the client tells the
agent the stop is planned). It prints one line when it starts and one when it stops.
"""

from __future__ import annotations

import argparse
import enum
import logging
import os
import random
import signal
import threading
import time
from typing import Any, Dict, List, Tuple

from airdrops_monitoring import Reporter


class RiskLevel(enum.Enum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2
    CRITICAL = 3


class RiskManager:
    def __init__(self, allocator: "CapitalAllocator") -> None:
        self._allocator = allocator
        self.risk_level = RiskLevel.LOW
        self.circuit_breaker_active = False
        self.risk_limits = {"max_protocol_exposure": 0.25, "max_drawdown_percent": 15.0, "max_daily_loss_usd": 500.0}

    @property
    def portfolio_value(self) -> float:
        return self._allocator.portfolio_history[-1][1]


class CapitalAllocator:
    def __init__(self) -> None:
        now = time.time()
        value = 10_000.0
        self.portfolio_history: List[Tuple[float, float]] = []
        for hours_ago in range(48, 0, -1):  # two days of hourly values, so returns and drawdown have data
            value *= 1 + random.uniform(-0.01, 0.012)
            self.portfolio_history.append((now - hours_ago * 3600, round(value, 2)))
        self.current_allocations = {"scroll": 0.35, "zksync": 0.30, "linea": 0.20, "base": 0.15}
        self.capital_utilization = 0.72

    def step(self) -> None:
        last = self.portfolio_history[-1][1]
        self.portfolio_history.append((time.time(), round(last * (1 + random.uniform(-0.004, 0.005)), 2)))
        self.portfolio_history = self.portfolio_history[-500:]
        shift = random.uniform(-0.02, 0.02)
        self.current_allocations["scroll"] = max(0.0, 0.35 + shift)
        self.current_allocations["base"] = max(0.0, 0.15 - shift)
        self.capital_utilization = min(1.0, max(0.0, self.capital_utilization + random.uniform(-0.02, 0.02)))


class CentralScheduler:
    def __init__(self) -> None:
        self._running = True
        self._task_definitions: Dict[str, Any] = {"claim": None, "bridge": None, "swap": None, "rebalance": None}
        self._task_executions: Dict[str, Dict[str, Any]] = {}
        self._runs = 0

    def step(self) -> None:
        self._runs += 1
        for name in self._task_definitions:
            failed = name == "bridge" and self._runs % 4 == 0
            self._task_executions[f"{name}-{self._runs}"] = {
                "task_name": name,
                "status": "failed" if failed else "completed",
                "error": "RPC timeout from the bridge contract" if failed else None,
                "finished_at": time.time(),
            }
        # keep the last 200 executions, as a real scheduler would keep a window
        for key in list(self._task_executions)[:-200]:
            del self._task_executions[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--crash-after", type=float, help="SIGKILL itself after this many seconds")
    parser.add_argument("--critical-after", type=float, help="risk level critical after this many seconds")
    parser.add_argument("--interval", type=float, default=float(os.environ.get("REPORT_INTERVAL", "10")))
    parser.add_argument("--run-for", type=float, help="stop cleanly after this many seconds")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")

    allocator, scheduler = CapitalAllocator(), CentralScheduler()
    risk_manager = RiskManager(allocator)
    reporter = Reporter(
        os.environ.get("AIRDROPS_AGENT_URL", "http://127.0.0.1:8000"),
        os.environ.get("MONITORING_API_TOKEN"),
        interval=args.interval,
    ).attach(risk_manager=risk_manager, capital_allocator=allocator, scheduler=scheduler)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    started = time.monotonic()
    print(f"bot running (pid {os.getpid()}), reporting every {args.interval} s", flush=True)
    try:
        while not stop.wait(1.0):
            elapsed = time.monotonic() - started
            allocator.step()
            scheduler.step()
            if args.critical_after is not None and elapsed >= args.critical_after:
                risk_manager.risk_level = RiskLevel.CRITICAL
                risk_manager.circuit_breaker_active = True
            if args.crash_after is not None and elapsed >= args.crash_after:
                os.kill(os.getpid(), signal.SIGKILL)
            if args.run_for is not None and elapsed >= args.run_for:
                break
    except KeyboardInterrupt:
        pass
    reporter.close()
    print("bot stopped", flush=True)


if __name__ == "__main__":
    main()
