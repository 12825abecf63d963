# SPDX-License-Identifier: MIT
"""Scenarios from files, built-ins, frames and dicts; one exception type carrying the report."""
import os

import pytest

import entente

BAD_CSV = (
    "actor,issue,capability,position,salience\n"
    "A,X,10,20,50\n"
    "B,X,-5,80,50\n"
    "C,X,10,30,250\n"
)


def test_builtins_load_and_are_listed():
    names = [n for n, _ in entente.builtin_scenarios()]
    assert names[0] == "ukraine-2025"
    s = entente.load("ukraine-2025")
    assert s.id == "ukraine-2025"
    assert len(s.actors) > 2 and len(s.issues) > 2


def test_unknown_builtin_raises_validation_error():
    with pytest.raises(entente.ValidationError) as e:
        entente.load("no-such-scenario")
    (p,) = e.value.problems
    assert p["value"] == "no-such-scenario"
    assert "ukraine-2025" in p["message"]


def test_save_and_load_every_lossless_format(tmp_path):
    s = entente.load("ukraine-2025")
    for ext in ("json", "yaml"):
        path = tmp_path / ("u." + ext)
        s.save(str(path))
        assert entente.load(str(path)) == s
    assert entente.loads(s.dumps("json"), "json") == s


def test_lossy_conversion_is_refused_unless_allowed():
    s = entente.load("ukraine-2025")
    with pytest.raises(entente.ValidationError):
        s.dumps("csv")
    text = s.dumps("csv", allow_loss=True)
    assert text.startswith("actor,issue")


def test_bad_file_error_carries_every_problem(tmp_path, cli):
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV)
    with pytest.raises(entente.ValidationError) as e:
        entente.load(str(path))
    problems = e.value.problems
    assert [(p["line"], p["field"], p["value"]) for p in problems] == [
        (3, "capability", "-5"), (4, "salience", "250")]
    assert all(p["file"] == str(path) for p in problems)
    assert all(p["column"] > 0 and p["message"] for p in problems)
    # The same problems, in the same words, as `entente validate` prints.
    out = cli("validate", str(path), check=False)
    assert out.returncode == 2
    for p in problems:
        assert p["message"] in out.stdout + out.stderr
    assert isinstance(e.value, ValueError)


def test_records_and_frames_build_scenarios():
    rows = [dict(actor="A", issue="X", capability=10, position=20, salience=50),
            dict(actor="B", issue="X", capability=30, position=80, salience=100)]
    s = entente.from_records(rows)
    assert s.actors == ["A", "B"] and s.issues == ["X"]
    r = entente.run(s, "compromise")
    # salience-and-capability weighted mean: (10*50*20 + 30*100*80) / (10*50 + 30*100)
    assert r.forecast["value"][0] == pytest.approx((10 * 50 * 20 + 30 * 100 * 80) / 3500)
    bad = rows + [dict(actor="C", issue="X", capability=1, position=40, salience=150)]
    with pytest.raises(entente.ValidationError) as e:
        entente.from_records(bad)
    assert [(p["line"], p["field"]) for p in e.value.problems] == [(4, "salience")]


def test_schema_dict_builds_a_scenario():
    s = entente.load("ukraine-2025")
    import json
    assert entente.from_records(json.loads(s.dumps("json"))) == s


def test_frame_round_trip_keeps_forecasts():
    pd = pytest.importorskip("pandas")
    s = entente.load("ukraine-2025")
    frame = s.to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["actor", "issue", "capability", "position", "salience"]
    t = entente.from_frame(frame)
    for model in ("compromise", "median"):
        a = entente.run(s, model).forecast
        b = entente.run(t, model).forecast
        assert list(a["value"]) == pytest.approx(list(b["value"]))
    bad = frame.copy()
    bad.loc[1, "salience"] = -1
    with pytest.raises(entente.ValidationError) as e:
        entente.from_frame(bad)
    assert [p["line"] for p in e.value.problems] == [3]
    with pytest.raises(entente.ValidationError):
        entente.from_frame(frame.drop(columns=["salience"]))
