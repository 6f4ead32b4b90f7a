"""The reporter: pushes the bot's components to the agent from a daemon thread, and can never hurt the bot."""

from __future__ import annotations

import atexit
import email.utils
import json
import logging
import os
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from typing import Any, Callable, Dict, Mapping, Optional

from .snapshots import READERS, ROLES, Getter, Snapshot, _text, bound
from .status import StatusServer

LOG = logging.getLogger("airdrops_monitoring")

USER_AGENT = "airdrops-monitoring-client/0.1"
MAX_BACKOFF = 60.0
#: Every reporter alive: a fork's child disables its copies (their threads did not come along).
_REPORTERS: "weakref.WeakSet[Reporter]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for reporter in list(_REPORTERS):
        reporter._forked()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class PushResult:
    """What one push of one component came to: ``ok``, ``refused`` (4xx: the snapshot or token is wrong, retrying the
    same would not help) or ``failed`` (unreachable, timed out, 5xx, 429), with the agent's reason."""

    __slots__ = ("component", "outcome", "status", "reason", "retry_after")

    def __init__(
        self, component: str, outcome: str, status: int, reason: str, retry_after: Optional[float] = None
    ) -> None:
        self.component = component
        self.outcome = outcome
        self.status = status
        self.reason = reason
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"PushResult({self.component!r}, {self.outcome!r}, {self.status}, {self.reason!r})"


class Reporter:
    """Reports the bot's components to the agent.

    ``Reporter(agent_url, token).attach(risk_manager=rm, capital_allocator=ca, scheduler=s)`` starts a daemon thread
    that pushes a complete snapshot of each component every ``interval`` seconds to
    ``POST {agent_url}/api/v1/components/{name}``. Every request has a ``timeout``; failures are retried with
    exponential backoff and jitter (honouring ``Retry-After``); nothing queues: the next push reads the components
    afresh. The log gets one line when the agent becomes unreachable and one when it is back, and one per new refusal.
    Nothing raises into the bot's code after construction.

    Keep ``interval`` well below the components' ``stale_after_seconds`` on the agent (a third of it or less): a
    component not heard from for that long pages as down.
    """

    def __init__(
        self,
        agent_url: str,
        token: Optional[str] = None,
        *,
        interval: float = 10.0,
        timeout: float = 5.0,
        names: Optional[Mapping[str, str]] = None,
    ) -> None:
        parsed = urllib.parse.urlsplit(agent_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"agent_url must be an http(s) URL such as http://127.0.0.1:8000, got {agent_url!r}")
        if interval <= 0 or timeout <= 0:
            raise ValueError("interval and timeout must be > 0")
        self.agent_url = agent_url.rstrip("/")
        self.token = token
        self.interval = float(interval)
        self.timeout = float(timeout)
        self._names: Dict[str, str] = {role: role for role in ROLES}
        self._names.update(names or {})
        self._sources: Dict[str, Callable[[], Snapshot]] = {}
        self._lock = threading.Lock()
        self._push_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._pid = os.getpid()
        self._reachable: Optional[bool] = None
        self._refusals: Dict[str, str] = {}
        self._failures = 0
        self._retry_at = 0.0
        #: Counts since the start: pushes ``sent``, ``refused`` by the agent, ``failed`` to reach it.
        self.stats: Dict[str, int] = {"sent": 0, "refused": 0, "failed": 0}
        self.last_results: Dict[str, PushResult] = {}
        _REPORTERS.add(self)

    # -- what to report -------------------------------------------------------------------------------------------

    def attach(
        self,
        risk_manager: Any = None,
        capital_allocator: Any = None,
        scheduler: Any = None,
        *,
        fields: Optional[Mapping[str, Getter]] = None,
        components: Optional[Mapping[str, Callable[[], Mapping[str, Any]]]] = None,
        start: bool = True,
    ) -> "Reporter":
        """Attaches the bot's components, read by duck typing (see ``airdrops_monitoring.snapshots``).

        ``fields`` overrides how a field is read: ``{"risk_level": lambda rm: rm.level}``, or ``"scheduler.running"``
        for one role. ``components`` watches any other component by a function returning its snapshot dict, pushed
        under its key's name. Starts the reporting thread unless ``start`` is false.
        """
        roles = {"risk_manager": risk_manager, "capital_allocator": capital_allocator, "scheduler": scheduler}
        overrides = dict(fields or {})
        with self._lock:
            for role, component in roles.items():
                if component is None:
                    continue
                own = {
                    key.split(".", 1)[-1]: getter
                    for key, getter in overrides.items()
                    if "." not in key or key.split(".", 1)[0] == role
                }
                self._sources[self._names[role]] = _role_source(role, component, own)
            for name, source in (components or {}).items():
                self._sources[name] = _custom_source(source)
        if start:
            self.start()
        return self

    def snapshots(self) -> Dict[str, Snapshot]:
        """A complete snapshot of every attached component, as the next push sends it."""
        with self._lock:
            sources = dict(self._sources)
        return {name: source() for name, source in sources.items()}

    # -- the thread -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Starts the daemon thread (once; not in a forked child, whose parent's thread did not come along)."""
        with self._lock:
            if self._thread is not None or self._stop.is_set() or os.getpid() != self._pid:
                return
            self._thread = threading.Thread(target=self._run, name="airdrops-monitoring-reporter", daemon=True)
            self._thread.start()
            # A normal exit (the end of the program, sys.exit) says the stop is planned; a SIGTERM needs the bot's own
            # handler (Python's default ends the process without running exit handlers).
            atexit.register(self.close)

    def _run(self) -> None:
        while not self._stop.is_set():
            wait = self.interval
            try:
                self._push_all()
                if self._failures:
                    wait = self._backoff()
            except Exception:  # never let the thread die: the next round tries again
                LOG.exception("airdrops-monitoring: reporting failed; retrying in %.0f s", wait)
            self._wake.wait(wait)
            self._wake.clear()

    def _backoff(self) -> float:
        base: float = min(max(self.interval, MAX_BACKOFF), self.interval * 2.0 ** min(self._failures - 1, 10))
        delay: float = base * random.uniform(0.5, 1.0)
        return max(delay, self._retry_at - time.monotonic(), 0.05)

    def report_now(self) -> bool:
        """Pushes every component now, on the calling thread, and returns within the timeout whatever the agent does
        (waiting for a push of the reporting thread in flight counts too); True if every component went in."""
        if os.getpid() != self._pid:
            return False
        try:
            results = self._push_all(time.monotonic() + self.timeout)
            return bool(results) and all(result.outcome == "ok" for result in results.values())
        except Exception:
            LOG.exception("airdrops-monitoring: reporting failed")
            return False

    def close(self, timeout: Optional[float] = None) -> None:
        """Stops reporting: sends each component a last snapshot that says it is stopping (a planned stop, not a
        crash, on the agent), within ``timeout`` seconds in all (the request timeout by default)."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._wake.set()
        if os.getpid() != self._pid:
            return
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))
        try:
            snapshots = self.snapshots()
        except Exception:
            LOG.exception("airdrops-monitoring: reading the components for the last report failed")
            return
        for name, snapshot in snapshots.items():
            left = deadline - time.monotonic()
            if left <= 0:
                LOG.warning("airdrops-monitoring: no time left to tell the agent that %s is stopping", name)
                break
            snapshot["status"] = "stopping"
            snapshot.pop("status_reason", None)
            self._push(name, snapshot, min(self.timeout, left))

    def serve_status(self, port: int, host: str = "127.0.0.1") -> "StatusServer":
        """Pull mode (``source: poll``): answers ``GET /<component>`` with the same snapshot JSON as the pushes."""
        return StatusServer(self.snapshots, port, host)

    def __enter__(self) -> "Reporter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _forked(self) -> None:
        """In a forked child: the reporting thread stayed with the parent, and the child starts none."""
        self._thread = None
        self._lock = threading.Lock()
        self._push_lock = threading.Lock()

    # -- pushing --------------------------------------------------------------------------------------------------

    def _push_all(self, deadline: Optional[float] = None) -> Dict[str, PushResult]:
        """Pushes every component; with a deadline, nothing waits past it (components left over are not pushed)."""
        wait = -1.0 if deadline is None else max(0.0, deadline - time.monotonic())
        if not self._push_lock.acquire(timeout=wait):
            return {}
        try:
            if time.monotonic() < self._retry_at:
                return {}
            results: Dict[str, PushResult] = {}
            for name, snapshot in self.snapshots().items():
                left = self.timeout if deadline is None else min(self.timeout, deadline - time.monotonic())
                if left <= 0:
                    results[name] = PushResult(name, "failed", 0, "not pushed: the call's timeout had passed")
                    continue
                results[name] = self._push(name, snapshot, left)
            return results
        finally:
            self._push_lock.release()

    def _push(self, name: str, snapshot: Snapshot, timeout: float) -> PushResult:
        result = self._send(name, snapshot, timeout)
        self.last_results[name] = result
        if result.outcome == "ok":
            self.stats["sent"] += 1
            self._failures = 0
            self._refusals.pop(name, None)
            self._reachable_now(True, result)
        elif result.outcome == "refused":
            self.stats["refused"] += 1
            self._reachable_now(True, result)
            if self._refusals.get(name) != result.reason:
                self._refusals[name] = result.reason
                LOG.warning(
                    "airdrops-monitoring: the agent refused the snapshot of %s (HTTP %d): %s",
                    name, result.status, result.reason,
                )
        else:
            self.stats["failed"] += 1
            self._failures += 1
            if result.retry_after is not None:
                self._retry_at = time.monotonic() + result.retry_after
            self._reachable_now(False, result)
        return result

    def _reachable_now(self, reachable: bool, result: PushResult) -> None:
        if reachable == self._reachable:
            return
        before = self._reachable
        self._reachable = reachable
        if not reachable:
            LOG.warning("airdrops-monitoring: agent at %s unreachable: %s", self.agent_url, result.reason)
        elif before is False:
            LOG.warning("airdrops-monitoring: agent at %s reachable again", self.agent_url)

    def _send(self, name: str, snapshot: Snapshot, timeout: float) -> PushResult:
        url = f"{self.agent_url}/api/v1/components/{urllib.parse.quote(name, safe='')}"
        try:
            body = json.dumps(snapshot, allow_nan=False).encode("utf-8")
        except (TypeError, ValueError) as e:
            return PushResult(name, "refused", 0, f"snapshot is not JSON: {e}")
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(65536)
                return PushResult(name, "ok", response.status, "accepted")
        except urllib.error.HTTPError as e:
            reason = _error_text(e)
            if e.code == 429 or e.code >= 500:
                return PushResult(name, "failed", e.code, f"HTTP {e.code}: {reason}", _retry_after(e.headers))
            return PushResult(name, "refused", e.code, reason)
        except Exception as e:  # unreachable, refused connection, timeout, reset
            return PushResult(name, "failed", 0, f"{type(e).__name__}: {e}")


def _role_source(role: str, component: Any, overrides: Mapping[str, Getter]) -> Callable[[], Snapshot]:
    reader = READERS[role]
    return lambda: reader(component, overrides)


def _custom_source(source: Callable[[], Mapping[str, Any]]) -> Callable[[], Snapshot]:
    def read() -> Snapshot:
        try:
            snapshot = dict(source())
        except Exception as e:
            return {"status": "unhealthy", "status_reason": _text(f"{type(e).__name__}: {e}")}
        problems = bound(snapshot)
        if problems:
            snapshot["status"] = "unhealthy"
            snapshot["status_reason"] = _text("; ".join(problems))
        snapshot.setdefault("status", "healthy")
        return snapshot

    return read


def _error_text(error: urllib.error.HTTPError) -> str:
    try:
        raw = error.read(8192).decode("utf-8", "replace")
        parsed = json.loads(raw)
        if isinstance(parsed, dict) and "error" in parsed:
            return str(parsed["error"])
        return raw[:300]
    except Exception:
        return str(error.reason)


def _retry_after(headers: Any) -> Optional[float]:
    raw = headers.get("Retry-After") if headers is not None else None
    value = str(raw) if raw else ""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None
