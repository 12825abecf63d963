# SPDX-License-Identifier: MIT
"""entente for notebooks: scenarios, models, deals, sweeps, sensitivity and the run store.

    import entente
    s = entente.load("ukraine-2025")          # a built-in, or any scenario file
    r = entente.run(s, "eum", rounds=5)        # spec string or keyword arguments
    r.forecast                                 # pandas DataFrame ({column: numpy array}
                                               #   without pandas)
    r.trace                                    # round-by-round positions, long form
    entente.sensitivity(s, "eum").tornado      # which inputs move each forecast most
    st = entente.Store("runs.sqlite")          # the run store; store=st records a computation

Invalid input raises entente.ValidationError; `e.problems` lists every problem (file, line,
column, path, field, value, message). Long computations release the GIL, take an optional
progress(done, total, stage) callback and stop on Ctrl-C (KeyboardInterrupt).
"""
import csv as _csv
import io as _io
import json as _json
import os as _os

import numpy as _np

from . import _entente, _tables
from ._entente import ComputationError, Scenario, StoreError, ValidationError
from ._store import Store, StoredRun, open_store
from ._store import store_arg as _store_arg

__version__ = _entente.__version__

__all__ = [
    "ComputationError", "DealsResult", "Model", "Result", "Scenario", "SensitivityResult",
    "Store", "StoreError", "StoredRun", "SweepResult", "ValidationError", "backtest",
    "builtin_scenarios", "deals", "from_frame", "from_records", "load", "loads", "models",
    "open_store", "run", "run_all", "run_json", "sensitivity", "sweep",
]

_LONG_COLUMNS = ("actor", "issue", "capability", "position", "salience")
_table = _tables.table  # DataFrame with pandas, else {column: numpy array}


# ---------------------------------------------------------------- scenarios

def load(source, format=None):
    """A scenario from a file path (any supported format) or a built-in name."""
    path = _os.fspath(source)
    if _os.path.exists(path):
        return _entente.read_file(path, format)
    if format is None and path in dict(_entente.builtin_scenarios()):
        return _entente.builtin(path)
    if format is None and any(path.endswith(e) for e in (".json", ".yaml", ".yml", ".csv")):
        return _entente.read_file(path, None)  # raises ValidationError naming the file
    return _entente.builtin(path)


def loads(text, format, name="<string>"):
    """A scenario from text in `format` (json, yaml, csv, wide-csv, ktab-csv)."""
    return _entente.read_text(text, format, name)


def builtin_scenarios():
    """[(name, title)] of the built-in scenarios; the default comes first."""
    return _entente.builtin_scenarios()


def from_records(records, name="<records>"):
    """A scenario from long-form rows (dicts with actor, issue, capability, position, salience),
    or from one dict in the scenario file schema (docs/formats.md)."""
    if isinstance(records, dict):
        return _entente.read_text(_json.dumps(records), "json", name)
    out = _io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerow(_LONG_COLUMNS)
    for row in records:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in _LONG_COLUMNS])
    return _entente.read_text(out.getvalue(), "csv", name)


def from_frame(frame, name="<dataframe>"):
    """A scenario from a pandas DataFrame in long form (actor, issue, capability, position,
    salience). Problems are reported by row (the frame's first row is row 2, after a header)."""
    missing = [c for c in _LONG_COLUMNS if c not in frame.columns]
    if missing:
        problems = [dict(file=name, line=0, column=0, path="columns", field=c, value="",
                         message="missing column; a long-form frame has actor, issue, "
                                 "capability, position, salience", text="") for c in missing]
        err = ValidationError("; ".join(p["field"] + ": " + p["message"] for p in problems))
        err.problems = problems
        raise err
    text = frame[list(_LONG_COLUMNS)].to_csv(index=False, lineterminator="\n")
    return _entente.read_text(text, "csv", name)


def to_frame(scenario):
    """The scenario's cells in long form (DataFrame, or {column: numpy array} without
    pandas)."""
    rows = scenario.rows()
    return _table({c: [r[c] for r in rows] for c in _LONG_COLUMNS})


Scenario.to_frame = to_frame


# ---------------------------------------------------------------- models

class Model:
    """A registered model: name, summary, citation, params (declarations) and __doc__."""

    def __init__(self, info):
        self.name = info["name"]
        self.summary = info["summary"]
        self.citation = info["citation"]
        self.stochastic = info["stochastic"]
        self.params = info["params"]
        self.__doc__ = info["doc"]

    def __repr__(self):
        return "<entente.Model %s(%s)>" % (self.name, ", ".join(p["name"] for p in self.params))

    def __call__(self, scenario, seed=0, progress=None, **params):
        return run(scenario, self.name, seed=seed, progress=progress, **params)


def models():
    """Every model, in the registry's order ({name: Model}); help(entente.models()["eum"])."""
    return {i["name"]: Model(i) for i in _entente.model_infos()}


def _value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def spec_of(model, **params):
    """The spec string of `model` with keyword parameters, e.g. eum(rounds=5)."""
    if not params:
        return model
    inner = ",".join("%s=%s" % (k, _value(v)) for k, v in params.items())
    if model.endswith(")"):
        return model[:-1] + ("," if not model.endswith("()") else "") + inner + ")"
    return "%s(%s)" % (model, inner)


class Result:
    """One model's result: forecast and trace tables, the canonical spec, the JSON document."""

    def __init__(self, raw):
        self._raw = raw
        self.spec = raw.spec
        self.model = raw.model
        self.seed = raw.seed
        self.scenario = raw.scenario

    def __repr__(self):
        return "<entente.Result %s>" % self.spec

    @property
    def run_id(self):
        """The id of the run in the store it was recorded in (store=); 0 when not recorded."""
        return self._raw.run_id

    @property
    def forecast(self):
        """One row per issue: issue, ok, value (NaN when no forecast), why, extra statistics."""
        rows = self._raw.forecast_rows
        cols = {"issue": [r[0] for r in rows], "ok": [r[1] for r in rows],
                "value": [r[2] for r in rows], "why": [r[3] for r in rows]}
        for name in sorted({k for r in rows for k in r[4]}):
            cols[name] = [r[4].get(name, float("nan")) for r in rows]
        return _table(cols)

    @property
    def traces(self):
        """Raw traces: dicts with dims, actors, rounds, positions (numpy [round, actor, dim]),
        stats (per round), events, stopped_by. Empty for static models."""
        return self._raw.raw_traces

    @property
    def trace(self):
        """Round-by-round positions in long form: trace, round, actor, dim, position."""
        parts = {"trace": [], "round": [], "actor": [], "dim": [], "position": []}
        for t_index, t in enumerate(self._raw.raw_traces):
            pos = t["positions"]  # [round, actor, dim], flattened in that (C) order
            n_r, n_a, n_d = pos.shape
            parts["trace"].append(_np.full(pos.size, t_index, dtype=_np.int64))
            parts["round"].append(_np.repeat(_np.asarray(t["rounds"], dtype=_np.int64), n_a * n_d))
            parts["actor"].append(_np.tile(_np.repeat(_np.asarray(t["actors"], dtype=object),
                                                      n_d), n_r))
            parts["dim"].append(_np.tile(_np.asarray(t["dims"], dtype=object), n_r * n_a))
            parts["position"].append(pos.reshape(-1))
        empty = {"trace": _np.int64, "round": _np.int64, "actor": object, "dim": object,
                 "position": float}
        return _table({k: _np.concatenate(v) if v else _np.zeros(0, dtype=empty[k])
                       for k, v in parts.items()})

    @property
    def stats(self):
        """Per-round statistics in long form: trace, round, stat, actor ("" for a statistic
        of the whole round, e.g. median; else per actor, e.g. eum's r and S), value."""
        cols = {"trace": [], "round": [], "stat": [], "actor": [], "value": []}

        def add(t_index, rnd, name, actor, value):
            for key, v in zip(cols, (t_index, rnd, name, actor, float(value))):
                cols[key].append(v)

        for t_index, t in enumerate(self._raw.raw_traces):
            for rnd, stats in zip(t["rounds"], t["stats"]):
                for name, value in stats.items():
                    if isinstance(value, list):
                        for actor, v in zip(t["actors"], value):
                            add(t_index, rnd, name, actor, v)
                    else:
                        add(t_index, rnd, name, "", value)
        return _table(cols)

    @property
    def events(self):
        """The moves of every round: trace, round, actor, counterpart, kind, from, to, value."""
        rows = [dict(trace=i, **e) for i, t in enumerate(self._raw.raw_traces)
                for e in t["events"]]
        keys = ("trace", "round", "actor", "counterpart", "kind", "from", "to", "value")
        return _table({k: [r[k] for r in rows] for k in keys})

    def to_json(self, traces=False):
        """The document `entente run --format json` prints for this result alone."""
        return _entente.run_json([self._raw], traces)


def run(scenario, model, seed=0, progress=None, store=None, **params):
    """Runs `model` (a spec string such as "eum(rounds=5)", plus keyword parameters) on
    `scenario` (a Scenario, file path or built-in name). progress(done, total, stage) is
    called now and then; Ctrl-C raises KeyboardInterrupt. store (a Store or a path): record
    the run there as `entente run` does (`result.run_id`)."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    return Result(_entente.run_model(scenario, spec_of(model, **params), seed, progress,
                                     _store_arg(store)))


def run_all(scenario, models=None, seed=0, progress=None, store=None):
    """Runs each spec (default: every model) and returns {spec: Result}. store: record them
    as ONE run, as `entente run` with several models does."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    specs = list(models) if models else [i["name"] for i in _entente.model_infos()]
    results = {spec: run(scenario, spec, seed=seed, progress=progress) for spec in specs}
    if store is not None:
        _entente.record_results(_store_arg(store), [r._raw for r in results.values()])
    return results


def run_json(results, traces=False):
    """The document `entente run --format json` prints for these results (same scenario)."""
    results = list(results.values()) if isinstance(results, dict) else list(results)
    return _entente.run_json([r._raw for r in results], traces)


# ---------------------------------------------------------------- deals and sweeps

class DealsResult(dict):
    """The document `entente deals --format json` prints (a dict), plus `run_id` (0 when not
    recorded in a store)."""
    run_id = 0


def deals(scenario, parties=None, step=5.0, loss="linear", costs=None, samples=5, seed=0,
          progress=None, store=None):
    """Agreement-space analysis (zone of agreement, Pareto frontier, bargaining solutions);
    returns the document `entente deals --format json` prints (a DealsResult dict). `costs`:
    {party: cost} or one number for every party. store: record it there."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    parties = list(parties or [])
    if costs is not None and not isinstance(costs, dict):
        ids = parties or scenario.parties or scenario.actors
        costs = {p: float(costs) for p in ids}
    doc, run_id = _entente.deals(scenario, parties, float(step), loss, dict(costs or {}),
                                 samples, seed, progress, _store_arg(store))
    out = DealsResult(doc)
    out.run_id = run_id
    return out


class SweepResult:
    """A Monte Carlo sweep: `draws` (numpy [draw, column]), `columns`, `summary` (the CLI's
    JSON document), `specs` (canonical model specs), `run_id` (0 when not recorded)."""

    def __init__(self, values, columns, summary, specs, run_id=0):
        self.draws = values
        self.columns = columns
        self.summary = summary
        self.specs = specs
        self.run_id = run_id

    def frame(self):
        """The draws as a table, one column per "<spec>/<issue>" (DataFrame; without pandas
        {column: numpy view of the draws})."""
        return _table({c: self.draws[:, k] for k, c in enumerate(self.columns)})

    def column(self, spec, issue):
        """The draws of one model's forecast of one issue (numpy vector)."""
        return self.draws[:, self.columns.index("%s/%s" % (spec, issue))]


def sweep(scenario, models=None, draws=1000, seed=0, noise="", threads=0, deals=False,
          deal_step=5.0, progress=None, store=None):
    """Monte Carlo sweep over the scenario's uncertain inputs (and `noise`, e.g.
    "position=5,salience=10"). store: record it there, draws included, as `entente sweep`
    does (a sweep stopped by Ctrl-C is recorded as cancelled, resumable from the CLI)."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    if isinstance(models, str):
        models = [models]
    if not models:
        models = [i["name"] for i in _entente.model_infos()]
    return SweepResult(*_entente.sweep(scenario, list(models), int(draws), seed, str(noise),
                                       threads, deals, float(deal_step), progress,
                                       _store_arg(store)))


# ---------------------------------------------------------------- sensitivity

_TORNADO_COLUMNS = ("issue", "rank", "input", "actor", "input_issue", "kind", "how", "base",
                    "low", "high", "forecast_low", "forecast_high", "swing")
_FLIP_COLUMNS = ("issue", "base", "direction", "target", "label", "found", "input", "from",
                 "to", "change", "relative", "forecast_after")


class SensitivityResult:
    """One-at-a-time sensitivity of one model: `document` (what `entente sensitivity --format
    json` prints), `tornado` (one row per issue and input, largest swing first: the columns of
    `entente sensitivity --format csv`), `flips` (what would flip each forecast: the smallest
    single-input change reaching each target), `base` ({issue: forecast}), `spec`, `run_id`."""

    def __init__(self, document, run_id=0):
        self.document = document
        self.spec = document["spec"]
        self.run_id = run_id
        self.base = {i["issue"]: i["base"] for i in document["issues"]}

    def __repr__(self):
        return "<entente.SensitivityResult %s>" % self.spec

    @property
    def tornado(self):
        cols = {c: [] for c in _TORNADO_COLUMNS}
        for i in self.document["issues"]:
            for row in i["inputs"]:
                cols["issue"].append(i["issue"])
                cols["input_issue"].append(row["issue"])
                for c in _TORNADO_COLUMNS[1:]:
                    if c != "input_issue":
                        cols[c].append(row[c])
        return _table(cols)

    @property
    def flips(self):
        cols = {c: [] for c in _FLIP_COLUMNS}
        missing = {"input": ""}
        for i in self.document["issues"]:
            for f in i["flips"]:
                cols["issue"].append(i["issue"])
                cols["base"].append(i["base"])
                for c in _FLIP_COLUMNS[2:]:
                    cols[c].append(f.get(c, missing.get(c, float("nan"))))
        return _table(cols)

    def ranking(self, issue):
        """The input labels of `issue`, largest swing first."""
        for i in self.document["issues"]:
            if i["issue"] == issue:
                return [row["input"] for row in i["inputs"]]
        raise KeyError(issue)


def _thresholds(thresholds):
    if not thresholds:
        return []
    if isinstance(thresholds, dict):
        thresholds = list(thresholds.items())
    out = []
    for t in thresholds:
        if isinstance(t, str):
            out.append(t)
        else:
            issue, value = t
            out.append("%s=%s" % (issue, repr(float(value)) if isinstance(value, (int, float))
                                  else value))
    return out


def sensitivity(scenario, model="compromise", delta=10.0, distribution=False, noise="",
                thresholds=None, flip_steps=16, seed=0, threads=0, progress=None, store=None,
                **params):
    """Which inputs move each forecast most (a tornado table), and what would flip it, as
    `entente sensitivity` computes it. model: a spec string (plus keyword parameters); delta:
    percent each input moves (positions: of the issue's range, saliences: points,
    capabilities: of their value); distribution=True: to the 5% and 95% points of each input's
    distribution (or of `noise`, e.g. "position=10"); thresholds: {issue: value} (or
    "ISSUE=VALUE" strings) to also search for; flip_steps: grid steps each way (0 = no flip
    search). Releases the GIL, calls progress(done, total, stage), stops on Ctrl-C. store:
    record it there."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    doc, run_id = _entente.sensitivity(scenario, spec_of(model, **params), float(delta),
                                       bool(distribution), str(noise), _thresholds(thresholds),
                                       int(flip_steps), seed, threads, progress,
                                       _store_arg(store))
    return SensitivityResult(doc, run_id)


# ---------------------------------------------------------------- backtests

def backtest(path, models=None, capability="", seed=0, bootstrap=2000, progress=None):
    """Scores models against recorded outcomes (a DEU table .tsv or a case library); returns
    the document `entente backtest --format json` prints. `capability`: "" (DEU: equal; a
    case library: as given), "equal", a built-in table name, or "file:PATH"."""
    if isinstance(models, str):
        models = [models]
    return _entente.backtest(_os.fspath(path), list(models or []), capability, seed, bootstrap,
                             progress)
