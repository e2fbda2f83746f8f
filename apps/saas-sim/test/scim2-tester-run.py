"""Runs the scim2-tester RFC 7643/7644 compliance checks against one SCIM
service provider and prints every result as JSON, for the saas-sim tests.

Usage: python scim2-tester-run.py <base URL> <bearer token>
"""

import json
import sys

from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import check_server


def main() -> None:
    base_url, token = sys.argv[1], sys.argv[2]
    http = Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    results = check_server(SyncSCIMClient(http))
    print(
        json.dumps(
            [
                {
                    "title": result.title,
                    "status": result.status.name,
                    "reason": result.reason,
                    "description": result.description,
                    "tags": sorted(result.tags or []),
                }
                for result in results
            ]
        )
    )


if __name__ == "__main__":
    main()
