"""The loopback side of the stubs' contract with the Swift test support (SupervisedProcess):
bind 127.0.0.1 on a free port, print "LISTENING <port>" once connections are accepted, and
stop when stdin closes, so a stub never outlives the process that started it.
"""
import sys
import threading
from http.server import ThreadingHTTPServer


def serve_until_stdin_closes(handler, stop=None):
    """Serves `handler` until stdin closes (or Ctrl-C); then sets `stop` (an Event that long
    handlers, such as hangs and trickles, wait on) and shuts the server down."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"LISTENING {server.server_address[1]}", flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes stdin or dies
    except KeyboardInterrupt:
        pass
    if stop is not None:
        stop.set()
    server.shutdown()
