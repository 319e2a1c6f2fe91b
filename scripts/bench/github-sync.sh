#!/usr/bin/env bash
# Benchmarks GitHubSyncWorkerShip on a 2,000-file, 50 MB repository: one `starfleet run --commit`
# (token exchange, zipball download through the redirect, extraction, diff, 2,000 uploads) into an
# empty bucket on a local moto_server, then a no-change dry run (download, extract, diff with
# 2,000 HEADs). Reports wall time and peak RSS of each `starfleet` process (/usr/bin/time).
# Budget: peak memory independent of the repository's size beyond one file at a time (the zip is
# streamed to disk; uploads hold at most 8 files).
#
#   scripts/bench/github-sync.sh [--files 2000] [--megabytes 50] [--skip-build] [--binary PATH]
#
# --binary runs another build (e.g. .build/debug/starfleet to try the script) and implies --skip-build.
#
# Needs moto_server, boto3 and cryptography (scripts/ensure-deps). Starts moto and
# scripts/moto/github_api_stub.py on free ports and stops them (by PID) on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

files=2000
megabytes=50
build=1
binary="$root/.build/release/starfleet"
while [ $# -gt 0 ]; do
    case "$1" in
        --files) files="$2"; shift 2 ;;
        --megabytes) megabytes="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        --binary) binary="$2"; build=0; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if [ "$build" = 1 ]; then
    swift build -c release --product starfleet >&2
fi
[ -x "$binary" ] || { echo "missing $binary (build with: swift build -c release --product starfleet)" >&2; exit 1; }

work="$(mktemp -d -t starfleet-github-sync-bench.XXXXXX)"
moto_pid=""
stub_pid=""
cleanup() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$stub_pid" ]; then kill "$stub_pid" 2>/dev/null || true; wait "$stub_pid" 2>/dev/null || true; fi
    if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

endpoint="$(scripts/moto/start.sh "$work/moto.pid")"
moto_pid="$(cat "$work/moto.pid")"

# The stub lives while fd 3 (its stdin) is open.
mkfifo "$work/stub.stdin"
python3 scripts/moto/github_api_stub.py '{"app_id": "123456", "installation_id": "789"}' <"$work/stub.stdin" >"$work/stub.out" 2>"$work/stub.log" &
stub_pid=$!
exec 3>"$work/stub.stdin"
for _ in $(seq 1 100); do grep -q LISTENING "$work/stub.out" 2>/dev/null && break; sleep 0.1; done
github="http://127.0.0.1:$(awk '/LISTENING/ {print $2}' "$work/stub.out")"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="$endpoint" GITHUB_API_URL="$github"
unset AWS_PROFILE AWS_SESSION_TOKEN STARFLEET_CONFIG_DIR STARFLEET_REGIONS_FILE || true

echo "making a $files-file, $megabytes MB repository and seeding moto ..." >&2
python3 - "$work/repo" "$files" "$megabytes" "$endpoint" "$github" <<'PY'
import base64, json, os, random, sys, urllib.request
import boto3
repo, files, megabytes, endpoint, github = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
size = megabytes * 1024 * 1024 // files
rng = random.Random(7)
for index in range(files):
    path = os.path.join(repo, f"Ship{index % 40:02d}", f"template_{index:05d}.yaml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # base64 of random bytes: text that deflates about as badly as real data does.
    body = base64.b64encode(rng.randbytes(size * 3 // 4 + 3))[:size]
    with open(path, "wb") as handle:
        handle.write(body)
request = urllib.request.Request(github + "/__stub__/zipball", method="POST",
                                 data=json.dumps({"top": "acme-templates-abc1234", "directory": repo}).encode())
print("zipball bytes:", json.loads(urllib.request.urlopen(request).read())["bytes"], file=sys.stderr)
pem = urllib.request.urlopen(github + "/__stub__/app-key").read().decode()
boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="bench-templates")
boto3.client("secretsmanager", endpoint_url=endpoint).create_secret(
    Name="starfleet-secrets", SecretString=json.dumps({"GitHubSyncWorker": {"acme": pem}}))
PY

mkdir -p "$work/config"
cat >"$work/config/starfleet.yaml" <<YAML
STARFLEET:
  DeploymentRegion: us-east-1
  TemplateBucket: bench-templates
  FanOutQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/fan-out
  AccountIndex: StarfleetDefaultAccountIndex
  LogLevel: INFO
  SecretsManager:
    SecretId: starfleet-secrets
    SecretRegion: us-east-1
StarfleetDefaultAccountIndex:
  IndexBucket: starfleet-account-index
  BucketRegion: us-east-1
  IndexObjectPath: accountIndex.json
GitHubSyncWorkerShip:
  Enabled: true
  TemplatePrefix: GitHubSyncWorkerShip/
  InvocationQueueUrl: https://sqs.us-east-1.amazonaws.com/000000000000/github-sync
  InvocationSources: [EVENTBRIDGE_TIMED_EVENT]
  EventBridgeTimedFrequency: FIVE_MIN
YAML
cat >"$work/payload.yaml" <<YAML
TemplateName: BenchSync
TemplateDescription: benchmark
Organization: acme
Repository: templates
BranchName: main
GitHubAppId: "123456"
GitHubInstallationId: "789"
BucketName: bench-templates
BucketRegion: us-east-1
ExtractZipContents: true
KeyPrefix: repo/
DeleteMissingFiles: true
YAML

measure() {
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$binary" run GitHubSyncWorkerShip --config "$work/config" \
        --payload "$work/payload.yaml" "$@" >/dev/null 2>"$work/$label.log" \
        || { echo "$label failed:"; tail -20 "$work/$label.log"; exit 1; }
    read -r wall rss <"$work/time"
    local plan
    plan="$(grep -E '^(Plan|Applied): ' "$work/$label.log" | tail -1)"
    printf '%-22s wall %7.2f s   peak RSS %6.1f MB   %s\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" "$plan"
}

echo "GitHubSyncWorkerShip: $files files, $megabytes MB ($(du -sh "$work/repo" | cut -f1) on disk)"
measure "commit (empty bucket)" --commit
measure "no-change dry run"
count="$(python3 -c "import boto3; print(sum(1 for page in boto3.client('s3', endpoint_url='$endpoint').get_paginator('list_objects_v2').paginate(Bucket='bench-templates') for _ in page.get('Contents', [])))")"
echo "objects in the bucket: $count (expected $files)"
[ "$count" = "$files" ] || exit 1
