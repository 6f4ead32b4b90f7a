"""Reads a bot's components into the agent's snapshot JSON, by duck typing on the names the bot's design uses.

Every snapshot is complete: a push replaces the component's whole snapshot on the agent, so each one carries every
field the component has. A field whose getter raises is left out, and the snapshot says ``"status": "unhealthy"``
with the reason in ``status_reason``; the other fields are still sent.

Mapping and units (see the README's "Monitoring a Python bot"):

risk_manager
    ``risk_level``              ``risk_level`` / ``current_risk_level`` / ``get_risk_level()``: an enum, a name
                                (``low``, ``medium``, ``high``, ``critical``, any case) or 0..3
    ``circuit_breaker_active``  ``circuit_breaker_active`` / ``is_circuit_breaker_active()``: truthy
    ``risk_limits``             ``risk_limits``: a dict (or dataclass / object) of name -> number
    ``portfolio_value_usd``     ``portfolio_value_usd`` / ``portfolio_value`` / ``get_portfolio_value()``: USD
capital_allocator
    ``capital_utilization_percent``  ``capital_utilization_percent`` (percent) or ``capital_utilization`` (a
                                fraction 0..1, sent as percent; a value over 1 is taken as percent already)
    ``protocol_allocations``    ``protocol_allocations`` / ``current_allocations`` / ``allocations``: protocol ->
                                share; fractions when they add up to at most 1, else percent; sent as percent
    ``portfolio_history``       ``portfolio_history``: ``(timestamp, value)`` pairs, dicts (``timestamp``/``time``/
                                ``ts``, ``value``/``portfolio_value``) or objects; epoch seconds or ``datetime`` (a
                                naive one is local time, as ``datetime.timestamp()`` reads it);
                                the last 1,000 points (the agent derives returns, drawdown and volatility)
scheduler
    ``running``                 ``_running`` / ``running`` / ``is_running()``
    ``task_definitions``        ``_task_definitions`` / ``task_definitions``: a count, or anything with a length
    ``task_executions``         ``_task_executions`` / ``task_executions``: a list, or a dict of id -> execution;
                                each a dict or object with a ``status`` (enum or string), counted by status
    ``last_failures``           the last 10 failed executions: task name (``task_name``/``name``/``task_id``/the
                                key), error (``error``/``error_message``/``exception``), time (``finished_at``/
                                ``completed_at``/``end_time``/``timestamp``/``started_at``)
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import math
import numbers
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sized, Tuple

Snapshot = Dict[str, Any]
Getter = Callable[[Any], Any]

ROLES = ("risk_manager", "capital_allocator", "scheduler")
RISK_LEVELS = ("low", "medium", "high", "critical")
MAX_HISTORY_POINTS = 1000
MAX_FAILURES = 10
#: The most keys the agent takes in one keyed field (protocol_allocations, ...): one more refuses the whole snapshot.
MAX_KEYS = 1000
MAX_TEXT = 512

_MISSING = object()


class FieldError(Exception):
    """A getter of the bot's raised: the snapshot reports the component unhealthy with this reason."""


def _attr(obj: Any, *names: str) -> Any:
    """The first of ``names`` that ``obj`` has, called when it is a method; ``_MISSING`` when none."""
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        value = getattr(obj, name, _MISSING)
        if value is _MISSING:
            continue
        if callable(value) and not isinstance(value, (type, enum.Enum)):
            value = value()
        return value
    return _MISSING


def _number(value: Any, what: str) -> float:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FieldError(f"{what}: expected a number, got {value!r:.80}") from None
    if math.isnan(number) or math.isinf(number):
        raise FieldError(f"{what}: expected a finite number, got {value!r:.80}")
    return number


def _numeric(value: Any) -> bool:
    """A limit's value: any number (int, float, Decimal, Fraction, a numeric enum), not a flag, text or None."""
    if isinstance(value, enum.Enum):
        value = value.value
    return isinstance(value, numbers.Number) and not isinstance(value, (bool, complex))


def _epoch(value: Any, what: str) -> float:
    if isinstance(value, _dt.datetime):
        return value.timestamp()  # a naive datetime is local time, as Python's own timestamp() reads it
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day, tzinfo=_dt.timezone.utc).timestamp()
    return _number(value, what)


def _name(value: Any) -> str:
    """An enum's name, or the text of anything else, lower-cased."""
    if isinstance(value, enum.Enum):
        value = value.name if isinstance(value.value, (int, float)) else value.value
    return str(value).strip().lower()


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if isinstance(value, Mapping):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "__dict__"):
        return {key: item for key, item in vars(value).items() if not key.startswith("_")}
    raise FieldError(f"{what}: expected a dict, got {type(value).__name__}")


def _text(value: Any) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    return text[:MAX_TEXT]


def risk_level(value: Any) -> str:
    """A risk level the agent accepts: a name (any case, an enum's name or value) or 0..3."""
    if isinstance(value, enum.Enum) and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
        value = value.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 <= value <= 3 and float(value).is_integer():
            return RISK_LEVELS[int(value)]
        raise FieldError(f"risk_level: expected 0..3, got {value!r}")
    name = _name(value)
    if name in RISK_LEVELS:
        return name
    if isinstance(value, enum.Enum) and value.name.lower() in RISK_LEVELS:
        return value.name.lower()
    raise FieldError(f"risk_level: expected one of {', '.join(RISK_LEVELS)} or 0..3, got {value!r:.80}")


def percentages(shares: Mapping[str, Any], what: str) -> Dict[str, float]:
    """Shares of a whole as percent: fractions when they add up to at most 1 (with rounding), else percent already."""
    numbers = {str(key): _number(value, f"{what}[{key}]") for key, value in shares.items()}
    if numbers and sum(numbers.values()) <= 1.0 + 1e-9:
        return {key: round(value * 100.0, 9) for key, value in numbers.items()}
    return numbers


def history(points: Any) -> List[Dict[str, float]]:
    """The portfolio history as the agent reads it: at most the last 1,000 points, one per time."""
    read: Dict[float, float] = {}
    for point in list(points)[-MAX_HISTORY_POINTS:]:
        if isinstance(point, (tuple, list)) and len(point) == 2:
            at, value = point
        else:
            at = _attr(point, "timestamp", "time", "ts", "at")
            value = _attr(point, "value", "portfolio_value", "portfolio_value_usd")
            if at is _MISSING or value is _MISSING:
                raise FieldError("portfolio_history: a point needs a timestamp and a value")
        read[_epoch(at, "portfolio_history timestamp")] = _number(value, "portfolio_history value")
    return [{"timestamp": at, "value": value} for at, value in sorted(read.items())]


def _status_of(execution: Any) -> str:
    status = _attr(execution, "status", "state")
    return "unknown" if status is _MISSING or status is None else _name(status)


def executions(value: Any) -> Tuple[Dict[str, int], List[Dict[str, Any]]]:
    """Counts of executions by status, and the last failed ones (newest first, at most 10)."""
    items: Iterable[Tuple[Optional[str], Any]]
    if isinstance(value, Mapping):
        items = [(str(key), item) for key, item in value.items()]
    else:
        items = [(None, item) for item in value]
    counts: Dict[str, int] = {}
    failures: List[Tuple[float, Dict[str, Any]]] = []
    for key, execution in items:
        status = _status_of(execution)
        counts[status] = counts.get(status, 0) + 1
        if status in ("failed", "failure", "error"):
            task = _attr(execution, "task_name", "name", "task_id", "task")
            error = _attr(execution, "error", "error_message", "exception", "message")
            at = _attr(execution, "finished_at", "completed_at", "end_time", "timestamp", "started_at")
            failure: Dict[str, Any] = {"task": _text(key if task is _MISSING or task is None else task)}
            if error is not _MISSING and error is not None:
                failure["error"] = _text(error)
            when = 0.0
            if at is not _MISSING and at is not None:
                when = _epoch(at, "task execution time")
                failure["at"] = when
            failures.append((when, failure))
    failures.sort(key=lambda pair: pair[0], reverse=True)
    return counts, [failure for _, failure in failures[:MAX_FAILURES]]


def bound(snapshot: Snapshot) -> List[str]:
    """Leaves out a keyed field over the agent's bound, which would have the whole snapshot refused, and says why: the
    other fields still arrive, and the component reports the reason."""
    problems = []
    for name in ("metrics", "risk_limits", "protocol_allocations", "task_executions"):
        keyed = snapshot.get(name)
        if isinstance(keyed, Mapping) and len(keyed) > MAX_KEYS:
            del snapshot[name]
            problems.append(f"{name}: {len(keyed)} keys, over the agent's {MAX_KEYS}; not sent")
    return problems


class _Reader:
    """Reads one component's fields, noting the first failure instead of raising."""

    def __init__(self, component: Any, overrides: Mapping[str, Getter]) -> None:
        self.component = component
        self.overrides = overrides
        self.snapshot: Snapshot = {}
        self.problems: List[str] = []

    def field(self, name: str, read: Callable[[], Any], convert: Callable[[Any], Any]) -> None:
        try:
            override = self.overrides.get(name)
            value = override(self.component) if override is not None else read()
            if value is _MISSING or value is None:
                return
            self.snapshot[name] = convert(value)
        except FieldError as e:
            self.problems.append(str(e))
        except Exception as e:  # the bot's getter failed: say so, never raise into the bot
            self.problems.append(f"{name}: {type(e).__name__}: {e}")

    def finish(self) -> Snapshot:
        self.problems.extend(bound(self.snapshot))
        if self.problems:
            self.snapshot["status"] = "unhealthy"
            self.snapshot["status_reason"] = _text("; ".join(self.problems))
        else:
            self.snapshot.setdefault("status", "healthy")
        return self.snapshot


def read_risk_manager(rm: Any, overrides: Mapping[str, Getter]) -> Snapshot:
    r = _Reader(rm, overrides)
    r.field("risk_level", lambda: _attr(rm, "risk_level", "current_risk_level", "get_risk_level"), risk_level)
    r.field(
        "circuit_breaker_active",
        lambda: _attr(rm, "circuit_breaker_active", "is_circuit_breaker_active"),
        bool,
    )
    r.field(
        "risk_limits",
        lambda: _attr(rm, "risk_limits"),
        lambda v: {str(k): _number(x, f"risk_limits[{k}]") for k, x in _mapping(v, "risk_limits").items()
                   if _numeric(x)},
    )
    r.field(
        "portfolio_value_usd",
        lambda: _attr(rm, "portfolio_value_usd", "portfolio_value", "get_portfolio_value"),
        lambda v: _number(v, "portfolio_value_usd"),
    )
    return r.finish()


def read_capital_allocator(ca: Any, overrides: Mapping[str, Getter]) -> Snapshot:
    r = _Reader(ca, overrides)

    def utilization() -> Any:
        percent = _attr(ca, "capital_utilization_percent")
        if percent is not _MISSING:
            return _number(percent, "capital_utilization_percent")
        share = _attr(ca, "capital_utilization")
        if share is _MISSING:
            return share
        number = _number(share, "capital_utilization")
        return round(number * 100.0, 9) if number <= 1.0 else number  # a fraction, unless it is percent already

    r.field("capital_utilization_percent", utilization, lambda v: _number(v, "capital_utilization_percent"))
    r.field(
        "protocol_allocations",
        lambda: _attr(ca, "protocol_allocations", "current_allocations", "allocations"),
        lambda v: percentages(_mapping(v, "protocol_allocations"), "protocol_allocations"),
    )
    r.field("portfolio_history", lambda: _attr(ca, "portfolio_history"), history)
    return r.finish()


def read_scheduler(s: Any, overrides: Mapping[str, Getter]) -> Snapshot:
    r = _Reader(s, overrides)
    r.field("running", lambda: _attr(s, "_running", "running", "is_running"), bool)

    def count(value: Any) -> int:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return int(value)
        if isinstance(value, Sized):
            return len(value)
        raise FieldError(f"task_definitions: expected a count or a collection, got {type(value).__name__}")

    r.field("task_definitions", lambda: _attr(s, "_task_definitions", "task_definitions"), count)
    found: Dict[str, Any] = {}

    def counts(value: Any) -> Dict[str, int]:
        by_status, failures = executions(value)
        found["last_failures"] = failures
        return by_status

    r.field("task_executions", lambda: _attr(s, "_task_executions", "task_executions"), counts)
    if "last_failures" in found or "last_failures" in overrides:
        r.field("last_failures", lambda: found.get("last_failures", _MISSING), list)
    return r.finish()


READERS: Mapping[str, Callable[[Any, Mapping[str, Getter]], Snapshot]] = {
    "risk_manager": read_risk_manager,
    "capital_allocator": read_capital_allocator,
    "scheduler": read_scheduler,
}
