#!/usr/bin/env bash
# Benchmarks the two real ships against a local moto_server, one `starfleet run` process per
# target, as an operator script or the console would run them:
#   * IamRoleWorkerShip: the example role converged across the 50 member accounts of a seeded
#     organization (a commit pass from a clean state, then a no-change pass);
#   * AwsConfigWorkerShip: the example payload over 10 accounts x 3 regions (same two passes).
# Reports total wall time, per-run median/p90/max wall time and CPU (user+sys) time of the
# process, and checks the budget: a no-change run <= 300 ms.
#
#   scripts/bench/ships.sh [--accounts 50] [--config-accounts 10] [--skip-build]
#
# Needs moto_server and boto3 (scripts/ensure-deps). Starts its own server on a free port and
# stops it (by PID) on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

accounts=50
config_accounts=10
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --accounts) accounts="$2"; shift 2 ;;
        --config-accounts) config_accounts="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$build" = 1 ]; then
    swift build -c release --product starfleet >&2
fi
binary="$root/.build/release/starfleet"
[ -x "$binary" ] || { echo "missing $binary (build with: swift build -c release --product starfleet)" >&2; exit 1; }

work="$(mktemp -d -t starfleet-ships-bench.XXXXXX)"
moto_pid=""
cleanup() {
    if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# moto with AWS-managed policies loaded: the example role attaches arn:aws:iam::aws:policy/*.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 MOTO_IAM_LOAD_MANAGED_POLICIES=true \
    moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('$endpoint/moto-api/', timeout=1)" 2>/dev/null; then break; fi
    sleep 0.1
done

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="$endpoint"
unset AWS_PROFILE AWS_SESSION_TOKEN STARFLEET_CONFIG_DIR STARFLEET_REGIONS_FILE || true

echo "seeding $accounts member accounts at $endpoint ..." >&2
python3 scripts/moto/seed_org.py "$endpoint" --accounts "$accounts" --depth 3 >"$work/seed.json"

python3 - "$work" "$binary" "$root" "$config_accounts" <<'PY'
import json, os, resource, statistics, subprocess, sys, time

work, binary, root, config_accounts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
seed = json.load(open(f"{work}/seed.json"))
management = seed["management_account_id"]
units = {ou["id"]: ou for ou in seed["organizational_units"]}
regions = ["eu-west-1", "us-east-1", "us-east-2", "us-west-2"]

def parents(parent_id):
    chain = []
    while parent_id != seed["root_id"]:
        ou = units[parent_id]
        chain.append({"Id": ou["id"], "Name": ou["name"], "Type": "ORGANIZATIONAL_UNIT"})
        parent_id = ou["parent_id"]
    return chain + [{"Id": seed["root_id"], "Name": "ROOT", "Type": "ROOT"}]

def record(account_id, name, parent_id, tags):
    return {"Id": account_id, "Arn": f"arn:aws:organizations::{management}:account/{seed['organization_id']}/{account_id}",
            "Email": f"{name.lower()}@example.com", "Name": name, "Status": "ACTIVE", "JoinedMethod": "CREATED",
            "JoinedTimestamp": "2024-03-27 18:38:27+00:00", "Tags": tags, "Parents": parents(parent_id), "Regions": regions}

index = {"accounts": {a["id"]: record(a["id"], a["name"], a["parent_id"], a["tags"]) for a in seed["accounts"]},
         "generated": "2026-01-01T00:00:00Z"}
index["accounts"][management] = record(management, "Management", seed["root_id"], {})
json.dump(index, open(f"{work}/index.json", "w"))

config = f"{root}/examples/configuration"
iam_payload = f"{root}/examples/payloads/IamRoleWorkerShip/security_audit_role.yaml"
config_payload = f"{root}/examples/payloads/AwsConfigWorkerShip/aws_config_everywhere.yaml"

def run(arguments):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([binary, "run"] + arguments + ["--config", config, "--account-index", f"{work}/index.json"],
                            capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    if result.returncode != 0:
        sys.exit(f"run failed ({result.returncode}): {' '.join(arguments)}\n{result.stderr[-3000:]}")
    return wall, cpu, result.stderr

def summary(label, samples, total):
    walls = sorted(s[0] for s in samples)
    cpus = sorted(s[1] for s in samples)
    p90 = walls[max(0, int(round(0.9 * len(walls))) - 1)]
    print(f"{label}: {len(samples)} runs, total wall {total:.2f} s, per run wall median {statistics.median(walls):.0f} ms "
          f"(p90 {p90:.0f}, max {walls[-1]:.0f}), cpu median {statistics.median(cpus):.0f} ms")
    return statistics.median(walls), walls[-1]

def bench(label, targets, make_args, expect_commit, expect_clean):
    samples, start = [], time.perf_counter()
    for target in targets:
        wall, cpu, log = run(make_args(target) + ["--commit"])
        if expect_commit not in log:
            sys.exit(f"{label}: {target} did not apply changes:\n{log[-2000:]}")
        samples.append((wall, cpu))
    summary(f"{label} converge (commit from clean)", samples, time.perf_counter() - start)
    samples, start = [], time.perf_counter()
    for target in targets:
        wall, cpu, log = run(make_args(target))
        if expect_clean not in log:
            sys.exit(f"{label}: {target} is not converged:\n{log[-2000:]}")
        samples.append((wall, cpu))
    return summary(f"{label} no-change (dry run)", samples, time.perf_counter() - start)

members = sorted(a["id"] for a in seed["accounts"])
iam = bench("IamRoleWorkerShip x %d accounts" % len(members), members,
            lambda account: ["IamRoleWorkerShip", "--payload", iam_payload, "--account-id", account],
            "Applied: ", "No changes detected")
pairs = [(account, region) for account in members[:config_accounts] for region in ["us-east-1", "us-east-2", "eu-west-1"]]
cfg = bench("AwsConfigWorkerShip x %d accounts x 3 regions" % config_accounts, pairs,
            lambda pair: ["AwsConfigWorkerShip", "--payload", config_payload, "--account-id", pair[0], "--region", pair[1]],
            "Applied: ", "Nothing to do")
worst = max(iam[1], cfg[1])
verdict = "PASS" if max(iam[0], cfg[0]) <= 300 else "FAIL"
print(f"budget: no-change run <= 300 ms: median {max(iam[0], cfg[0]):.0f} ms, worst single run {worst:.0f} ms -> {verdict}")
sys.exit(0 if verdict == "PASS" else 1)
PY
