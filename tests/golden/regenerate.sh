#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rewrites the golden transcripts in tests/golden/ from the built `entente` binary, one per line
# of cases.txt.
#
# Regenerate them whenever the output legitimately changes: a model is added to the registry
# (`entente run` without --model runs every registered model, so every run transcript changes),
# a model's numbers or defaults change, a built-in scenario changes, the report layout or a
# JSON document changes, or the version number changes. Then read the diff (git diff
# tests/golden) before committing: every changed number must have a reason.
#
# Usage: tests/golden/regenerate.sh [path/to/entente]
#   default binary: $ENTENTE_BIN, else build/release/apps/cli/entente, else build/dev/...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-${ENTENTE_BIN:-}}
if [[ -z "$bin" ]]; then
  for candidate in "$root/build/release/apps/cli/entente" "$root/build/dev/apps/cli/entente"; do
    if [[ -x "$candidate" ]]; then bin=$candidate; break; fi
  done
fi
if [[ -z "$bin" || ! -x "$bin" ]]; then
  echo "regenerate.sh: no entente binary; build it first or pass its path" >&2
  exit 2
fi
# Same environment as golden_test: no colour from the environment.
unset NO_COLOR
count=0
while read -r file args; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  # shellcheck disable=SC2086  # the arguments are split on spaces on purpose
  "$bin" $args > "$here/$file.tmp" < /dev/null
  mv "$here/$file.tmp" "$here/$file"
  count=$((count + 1))
done < "$here/cases.txt"
echo "regenerate.sh: wrote $count golden files with $("$bin" --version)"
