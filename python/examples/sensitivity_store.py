#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Sensitivity analysis and the run store from Python (no pandas or matplotlib needed).

Which inputs move each ukraine-2025 forecast of the compromise model most, what would move
the first issue's forecast to a threshold, and both analyses recorded in a run store
(default: a new temporary directory) and read back:

    PYTHONPATH=build/<dir>/python /usr/bin/python3 python/examples/sensitivity_store.py [STORE]
"""
import os
import sys
import tempfile

import entente


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(
        tempfile.mkdtemp(prefix="entente-store-"), "runs.sqlite")
    store = entente.Store(path)
    s = entente.load("ukraine-2025")
    first = s.issues[0]
    sens = entente.sensitivity(s, "compromise", delta=10, thresholds={first: 50}, store=store)
    print("Sensitivity of %s (delta 10%%), recorded as run %d" % (sens.spec, sens.run_id))
    for issue in s.issues:
        print("  %-14s forecast %6.1f; moved most by: %s" % (
            issue, sens.base[issue], "; ".join(sens.ranking(issue)[:3])))
    flips = sens.flips
    for k in range(len(flips["issue"])):
        if flips["issue"][k] == first and flips["label"][k] == "threshold":
            if flips["found"][k]:
                print("  %s to 50: %s %.1f -> %.1f" % (first, flips["input"][k],
                                                       flips["from"][k], flips["to"][k]))
            else:
                print("  %s to 50: no single input change found" % first)
    sw = entente.sweep(s, ["compromise"], draws=200, seed=1, noise="position=5", store=store)
    runs = store.runs()
    print("Store %s holds %d runs:" % (store.path, len(runs["id"])))
    for k in range(len(runs["id"])):
        print("  run %d: %s, %s, %s" % (runs["id"][k], runs["kind"][k], runs["status"][k],
                                        runs["scenario"][k]))
    stored = store.get(sw.run_id)
    values, _, _ = stored.draws()
    print("sweep run %d read back: %d draws x %d columns, same as computed: %s" % (
        sw.run_id, values.shape[0], values.shape[1], bool((values == sw.draws).all())))


if __name__ == "__main__":
    main(sys.argv)
