#!/usr/bin/env python3
"""A boto3 re-enactment of the original AccountIndexGeneratorShip (SPEC §6), for comparison.

    python3 scripts/bench/python_reference.py ENDPOINT ORG_SUMMARY.json [--threads 20] [--bucket B] [--key K]

Same calls as the original: ListAccounts and ListOrganizationalUnitsForParent (org role, us-east-1),
then in a pool of 20 threads per account: ListTagsForResource + ListParents (org role) and
AssumeRole(describe-regions role) + DescribeRegions; OU chains via DescribeOrganizationalUnit +
ListParents, memoized; then PutObject of the sorted, 4-space JSON. No retry decorator (moto does
not throttle). ORG_SUMMARY.json is what scripts/moto/seed_org.py prints.
"""
import argparse
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("endpoint")
    parser.add_argument("summary")
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--bucket", default="starfleet-account-index")
    parser.add_argument("--key", default="python-reference/accountIndex.json")
    args = parser.parse_args()
    org = json.load(open(args.summary))
    base = dict(endpoint_url=args.endpoint, region_name="us-east-1",
                aws_access_key_id="testing", aws_secret_access_key="testing")
    org_role = f"arn:aws:iam::{org['management_account_id']}:role/{org['org_role']}"
    root_id = org["root_id"]

    def session_for(role, name):
        creds = boto3.client("sts", **base).assume_role(RoleArn=role, RoleSessionName=name)["Credentials"]
        return dict(endpoint_url=args.endpoint, region_name="us-east-1", aws_access_key_id=creds["AccessKeyId"],
                    aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])

    orgs = boto3.client("organizations", **session_for(org_role, "cloudaux"))
    accounts = {}
    for page in orgs.get_paginator("list_accounts").paginate():
        for account in page["Accounts"]:
            account["JoinedTimestamp"] = str(account["JoinedTimestamp"])
            accounts[account["Id"]] = account
    root = {"Id": root_id, "Name": "ROOT", "Type": "ROOT"}
    parents = {root_id: [root]}
    for page in orgs.get_paginator("list_organizational_units_for_parent").paginate(ParentId=root_id):
        for ou in page["OrganizationalUnits"]:
            parents[ou["Id"]] = [{"Id": ou["Id"], "Name": ou["Name"], "Type": "ORGANIZATIONAL_UNIT"}, root]
    lock = threading.Lock()
    indexer = boto3.client("organizations", **session_for(org_role, "StarfleetAccountIndexer"))

    def resolve(ou_id):
        with lock:
            if ou_id in parents:
                return parents[ou_id]
        name = orgs.describe_organizational_unit(OrganizationalUnitId=ou_id)["OrganizationalUnit"]["Name"]
        entry = [{"Name": name, "Id": ou_id, "Type": "ORGANIZATIONAL_UNIT"}]
        above = orgs.list_parents(ChildId=ou_id)["Parents"]
        if above:
            entry += resolve(above[0]["Id"])
        with lock:
            parents[ou_id] = entry
        return entry

    def details(account_id):
        tags = {t["Key"]: t["Value"] for t in indexer.list_tags_for_resource(ResourceId=account_id)["Tags"]}
        direct = indexer.list_parents(ChildId=account_id)["Parents"]
        ec2 = boto3.client("ec2", **session_for(f"arn:aws:iam::{account_id}:role/{org['describe_regions_role']}",
                                                "StarfleetAccountIndexer"))
        regions = sorted(r["RegionName"] for r in ec2.describe_regions()["Regions"])
        return account_id, tags, (resolve(direct[0]["Id"]) if direct else []), regions

    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        for account_id, tags, chain, regions in pool.map(details, list(accounts)):
            accounts[account_id].update(Tags=tags, Parents=chain, Regions=regions)
    body = json.dumps({"accounts": accounts, "generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")},
                      sort_keys=True, indent=4)
    boto3.client("s3", **base).put_object(Bucket=args.bucket, Key=args.key, Body=body, ACL="bucket-owner-full-control",
                                          ContentType="application/json")
    print(f"{len(accounts)} accounts written to s3://{args.bucket}/{args.key}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
