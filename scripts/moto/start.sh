#!/usr/bin/env bash
# Starts moto_server on a free loopback port, waits until it answers, prints its endpoint URL
# on stdout and writes its PID to a file (default: .moto/moto.pid; log in .moto/moto.log).
#
#   scripts/moto/start.sh [PID_FILE]
#   export AWS_ENDPOINT_URL=$(scripts/moto/start.sh)
#   kill "$(cat .moto/moto.pid)"           # stop it
#
# Needs moto_server on PATH (pip install 'moto[server]'). Dummy credentials for clients:
# AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1.
#
# moto builds an EC2 backend per account on that account's first EC2 call; loading its AMI
# catalogue is ~90 % of that (73 ms per account with it, 7 ms without, measured here); no ship uses AMIs, so
# it is off unless MOTO_EC2_LOAD_DEFAULT_AMIS is already set.
set -euo pipefail
export MOTO_EC2_LOAD_DEFAULT_AMIS="${MOTO_EC2_LOAD_DEFAULT_AMIS:-false}"

pid_file="${1:-.moto/moto.pid}"
mkdir -p "$(dirname "$pid_file")"
log_file="$(dirname "$pid_file")/moto.log"

if ! command -v moto_server >/dev/null 2>&1; then
    echo "moto_server is not on PATH: install it with: python3 -m pip install 'moto[server]'" >&2
    exit 1
fi

for attempt in 1 2 3; do
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 \
        nohup moto_server -H 127.0.0.1 -p "$port" >"$log_file" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null; then
            echo "$pid" >"$pid_file"
            echo "http://127.0.0.1:$port"
            exit 0
        fi
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    echo "moto_server did not start on port $port (attempt $attempt); log: $log_file" >&2
done
exit 1
