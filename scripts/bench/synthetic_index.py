#!/usr/bin/env python3
"""Writes a synthetic account index (the generator's JSON layout) for resolution benchmarks.

    python3 scripts/bench/synthetic_index.py OUT.json [--accounts 10000] [--seed 7]

Deterministic. An organization r-bench with OUs 3 levels deep (Infrastructure / Workloads /
Sandbox, then Prod / NonProd, then Team-A / Team-B: 21 OUs, names repeated across branches),
every tenth account directly under the root, the rest round-robin over the OUs; tags
Environment, Team and CostCenter; each account has 17–34 of the 34 commercial regions enabled.
The first account is the management account (its ARN names it), as in a real index.
"""
import argparse
import json
import random

REGIONS = [
    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
    "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
    "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
    "us-west-1", "us-west-2",
]
LEVELS = [["Infrastructure", "Workloads", "Sandbox"], ["Prod", "NonProd"], ["Team-A", "Team-B"]]
ENVIRONMENTS = ["prod", "staging", "dev", "test"]
TEAMS = ["platform", "payments", "data", "security", "web"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--accounts", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = {"Id": "r-bench", "Name": "ROOT", "Type": "ROOT"}
    chains = []  # parent chain (immediate first) of every OU, breadth first
    parents = [[root]]
    serial = 0
    for names in LEVELS:
        next_parents = []
        for above in parents:
            for name in names:
                serial += 1
                chain = [{"Id": f"ou-bench-{serial:08d}", "Name": name, "Type": "ORGANIZATIONAL_UNIT"}] + above
                chains.append(chain)
                next_parents.append(chain)
        parents = next_parents
    management = "100000000000"
    accounts = {}
    for index in range(args.accounts):
        account_id = f"{100000000000 + index:012d}"
        enabled = sorted(rng.sample(REGIONS, rng.randint(17, len(REGIONS))))
        accounts[account_id] = {
            "Arn": f"arn:aws:organizations::{management}:account/o-bench/{account_id}",
            "Email": f"account-{index:05d}@example.com",
            "Id": account_id,
            "JoinedMethod": "CREATED" if index else "INVITED",
            "JoinedTimestamp": f"2024-03-{1 + index % 28:02d} 18:38:27.{index % 1000000:06d}+00:00",
            "Name": f"Account-{index:05d}",
            "Parents": [root] if index % 10 == 0 else chains[index % len(chains)],
            "Regions": enabled,
            "Status": "ACTIVE",
            "Tags": {
                "CostCenter": f"CC-{100 + index % 7}",
                "Environment": ENVIRONMENTS[index % len(ENVIRONMENTS)],
                "Team": TEAMS[index % len(TEAMS)],
            },
        }
    with open(args.out, "w") as out:
        json.dump({"accounts": accounts, "generated": "2026-11-29T00:00:00Z"}, out, sort_keys=True, indent=4)


if __name__ == "__main__":
    main()
