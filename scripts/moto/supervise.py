#!/usr/bin/env python3
"""Runs a command and ties its life to this process's stdin.

Usage: supervise.py COMMAND [ARGS...]
Prints "PID <child pid>" on stdout, then waits. When stdin reaches end of file (the parent
closed it, or the parent died, even by SIGKILL) or SIGTERM/SIGINT arrives, the child gets
SIGTERM, then SIGKILL after 5 s. Exits with the child's exit status. The test support code
starts moto_server through this so that no server outlives a test run.
"""
import signal
import subprocess
import sys
import threading


def main():
    if len(sys.argv) < 2:
        print("usage: supervise.py COMMAND [ARGS...]", file=sys.stderr)
        return 2
    # A parent may have spawned us with signals blocked (threads of a Swift test process do);
    # clear the mask so that the child, which inherits it, can be stopped with SIGTERM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    # The child writes to our stderr so that our stdout carries only the PID line.
    child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=sys.stderr)
    print(f"PID {child.pid}", flush=True)
    stop = threading.Event()

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except Exception:
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.is_set():
        if child.poll() is not None:
            return child.returncode
        stop.wait(0.2)
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    return child.returncode if child.returncode is not None else 0


if __name__ == "__main__":
    sys.exit(main())
