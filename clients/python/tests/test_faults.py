"""The reporter can never hurt the bot: an agent stopped, frozen, failing or throttling costs the bot at most a timeout,
and the reporter backs off, honours Retry-After and logs once per change."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator, List, Tuple

import pytest

from airdrops_monitoring import Reporter


class Rm:
    risk_level = "low"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def frozen() -> Iterator[str]:
    """A socket that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: List[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


class Scripted:
    """An HTTP server answering pushes from a script of (status, headers) and recording when each came."""

    def __init__(self, answers: List[Tuple[int, dict[str, str]]]) -> None:
        self.answers = answers
        self.times: List[float] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.times.append(time.monotonic())
                status, headers = outer.answers[min(len(outer.times), len(outer.answers)) - 1]
                body = b'{"error": "scripted"}'
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def report_to(agent: Scripted, pushes: int) -> Scripted:
    """Reports to ``agent`` every 0.1 s until it has had ``pushes`` pushes (10 s at most), then stops it."""
    try:
        reporter = Reporter(agent.url, "t", interval=0.1, timeout=1).attach(risk_manager=Rm())
        deadline = time.monotonic() + 10
        while len(agent.times) < pushes and time.monotonic() < deadline:
            time.sleep(0.05)
        reporter.close(timeout=1)
    finally:
        agent.close()
    return agent


def test_a_stopped_agent_costs_a_failed_call_and_one_log_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "airdrops_monitoring")
    reporter = Reporter(f"http://127.0.0.1:{free_port()}", "t", timeout=1).attach(risk_manager=Rm(), start=False)
    started = time.monotonic()
    assert reporter.report_now() is False
    assert reporter.report_now() is False
    assert time.monotonic() - started < 2
    assert reporter.stats["failed"] == 2
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1, "one line when the agent becomes unreachable, not one per push"


def test_a_frozen_agent_returns_the_bots_call_within_the_timeout(frozen: str) -> None:
    reporter = Reporter(frozen, "t", timeout=0.5).attach(risk_manager=Rm(), start=False)
    started = time.monotonic()
    assert reporter.report_now() is False
    assert time.monotonic() - started < 1.5
    assert "timed out" in reporter.last_results["risk_manager"].reason


def test_close_against_a_frozen_agent_ends_within_its_bound(frozen: str) -> None:
    reporter = Reporter(frozen, "t", timeout=5).attach(risk_manager=Rm(), scheduler=object())
    started = time.monotonic()
    reporter.close(timeout=1.0)
    assert time.monotonic() - started < 2.0


def test_500s_back_off_then_recover_and_say_so_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "airdrops_monitoring")
    agent = report_to(Scripted([(500, {}), (503, {}), (200, {})]), pushes=4)
    assert len(agent.times) >= 4
    assert agent.times[1] - agent.times[0] >= 0.05, "a backoff between failures"
    messages = [r.getMessage() for r in caplog.records if agent.url in r.getMessage()]
    assert sum("unreachable" in m for m in messages) == 1
    assert sum("reachable again" in m for m in messages) == 1


def test_429_with_retry_after_is_honoured() -> None:
    agent = report_to(Scripted([(429, {"Retry-After": "2"}), (200, {})]), pushes=2)
    assert len(agent.times) >= 2
    assert agent.times[1] - agent.times[0] >= 1.9, "no push before Retry-After has passed"


def test_a_getter_that_raises_never_reaches_the_bot() -> None:
    class Broken:
        @property
        def risk_level(self) -> str:
            raise ZeroDivisionError("division by zero")

    reporter = Reporter(f"http://127.0.0.1:{free_port()}", "t").attach(risk_manager=Broken(), start=False)
    snapshot = reporter.snapshots()["risk_manager"]
    assert snapshot["status"] == "unhealthy"
    assert "ZeroDivisionError" in snapshot["status_reason"]


def test_a_forked_child_runs_no_second_reporter() -> None:
    agent = Scripted([(200, {})])
    try:
        reporter = Reporter(agent.url, "t", interval=0.05, timeout=1).attach(risk_manager=Rm())
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the parent's reporter thread did not come along, and none starts
            try:
                reporter.start()
                reporter.attach(scheduler=object())
                ours = [t for t in threading.enumerate() if t.name == "airdrops-monitoring-reporter"]
                pushed = reporter.report_now()
                os.write(write, f"{len(ours)} {pushed}".encode())
            finally:
                os._exit(0)
        os.close(write)
        os.waitpid(pid, 0)
        answer = os.read(read, 100).decode()
        os.close(read)
        reporter.close(timeout=1)
    finally:
        agent.close()
    assert answer == "0 False"


def test_the_bots_call_returns_within_the_timeout_even_behind_a_push_in_flight(frozen: str) -> None:
    reporter = Reporter(frozen, "t", interval=10, timeout=1).attach(
        risk_manager=Rm(), scheduler=object(), components={"wallet": lambda: {"metrics": {"gas": 1}}}
    )
    deadline = time.monotonic() + 5
    while not reporter._push_lock.locked() and time.monotonic() < deadline:  # the thread's round is in flight
        time.sleep(0.01)
    assert reporter._push_lock.locked()
    started = time.monotonic()
    assert reporter.report_now() is False
    assert time.monotonic() - started < 1.5, "one timeout in all, not one per component or behind the thread's round"
