#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# web/dist (kept in the repository and embedded in the binary) must be exactly what the sources
# build: builds the app and the report script into a temporary folder and compares every file.
# Run in web/ (by with_npm_packages.sh). Fix a failure with `npm run build` in web/.
set -euo pipefail
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npx tsc --noEmit
npx vite build --logLevel error --outDir "$tmp/app" --emptyOutDir
npx vite build --logLevel error --config vite.report.config.ts --outDir "$tmp/report" --emptyOutDir
if ! diff -r "$tmp/app" dist/app >/dev/null || ! diff -r "$tmp/report" dist/report >/dev/null; then
  diff -rq "$tmp/app" dist/app || true
  diff -rq "$tmp/report" dist/report || true
  echo "web/dist is out of date with web/src: run 'npm run build' in web/ and commit web/dist" >&2
  exit 1
fi
echo "web/dist matches web/src"
