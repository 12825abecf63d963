# SPDX-License-Identifier: MIT
"""Sensitivity from Python: the CLI's document and CSV, known rankings, flips, errors."""
import csv
import io
import math

import pytest

import entente


def _planted():
    """Two issues on 0-100. On X actor D carries 1000 of 1060 capability-salience weight; on
    Y actor B does. Every position is far from the scale's ends (no clamping at delta 10)."""
    rows = []
    caps = {"A": 10, "B": 10, "C": 10, "D": 10}
    for actor, (px, py) in {"A": (20, 30), "B": (40, 50), "C": (60, 70), "D": (50, 40)}.items():
        rows.append(dict(actor=actor, issue="X", capability=1000 if actor == "D" else caps[actor],
                         position=px, salience=50))
        rows.append(dict(actor=actor, issue="Y", capability=1000 if actor == "B" else caps[actor],
                         position=py, salience=50))
    return entente.from_records(rows, name="planted")


def test_sensitivity_equals_cli_json(cli):
    s = entente.load("ukraine-2025")
    issue = s.issues[0]
    r = entente.sensitivity(s, "compromise", delta=20, thresholds={issue: 50}, flip_steps=8)
    doc = cli.json("sensitivity", "ukraine-2025", "-m", "compromise", "--delta", "20",
                   "--threshold", issue + "=50", "--flip-steps", "8", "--format", "json")
    assert r.document == doc
    assert r.spec == doc["spec"] and r.run_id == 0
    assert any(f["label"] == "threshold" for f in doc["issues"][0]["flips"])


def test_distribution_mode_and_keyword_parameters_equal_cli(cli):
    r = entente.sensitivity("ukraine-2025", "eum", rounds=3, distribution=True,
                            noise="position=10", flip_steps=0, seed=5)
    doc = cli.json("sensitivity", "ukraine-2025", "-m", "eum(rounds=3)", "--distribution",
                   "--noise", "position=10", "--flip-steps", "0", "--seed", "5", "--format",
                   "json")
    assert r.document == doc
    assert doc["mode"] == "distribution"


def test_tornado_table_equals_cli_csv(cli):
    pd = pytest.importorskip("pandas")
    r = entente.sensitivity("ukraine-2025", "median", delta=15, flip_steps=0)
    text = cli("sensitivity", "ukraine-2025", "-m", "median", "--delta", "15", "--flip-steps",
               "0", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    t = r.tornado
    assert isinstance(t, pd.DataFrame)
    assert list(t.columns) == list(rows[0].keys())
    assert len(t) == len(rows)
    for k, row in enumerate(rows):
        for c in ("issue", "input", "actor", "input_issue", "kind", "how"):
            assert t[c].iloc[k] == row[c]
        assert t["rank"].iloc[k] == int(row["rank"])
        for c in ("base", "low", "high", "forecast_low", "forecast_high", "swing"):
            want = float(row[c]) if row[c] not in ("", "nan", "NaN") else math.nan
            got = float(t[c].iloc[k])
            assert (math.isnan(want) and math.isnan(got)) or got == want, (k, c, got, want)


def test_planted_dominant_input_ranked_first():
    s = _planted()
    r = entente.sensitivity(s, "compromise", delta=10, flip_steps=0)
    assert r.ranking("X")[0] == "D / X / position"
    assert r.ranking("Y")[0] == "B / Y / position"
    # The compromise is the capability*salience-weighted mean: moving D's position by 10
    # points moves the forecast of X by 10 * 1000*50 / (1030*50).
    t = r.tornado
    top = [k for k in range(len(t["issue"])) if t["issue"][k] == "X" and t["rank"][k] == 1][0]
    assert t["swing"][top] == pytest.approx(10 * 1000 / 1030, rel=1e-9)
    base_x = (10 * 20 + 10 * 40 + 10 * 60 + 1000 * 50) / 1030
    assert r.base["X"] == pytest.approx(base_x, rel=1e-12)
    # Every other input of X moves it less than a tenth as much.
    others = [t["swing"][k] for k in range(len(t["issue"])) if t["issue"][k] == "X" and
              t["rank"][k] > 1]
    assert max(others) < t["swing"][top] / 10


def test_what_would_flip_it_finds_the_planted_input():
    s = _planted()
    r = entente.sensitivity(s, "compromise", thresholds={"X": 60}, flip_steps=16)
    f = r.flips
    rows = [k for k in range(len(f["issue"])) if f["issue"][k] == "X" and
            f["label"][k] == "threshold"]
    assert len(rows) == 1
    k = rows[0]
    assert bool(f["found"][k]) and f["direction"][k] == "up"
    assert f["input"][k] == "D / X / position"
    assert f["forecast_after"][k] == pytest.approx(60, abs=0.05)
    # D must move to (60 * 1030 - 1200) / 1000 = 60.6 for the mean to reach 60.
    assert f["to"][k] == pytest.approx(60.6, abs=0.05)


def test_bad_options_raise_one_validation_error_with_every_problem():
    with pytest.raises(entente.ValidationError) as e:
        entente.sensitivity("ukraine-2025", thresholds=["nonsense", "also bad", "x=1"])
    bad = [p for p in e.value.problems if p["field"] == "threshold"]
    assert [p["value"] for p in bad][:2] == ["nonsense", "also bad"]
    with pytest.raises(entente.ValidationError):
        entente.sensitivity("ukraine-2025", "no-such-model")
    with pytest.raises(entente.ValidationError):
        entente.sensitivity("ukraine-2025", delta=-5)


def test_progress_callback_and_its_exception():
    calls = []
    entente.sensitivity("ukraine-2025", "median", flip_steps=0,
                        progress=lambda d, t, stage: calls.append((d, t, stage)))
    # One report per input varied, counting up to all of them.
    total = calls[0][1]
    assert total > 50 and all(stage == "inputs" and t == total for _, t, stage in calls)
    assert [d for d, _, _ in calls] == list(range(int(total) + 1))

    def boom(*_):
        raise RuntimeError("stop the analysis")

    with pytest.raises(RuntimeError, match="stop the analysis"):
        entente.sensitivity("ukraine-2025", "median", progress=boom)
