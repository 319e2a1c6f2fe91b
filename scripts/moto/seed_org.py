#!/usr/bin/env python3
"""Seeds a moto_server (or any AWS-compatible endpoint) with a Starfleet test organization.

    python3 scripts/moto/seed_org.py http://127.0.0.1:5000 [--accounts 60] [--depth 3] [--reset]

Creates:
  * an organization (feature set ALL) in the management account;
  * organizational units DEPTH levels deep: top level Infrastructure, Workloads, Sandbox, then
    Prod / NonProd under each, then Team-A / Team-B under each of those, … (names repeat across
    branches on purpose: OU names are not unique in AWS);
  * ACCOUNTS member accounts: every tenth directly under the root, the rest spread round-robin
    over all OUs; each tagged Environment, Team and CostCenter (values vary);
  * the IAM roles the example configuration names: ORG_ROLE in the management account and
    DESCRIBE_REGIONS_ROLE in every account (moto's AssumeRole does not require the role to
    exist, but real AWS does, and the roles make the seeded state self-describing);
  * the S3 buckets TEMPLATE_BUCKET and INDEX_BUCKET in REGION.
Prints a JSON summary on stdout (root id, management account id, account ids, OU ids …).
Uses the dummy credentials testing/testing unless AWS_ACCESS_KEY_ID is set.

Note: moto's EC2 DescribeRegions returns the same region list for every account, so per-account
enabled regions cannot be seeded.
"""
import argparse
import json
import os
import sys
import urllib.request

import boto3
from botocore.config import Config

TOP_LEVEL = ["Infrastructure", "Workloads", "Sandbox"]
SECOND_LEVEL = ["Prod", "NonProd"]
DEEPER_LEVEL = ["Team-A", "Team-B"]
ENVIRONMENTS = ["prod", "staging", "dev", "test"]
TEAMS = ["platform", "payments", "data", "security", "web"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoint", help="endpoint URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--accounts", type=int, default=60, help="member accounts to create (default 60)")
    parser.add_argument("--depth", type=int, default=3, help="OU levels below the root (default 3, minimum 1)")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--org-role", default="starfleet-org-reader", help="OrgAccountAssumeRole name")
    parser.add_argument("--describe-regions-role", default="starfleet-describe-regions",
                        help="DescribeRegionsAssumeRole name")
    parser.add_argument("--template-bucket", default="starfleet-templates")
    parser.add_argument("--index-bucket", default="starfleet-account-index")
    parser.add_argument("--no-roles", action="store_true", help="skip creating IAM roles")
    parser.add_argument("--reset", action="store_true", help="POST /moto-api/reset before seeding")
    return parser.parse_args()


def client(service, args, **credentials):
    return boto3.client(
        service,
        endpoint_url=args.endpoint,
        region_name=args.region,
        aws_access_key_id=credentials.get("key", os.environ.get("AWS_ACCESS_KEY_ID", "testing")),
        aws_secret_access_key=credentials.get("secret", os.environ.get("AWS_SECRET_ACCESS_KEY", "testing")),
        aws_session_token=credentials.get("token"),
        config=Config(retries={"max_attempts": 2, "mode": "standard"}),
    )


def trust_policy(account_id):
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                       "Action": "sts:AssumeRole"}],
    })


def create_ous(org, root_id, depth):
    """Returns a list of {id, name, parent_id, depth} in creation order (breadth first)."""
    ous = []
    parents = [(root_id, 0)]
    for level in range(1, max(1, depth) + 1):
        names = TOP_LEVEL if level == 1 else SECOND_LEVEL if level == 2 else DEEPER_LEVEL
        next_parents = []
        for parent_id, _ in parents:
            for name in names:
                ou = org.create_organizational_unit(ParentId=parent_id, Name=name)["OrganizationalUnit"]
                ous.append({"id": ou["Id"], "name": ou["Name"], "parent_id": parent_id, "depth": level})
                next_parents.append((ou["Id"], level))
        parents = next_parents
    return ous


def main():
    args = parse_args()
    if args.reset:
        urllib.request.urlopen(urllib.request.Request(f"{args.endpoint}/moto-api/reset", method="POST"), timeout=10)

    org = client("organizations", args)
    try:
        organization = org.create_organization(FeatureSet="ALL")["Organization"]
    except org.exceptions.AlreadyInOrganizationException:
        print(f"an organization already exists at {args.endpoint}; reset the server (--reset) first", file=sys.stderr)
        return 1
    management_id = organization["MasterAccountId"]
    root_id = org.list_roots()["Roots"][0]["Id"]
    ous = create_ous(org, root_id, args.depth)

    accounts = []
    for index in range(args.accounts):
        number = index + 1
        name = f"Account-{number:03d}"
        status = org.create_account(Email=f"account-{number:03d}@example.com", AccountName=name)["CreateAccountStatus"]
        account_id = status["AccountId"]
        parent_id = root_id if index % 10 == 0 or not ous else ous[index % len(ous)]["id"]
        if parent_id != root_id:
            org.move_account(AccountId=account_id, SourceParentId=root_id, DestinationParentId=parent_id)
        tags = {
            "Environment": ENVIRONMENTS[index % len(ENVIRONMENTS)],
            "Team": TEAMS[index % len(TEAMS)],
            "CostCenter": f"CC-{100 + index % 7}",
        }
        org.tag_resource(ResourceId=account_id, Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
        accounts.append({"id": account_id, "name": name, "email": f"account-{number:03d}@example.com",
                         "parent_id": parent_id, "tags": tags})

    roles = {}
    if not args.no_roles:
        iam = client("iam", args)
        iam.create_role(RoleName=args.org_role, AssumeRolePolicyDocument=trust_policy(management_id))
        iam.create_role(RoleName=args.describe_regions_role, AssumeRolePolicyDocument=trust_policy(management_id))
        sts = client("sts", args)
        for account in accounts:
            role_arn = f"arn:aws:iam::{account['id']}:role/{args.describe_regions_role}"
            creds = sts.assume_role(RoleArn=role_arn, RoleSessionName="starfleet-seed")["Credentials"]
            member_iam = client("iam", args, key=creds["AccessKeyId"], secret=creds["SecretAccessKey"],
                                token=creds["SessionToken"])
            member_iam.create_role(RoleName=args.describe_regions_role,
                                   AssumeRolePolicyDocument=trust_policy(management_id))
        roles = {
            "org_role_arn": f"arn:aws:iam::{management_id}:role/{args.org_role}",
            "describe_regions_role": args.describe_regions_role,
        }

    s3 = client("s3", args)
    for bucket in (args.template_bucket, args.index_bucket):
        if args.region == "us-east-1":
            s3.create_bucket(Bucket=bucket)
        else:
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": args.region})

    summary = {
        "endpoint": args.endpoint,
        "region": args.region,
        "organization_id": organization["Id"],
        "root_id": root_id,
        "management_account_id": management_id,
        "account_ids": [a["id"] for a in accounts],
        "accounts": accounts,
        "ou_ids": [ou["id"] for ou in ous],
        "organizational_units": ous,
        "org_role": args.org_role,
        "describe_regions_role": args.describe_regions_role,
        "roles": roles,
        "buckets": [args.template_bucket, args.index_bucket],
    }
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
