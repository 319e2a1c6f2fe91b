#!/usr/bin/env python3
"""A local stand-in for SQS (JSON protocol) and S3 GetObject whose every answer takes DELAY ms,
like a network round trip, for the Starbase fan-out benchmark.

    python3 scripts/bench/sqs_stub.py --template FILE [--delay-ms 15] [--bucket starfleet-templates]
                                      [--key IamRoleWorkerShip/bench.yaml]

Prints "LISTENING <port>" once it accepts connections. Serves, on one port:
  * ReceiveMessage: the fan-out queue hands out one timed tasking {"worker_ship", "template_prefix"}
    for the template, once; afterwards (and on every other queue) nothing;
  * SendMessageBatch: accepts every entry (counted), DeleteMessageBatch / ChangeMessageVisibility: ok,
    GetQueueAttributes: VisibilityTimeout 30;
  * GET /BUCKET/KEY (S3 path style): the template file;
  * GET /__stats__: {"batches": n, "messages": n, "bodies_bytes": n, "ids_unique": bool}.
Threaded, with Nagle off (otherwise every keep-alive answer waits for a 40 ms delayed ACK).
"""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--template", required=True)
    parser.add_argument("--delay-ms", type=float, default=15)
    parser.add_argument("--bucket", default="starfleet-templates")
    parser.add_argument("--key", default="IamRoleWorkerShip/bench.yaml")
    parser.add_argument("--ship", default="IamRoleWorkerShip")
    args = parser.parse_args()
    template = open(args.template, "rb").read()
    delay = args.delay_ms / 1000
    lock = threading.Lock()
    stats = {"batches": 0, "messages": 0, "bodies_bytes": 0}
    ids = set()
    handed_out = {"done": False}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *_):
            pass

        def answer(self, status, body, content_type="application/x-amz-json-1.0"):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", "stub")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/__stats__":
                with lock:
                    self.answer(200, dict(stats, ids_unique=len(ids) == stats["messages"]), "application/json")
                return
            time.sleep(delay)
            if self.path.split("?")[0] == f"/{args.bucket}/{args.key}":
                self.answer(200, template, "application/x-yaml")
            else:
                self.answer(404, b"<Error><Code>NoSuchKey</Code><Message>no</Message></Error>", "application/xml")

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length) or b"{}")
            operation = (self.headers.get("X-Amz-Target") or "").split(".")[-1]
            time.sleep(delay)
            if operation == "SendMessageBatch":
                entries = request.get("Entries", [])
                with lock:
                    stats["batches"] += 1
                    stats["messages"] += len(entries)
                    stats["bodies_bytes"] += sum(len(e["MessageBody"]) for e in entries)
                    ids.update(e["Id"] for e in entries)
                self.answer(200, {"Successful": [{"Id": e["Id"], "MessageId": e["Id"], "MD5OfMessageBody": "x"}
                                                 for e in entries], "Failed": []})
            elif operation == "ReceiveMessage":
                messages = []
                with lock:
                    if "fan-out" in request.get("QueueUrl", "") and not handed_out["done"]:
                        handed_out["done"] = True
                        body = json.dumps({"worker_ship": args.ship, "template_prefix": args.key})
                        messages = [{"MessageId": "fan-out-1", "ReceiptHandle": "r1", "MD5OfBody": "x", "Body": body,
                                     "Attributes": {"ApproximateReceiveCount": "1"}}]
                self.answer(200, {"Messages": messages} if messages else {})
            elif operation == "DeleteMessageBatch":
                self.answer(200, {"Successful": [{"Id": e["Id"]} for e in request.get("Entries", [])], "Failed": []})
            elif operation == "GetQueueAttributes":
                self.answer(200, {"Attributes": {"VisibilityTimeout": "30"}})
            else:
                self.answer(200, {})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"LISTENING {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
