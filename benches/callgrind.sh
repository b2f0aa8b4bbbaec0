#!/usr/bin/env bash
# Server instructions per request of `scimctl serve`, per request kind,
# counted by callgrind: repeatable on a small shared machine, where seconds
# are not. Several builds in one run give before/after figures.
#
#   benches/callgrind.sh [LABEL=]BINARY...
#   e.g. benches/callgrind.sh old=/work/wt-old/target/release/scimctl new=target/release/scimctl
#
# For each binary: a store is prepared with that binary itself (its own
# CLI, then its own server natively: CG_USERS users created over HTTP and
# one group), so each build runs over the schema it writes. Then, for each
# kind, a copy of that store is served under valgrind's callgrind; the
# client (benches/callgrind.py, one keep-alive connection, one request at a
# time) sends CG_WARMUP requests, zeroes the counters (callgrind_control
# -z), sends CG_N requests, waits for the provisioning log's last batch and
# dumps (callgrind_control -d). The dump holds the N requests and nothing
# else of startup, warmup or shutdown (the server's background threads'
# idle ticks over the run are in it; a few instructions per request).
# Instructions per request = the dump's total / N, all threads together
# (the log writer's share of a request included).
#
# Environment: CG_N (2000), CG_WARMUP (100), CG_USERS (CG_N + CG_WARMUP),
# CG_KINDS (get,filter,patch,group,create), CG_OUT (target/callgrind):
# where the dumps stay, as $CG_OUT/<label>/<kind>/callgrind.out.1, for
#   benches/callgrind_top.py $CG_OUT/new/get/callgrind.out.1 $CG_N 30 'authenticate' 'insert_logs'
# (per request: by library, the costliest functions, and the inclusive cost
# of functions matching each pattern; callgrind_annotate 3.19 misreads
# these dumps). CG_TOP=N prints each dump's breakdown with N functions.
#
# Every protection of `serve` is on, at its defaults, but the two rate
# limits this client's traffic would meet (as in benches/load.rs): they run
# at 10,000,000 a second, so the limiters run on every request and never
# refuse. A build that has no such limits ignores the variables.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
client="$here/callgrind.py"
N=${CG_N:-2000}
WARMUP=${CG_WARMUP:-100}
USERS=${CG_USERS:-$((N + WARMUP))}
KINDS=${CG_KINDS:-get,filter,patch,group,create}
OUT=${CG_OUT:-target/callgrind}
TOP=${CG_TOP:-0}

if [ $# -eq 0 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed 's/^# \{0,1\}//; $d'
    exit 2
fi
for tool in valgrind callgrind_control python3; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# A clean environment for every scimctl, in the array E: no config, store
# or limits of the caller's shell, rate limits far above this client's
# rate. (An array, not a function: a backgrounded command's $! is then the
# server's own pid, which callgrind_control needs.)
clean_env() {
    E=(env -i PATH="$PATH" HOME="$1" XDG_DATA_HOME="$1/data"
        XDG_CONFIG_HOME="$1/config" XDG_STATE_HOME="$1/state"
        SCIMCTL_RATE_LIMIT_PER_ADDRESS=10000000 SCIMCTL_RATE_LIMIT_PER_TENANT=10000000)
}

# Waits for "listening on ADDR" in a server's stderr; prints ADDR.
listen_addr() {
    local err=$1 pid=$2
    for _ in $(seq 1 600); do
        if grep -qE '^listening on .+:[0-9]+$' "$err" 2>/dev/null; then
            sed -n 's/^listening on //p' "$err" | head -n1
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { cat "$err" >&2; return 1; }
        sleep 0.1
    done
    echo "error: the server did not start" >&2
    return 1
}

stop() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# prepare LABEL BIN: the template store in $OUT/LABEL/template.
prepare() {
    local label=$1 bin=$2 dir="$OUT/$1/template"
    rm -rf "$dir"
    mkdir -p "$dir/home"
    local store="$dir/store.db"
    clean_env "$dir/home"
    "${E[@]}" "$bin" --store "$store" -q tenant create Bench --id bench >/dev/null
    "${E[@]}" "$bin" --store "$store" -q scim enable >/dev/null
    # The PATCH kind deactivates every user: the deprovisioning guard (a
    # product rule, not a limit of the server) would hold them. Builds
    # before it have no such command.
    "${E[@]}" "$bin" --store "$store" -q scim guard set --off >/dev/null 2>&1 || true
    "${E[@]}" "$bin" --store "$store" -q token generate >"$dir/token"
    "${E[@]}" "$bin" --store "$store" -q serve --listen 127.0.0.1:0 \
        2>"$dir/serve.err" >/dev/null &
    local pid=$!
    local addr
    addr=$(listen_addr "$dir/serve.err" "$pid")
    python3 "$client" prefill "$addr" "$(cat "$dir/token")" "$USERS" "$dir/fixture.json"
    stop "$pid"
    echo "$label: store of $USERS users prepared" >&2
}

# measure LABEL BIN KIND: prints the instructions per request.
measure() {
    local label=$1 bin=$2 kind=$3
    local tpl="$OUT/$label/template" dir="$OUT/$label/$kind"
    rm -rf "$dir"
    mkdir -p "$dir/home"
    cp "$tpl"/store.db* "$dir/"
    clean_env "$dir/home"
    "${E[@]}" valgrind --tool=callgrind \
        --log-file="$dir/valgrind.log" --callgrind-out-file="$dir/callgrind.out" \
        "$bin" --store "$dir/store.db" -q serve --listen 127.0.0.1:0 \
        2>"$dir/serve.err" >/dev/null &
    local pid=$!
    local addr
    addr=$(listen_addr "$dir/serve.err" "$pid")
    python3 "$client" run "$addr" "$(cat "$tpl/token")" "$tpl/fixture.json" \
        "$kind" "$WARMUP" "$N" "$pid"
    stop "$pid"
    [ -s "$dir/callgrind.out.1" ] || { echo "error: no dump in $dir" >&2; exit 1; }
    local total
    total=$(sed -n 's/^summary: //p' "$dir/callgrind.out.1")
    echo $((total / N))
}

labels=()
bins=()
for arg in "$@"; do
    case $arg in
        *=*) label=${arg%%=*} bin=${arg#*=} ;;
        *) label=$(basename "$arg") bin=$arg ;;
    esac
    [ -x "$bin" ] || { echo "error: $bin is not an executable" >&2; exit 2; }
    labels+=("$label")
    bins+=("$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")")
done

for i in "${!labels[@]}"; do
    prepare "${labels[$i]}" "${bins[$i]}"
done

IFS=, read -r -a kinds <<<"$KINDS"
declare -A ir
for kind in "${kinds[@]}"; do
    for i in "${!labels[@]}"; do
        ir[$kind,$i]=$(measure "${labels[$i]}" "${bins[$i]}" "$kind")
        echo "${labels[$i]} $kind: ${ir[$kind,$i]} instructions/request" >&2
    done
done

echo
echo "Server instructions per request (callgrind; $N requests per kind after $WARMUP of warmup, one connection, $USERS users)"
header="| request |"
rule="|---|"
for i in "${!labels[@]}"; do
    header+=" ${labels[$i]} |"
    rule+="---:|"
done
for i in "${!labels[@]}"; do
    [ "$i" -eq 0 ] && continue
    header+=" ${labels[$i]} / ${labels[0]} |"
    rule+="---:|"
done
echo "$header"
echo "$rule"
for kind in "${kinds[@]}"; do
    row="| $kind |"
    for i in "${!labels[@]}"; do
        row+=" $(printf "%'d" "${ir[$kind,$i]}") |"
    done
    for i in "${!labels[@]}"; do
        [ "$i" -eq 0 ] && continue
        row+=" $(awk -v a="${ir[$kind,$i]}" -v b="${ir[$kind,0]}" 'BEGIN { printf "%.2f", a / b }') |"
    done
    echo "$row"
done

if [ "$TOP" -gt 0 ]; then
    for kind in "${kinds[@]}"; do
        for i in "${!labels[@]}"; do
            echo
            echo "## ${labels[$i]} $kind: where the instructions go, per request"
            python3 "$here/callgrind_top.py" "$OUT/${labels[$i]}/$kind/callgrind.out.1" "$N" "$TOP"
        done
    done
fi
