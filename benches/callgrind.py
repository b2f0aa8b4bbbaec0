#!/usr/bin/env python3
"""The plain HTTP client of benches/callgrind.sh: one keep-alive
connection, one request at a time, so the server's instruction count per
request does not depend on timing. Standard library only.

  callgrind.py prefill ADDR TOKEN USERS OUT.json
      creates USERS users and one group; writes their ids to OUT.json
  callgrind.py run ADDR TOKEN FIXTURE.json KIND WARMUP N PID
      sends WARMUP requests of KIND, zeroes the server's callgrind
      counters (callgrind_control -z PID), sends N more, dumps them
      (callgrind_control -d PID)

KIND: get, filter, patch, group, create. Request i of a run uses user i
of the fixture (warmup from N on), so every PATCH changes its user and
every member add adds a member, as an IdP's first sync does."""

import http.client
import json
import subprocess
import sys
import time

PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"


class Client:
    def __init__(self, addr, token):
        host, port = addr.rsplit(":", 1)
        self.conn = http.client.HTTPConnection(host, int(port), timeout=120)
        self.auth = "Bearer " + token
        self.base = "/scim/v2/bench"

    def send(self, method, path, body=None):
        headers = {"Authorization": self.auth}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/scim+json"
        self.conn.request(method, self.base + path, body=data, headers=headers)
        r = self.conn.getresponse()
        out = r.read()
        if r.status >= 300:
            sys.exit(f"{method} {path}: {r.status} {out[:300]!r}")
        return json.loads(out) if out else None


def user(name):
    return {
        "schemas": [USER],
        "userName": name,
        "externalId": name.split("@")[0],
        "active": True,
        "name": {"givenName": "Bench", "familyName": name.split("@")[0]},
    }


def prefill(addr, token, users, out):
    c = Client(addr, token)
    ids, names = [], []
    for i in range(users):
        name = f"user{i}@bench.example.com"
        ids.append(c.send("POST", "/Users", user(name))["id"])
        names.append(name)
    group = c.send("POST", "/Groups", {"displayName": "Bench group"})["id"]
    with open(out, "w") as f:
        json.dump({"ids": ids, "names": names, "group": group}, f)


def request(c, fx, kind, i):
    if kind == "get":
        c.send("GET", f"/Users/{fx['ids'][i]}")
    elif kind == "filter":
        c.send("GET", f"/Users?filter=userName+eq+%22{fx['names'][i]}%22")
    elif kind == "patch":
        op = {"op": "Replace", "path": "active", "value": "False"}
        c.send("PATCH", f"/Users/{fx['ids'][i]}", {"schemas": [PATCH], "Operations": [op]})
    elif kind == "group":
        op = {"op": "Add", "path": "members", "value": [{"value": fx["ids"][i]}]}
        c.send("PATCH", f"/Groups/{fx['group']}", {"schemas": [PATCH], "Operations": [op]})
    elif kind == "create":
        c.send("POST", "/Users", user(f"new{i}@bench.example.com"))
    else:
        sys.exit(f"unknown kind {kind}")


def control(flag, pid):
    r = subprocess.run(["callgrind_control", flag, pid], capture_output=True, text=True)
    if r.returncode != 0 or "OK." not in r.stdout:
        sys.exit(f"callgrind_control {flag} {pid} failed: {r.stdout}{r.stderr}")


def run(addr, token, fixture, kind, warmup, n, pid):
    with open(fixture) as f:
        fx = json.load(f)
    if len(fx["ids"]) < n + warmup:
        sys.exit(f"the fixture has {len(fx['ids'])} users, {n + warmup} needed")
    c = Client(addr, token)
    for i in range(n, n + warmup):
        request(c, fx, kind, i)
    # The provisioning log is written in batches every half second: let the
    # warmup's batch go before the count starts, and the run's last batch
    # before it ends, so the count holds exactly the N requests' records.
    time.sleep(1.5)
    control("-z", pid)
    for i in range(n):
        request(c, fx, kind, i)
    time.sleep(1.5)
    control("-d", pid)


if __name__ == "__main__":
    a = sys.argv[1:]
    if a and a[0] == "prefill" and len(a) == 5:
        prefill(a[1], a[2], int(a[3]), a[4])
    elif a and a[0] == "run" and len(a) == 8:
        run(a[1], a[2], a[3], a[4], int(a[5]), int(a[6]), a[7])
    else:
        sys.exit(__doc__)
