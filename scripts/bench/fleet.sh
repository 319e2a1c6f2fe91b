#!/usr/bin/env bash
# Fleet benchmarks of the console on the release build, under tmux (120×40), against a local
# moto with the bundled demo's organization (60 accounts, like scripts/console):
#   1. a fleet dry run of the IAM role payload on every account at --fleet-concurrency 1, 4 and 8:
#      wall time from `d` to "Fleet dry run · 60/60 done" on screen
#   2. keystroke latency while 8 dry runs stream (`?` opens and closes the key help; budget 100 ms)
#   3. the console's peak memory (VmHWM) after those runs (budget 150 MB)
# Not part of the test suite.
#
#   scripts/bench/fleet.sh [--skip-build] [--accounts N]
set -euo pipefail
cd "$(dirname "$0")/../.."
skip_build=0
accounts=60
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-build) skip_build=1 ;;
        --accounts) accounts="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
. scripts/bench/release-binary.sh
work="$(mktemp -d -t starfleet-fleet-bench-XXXXXX)"
moto_pid_file="$work/moto.pid"
cleanup() {
    if [ -s "$moto_pid_file" ]; then kill "$(cat "$moto_pid_file")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
endpoint="$(scripts/moto/start.sh "$moto_pid_file")"
python3 scripts/moto/seed_org.py "$endpoint" --accounts "$accounts" >"$work/organization.json"
python3 - "$binary" "$work" "$endpoint" "$accounts" <<'PY'
import json, os, re, shutil, statistics, subprocess, sys, time, uuid

binary, work, endpoint, accounts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
socket = "sf-fleet-bench-" + uuid.uuid4().hex[:8]
repo = os.getcwd()

# The example configuration with the seeded organization (as scripts/console does it).
org = json.load(open(os.path.join(work, "organization.json")))
config = os.path.join(work, "configuration")
shutil.copytree(os.path.join(repo, "examples/configuration"), config)
path = os.path.join(config, "account_index_generator.yaml")
text = open(path).read()
text = re.sub(r"OrgRootId: .*", f"OrgRootId: {org['root_id']}", text)
text = re.sub(r"OrgAccountId: .*", f"OrgAccountId: \"{org['management_account_id']}\"", text)
open(path, "w").write(text)

base_env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "screen-256color", "HOME": work,
            "XDG_CONFIG_HOME": work + "/config-home", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint}
# The account index the fan-out reads, written once by the real generator.
subprocess.run([binary, "run", "AccountIndexGeneratorShip", "--config", config, "--payload",
                os.path.join(repo, "examples/payloads/AccountIndexGeneratorShip/generate_account_index.yaml"), "--commit"],
               env={**base_env, "XDG_STATE_HOME": work + "/setup-state"}, check=True, capture_output=True)

# The example audit role without its AWS-managed policies (moto loads those only on request).
payloads = os.path.join(work, "payloads", "IamRoleWorkerShip")
os.makedirs(payloads)
role = open(os.path.join(repo, "examples/payloads/IamRoleWorkerShip/security_audit_role.yaml")).read()
role = re.sub(r"\n  ManagedPolicies:\n(    .*\n)+", "\n", role)
open(os.path.join(payloads, "audit.yaml"), "w").write(role)

def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", socket, *args], check=check, capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-t", "bench")

def wait(predicate, timeout=60, interval=0.02):
    deadline = time.monotonic() + timeout
    while True:
        text = screen()
        if predicate(text):
            return text
        if time.monotonic() > deadline:
            raise SystemExit("timed out; screen:\n" + text)
        time.sleep(interval)

def keys(*names):
    tmux("send-keys", "-t", "bench", *names)

def start(concurrency, trace):
    env = {**base_env, "XDG_STATE_HOME": work + f"/state-{concurrency}", "STARFLEET_CONSOLE_TRACE": trace}
    exports = " ".join(f"{k}='{v}'" for k, v in env.items())
    command = (f"exec env -i {exports} {binary} console --config '{config}' --payloads '{os.path.dirname(payloads)}' "
               f"--fleet-concurrency {concurrency}")
    subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                    "-s", "bench", command], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return int(tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())

def stop():
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    time.sleep(0.2)

import atexit
atexit.register(stop)

def report(name, value, unit, budget=None):
    ok = "" if budget is None else ("PASS" if value <= budget else "FAIL")
    print(f"{name:<78} {value:>10.1f} {unit:<6} {'' if budget is None else ('budget ' + str(budget)):<12} {ok}", flush=True)

def open_fan_out():
    wait(lambda s: "IamRoleWorkerShip" in s)
    keys("/"); tmux("send-keys", "-t", "bench", "-l", "IamRoleWorkerShip"); keys("Enter")
    wait(lambda s: "filter “IamRoleWorkerShip”" in s)
    keys("Enter")
    wait(lambda s: "audit.yaml" in s)
    keys("/"); tmux("send-keys", "-t", "bench", "-l", "audit.yaml"); keys("Enter", "Enter")
    wait(lambda s: "Source · " in s)
    keys("f")
    wait(lambda s: f"{accounts} invocations" in s)
    keys("a")
    wait(lambda s: f"{accounts} marked" in s)

done = f"Fleet dry run · {accounts}/{accounts} done"

def dry_run(measure):
    """`d`, then (if `measure`) `?` pressed over and over until every target is done: each press
    timed until the screen shows the help opened or closed. Returns (seconds, summary, latencies)."""
    began = time.monotonic()
    keys("d")
    wait(lambda s: done not in s, timeout=10, interval=0.005)  # the previous run's summary is gone
    latencies = []
    shown = False
    while measure and done not in screen():
        sent = time.monotonic()
        keys("?")
        shown = not shown
        while True:
            time.sleep(0.01)  # each capture forks a tmux client; polling harder steals the CPU being measured
            text = screen()
            if ("Keys · Esc closes" in text) == shown:
                latencies.append((time.monotonic() - sent) * 1000)
                break
            if time.monotonic() - sent > 5:
                raise SystemExit("a keystroke went unanswered for 5 s")
        time.sleep(0.05)
    if shown:
        keys("?")
        wait(lambda s: "Keys · Esc closes" not in s)
    text = wait(lambda s: done in s, timeout=900, interval=0.05)
    elapsed = time.monotonic() - began
    summary = next((l.strip(" │") for l in text.splitlines() if done in l), "?")
    return elapsed, summary, latencies

for concurrency in (1, 4, 8):
    trace = os.path.join(work, f"trace-{concurrency}")
    pid = start(concurrency, trace)
    open_fan_out()
    elapsed, summary, _ = dry_run(False)
    report(f"{accounts}-target fleet dry run, concurrency {concurrency}: d → all done", elapsed, "s")
    print("  summary:", summary, flush=True)
    if concurrency == 8:
        # Three more fleet dry runs of every target, measuring keystrokes all along.
        latencies = []
        for _ in range(3):
            latencies += dry_run(True)[2]
        report(f"  keystroke → screen while 8 dry runs stream, median of {len(latencies)}", statistics.median(latencies), "ms", 100)
        report(f"  keystroke → screen while 8 dry runs stream, p90", sorted(latencies)[int(len(latencies) * 0.9) - 1], "ms")
        report(f"  keystroke → screen while 8 dry runs stream, max", max(latencies), "ms")
    status = open(f"/proc/{pid}/status").read()
    hwm = int([l for l in status.splitlines() if l.startswith("VmHWM")][0].split()[1]) / 1024
    report(f"  console peak memory (VmHWM)", hwm, "MB", 150)
    keys("q")
    time.sleep(0.5)
    if os.path.exists(trace):
        for line in open(trace):
            if line.startswith("longest_loop_turn_ms"):
                report("  longest main-loop turn inside the console (inbox + reduce + render)", float(line.split()[1]), "ms", 100)
    stop()
PY
