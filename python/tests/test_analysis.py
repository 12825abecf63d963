# SPDX-License-Identifier: MIT
"""Deals and sweeps from Python: the CLI's documents, draws as one numpy array."""
import numpy as np
import pytest

import entente


def test_deals_equal_cli_json(cli):
    doc = entente.deals("ukraine-2025", step=10)
    assert doc == cli.json("deals", "ukraine-2025", "--step", "10", "--format", "json")
    assert doc["kind"] == "deals"


def test_deals_bad_options_raise_validation_error():
    with pytest.raises(entente.ValidationError) as e:
        entente.deals("ukraine-2025", parties=["NOBODY"])
    assert any(p["value"] == "NOBODY" for p in e.value.problems)
    with pytest.raises(entente.ValidationError):
        entente.deals("ukraine-2025", loss="cubic")


def test_sweep_returns_draws_as_one_array():
    s = entente.load("ukraine-2025")
    r = entente.sweep(s, ["compromise", "median"], draws=64, seed=7, noise="position=5", threads=1)
    assert isinstance(r.draws, np.ndarray)
    assert r.draws.shape == (64, 2 * len(s.issues))
    assert len(r.columns) == r.draws.shape[1]
    again = entente.sweep(s, ["compromise", "median"], draws=64, seed=7, noise="position=5", threads=2)
    assert np.array_equal(r.draws, again.draws)  # seeded per draw: thread count does not matter
    other = entente.sweep(s, ["compromise", "median"], draws=64, seed=8, noise="position=5", threads=1)
    assert not np.array_equal(r.draws, other.draws)
    col = r.column(r.specs[0], s.issues[0])
    assert r.summary["draws"] if "draws" in r.summary else True
    assert col.std() > 0


def test_sweep_summary_equals_cli(cli):
    r = entente.sweep("ukraine-2025", ["compromise"], draws=40, seed=3, noise="position=5", threads=1)
    doc = cli.json("sweep", "ukraine-2025", "-m", "compromise", "--draws", "40", "--seed", "3",
                   "--noise", "position=5", "--threads", "1", "--format", "json", "--no-store")
    doc.pop("run_id", None)
    mine = dict(r.summary)
    mine.pop("run_id", None)
    assert mine == doc


def test_backtest_equals_cli(cli, source_dir):
    import os
    path = os.path.join(source_dir, "tests", "data", "deu", "deu_sample.tsv")
    doc = entente.backtest(path, ["compromise", "median"], bootstrap=200)
    assert doc == cli.json("backtest", path, "-m", "compromise", "-m", "median",
                           "--bootstrap", "200", "--format", "json")
    with pytest.raises(entente.ValidationError):
        entente.backtest(path, ["compromise"], capability="no-such-table")
