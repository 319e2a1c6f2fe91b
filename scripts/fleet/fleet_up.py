#!/usr/bin/env python3
"""Creates the fleet's queues on an AWS-compatible endpoint (moto) and writes a configuration.

    python3 scripts/fleet/fleet_up.py ENDPOINT CONFIG_DIR [--organization ORG.json] [--max-receive-count 4]
                                      [--visibility-timeout 60] [--examples examples/configuration]

For the template bucket (created if missing):
  * the fan-out queue, with its dead-letter queue;
  * an S3 -> SQS notification: every ObjectCreated event of the bucket lands on the fan-out queue;
For every ship section of the example configuration:
  * the ship's queue, with its dead-letter queue (redrive after MAX_RECEIVE_COUNT receives).
Then copies the example configuration to CONFIG_DIR with the queue URLs (AWS-style URLs: they are
sent as given, and the endpoint override routes them to moto) and, with --organization (the
JSON that scripts/moto/seed_org.py prints), the organization's root and management account.
Prints a JSON summary (queue URLs by ship) on stdout.
"""
import argparse
import json
import os
import re
import shutil
import sys

import boto3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoint")
    parser.add_argument("config_dir")
    parser.add_argument("--organization", help="seed_org.py's JSON summary")
    parser.add_argument("--examples", default=os.path.join(os.path.dirname(__file__), "../../examples/configuration"))
    parser.add_argument("--max-receive-count", type=int, default=4)
    parser.add_argument("--visibility-timeout", type=int, default=60)
    parser.add_argument("--region", default="us-east-1")
    return parser.parse_args()


def section_names(text):
    """Top-level section names of a YAML file (keys at column 0)."""
    return [m.group(1) for m in re.finditer(r"^([A-Za-z][A-Za-z0-9_]*):", text, re.MULTILINE)]


def queue_name(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def main():
    args = parse_args()
    session = boto3.session.Session(
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "testing"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"),
        region_name=args.region)
    sqs = session.client("sqs", endpoint_url=args.endpoint)
    s3 = session.client("s3", endpoint_url=args.endpoint)

    def queue_with_dlq(name):
        dlq_url = sqs.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        url = sqs.create_queue(QueueName=name, Attributes={
            "VisibilityTimeout": str(args.visibility_timeout),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(args.max_receive_count)}),
        })["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        account = arn.split(":")[4]
        aws_url = f"https://sqs.{args.region}.amazonaws.com/{account}/{name}"
        return {"url": aws_url, "dlq_url": f"https://sqs.{args.region}.amazonaws.com/{account}/{name}-dlq", "arn": arn}

    if os.path.exists(args.config_dir):
        shutil.rmtree(args.config_dir)
    shutil.copytree(args.examples, args.config_dir)
    files = {name: open(os.path.join(args.config_dir, name)).read()
             for name in sorted(os.listdir(args.config_dir)) if name.endswith(".yaml")}

    starfleet_file = next(name for name, text in files.items() if "STARFLEET" in section_names(text))
    bucket = re.search(r"^\s+TemplateBucket:\s*(\S+)", files[starfleet_file], re.MULTILINE).group(1)
    fan_out_name = queue_name(re.search(r"^\s+FanOutQueueUrl:\s*(\S+)", files[starfleet_file], re.MULTILINE).group(1))

    summary = {"endpoint": args.endpoint, "template_bucket": bucket, "ships": {}}
    fan_out = queue_with_dlq(fan_out_name)
    summary["fan_out_queue"] = fan_out
    files[starfleet_file] = re.sub(r"(FanOutQueueUrl:\s*)\S+", lambda m: m.group(1) + fan_out["url"], files[starfleet_file])

    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={"QueueConfigurations": [
        {"QueueArn": fan_out["arn"], "Events": ["s3:ObjectCreated:*"]}]})

    for name, original in files.items():
        text = original
        for match in re.finditer(r"^\s+InvocationQueueUrl:\s*(\S+)", original, re.MULTILINE):
            ship = section_names(original[:match.start()])[-1]
            queue = queue_with_dlq(queue_name(match.group(1)))
            summary["ships"][ship] = queue
            text = text.replace(match.group(0), match.group(0).replace(match.group(1), queue["url"]))
        files[name] = text

    if args.organization:
        org = json.load(open(args.organization))
        for name, text in files.items():
            text = re.sub(r"OrgRootId: .*", f"OrgRootId: {org['root_id']}", text)
            text = re.sub(r"OrgAccountId: .*", f"OrgAccountId: \"{org['management_account_id']}\"", text)
            files[name] = text

    for name, text in files.items():
        with open(os.path.join(args.config_dir, name), "w") as handle:
            handle.write(text)
    json.dump(summary, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
