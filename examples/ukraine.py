#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""entente from Python: the Feb 2025 Russia-Ukraine talks.

Loads the built-in ukraine-2025 scenario, runs every model, a Monte Carlo sweep and the deal
analysis, and draws three figures (PNG) into OUTDIR (default: a new temporary directory):

    PYTHONPATH=build/<dir>/python /usr/bin/python3 examples/ukraine.py [OUTDIR]
"""
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import entente  # noqa: E402


def main(argv):
    outdir = argv[1] if len(argv) > 1 else tempfile.mkdtemp(prefix="entente-ukraine-")
    os.makedirs(outdir, exist_ok=True)
    s = entente.load("ukraine-2025")
    print("%s: %d actors, %d issues" % (s.title, len(s.actors), len(s.issues)))

    # 1. Every model's forecast of every issue.
    results = entente.run_all(s)
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(results)
    for k, (spec, r) in enumerate(results.items()):
        f = r.forecast
        xs = [i + k * width for i in range(len(s.issues))]
        ax.bar(xs, list(f["value"]), width=width, label=r.model)
        print("%-12s %s" % (r.model, "  ".join("%s=%.1f" % (i, v)
                                              for i, v in zip(f["issue"], f["value"]))))
    deal = None
    try:
        deal = entente.deals(s)
    except entente.ValidationError as e:
        print("deal analysis not possible:", e)
    nash = _nash_package(deal)
    if nash:
        ax.scatter([i + 0.4 - width / 2 for i in range(len(s.issues))],
                   [nash.get(i, float("nan")) for i in s.issues], color="black", marker="D",
                   zorder=3, label="Nash bargaining deal")
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(s.issues))], s.issues, rotation=20)
    ax.set_ylabel("position on the issue's scale")
    ax.set_title("Forecasts by model")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "forecasts.png"), dpi=100)

    # 2. Uncertainty: a sweep of the compromise model with noise on every input.
    sw = entente.sweep(s, ["compromise"], draws=500, seed=1, noise="position=5")
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for issue in s.issues:
        ax.hist(sw.column(sw.specs[0], issue), bins=30, alpha=0.5, label=issue)
    ax.set_xlabel("forecast")
    ax.set_ylabel("draws")
    ax.set_title("compromise model: 500 draws with position noise 5")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "sweep.png"), dpi=100)

    # 3. The expected-utility model's round-by-round positions on the first issue.
    eum = results.get("eum") or entente.run(s, "eum")
    t = eum.traces[0]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for a, actor in enumerate(t["actors"]):
        ax.plot(t["rounds"], t["positions"][:, a, 0], marker="o", label=actor)
    ax.set_xlabel("round")
    ax.set_ylabel(t["dims"][0])
    ax.set_title("EUM trace: %s" % t["dims"][0])
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "eum_trace.png"), dpi=100)

    print("figures written to", outdir)
    return 0


def _nash_package(deal):
    """{issue: value} of the Nash bargaining solution in a deals document, if it exists."""
    for sol in (deal or {}).get("solutions", []):
        if sol.get("key") == "nash" and sol.get("exists"):
            return {p["issue"]: p["value"] for p in sol["package"]}
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv))
