#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's second command (and what CI runs): install what is missing, build, and run every
# test suite: unit and CLI tests (ctest, Release build, including the pytest suite), then every
# fuzzer over a fixed number of inputs from a fixed seed (deterministic: one commit, one verdict;
# explore longer with `fuzz/run.sh SECONDS`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
jobs=$(nproc)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
if [[ -x fuzz/run.sh ]]; then
  fuzz/run.sh --runs "${ENTENTE_FUZZ_RUNS:-10000}"
fi
echo "entente: all test suites passed"
