"""The real agent jar for the client's tests: started per test in a folder of its own, on a free port."""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

REPO = Path(__file__).resolve().parents[3]
JAR = Path(os.environ.get("AIRDROPS_AGENT_JAR", REPO / "bootstrap" / "target" / "airdrops-monitoring.jar"))
TOKEN = "client-test-token"
LISTENING = re.compile(r"listening on [^ ]+:(\d+),")


def java() -> str:
    home = os.environ.get("JAVA_HOME")
    return str(Path(home) / "bin" / "java") if home else "java"


class Agent:
    """One agent process: its URL, its log, and GETs against it."""

    def __init__(self, home: Path, env: Dict[str, str]) -> None:
        self.home = home
        self.log_path = home / "agent.log"
        self.process = subprocess.Popen(
            [java(), "-Xmx256m", "-jar", str(JAR)],
            cwd=home,
            env=env,
            stdout=self.log_path.open("wb"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        port: Optional[int] = None
        while port is None and time.monotonic() < deadline:
            match = LISTENING.search(self.log())
            if match:
                port = int(match.group(1))
            elif self.process.poll() is not None:
                raise RuntimeError("the agent exited at start:\n" + self.log())
            else:
                time.sleep(0.1)
        if port is None:
            raise RuntimeError("the agent did not start within 60 s:\n" + self.log())
        self.url = f"http://127.0.0.1:{port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def get(self, path: str) -> str:
        request = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def metrics(self) -> str:
        return self.get("/metrics")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_until(condition: Any, timeout: float = 20, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} not met within {timeout} s")


@pytest.fixture
def start_agent(tmp_path: Path) -> Iterator[Any]:
    """Starts the agent with ``components`` (YAML), ``rules`` and ``notifications`` (YAML or None), fast loops."""
    started: List[Agent] = []

    def start(
        components: str,
        rules: Optional[str] = None,
        notifications: Optional[str] = None,
        **extra: str,
    ) -> Agent:
        if not JAR.exists():
            pytest.fail(f"the agent jar is missing: build it first (mvn -DskipTests install), looked at {JAR}")
        home = tmp_path / f"agent{len(started)}"
        (home / "config").mkdir(parents=True)
        (home / "config" / "components.yaml").write_text(components)
        (home / "config" / "alert_rules.yaml").write_text(rules if rules is not None else "rules: []\n")
        (home / "config" / "notifications.yaml").write_text(notifications or "channels: []\n")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "MONITORING_HOME": str(home),
            "METRICS_HTTP_HOST": "127.0.0.1",
            "METRICS_HTTP_PORT": "0",
            "MONITORING_API_TOKEN": TOKEN,
            "METRICS_COLLECTION_INTERVAL": "1",
            "ALERT_EVALUATION_INTERVAL": "1",
        }
        env.update(extra)
        agent = Agent(home, env)
        started.append(agent)
        return agent

    yield start
    for agent in started:
        agent.stop()


class Receiver:
    """A webhook receiver keeping each request's headers and raw body."""

    def __init__(self) -> None:
        self.requests: List[Dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.requests.append({"headers": dict(self.headers.items()), "body": body})
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def alerts(self) -> List[str]:
        """Each alert received, as "status alertname[ component]"."""
        seen = []
        for request in list(self.requests):
            for alert in json.loads(request["body"])["alerts"]:
                labels = alert["labels"]
                seen.append(f"{alert['status']} {labels['alertname']} {labels.get('component', '')}".strip())
        return seen

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()
