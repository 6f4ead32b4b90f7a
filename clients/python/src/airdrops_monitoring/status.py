"""Pull mode: the same snapshots as the pushes, answered over HTTP for components with ``source: poll``."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Tuple


class StatusServer:
    """Answers ``GET /<component>`` with that component's snapshot JSON (``GET /`` with all of them), on a daemon
    thread; a component's poll URL in ``components.yaml`` is ``http://<host>:<port>/<component>``."""

    def __init__(self, snapshots: Callable[[], Dict[str, Dict[str, Any]]], port: int, host: str = "127.0.0.1") -> None:
        read = snapshots

        class Handler(BaseHTTPRequestHandler):
            server_version = "airdrops-monitoring-client"

            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                try:
                    all_snapshots = read()
                except Exception as e:
                    self._answer(500, {"error": f"{type(e).__name__}: {e}"})
                    return
                name = self.path.strip("/").split("?", 1)[0]
                if not name:
                    self._answer(200, all_snapshots)
                elif name in all_snapshots:
                    self._answer(200, all_snapshots[name])
                else:
                    self._answer(404, {"error": f"no component {name!r}", "components": sorted(all_snapshots)})

            def _answer(self, status: int, body: Any) -> None:
                raw = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="airdrops-monitoring-status", daemon=True
        )
        self._thread.start()

    @property
    def address(self) -> Tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
