#!/usr/bin/env python3
"""A local stand-in for the AWS Lambda Runtime API (2018-06-01), loopback only.

Usage: runtime_api_stub.py EVENTS.json
EVENTS.json is a list of {"id": "<request id>", "event": <any JSON>}; each
GET /2018-06-01/runtime/invocation/next hands out the next one (with the Lambda-Runtime-*
headers); once they are used up, `next` blocks until the stub stops, as Lambda's does between
invocations. POSTs to .../invocation/<id>/response, .../invocation/<id>/error and
/2018-06-01/runtime/init/error are recorded.
Control: GET /__stub__/results returns {"next_calls": n, "first_next_at": monotonic seconds,
"results": [{"kind": "response"|"error"|"init_error", "id": …, "body": …, "headers": {…}}]}.
Prints "LISTENING <port>" once it accepts connections; exits when stdin closes or on SIGTERM.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

# The stub protocol shared with the other loopback stubs (scripts/moto/loopback_server.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "moto"))
from loopback_server import serve_until_stdin_closes  # noqa: E402

PREFIX = "/2018-06-01/runtime"
LOCK = threading.Lock()
STOP = threading.Event()
STATE = {"events": [], "next_calls": 0, "first_next_at": None, "results": []}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Without this every keep-alive exchange waits ~40 ms for a delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/__stub__/results":
            with LOCK:
                payload = json.dumps({k: STATE[k] for k in ("next_calls", "first_next_at", "results")}).encode()
            self._send(200, payload, {"Content-Type": "application/json"})
            return
        if self.path != PREFIX + "/invocation/next":
            self._send(404, b'{"errorMessage": "unknown path"}')
            return
        with LOCK:
            STATE["next_calls"] += 1
            if STATE["first_next_at"] is None:
                STATE["first_next_at"] = time.monotonic()
            item = STATE["events"].pop(0) if STATE["events"] else None
        if item is None:
            while not STOP.wait(0.2):
                pass
            return
        body = json.dumps(item["event"]).encode()
        deadline = int((time.time() + 300) * 1000)
        self._send(200, body, {
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": item["id"],
            "Lambda-Runtime-Deadline-Ms": str(deadline),
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:000000000000:function:starfleet-test",
            "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000",
        })

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        kind, request_id = None, None
        if self.path == PREFIX + "/init/error":
            kind = "init_error"
        elif self.path.startswith(PREFIX + "/invocation/"):
            rest = self.path[len(PREFIX + "/invocation/"):]
            request_id, _, action = rest.partition("/")
            kind = {"response": "response", "error": "error"}.get(action)
        if kind is None:
            self._send(404, b'{"errorMessage": "unknown path"}')
            return
        with LOCK:
            STATE["results"].append({"kind": kind, "id": request_id, "body": body,
                                     "headers": {k: v for k, v in self.headers.items()}})
        self._send(202, b'{"status": "OK"}', {"Content-Type": "application/json"})


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        STATE["events"] = json.load(handle)
    serve_until_stdin_closes(Handler, stop=STOP)


if __name__ == "__main__":
    main()
