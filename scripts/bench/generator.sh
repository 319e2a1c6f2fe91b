#!/usr/bin/env bash
# Release-mode benchmarks of issue 3, each a whole `starfleet` process timed from spawn to exit:
#
#  (a) AccountIndexGeneratorShip commit runs against a seeded moto organization (OUs 3 levels
#      deep) of each size, sequential (MaxConcurrency: 1) and at the default concurrency (8),
#      moto included. Every (size, concurrency) pair gets a fresh moto_server and a fresh seed:
#        cold = the first run (moto builds each account's EC2 backend on its first
#               DescribeRegions, ~100–130 ms of moto CPU per account),
#        warm = median of the next RUNS runs (same organization, moto state already built).
#      With --python-reference the boto3 re-enactment of the original ship
#      (scripts/bench/python_reference.py, 20 threads) is timed the same way for comparison.
#  (b) `starfleet-probe-fleet fanout --account-index FILE --format json` on a synthetic
#      10,000-account index (ByOrgUnits + ByTags + IncludeRegions: [ALL], ACCOUNT_REGION probe
#      ship): median of 30 process runs.
#
#   scripts/bench/generator.sh [--sizes "60 500"] [--concurrency "1 8"] [--runs 3]
#                              [--python-reference] [--skip-build] [--only generator|index]
#
# Budgets: (a) ≤ 15 s at 500 accounts; (b) ≤ 150 ms. Prints one line per measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"

sizes="60 500"
concurrency="1 8"
runs=3
python_reference=0
build=1
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --concurrency) concurrency="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --python-reference) python_reference=1; shift ;;
        --skip-build) build=0; shift ;;
        --only) only="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$build" = 1 ]; then
    scripts/ensure-deps
    swift build -c release --product starfleet >&2
    swift build -c release --product starfleet-probe-fleet >&2
fi
starfleet="$repo/.build/release/starfleet"
probe_fleet="$repo/.build/release/starfleet-probe-fleet"

work="$(mktemp -d /tmp/starfleet-bench.XXXXXX)"
moto_pid_file="$work/moto.pid"
stop_moto() { if [ -f "$moto_pid_file" ]; then kill "$(cat "$moto_pid_file")" 2>/dev/null || true; rm -f "$moto_pid_file"; fi; }
trap 'stop_moto; rm -rf "$work"' EXIT

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN STARFLEET_CONFIG_DIR STARFLEET_REGIONS_FILE

# seconds.milliseconds of one command (output discarded); non-zero exit aborts.
elapsed() {
    python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
took = time.perf_counter() - start
if result.returncode != 0:
    sys.stderr.write(result.stderr.decode()[-2000:])
    sys.exit(f"exit {result.returncode}: {' '.join(sys.argv[1:])}")
print(f"{took:.2f}")
PY
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# A copy of the example configuration for the seeded organization, as scripts/console makes it.
write_config() {  # summary.json config-dir max-concurrency
    rm -rf "$2"; cp -r examples/configuration "$2"
    python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys
org = json.load(open(sys.argv[1]))
path = f"{sys.argv[2]}/account_index_generator.yaml"
text = open(path).read()
text = re.sub(r"OrgRootId: .*", f"OrgRootId: {org['root_id']}", text)
text = re.sub(r"OrgAccountId: .*", f"OrgAccountId: \"{org['management_account_id']}\"", text)
text = re.sub(r"MaxConcurrency: .*", f"MaxConcurrency: {sys.argv[3]}", text)
open(path, "w").write(text)
PY
}

payload="$repo/examples/payloads/AccountIndexGeneratorShip/generate_account_index.yaml"

if [ -z "$only" ] || [ "$only" = generator ]; then
    echo "== (a) AccountIndexGeneratorShip commit, release build, moto included"
    for size in $sizes; do
        for conc in $concurrency; do
            stop_moto
            endpoint="$(scripts/moto/start.sh "$moto_pid_file")"
            export AWS_ENDPOINT_URL="$endpoint"
            python3 scripts/moto/seed_org.py "$endpoint" --accounts "$size" --depth 3 > "$work/org.json"
            write_config "$work/org.json" "$work/config" "$conc"
            command=("$starfleet" run AccountIndexGeneratorShip --config "$work/config" --payload "$payload" --commit)
            cold=$(elapsed "${command[@]}")
            warm=""
            for _ in $(seq 1 "$runs"); do warm="$warm $(elapsed "${command[@]}")"; done
            count=$("$starfleet" index show --config "$work/config" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["account_count"])')
            echo "generator  accounts=$size  MaxConcurrency=$conc  cold=${cold}s  warm(median of $runs)=$(echo "$warm" | median)s  [index holds $count accounts]"
        done
        if [ "$python_reference" = 1 ]; then
            stop_moto
            endpoint="$(scripts/moto/start.sh "$moto_pid_file")"
            export AWS_ENDPOINT_URL="$endpoint"
            python3 scripts/moto/seed_org.py "$endpoint" --accounts "$size" --depth 3 > "$work/org.json"
            command=(python3 scripts/bench/python_reference.py "$endpoint" "$work/org.json")
            cold=$(elapsed "${command[@]}")
            warm=""
            for _ in $(seq 1 "$runs"); do warm="$warm $(elapsed "${command[@]}")"; done
            echo "python-ref accounts=$size  threads=20          cold=${cold}s  warm(median of $runs)=$(echo "$warm" | median)s"
        fi
    done
    stop_moto
    echo "   budget: ≤ 15 s at 500 accounts"
    echo "   command: ${starfleet} run AccountIndexGeneratorShip --config CONFIG --payload ${payload} --commit"
fi

if [ -z "$only" ] || [ "$only" = index ]; then
    echo "== (b) fanout on a synthetic 10,000-account index, release build"
    python3 scripts/bench/synthetic_index.py "$work/index10k.json" --accounts 10000
    mkdir -p "$work/config-index"
    cp examples/configuration/starfleet.yaml "$work/config-index/"
    cat > "$work/config-index/probes.yaml" <<'YAML'
ProbeAccountRegionShip:
  Enabled: true
  TemplatePrefix: ProbeAccountRegionShip/
  InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/probe-account-region
  InvocationSources: [S3]
YAML
    cat > "$work/fanout.yaml" <<'YAML'
TemplateName: BenchFanout
TemplateDescription: OUs and tags, every region.
IncludeAccounts:
  ByOrgUnits: [Prod, Team-A, ou-bench-00000001]
  ByTags:
    - Name: Environment
      Value: staging
    - Name: Team
      Value: payments
ExcludeAccounts:
  ByTags:
    - Name: CostCenter
      Value: CC-103
IncludeRegions: [ALL]
MarkerBucket: starfleet-bench-markers
YAML
    command=("$probe_fleet" fanout --config "$work/config-index" --ship ProbeAccountRegionShip --payload "$work/fanout.yaml"
             --account-index "$work/index10k.json" --format json)
    "${command[@]}" > "$work/fanout.json"
    python3 - "$work/fanout.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
print(f"   plan: {len(plan['targets'])} accounts, {plan['invocations']} invocations")
PY
    elapsed "${command[@]}" >/dev/null  # warm the page cache
    samples=""
    for _ in $(seq 1 30); do samples="$samples $(elapsed "${command[@]}")"; done
    ms=$(echo "$samples" | tr ' ' '\n' | grep -v '^$' | awk '{print $1*1000}' | median)
    echo "fanout     accounts=10000  ACCOUNT_REGION ByOrgUnits+ByTags+[ALL]  median=${ms} ms (30 runs)  [budget ≤ 150 ms]"
    echo "   command: ${command[*]}"
fi
