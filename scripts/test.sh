#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's second command (and what CI runs): install what is missing, build, and run every
# test suite: unit and CLI tests (ctest, Release build), the fuzzers for a bounded time, and a
# formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
jobs=$(nproc)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
if [[ -x fuzz/run.sh ]]; then
  fuzz/run.sh "${ENTENTE_FUZZ_SECONDS:-10}"
fi
echo "entente: all test suites passed"
