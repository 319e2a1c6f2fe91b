#!/usr/bin/env python3
"""Measures the Lambda cold start of a bootstrap binary: process start to its first
GET /2018-06-01/runtime/invocation/next, against a local Runtime API stub (loopback only).

Usage: scripts/lambda/cold_start.py BOOTSTRAP CONFIG_DIR [--runs N] [--handler H]
Prints each run and the median in milliseconds. The stub answers `next` with nothing (it blocks),
so each run ends when the first `next` arrives; the process is then killed.
"""
import argparse
import os
import statistics
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIRST_NEXT = threading.Event()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.endswith("/runtime/invocation/next"):
            FIRST_NEXT.set()
        time.sleep(30)  # like Lambda between invocations: no event yet

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        print(f"unexpected POST {self.path}: {body}")
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bootstrap")
    parser.add_argument("config")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--handler", default="worker:IamRoleWorkerShip")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{server.server_address[1]}", _HANDLER=args.handler,
               STARFLEET_CONFIG_DIR=os.path.abspath(args.config), AWS_REGION="us-east-1",
               AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
    samples = []
    for run in range(args.runs):
        FIRST_NEXT.clear()
        started = time.monotonic()
        process = subprocess.Popen([os.path.abspath(args.bootstrap)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not FIRST_NEXT.wait(10):
            process.kill()
            raise SystemExit(f"run {run + 1}: no `next` call within 10 s: {process.stderr.read().decode()}")
        elapsed = (time.monotonic() - started) * 1000
        process.kill()
        process.wait()
        samples.append(elapsed)
        print(f"run {run + 1}: {elapsed:.1f} ms")
    print(f"median {statistics.median(samples):.1f} ms, min {min(samples):.1f} ms, max {max(samples):.1f} ms over {len(samples)} runs")


if __name__ == "__main__":
    main()
