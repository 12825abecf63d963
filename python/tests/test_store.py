# SPDX-License-Identifier: MIT
"""The run store from Python: record, list, read back, export, diff, remove; the same
documents as `entente runs ... --store PATH`."""
import json

import numpy as np
import pytest

import entente


@pytest.fixture()
def store(tmp_path):
    return entente.Store(tmp_path / "runs.sqlite")


def test_round_trip_record_list_read_diff_remove(store):
    s = entente.load("ukraine-2025")
    a = entente.run(s, "compromise", store=store)
    b = entente.run(s, "median", store=store)
    again = entente.run(s, "compromise", store=store.path)  # a path works too
    assert 0 < a.run_id < b.run_id < again.run_id
    runs = store.runs()
    assert list(runs["id"]) == [again.run_id, b.run_id, a.run_id]  # newest first
    assert list(runs["kind"]) == ["run"] * 3
    assert list(runs["status"]) == ["done"] * 3
    assert list(runs["specs"][2]) == [a.spec]

    got = store.get(a.run_id)
    assert got.kind == "run" and got.status == "done" and got.specs == [a.spec]
    assert got.result == a.to_json()  # the document `entente run --format json` prints
    assert got.scenario == s

    assert store.diff(a.run_id, again.run_id) == []
    lines = store.diff(a.run_id, b.run_id)
    assert lines and any(line.startswith("specs[0]: ") for line in lines)
    assert all(": " in line and " -> " in line for line in lines)

    assert store.remove(a.run_id) == 1
    assert a.run_id not in list(store.runs()["id"])
    with pytest.raises(entente.ValidationError) as e:
        store.get(a.run_id)
    assert e.value.problems[0]["value"] == str(a.run_id)
    # All or nothing: an unknown id removes none of the others.
    with pytest.raises(entente.ValidationError):
        store.remove(b.run_id, 987654)
    assert len(store.runs()["id"]) == 2
    assert store.remove([b.run_id, again.run_id]) == 2
    assert len(store.runs()["id"]) == 0


def test_documents_equal_the_cli(cli, store, tmp_path):
    s = entente.load("ukraine-2025")
    results = entente.run_all(s, ["compromise", "eum"], store=store)
    ids = {r.run_id for r in results.values()}
    assert len(ids) == 1  # one run, as `entente run -m compromise -m eum` records
    (run_id,) = ids
    assert store.list_json() == cli.json("runs", "list", "--limit", "0", "--format", "json",
                                         "--store", store.path)
    assert store.show(run_id) == cli.json("runs", "show", str(run_id), "--format", "json",
                                          "--store", store.path)
    assert store.get(run_id).result == entente.run_json(results)
    # A run the CLI records reads back from Python.
    cli("run", "ukraine-2025", "-m", "median", "--format", "json", "--store", store.path)
    newest = store.get(int(store.runs(limit=1)["id"][0]))
    assert newest.specs == [entente.run(s, "median").spec]
    mine = tmp_path / "mine.json"
    theirs = tmp_path / "theirs.json"
    store.export(run_id, mine)
    cli("runs", "export", str(run_id), str(theirs), "--store", store.path)
    assert json.loads(mine.read_text()) == json.loads(theirs.read_text())


def test_sweep_records_its_draws(cli, store, tmp_path):
    sw = entente.sweep("ukraine-2025", ["compromise"], draws=50, seed=4, noise="position=5",
                       threads=1, store=store)
    assert sw.run_id > 0 and sw.summary["run_id"] == sw.run_id
    rec = store.get(sw.run_id)
    assert rec.kind == "sweep" and rec.status == "done"
    values, columns, index = rec.draws()
    # The store names columns "<spec> <issue>" (as `entente runs export` writes them).
    assert columns == [c.replace("/", " ") for c in sw.columns]
    assert np.array_equal(index, np.arange(50))
    assert np.array_equal(values, sw.draws)
    mine, theirs = tmp_path / "mine.csv", tmp_path / "theirs.csv"
    store.export(sw.run_id, mine)
    cli("runs", "export", str(sw.run_id), str(theirs), "--store", store.path)
    assert mine.read_text() == theirs.read_text()
    assert mine.read_text().startswith("draw," + columns[0])
    with pytest.raises(entente.ValidationError):
        store.export(entente.run("ukraine-2025", "median", store=store).run_id,
                     tmp_path / "not-a-sweep.csv")


def test_sensitivity_and_deals_are_recorded(store):
    r = entente.sensitivity("ukraine-2025", "median", delta=10, flip_steps=0, store=store)
    rec = store.get(r.run_id)
    assert rec.kind == "sensitivity" and rec.result == r.document
    assert rec.params == {"model": "median", "mode": "delta", "delta": 10.0, "noise": "",
                          "thresholds": [], "flip_steps": 0}
    d = entente.deals("ukraine-2025", step=10, store=store)
    assert d.run_id > r.run_id
    drec = store.get(d.run_id)
    assert drec.kind == "deals" and drec.result == dict(d)
    assert list(store.runs(kind="deals")["id"]) == [d.run_id]


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database\n" * 100)
    with pytest.raises(entente.ValidationError) as e:
        entente.Store(path)
    assert str(path) in str(e.value)
