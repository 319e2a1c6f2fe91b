#!/usr/bin/env bash
# Release-mode benchmarks of issue 10:
#
#  (a) Starbase fan-out of an ACCOUNT_REGION template (AwsConfigWorkerShip, AllAccounts x 10
#      regions) over the synthetic 10,000-account index (scripts/bench/synthetic_index.py, the
#      one `starfleet-bench --index` uses) - about 75,000 messages - to a local SQS stand-in that
#      answers every request after 15 ms (scripts/bench/sqs_stub.py). Ours:
#      `starfleet starbase fanout --once --account-index FILE` (the whole process, spawn to exit);
#      the original's way: scripts/bench/starbase_reference.py (boto3, batches of 10 one after
#      the other). Budget: >= 10x faster than the reference and <= 10 s.
#  (b) Worker throughput on moto: `starfleet worker IamRoleWorkerShip --commit --once
#      --concurrency 8` over MESSAGES no-change messages (the roles already converged), with
#      messages/s and the worker's peak RSS.
#
#   scripts/bench/starbase.sh [--only fanout|worker] [--skip-build] [--messages 200] [--send-concurrency 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"

only=""
build=1
messages=200
send_concurrency=32
while [ $# -gt 0 ]; do
    case "$1" in
        --only) only="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        --messages) messages="$2"; shift 2 ;;
        --send-concurrency) send_concurrency="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$build" = 1 ] && swift build -c release --product starfleet >&2
bin="$repo/.build/release/starfleet"
work="$(mktemp -d /tmp/starfleet-bench-starbase.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]:-}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
now() { python3 -c 'import time; print(time.monotonic())'; }

# Sets $endpoint and $stub_pid (not in a subshell: the pid must reach the cleanup list).
start_stub() {
    python3 scripts/bench/sqs_stub.py --template "$work/template.yaml" --ship AwsConfigWorkerShip \
        --key AwsConfigWorkerShip/bench.yaml > "$work/stub.out" 2>&1 &
    stub_pid=$!
    pids+=("$stub_pid")
    for _ in $(seq 1 100); do
        port="$(sed -n 's/^LISTENING //p' "$work/stub.out" 2>/dev/null)"
        [ -n "$port" ] && break
        sleep 0.1
    done
    endpoint="http://127.0.0.1:$port"
}

enqueue_roles() {
    python3 - "$AWS_ENDPOINT_URL" "$queue" "$work/role.yaml" "$work/organization.json" "$messages" <<'PY'
import json, sys, boto3, yaml
endpoint, queue, template_path, org_path, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
template = yaml.safe_load(open(template_path))
accounts = json.load(open(org_path))["account_ids"]
sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1")
entries = []
for n in range(count):
    template["StarbaseAssignedAccount"] = accounts[n % len(accounts)]
    entries.append({"Id": str(n), "MessageBody": json.dumps(template)})
for start in range(0, len(entries), 10):
    sqs.send_message_batch(QueueUrl=queue, Entries=entries[start:start + 10])
PY
}

if [ "$only" != worker ]; then
    python3 scripts/bench/synthetic_index.py "$work/index.json" --accounts 10000
    mkdir -p "$work/config"
    cat > "$work/config/starfleet.yaml" <<'YAML'
STARFLEET:
  DeploymentRegion: us-east-1
  TemplateBucket: starfleet-templates
  FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/starfleet-fan-out-queue
  LogLevel: WARNING
StarfleetDefaultAccountIndex:
  IndexBucket: starfleet-account-index
  BucketRegion: us-east-1
  IndexObjectPath: accountIndex.json
AwsConfigWorkerShip:
  Enabled: true
  TemplatePrefix: AwsConfigWorkerShip/
  InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/starfleet-aws-config-worker
  InvocationSources: [S3]
  WorkerRoleToAssume: starfleet-aws-config-worker
YAML
    cat > "$work/template.yaml" <<'YAML'
TemplateName: BenchConfig
TemplateDescription: AWS Config in ten regions of every account
IncludeAccounts:
  AllAccounts: true
IncludeRegions: [us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, eu-north-1, ap-southeast-2, ap-northeast-1, sa-east-1, ca-central-1]
DefaultConfiguration:
  DeliveryChannelDetails:
    BucketName: central-config
    BucketKeyPrefix: config
    S3DeliveryFrequency: TwentyFour_Hours
  RecorderConfiguration:
    ConfigRoleName: AWSConfigRecorderRole
    RecordingEnabled: true
    RecordingGroup:
      RecordEverything:
        RecordGlobalsInTheseRegions: [us-east-1]
  RetentionPeriodInDays: 2557
YAML
    start_stub
    started="$(now)"
    AWS_ENDPOINT_URL="$endpoint" "$bin" starbase fanout --once --config "$work/config" --account-index "$work/index.json" \
        --send-concurrency "$send_concurrency" 2> "$work/ours.log"
    ours="$(python3 -c "print(f'{$(now) - $started:.2f}')")"
    ours_stats="$(curl -s "$endpoint/__stats__")"
    kill "$stub_pid"

    start_stub
    reference_line="$(AWS_ENDPOINT_URL="$endpoint" python3 scripts/bench/starbase_reference.py --index "$work/index.json" \
        --fan-out-queue https://sqs.us-east-1.amazonaws.com/123456789012/starfleet-fan-out-queue \
        --ship-queue https://sqs.us-east-1.amazonaws.com/123456789012/starfleet-aws-config-worker)"
    reference_stats="$(curl -s "$endpoint/__stats__")"
    kill "$stub_pid"
    reference="$(sed -n 's/.*seconds=//p' <<<"$reference_line")"
    echo "fan-out ours (release, send-concurrency $send_concurrency): ${ours} s  $ours_stats"
    echo "fan-out reference (boto3, sequential batches):  ${reference} s  $reference_stats"
    python3 -c "print(f'fan-out speed-up: {$reference / $ours:.1f}x (budget >= 10x and <= 10 s)')"
fi

if [ "$only" != fanout ]; then
    endpoint="$(scripts/moto/start.sh "$work/moto.pid")"
    pids+=("$(cat "$work/moto.pid")")
    export AWS_ENDPOINT_URL="$endpoint"
    python3 scripts/moto/seed_org.py "$endpoint" --accounts 20 > "$work/organization.json"
    python3 scripts/fleet/fleet_up.py "$endpoint" "$work/fleet" --organization "$work/organization.json" > "$work/queues.json"
    cat > "$work/generate.yaml" <<'YAML'
TemplateName: GenerateAccountIndex
TemplateDescription: Bench index
AccountInventoryBucket: starfleet-account-index
InventoryBucketRegion: us-east-1
InventoryObjectPrefix: accountIndex.json
YAML
    "$bin" run AccountIndexGeneratorShip --config "$work/fleet" --payload "$work/generate.yaml" --commit 2>/dev/null
    cat > "$work/role.yaml" <<'YAML'
TemplateName: BenchRole
TemplateDescription: A role in every member account
IncludeAccounts:
  AllAccounts: true
Role:
  RoleName: StarfleetBenchRole
  Description: Bench role for {{ var.account_name }}
  AssumeRolePolicyDocument:
    Statement:
      - Effect: Allow
        Principal: {AWS: "arn:aws:iam::000000000001:root"}
        Action: sts:AssumeRole
  Tags:
    - {Key: managed-by, Value: starfleet}
YAML
    queue="$(python3 -c "import json; print(json.load(open('$work/queues.json'))['ships']['IamRoleWorkerShip']['url'])")"
    enqueue_roles
    # The first pass creates the roles; the measured pass finds nothing to change.
    "$bin" worker IamRoleWorkerShip --config "$work/fleet" --commit --once --concurrency 8 2>/dev/null || true
    enqueue_roles
    started="$(now)"
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" worker IamRoleWorkerShip --config "$work/fleet" --commit --once \
        --concurrency 8 2> "$work/worker.log"
    seconds="$(python3 -c "print(f'{$(now) - $started:.2f}')")"
    handled="$(sed -n 's/.*stopped: \([0-9]*\) succeeded.*/\1/p' "$work/worker.log")"
    echo "worker (release, --concurrency 8, moto, no-change IAM role): $handled messages in $seconds s" \
         "= $(python3 -c "print(f'{$handled / $seconds:.1f}')") msg/s, peak RSS $(( $(cat "$work/rss") / 1024 )) MB" \
         "(includes the final 1 s empty receive)"
fi
