#!/usr/bin/env python3
"""Where the instructions of a callgrind dump go, per request.

  callgrind_top.py DUMP N [TOP] [REGEX...]

Prints the dump's instructions divided by N (the requests it holds): by
library (self cost of the functions whose source is in it), the TOP most
costly functions by self cost, and, for each REGEX, the functions whose
name matches it with their inclusive cost (their own and their callees',
recursion counted once). Reads the file itself: callgrind_annotate
(3.19) attributes these dumps — started after `callgrind_control -z` —
to the thread entry points only."""

import collections
import re
import sys

# (library, pattern on the function's file or name), first match wins.
LIBRARIES = [
    ("SQLite", r"sqlite3\.c|^sqlite3"),
    ("rusqlite", r"/rusqlite-"),
    ("allocator (malloc/free)", r"malloc|^free$|^_int_|^cfree|^realloc|^calloc|tcache"),
    ("memcpy/memcmp/memset", r"^__mem|^mem(cpy|move|set|cmp)|^__strlen|^strlen"),
    ("SHA-256", r"/sha2-"),
    ("serde_json/serde", r"/serde_json-|/serde-|/serde_core-"),
    ("tokio", r"/tokio-"),
    ("hyper/http/httparse", r"/hyper-|/hyper-util-|/http-|/httparse-|/http-body"),
    ("axum/tower", r"/axum-|/axum-core-|/tower-|/tower-http-|/matchit-"),
    ("governor/dashmap/quanta", r"/governor-|/dashmap-|/quanta-"),
    ("tracing", r"/tracing-|/tracing-core-|/tracing-subscriber-"),
    ("time/uuid/form_urlencoded", r"/time-|/uuid-|/form_urlencoded-|/percent-encoding-|/itoa-|/ryu-"),
    ("scimctl: engine/scim", r"src/engine/scim/"),
    ("scimctl: engine (other)", r"src/engine/"),
    ("scimctl: http", r"src/http/"),
    ("scimctl: other", r"^src/|/wt-[a-z]+/src/|scimctl::"),
    ("Rust std (fmt, collections, str)", r"library/(core|alloc|std)/"),
    ("kernel entry / libc (other)", r"libc\.so|ld-linux|vgpreload|\?\?\?"),
]


def parse(path):
    names = {"fn": {}, "fl": {}}
    own = collections.Counter()
    edges = collections.Counter()
    file_of = {}
    fn = fl = cfn = None
    in_call = False

    def name(kind, v):
        m = re.match(r"\((\d+)\)(?: (.*))?$", v)
        if not m:
            return v
        i, n = m.groups()
        if n is not None:
            names[kind][i] = n
        return names[kind].get(i, "?" + i)

    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        key, _, val = line.partition("=")
        if key in ("fl", "fi", "fe"):
            f = name("fl", val)
            if key == "fl":
                fl = f
        elif key == "fn":
            fn = name("fn", val)
            file_of.setdefault(fn, fl or "")
        elif key == "cfn":
            cfn = name("fn", val)
        elif key in ("cfi", "cfl"):
            name("fl", val)
        elif key == "calls":
            in_call = True
        elif line and (line[0].isdigit() or line[0] in "+-*"):
            parts = line.split()
            if len(parts) >= 2:
                cost = int(parts[1])
                if in_call:
                    if cfn != fn:
                        edges[(fn, cfn)] += cost
                    in_call = False
                else:
                    own[fn] += cost
    return own, edges, file_of


def library(fn, f):
    for lib, pat in LIBRARIES:
        if re.search(pat, f) or re.search(pat, fn):
            return lib
    return "other"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, n = sys.argv[1], int(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    patterns = sys.argv[4:]
    own, edges, file_of = parse(path)
    total = sum(own.values())
    per = lambda c: c / n  # noqa: E731
    print(f"total {per(total):,.0f} instructions/request")
    libs = collections.Counter()
    for fn, c in own.items():
        libs[library(fn, file_of.get(fn, ""))] += c
    print("\nby library (self cost):")
    for lib, c in libs.most_common():
        print(f"  {per(c):>10,.0f}  {100 * c / total:5.1f}%  {lib}")
    print(f"\n{top} functions by self cost:")
    for fn, c in own.most_common(top):
        print(f"  {per(c):>10,.0f}  {100 * c / total:5.1f}%  {fn[:140]}")
    if patterns:
        inclusive = collections.Counter(own)
        for (caller, _), c in edges.items():
            inclusive[caller] += c
        print("\ninclusive:")
        for pat in patterns:
            hits = [(fn, c) for fn, c in inclusive.items() if re.search(pat, fn)]
            for fn, c in sorted(hits, key=lambda h: -h[1])[:6]:
                print(f"  {per(c):>10,.0f}  {100 * c / total:5.1f}%  {fn[:140]}")


if __name__ == "__main__":
    main()
