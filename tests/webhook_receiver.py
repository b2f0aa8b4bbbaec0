#!/usr/bin/python3
"""A webhook receiver for the integration tests (tests/it/webhooks.rs).

Listens on 127.0.0.1 (port 0; prints "port N" on stdout once it listens),
takes POSTs at /hook/NAME, and verifies each signature with the
independent `standardwebhooks` package against the secret of NAME read
from SECRETS (a JSON object NAME -> "whsec_..."). Each request becomes one
JSON line in LOG: path, the webhook-* headers, the body, whether it
verified (and why not), and the status it was answered with.

Its behaviour is switched at run time through CONTROL, a JSON object read
at every request: {"mode": "ok" | "500" | "sleep" | "302", "count": N,
"sleep": SECONDS}. While count > 0 a request gets the mode's answer (500,
an answer only after SLEEP seconds, or a 302 to /elsewhere) and count goes
down by one; then every request gets 200.

usage: webhook_receiver.py LOG CONTROL SECRETS
"""

import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook

LOG, CONTROL, SECRETS = sys.argv[1], sys.argv[2], sys.argv[3]
LOCK = threading.Lock()
MAX_BODY = 4 << 20


def read_json(path, default):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def take_mode():
    """The mode for this request, counting it down (under the lock)."""
    with LOCK:
        c = read_json(CONTROL, {})
        mode, count = c.get("mode", "ok"), int(c.get("count", 0))
        if mode == "ok" or count <= 0:
            return "ok", 0
        c["count"] = count - 1
        tmp = CONTROL + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(c, f)
        os.replace(tmp, CONTROL)
        return mode, float(c.get("sleep", 0))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, delayed ACKs
    # hold each answer ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(min(length, MAX_BODY))
        name = self.path.rsplit("/", 1)[-1]
        headers = {k.lower(): v for k, v in self.headers.items()}
        secret = read_json(SECRETS, {}).get(name)
        verified, error = False, None
        if secret is None:
            error = f"no secret for {name}"
        else:
            try:
                Webhook(secret).verify(body, headers)
                verified = True
            except Exception as e:  # noqa: BLE001 - recorded for the test
                error = f"{type(e).__name__}: {e}"
        mode, sleep = take_mode()
        status = {"ok": 200, "500": 500, "sleep": 200, "302": 302}.get(mode, 200)
        record = {
            "path": self.path,
            "webhook-id": headers.get("webhook-id"),
            "webhook-timestamp": headers.get("webhook-timestamp"),
            "webhook-signature": headers.get("webhook-signature"),
            "content-type": headers.get("content-type"),
            "body": body.decode("utf-8", "replace"),
            "verified": verified,
            "error": error,
            "mode": mode,
            "status": status,
            "at": time.time(),
        }
        # Recorded on arrival, so the log's order is the order requests came.
        with LOCK:
            with open(LOG, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
        if mode == "sleep":
            time.sleep(sleep)
        answer = b'{"received": true}' if status == 200 else b"nope"
        try:
            self.send_response(status)
            if status == 302:
                self.send_header("Location", "/elsewhere")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except OSError:
            pass  # the sender gave up (a timeout): nothing to answer


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
