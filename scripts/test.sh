#!/usr/bin/env bash
# The test command: installs what the tests need, builds everything, runs every suite
# (unit, protocol against a real dispatchd on loopback, end to end under tmux).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
