#!/usr/bin/env bash
# Runs schemathesis (from PyPI, into .build-venv/) against docs/openapi.yaml with every phase
# (examples, coverage, fuzzing, stateful) and every check, on a freshly seeded dispatchd on
# SQLite and then on PostgreSQL (a throwaway cluster). `schemathesis.toml` at the root holds the
# project's settings. Prints schemathesis's report for each store; exits non-zero on findings.
#   scripts/schemathesis.sh [MAX_EXAMPLES]      (default 30 per operation)
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-30}
[ -x .build-venv/bin/schemathesis ] || { python3 -m venv .build-venv && .build-venv/bin/pip install -q schemathesis; }
swift build --product dispatchd
work=$(mktemp -d /tmp/dispatch-st.XXXXXX)
chmod 755 "$work"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; scripts/postgres-cluster.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
status=0

run() { # $1 name, rest: storage flags
    local name=$1; shift
    local port=$((20000 + RANDOM % 20000))
    .build/debug/dispatchd seed "$@" --loads 500 --drivers 50 --carriers 15 >/dev/null
    .build/debug/dispatchd serve "$@" --host 127.0.0.1 --port "$port" >"$work/$name.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
    local token
    token=$(curl -s -X POST "http://127.0.0.1:$port/v1/login" -H 'Content-Type: application/json' \
        -d '{"user":"dispatch","password":"dispatch"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    echo "== schemathesis on $name (dispatchd at 127.0.0.1:$port) =="
    # Logout revokes the token the other operations use: it runs on its own, last.
    .build-venv/bin/schemathesis run docs/openapi.yaml --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" \
        --checks all -n "$examples" --request-timeout 70 --exclude-path /v1/logout || status=1
    .build-venv/bin/schemathesis run docs/openapi.yaml --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" \
        --checks all -n 5 --include-path /v1/logout || status=1
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

run sqlite --db "$work/st.sqlite"
url=$(scripts/postgres-cluster.sh start "$work/pg")
run postgresql --database-url "$url"
exit $status
