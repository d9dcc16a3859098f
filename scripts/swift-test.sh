#!/usr/bin/env bash
# Runs `swift test` with its output shown as it comes, and on failure repeats every failed test and issue at
# the end: CI keeps only the tail of a long log, and there a "suite failed with 4 issues" alone says nothing.
set -uo pipefail

log="test-artifacts/swift-test.log"
mkdir -p "$(dirname "$log")"
"${SWIFT:-swift}" test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if ((status != 0)); then
  echo
  echo "=== swift test failed (exit $status); what failed, from $log ==="
  # Each failure line, the "↳" lines that carry its message, and any crash report.
  awk '/^✘/ && !/^✘ Test run with/ { show = 1; print; next } show && /^[[:space:]]*↳/ { print; next }
       { show = 0 } /Fatal error|unexpected signal/ { print }' "$log" | tail -80
fi
exit "$status"
