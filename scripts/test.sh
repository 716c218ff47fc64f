#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything, starts a throwaway
# PostgreSQL cluster on loopback, runs every suite (unit, protocol against a real dispatchd on
# SQLite and on PostgreSQL, end to end under tmux), and removes the cluster on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests

cluster=$(mktemp -d /tmp/dispatch-pg.XXXXXX)
chmod 755 "$cluster"
trap 'scripts/postgres-cluster.sh stop "$cluster"' EXIT
DISPATCH_TEST_POSTGRES_URL=$(scripts/postgres-cluster.sh start "$cluster")
export DISPATCH_TEST_POSTGRES_URL
echo "test: PostgreSQL at $DISPATCH_TEST_POSTGRES_URL" >&2
# The terminal-level tests drive real binaries under tmux with timeouts; they run after the
# rest rather than beside it, so two busy cores do not starve them.
swift test --skip-build --skip EndToEndTests
swift test --skip-build --filter EndToEndTests
