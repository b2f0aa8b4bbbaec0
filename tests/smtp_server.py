#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for scimctl's integration tests.

    smtp_server.py DIR [--tls starttls|implicit --cert PEM --key PEM]

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and stores
every accepted message as DIR/messages/<n>.json: {"mail_from", "rcpt_tos",
"data"} (written whole, then renamed into place). Its behaviour is switched
at run time by files in DIR/control/:

    tempfail    while it exists, every RCPT gets 451 (a transient failure)
    reject      a regular expression: matching recipients get 550
    slow        seconds to wait after storing a message, before the 250
                (a sender killed then has had its message accepted but
                never heard so)

With --tls starttls it offers (and requires) STARTTLS with the given
certificate; with --tls implicit it speaks TLS from the first byte.

It exits when its standard input closes (the test process died or is done)
or after --max-seconds (default 900), whichever comes first.
"""

import argparse
import asyncio
import json
import os
import re
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, root):
        self.root = root
        self.messages = os.path.join(root, "messages")
        self.control = os.path.join(root, "control")
        os.makedirs(self.messages, exist_ok=True)
        os.makedirs(self.control, exist_ok=True)
        self.count = 0
        self.lock = threading.Lock()

    def _control(self, name):
        path = os.path.join(self.control, name)
        try:
            with open(path, encoding="utf-8") as f:
                return f.read().strip()
        except FileNotFoundError:
            return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self._control("tempfail") is not None:
            return "451 4.3.0 Temporary failure, try again later"
        pattern = self._control("reject")
        if pattern and re.search(pattern, address):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": envelope.content.decode("utf-8", errors="replace"),
        }
        tmp = os.path.join(self.messages, f".{n:05d}.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(self.messages, f"{n:05d}.json"))
        slow = self._control("slow")
        if slow:
            await asyncio.sleep(float(slow))
        return "250 2.0.0 Message accepted for delivery"


class BoundController(Controller):
    """A Controller on a socket bound beforehand (port 0: a free port)."""

    def __init__(self, handler, sock, **kwargs):
        self._sock = sock
        super().__init__(
            handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs
        )

    def _create_server(self):
        return self.loop.create_server(
            self._factory_invoker, sock=self._sock, ssl=self.ssl_context
        )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--max-seconds", type=float, default=900.0)
    p.add_argument("--tls", choices=["starttls", "implicit"])
    p.add_argument("--cert")
    p.add_argument("--key")
    a = p.parse_args()
    kwargs = {}
    if a.tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.cert, a.key)
        if a.tls == "starttls":
            kwargs = {"tls_context": ctx, "require_starttls": True}
        else:
            kwargs = {"ssl_context": ctx}
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    controller = BoundController(Handler(a.dir), sock, **kwargs)
    controller.start()
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    done = threading.Event()

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1024):
                pass
        finally:
            done.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    done.wait(a.max_seconds)
    controller.stop()


if __name__ == "__main__":
    main()
