#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: install what is missing, build in Release, and forecast the
# built-in scenario (ukraine-2025) with every registered model.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release --target entente
exec build/release/apps/cli/entente run "$@"
