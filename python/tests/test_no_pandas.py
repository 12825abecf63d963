# SPDX-License-Identifier: MIT
"""Without pandas every table comes back as {column name: numpy array} of equal lengths, never
as lists or dicts of rows."""
import os
import subprocess
import sys

import numpy as np
import pytest

import entente
from entente import _tables


def _assert_numpy_table(t, columns=None):
    assert isinstance(t, dict), type(t)
    assert t, "no columns"
    lengths = {len(v) for v in t.values()}
    assert len(lengths) == 1, {k: len(v) for k, v in t.items()}
    for name, v in t.items():
        assert isinstance(v, np.ndarray), (name, type(v))
        assert v.ndim == 1, name
    if columns is not None:
        assert list(t)[:len(columns)] == list(columns)
    return lengths.pop()


@pytest.fixture()
def no_pandas(monkeypatch):
    monkeypatch.setattr(_tables, "_pd", None)


def test_every_table_is_numpy_without_pandas(no_pandas, tmp_path):
    s = entente.load("ukraine-2025")
    n = _assert_numpy_table(s.to_frame(), ["actor", "issue", "capability", "position",
                                           "salience"])
    assert n == len(s.rows())
    assert s.to_frame()["position"].dtype == np.float64

    r = entente.run(s, "eum", rounds=3)
    f = r.forecast
    assert _assert_numpy_table(f, ["issue", "ok", "value", "why"]) == len(s.issues)
    assert f["ok"].dtype == bool and f["value"].dtype == np.float64
    t = r.trace
    n = _assert_numpy_table(t, ["trace", "round", "actor", "dim", "position"])
    assert n == sum(x["positions"].size for x in r.traces)
    # The long form follows the raw array: first row is round 0 (or the first round), actor 0.
    first = r.traces[0]
    assert t["position"][0] == first["positions"][0, 0, 0]
    assert t["actor"][len(first["dims"])] == first["actors"][1]
    assert t["round"][-1] == r.traces[-1]["rounds"][-1]
    _assert_numpy_table(r.events, ["trace", "round", "actor", "counterpart", "kind"])
    st = r.stats
    n = _assert_numpy_table(st, ["trace", "round", "stat", "actor", "value"])
    assert n == sum(len(v) if isinstance(v, list) else 1
                    for x in r.traces for s_ in x["stats"] for v in s_.values())
    assert st["value"].dtype == np.float64
    k = list(st["stat"]).index("median")
    assert st["actor"][k] == "" and st["value"][k] == r.traces[0]["stats"][0]["median"]

    sw = entente.sweep(s, ["compromise"], draws=20, seed=1, noise="position=5", threads=1)
    frame = sw.frame()
    assert _assert_numpy_table(frame, sw.columns) == 20
    assert np.array_equal(frame[sw.columns[0]], sw.draws[:, 0])

    sens = entente.sensitivity(s, "median", thresholds={s.issues[0]: 50}, flip_steps=4)
    n = _assert_numpy_table(sens.tornado, ["issue", "rank", "input"])
    assert n == sum(len(i["inputs"]) for i in sens.document["issues"])
    assert sens.tornado["swing"].dtype == np.float64
    _assert_numpy_table(sens.flips, ["issue", "base", "direction", "target"])

    store = entente.Store(tmp_path / "runs.sqlite")
    entente.sweep(s, ["compromise"], draws=10, seed=1, noise="position=5", threads=1,
                  store=store)
    runs = store.runs()
    assert _assert_numpy_table(runs, ["id", "kind", "status"]) == 1
    stored = store.get(int(runs["id"][0])).frame()
    assert _assert_numpy_table(stored, ["draw"]) == 10


def test_empty_tables_are_numpy_too(no_pandas):
    r = entente.run("ukraine-2025", "median")
    t = r.trace
    assert all(isinstance(v, np.ndarray) and len(v) == 0 for v in t.values())
    assert all(isinstance(v, np.ndarray) for v in r.events.values())


def test_module_imports_and_works_when_pandas_cannot_be_imported():
    code = (
        "import sys\n"
        "sys.modules['pandas'] = None\n"  # `import pandas` now raises ImportError
        "import numpy as np, entente\n"
        "assert entente._tables._pd is None\n"
        "f = entente.run('ukraine-2025', 'compromise').forecast\n"
        "assert isinstance(f, dict) and all(isinstance(v, np.ndarray) for v in f.values())\n"
        "print('no-pandas ok', len(f['value']))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=dict(os.environ))
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("no-pandas ok ")


def test_with_pandas_tables_are_data_frames():
    pd = pytest.importorskip("pandas")
    r = entente.run("ukraine-2025", "eum", rounds=2)
    for t in (r.forecast, r.trace, r.events, entente.load("ukraine-2025").to_frame()):
        assert isinstance(t, pd.DataFrame)
