#!/usr/bin/env bash
# The demo: installs what it needs, builds a release dispatch, then runs dispatchd in-process on
# SQLite with 100,000 seeded loads and a moving fleet, and opens the console on it.
# Extra arguments go to `dispatch demo` (e.g. --driver, --loads 20000, --dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "building dispatch (release; the first build takes several minutes)..." >&2
swift build -c release --product dispatch
exec .build/release/dispatch demo "$@"
