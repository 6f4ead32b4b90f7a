"""The components are read as a Python programmer writes them, and every snapshot is complete and valid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from pathlib import Path
from typing import Any, Dict, List

import jsonschema
import pytest

from airdrops_monitoring import Reporter
from airdrops_monitoring.snapshots import read_capital_allocator, read_risk_manager, read_scheduler

SCHEMA = json.loads((Path(__file__).resolve().parents[3] / "schemas" / "component-snapshot.schema.json").read_text())


def valid(snapshot: Dict[str, Any]) -> Dict[str, Any]:
    jsonschema.validate(snapshot, SCHEMA)
    return snapshot


class Level(enum.Enum):
    LOW = 0
    MEDIUM = 1
    HIGH = 2
    CRITICAL = 3


class RiskManager:
    def __init__(self) -> None:
        self.risk_level = Level.HIGH
        self.circuit_breaker_active = False
        self.risk_limits = {"max_protocol_exposure": 0.2, "max_drawdown": 15, "name": "not a number"}
        self.portfolio_value = 152_340.55


@dataclasses.dataclass
class Limits:
    max_protocol_exposure: float = 0.2
    max_daily_loss: float = 5.0


class StrLevel(str, enum.Enum):
    LOW = "low"
    CRITICAL = "critical"


def test_risk_manager_in_the_design_notes_terms() -> None:
    assert valid(read_risk_manager(RiskManager(), {})) == {
        "risk_level": "high",
        "circuit_breaker_active": False,
        "risk_limits": {"max_protocol_exposure": 0.2, "max_drawdown": 15.0},
        "portfolio_value_usd": 152_340.55,
        "status": "healthy",
    }


@pytest.mark.parametrize(
    "level, sent",
    [(Level.CRITICAL, "critical"), (StrLevel.CRITICAL, "critical"), ("High", "high"), (0, "low"), (3.0, "critical")],
)
def test_risk_levels_as_enums_names_or_numbers(level: Any, sent: str) -> None:
    class Rm:
        def get_risk_level(self) -> Any:
            return level

    assert read_risk_manager(Rm(), {})["risk_level"] == sent


def test_limits_from_a_dataclass_and_a_getter_override() -> None:
    class Rm:
        risk_limits = Limits()
        level = 2

    snapshot = read_risk_manager(Rm(), {"risk_level": lambda rm: rm.level})
    assert snapshot["risk_limits"] == {"max_protocol_exposure": 0.2, "max_daily_loss": 5.0}
    assert snapshot["risk_level"] == "high"


def test_a_getter_that_raises_reports_the_component_unhealthy_with_the_reason_and_sends_the_rest() -> None:
    class Rm:
        circuit_breaker_active = True

        @property
        def risk_level(self) -> str:
            raise RuntimeError("risk model not loaded")

    snapshot = valid(read_risk_manager(Rm(), {}))
    assert snapshot["status"] == "unhealthy"
    assert snapshot["status_reason"] == "risk_level: RuntimeError: risk model not loaded"
    assert snapshot["circuit_breaker_active"] is True
    assert "risk_level" not in snapshot


def test_a_bad_value_is_named() -> None:
    class Rm:
        risk_level = "apocalyptic"

    snapshot = read_risk_manager(Rm(), {})
    assert snapshot["status"] == "unhealthy"
    assert "risk_level: expected one of low, medium, high, critical or 0..3" in snapshot["status_reason"]


class Point:
    def __init__(self, at: dt.datetime, value: float) -> None:
        self.timestamp = at
        self.value = value


T0 = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    "points",
    [
        [(T0.timestamp(), 1000.0), (T0.timestamp() + 86400, 1040.0)],
        [{"timestamp": T0, "value": 1000}, {"time": T0 + dt.timedelta(days=1), "portfolio_value": 1040}],
        [Point(T0, 1000.0), Point(T0.replace(tzinfo=None) + dt.timedelta(days=1), 1040.0)],
    ],
)
def test_portfolio_history_as_pairs_dicts_or_objects(points: List[Any]) -> None:
    class Ca:
        portfolio_history = points
        current_allocations = {"scroll": 0.4, "zksync": 0.35, "base": 0.25}
        capital_utilization = 0.715

    snapshot = valid(read_capital_allocator(Ca(), {}))
    assert snapshot["portfolio_history"] == [
        {"timestamp": T0.timestamp(), "value": 1000.0},
        {"timestamp": T0.timestamp() + 86400, "value": 1040.0},
    ]
    assert snapshot["protocol_allocations"] == pytest.approx({"scroll": 40.0, "zksync": 35.0, "base": 25.0})
    assert snapshot["capital_utilization_percent"] == pytest.approx(71.5)


def test_allocations_already_in_percent_stay_percent_and_history_keeps_the_last_thousand() -> None:
    class Ca:
        protocol_allocations = {"scroll": 40, "zksync": 35}
        capital_utilization_percent = 75
        portfolio_history = [(1_795_000_000 + i, float(i)) for i in range(1500)]

    snapshot = valid(read_capital_allocator(Ca(), {}))
    assert snapshot["protocol_allocations"] == {"scroll": 40.0, "zksync": 35.0}
    assert len(snapshot["portfolio_history"]) == 1000
    assert snapshot["portfolio_history"][0]["value"] == 500.0


class Status(enum.Enum):
    COMPLETED = "completed"
    FAILED = "failed"
    RUNNING = "running"


class Execution:
    def __init__(self, name: str, status: Status, error: str = "", finished: float = 0) -> None:
        self.task_name = name
        self.status = status
        self.error = error or None
        self.finished_at = dt.datetime.fromtimestamp(finished, dt.timezone.utc) if finished else None


def test_scheduler_counts_executions_by_status_and_names_the_last_failures() -> None:
    class Scheduler:
        _running = True
        _task_definitions = {"claim": object(), "bridge": object(), "swap": object()}
        _task_executions = {
            "e1": Execution("claim", Status.COMPLETED),
            "e2": Execution("bridge", Status.FAILED, "RPC timeout", 1_795_000_100),
            "e3": {"task_id": "swap", "status": "failed", "error_message": "slippage", "timestamp": 1_795_000_200},
            "e4": Execution("claim", Status.RUNNING),
        }

    snapshot = valid(read_scheduler(Scheduler(), {}))
    assert snapshot["running"] is True
    assert snapshot["task_definitions"] == 3
    assert snapshot["task_executions"] == {"completed": 1, "failed": 2, "running": 1}
    assert snapshot["last_failures"] == [
        {"task": "swap", "error": "slippage", "at": 1_795_000_200.0},
        {"task": "bridge", "error": "RPC timeout", "at": 1_795_000_100.0},
    ]


def test_a_list_of_executions_and_a_method_for_running() -> None:
    class Scheduler:
        task_definitions = 2
        task_executions = [{"status": "COMPLETED"}, {"status": "completed"}]

        def is_running(self) -> bool:
            return False

    snapshot = valid(read_scheduler(Scheduler(), {}))
    assert snapshot == {
        "running": False,
        "task_definitions": 2,
        "task_executions": {"completed": 2},
        "last_failures": [],
        "status": "healthy",
    }


def test_every_snapshot_is_complete_and_another_component_is_a_function() -> None:
    reporter = Reporter("http://127.0.0.1:9", "t").attach(
        risk_manager=RiskManager(),
        components={"wallet": lambda: {"metrics": {"gas_balance_eth": 0.4}}},
        start=False,
    )
    snapshots = reporter.snapshots()
    assert set(snapshots) == {"risk_manager", "wallet"}
    assert valid(snapshots["wallet"]) == {"metrics": {"gas_balance_eth": 0.4}, "status": "healthy"}
    assert set(snapshots["risk_manager"]) == {
        "risk_level", "circuit_breaker_active", "risk_limits", "portfolio_value_usd", "status"
    }


def test_decimal_limits_naive_local_times_percent_utilisation_and_enum_names() -> None:
    from decimal import Decimal

    class Level(enum.Enum):
        LOW = "L"
        CRITICAL = "CRIT"

    class Rm:
        risk_level = Level.CRITICAL
        risk_limits = {"max_exposure": Decimal("0.2"), "label": "text", "unset": None}

    class Ca:
        capital_utilization = 72  # percent written in the fraction's field
        portfolio_history = [(dt.datetime(2026, 12, 1, 12, 0), 1.0)]

    risk = read_risk_manager(Rm(), {})
    assert risk["risk_level"] == "critical"
    assert risk["risk_limits"] == {"max_exposure": 0.2}
    allocator = read_capital_allocator(Ca(), {})
    assert allocator["capital_utilization_percent"] == 72
    assert allocator["portfolio_history"][0]["timestamp"] == dt.datetime(2026, 12, 1, 12, 0).timestamp()
