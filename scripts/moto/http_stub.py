#!/usr/bin/env python3
"""A tiny scripted HTTP server for fault tests (throttling, 5xx, hangs, garbage bodies).

Usage: http_stub.py '<json script>'
The script is {"responses": [step, ...]}; each request to any path consumes the next step and
the last step repeats forever. A step is
  {"status": 200, "headers": {"Content-Type": "..."}, "body": "text", "action": "respond"}
with action one of:
  respond  answer with status, headers and body (default)
  hang     read the request, then never answer (until the client gives up or the stub stops)
  close    close the connection without answering
  trickle  answer with status, headers and the body's length at once, then one body byte
           every 0.2 s (a server that never goes idle but never finishes in time)
  echo     answer with status, and a body that repeats the request's headers and body (in place
           of "{request}" when the step's body contains it, else as the whole body; XML-escaped
           when the step's Content-Type is XML)
Control endpoints (not counted as requests): GET /__stub__/requests returns the recorded
requests as JSON (method, path, headers, body). The server binds 127.0.0.1 on a free port and
prints "LISTENING <port>" on stdout once it accepts connections. It exits when stdin closes
(so it never outlives the process that started it) or on SIGTERM.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

from loopback_server import serve_until_stdin_closes

SCRIPT = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"responses": [{"status": 200, "body": ""}]}
STEPS = SCRIPT.get("responses") or [{"status": 200, "body": ""}]
LOCK = threading.Lock()
RECORDED = []
STOP = threading.Event()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep stderr quiet
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/__stub__/requests"):
            with LOCK:
                payload = json.dumps(RECORDED).encode()
            self._send(200, {"Content-Type": "application/json"}, payload)
            return
        with LOCK:
            index = len(RECORDED)
            RECORDED.append({
                "method": self.command,
                "path": self.path,
                "headers": {k: v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            })
            step = STEPS[min(index, len(STEPS) - 1)]
        action = step.get("action", "respond")
        if action == "hang":
            while not STOP.wait(0.2):
                pass
            return
        if action == "close":
            self.close_connection = True
            return
        status = int(step.get("status", 200))
        headers = dict(step.get("headers") or {})
        if action == "trickle":
            self._trickle(status, headers, step.get("body", "").encode())
            return
        if action == "echo":
            lines = [f"{k}: {v}" for k, v in self.headers.items()] + ["", body.decode("utf-8", "replace")]
            dump = "\n".join(lines)
            if "xml" in headers.get("Content-Type", ""):
                dump = dump.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            template = step.get("body", "")
            payload = (template.replace("{request}", dump) if "{request}" in template else dump).encode()
        else:
            payload = step.get("body", "").encode()
        self._send(status, headers, payload)

    def _send_head(self, status, headers, length):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(self, status, headers, payload):
        self._send_head(status, headers, len(payload))
        self.wfile.write(payload)

    def _trickle(self, status, headers, payload):
        self._send_head(status, headers, len(payload))
        self.wfile.flush()
        for byte in payload:
            if STOP.wait(0.2):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up
                return

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


def main():
    serve_until_stdin_closes(Handler, stop=STOP)


if __name__ == "__main__":
    main()
