#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Overhead of calling a model from Python over the C++ call (target: < 50 us).

    PYTHONPATH=build/<dir>/python /usr/bin/python3 python/bench/overhead.py

Times entente.run (spec string + kwargs -> Result, and reading .forecast) against RunModel
timed inside C++ on the same scenario. A measurement script, not a test.
"""
import time

import entente


def per_call(fn, n):
    fn()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - start) / n)
    return best


def main():
    for scenario in ("ukraine-2025", "bdm1994-eu-emissions"):
        s = entente.load(scenario)
        for spec, kwargs, n in (("compromise", {}, 2000), ("median", {}, 2000),
                                ("eum", {"rounds": 5}, 50)):
            full = entente.spec_of(spec, **kwargs)
            cxx = min(entente._entente._time_run_model(s, full, n) for _ in range(5))
            raw = per_call(lambda: entente._entente.run_model(s, full, 0, None), n)
            py = per_call(lambda: entente.run(s, spec, **kwargs), n)
            print("%-22s %-16s C++ %8.1f us  binding %+6.1f us  run() %+6.1f us" % (
                scenario, full, cxx * 1e6, (raw - cxx) * 1e6, (py - cxx) * 1e6))


if __name__ == "__main__":
    main()
