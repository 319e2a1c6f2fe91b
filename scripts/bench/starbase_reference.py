#!/usr/bin/env python3
"""A boto3 re-enactment of the original Starbase fan-out (SPEC §7.2-7.4) for comparison: our own
Python, written from the specification, not the original's code.

    python3 scripts/bench/starbase_reference.py --index INDEX.json --fan-out-queue URL --ship-queue URL
                                                [--bucket starfleet-templates]

Receives one fan-out message (a timed tasking), fetches the template from S3, loads it with
safe YAML, resolves AllAccounts (minus the organization root) x IncludeRegions against the
account index, and sends one message per account/region pair - the template as JSON plus
StarbaseAssignedAccount/StarbaseAssignedRegion - with SendMessageBatch in batches of 10, one
call after the other, as the original does. Then deletes the fan-out message. Prints
"messages=N seconds=S" on stdout. AWS_ENDPOINT_URL points boto3 at the stub.
"""
import argparse
import json
import time

import boto3
import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True)
    parser.add_argument("--fan-out-queue", required=True)
    parser.add_argument("--ship-queue", required=True)
    parser.add_argument("--bucket", default="starfleet-templates")
    args = parser.parse_args()

    started = time.monotonic()
    sqs = boto3.client("sqs", region_name="us-east-1")
    s3 = boto3.client("s3", region_name="us-east-1")
    index = json.load(open(args.index))["accounts"]

    received = sqs.receive_message(QueueUrl=args.fan_out_queue, MaxNumberOfMessages=1, WaitTimeSeconds=1)["Messages"][0]
    body = json.loads(received["Body"])
    template = yaml.safe_load(s3.get_object(Bucket=args.bucket, Key=body["template_prefix"])["Body"].read())

    # Resolution: every account but the organization root, each included region it has enabled.
    include = set(template["IncludeRegions"])
    exclude = set(template.get("ExcludeRegions", []))
    pairs = []
    for account_id in sorted(index):
        account = index[account_id]
        if account["Arn"].split(":")[4] == account_id:  # the management (org root) account
            continue
        for region in sorted(include.intersection(account["Regions"]) - exclude):
            pairs.append((account_id, region))

    sent = 0
    entries = []
    for account_id, region in pairs:
        template["StarbaseAssignedAccount"] = account_id
        template["StarbaseAssignedRegion"] = region
        entries.append({"Id": account_id + region, "MessageBody": json.dumps(template)})
        if len(entries) == 10:
            sqs.send_message_batch(QueueUrl=args.ship_queue, Entries=entries)
            sent += len(entries)
            entries = []
    if entries:
        sqs.send_message_batch(QueueUrl=args.ship_queue, Entries=entries)
        sent += len(entries)
    sqs.delete_message(QueueUrl=args.fan_out_queue, ReceiptHandle=received["ReceiptHandle"])
    print(f"messages={sent} seconds={time.monotonic() - started:.2f}")


if __name__ == "__main__":
    main()
