#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a web test command in web/ when the front end's npm packages are installed
# (scripts/deps.sh test: `npm ci` in web/); otherwise exits 77, which ctest reports as
# "Skipped" with this message, never as passed. Usage: with_npm_packages.sh WEB_DIR COMMAND...
set -euo pipefail
web="$1"
shift
if [[ ! -e "$web/node_modules/.package-lock.json" ]]; then
  echo "SKIPPED: the web front end's npm packages are not installed (web/node_modules);" \
       "run scripts/deps.sh test where the npm registry is reachable" >&2
  exit 77
fi
cd "$web"
exec "$@"
