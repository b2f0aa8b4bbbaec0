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

# Libraries that are crates, by package name: a function is theirs when
# its file is under the package's source (`/tokio-1.4…/`) or, in a release
# build, which has no line tables, when its name starts with the crate's
# path (`tokio::`, `<tokio::… as …>`; see `crate_of`).
CRATES = [
    ("rusqlite", ["rusqlite"]),
    ("SHA-256", ["sha2"]),
    ("serde_json/serde", ["serde_json", "serde", "serde_core"]),
    ("tokio", ["tokio"]),
    ("hyper/http/httparse",
     ["hyper", "hyper-util", "http", "httparse", "http-body", "http-body-util"]),
    ("axum/tower", ["axum", "axum-core", "tower", "tower-http", "matchit"]),
    ("governor/dashmap/quanta", ["governor", "dashmap", "quanta"]),
    ("tracing", ["tracing", "tracing-core", "tracing-subscriber"]),
    ("time/uuid/form_urlencoded",
     ["time", "uuid", "form_urlencoded", "percent-encoding", "itoa", "ryu"]),
]


def crates(packages):
    return "|".join(f"/{p}-|^{p.replace('-', '_')}::" for p in packages)


def scimctl(module):
    return f"src/{module.replace('::', '/')}/|^scimctl::{module}::"


# (library, pattern on the function's file, name or object), first match
# wins. C functions are told by the object they are in (`parse` keeps it).
LIBRARIES = [
    ("SQLite", r"sqlite3\.c|^sqlite3"),
    ("allocator (malloc/free)", r"malloc|^free$|^_int_|^cfree|^realloc|^calloc|tcache|^_?mi_|^mimalloc::"),
    ("memcpy/memcmp/memset", r"^__mem|^mem(cpy|move|set|cmp)|^__strlen|^strlen"),
    *((lib, crates(packages)) for lib, packages in CRATES),
    ("scimctl: engine/scim", scimctl("engine::scim")),
    ("scimctl: engine/store", scimctl("engine::store")),
    ("scimctl: engine (other)", scimctl("engine")),
    ("scimctl: http", scimctl("http")),
    ("scimctl: other", r"^src/|/wt-[a-z]+/src/|^scimctl::"),
    ("Rust std (fmt, collections, str)", r"library/(core|alloc|std)/|^core::|^alloc::|^std::|^hashbrown::|^foldhash::"),
    ("libc / ld.so (other)", r"libc\.so|ld-linux|vgpreload"),
]


def crate_of(fn):
    """The path a Rust function's name starts with: `<a::B as c::D>::f` and
    `a::b::f` both give `a::b…`, so that the patterns above can match it."""
    return fn.lstrip("<&*( ").replace("dyn ", "").replace("mut ", "")


def parse(path):
    names = {"fn": {}, "fl": {}, "ob": {}}
    own = collections.Counter()
    edges = collections.Counter()
    file_of = {}
    object_of = {}
    fn = fl = ob = cfn = None
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
        if key == "ob":
            ob = name("ob", val)
        elif key == "cob":
            name("ob", val)
        elif key in ("fl", "fi", "fe"):
            f = name("fl", val)
            if key == "fl":
                fl = f
        elif key == "fn":
            fn = name("fn", val)
            file_of.setdefault(fn, fl or "")
            object_of.setdefault(fn, ob or "")
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
    return own, edges, file_of, object_of


def library(fn, f, ob, server):
    named = crate_of(fn)
    for lib, pat in LIBRARIES:
        if re.search(pat, f) or re.search(pat, named) or re.search(pat, ob):
            return lib
    # C in the server's own binary with no symbol of the above: SQLite's
    # static functions (walChecksumBytes, balance_nonroot…), as SQLite is
    # the only C compiled in besides mimalloc (matched above).
    if "::" not in fn and ob in server:
        return "SQLite"
    return "other"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, n = sys.argv[1], int(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    patterns = sys.argv[4:]
    own, edges, file_of, object_of = parse(path)
    total = sum(own.values())
    per = lambda c: c / n  # noqa: E731
    print(f"total {per(total):,.0f} instructions/request")
    # The server's binary: the object its own Rust functions are in.
    server = {object_of.get(fn, "") for fn in own if "scimctl::" in fn} - {""}
    libs = collections.Counter()
    for fn, c in own.items():
        libs[library(fn, file_of.get(fn, ""), object_of.get(fn, ""), server)] += c
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
