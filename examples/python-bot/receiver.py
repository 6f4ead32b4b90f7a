"""A team's webhook receiver: checks each request with the client's verify_webhook and prints what it was told.

    WEBHOOK_SECRET=whsec_... python3 receiver.py [port]      (port 9099 by default)

Prints "verified <status> <alertname> <component>" per alert, or "REFUSED" for a request whose signature or
timestamp does not check out (a forgery, or a replay older than 5 minutes), and answers 401 to it.
"""

from __future__ import annotations

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from airdrops_monitoring import verify_webhook

SECRET = os.environ["WEBHOOK_SECRET"]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verify_webhook(SECRET, dict(self.headers.items()), body):
            print("REFUSED", flush=True)
            self.send_response(401)
        else:
            for alert in json.loads(body)["alerts"]:
                labels = alert["labels"]
                words = ["verified", alert["status"], labels["alertname"], labels.get("component", "")]
                print(" ".join(word for word in words if word), flush=True)
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9099), Handler).serve_forever()
