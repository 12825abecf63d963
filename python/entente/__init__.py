# SPDX-License-Identifier: MIT
"""entente for notebooks: scenarios, models, deals and sweeps from Python.

    import entente
    s = entente.load("ukraine-2025")          # a built-in, or any scenario file
    r = entente.run(s, "eum", rounds=5)        # spec string or keyword arguments
    r.forecast                                 # pandas DataFrame (dict of lists without pandas)
    r.trace                                    # round-by-round positions, long form

Invalid input raises entente.ValidationError; `e.problems` lists every problem (file, line,
column, path, field, value, message). Long computations release the GIL, take an optional
progress(done, total, stage) callback and stop on Ctrl-C (KeyboardInterrupt).
"""
import csv as _csv
import io as _io
import json as _json
import os as _os

from . import _entente
from ._entente import ComputationError, Scenario, ValidationError

__version__ = _entente.__version__

try:  # pandas is optional: without it tables are dicts of lists / numpy arrays
    import pandas as _pd
except ImportError:  # pragma: no cover - exercised only where pandas is absent
    _pd = None

__all__ = [
    "ComputationError", "Model", "Result", "Scenario", "SweepResult", "ValidationError",
    "backtest", "builtin_scenarios", "deals", "from_frame", "from_records", "load", "loads", "models",
    "run", "run_all", "run_json", "sweep",
]

_LONG_COLUMNS = ("actor", "issue", "capability", "position", "salience")


def _table(columns):
    """A DataFrame when pandas is installed, else the dict of lists itself."""
    return _pd.DataFrame(columns) if _pd is not None else columns


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
    """The scenario's cells in long form (DataFrame, or dict of lists without pandas)."""
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
        cols = {"trace": [], "round": [], "actor": [], "dim": [], "position": []}
        for t_index, t in enumerate(self._raw.raw_traces):
            pos = t["positions"]
            for r_index, rnd in enumerate(t["rounds"]):
                for a_index, actor in enumerate(t["actors"]):
                    for d_index, dim in enumerate(t["dims"]):
                        cols["trace"].append(t_index)
                        cols["round"].append(rnd)
                        cols["actor"].append(actor)
                        cols["dim"].append(dim)
                        cols["position"].append(float(pos[r_index, a_index, d_index]))
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


def run(scenario, model, seed=0, progress=None, **params):
    """Runs `model` (a spec string such as "eum(rounds=5)", plus keyword parameters) on
    `scenario` (a Scenario, file path or built-in name). progress(done, total, stage) is
    called now and then; Ctrl-C raises KeyboardInterrupt."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    return Result(_entente.run_model(scenario, spec_of(model, **params), seed, progress))


def run_all(scenario, models=None, seed=0, progress=None):
    """Runs each spec (default: every model) and returns {spec: Result}."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    specs = list(models) if models else [i["name"] for i in _entente.model_infos()]
    return {spec: run(scenario, spec, seed=seed, progress=progress) for spec in specs}


def run_json(results, traces=False):
    """The document `entente run --format json` prints for these results (same scenario)."""
    results = list(results.values()) if isinstance(results, dict) else list(results)
    return _entente.run_json([r._raw for r in results], traces)


# ---------------------------------------------------------------- deals and sweeps

def deals(scenario, parties=None, step=5.0, loss="linear", costs=None, samples=5, seed=0,
          progress=None):
    """Agreement-space analysis (zone of agreement, Pareto frontier, bargaining solutions);
    returns the document `entente deals --format json` prints. `costs`: {party: cost} or one
    number for every party."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    parties = list(parties or [])
    if costs is not None and not isinstance(costs, dict):
        ids = parties or scenario.parties or scenario.actors
        costs = {p: float(costs) for p in ids}
    return _entente.deals(scenario, parties, float(step), loss, dict(costs or {}), samples,
                          seed, progress)


class SweepResult:
    """A Monte Carlo sweep: `draws` (numpy [draw, column]), `columns`, `summary` (the CLI's
    JSON document), `specs` (canonical model specs)."""

    def __init__(self, values, columns, summary, specs):
        self.draws = values
        self.columns = columns
        self.summary = summary
        self.specs = specs

    def frame(self):
        """The draws as a DataFrame (columns "<spec>/<issue>"); the array without pandas."""
        return _pd.DataFrame(self.draws, columns=self.columns) if _pd is not None else self.draws

    def column(self, spec, issue):
        """The draws of one model's forecast of one issue (numpy vector)."""
        return self.draws[:, self.columns.index("%s/%s" % (spec, issue))]


def sweep(scenario, models=None, draws=1000, seed=0, noise="", threads=0, deals=False,
          deal_step=5.0, progress=None):
    """Monte Carlo sweep over the scenario's uncertain inputs (and `noise`, e.g. "position=5,salience=10")."""
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    if isinstance(models, str):
        models = [models]
    if not models:
        models = [i["name"] for i in _entente.model_infos()]
    return SweepResult(*_entente.sweep(scenario, list(models), int(draws), seed, str(noise),
                                       threads, deals, float(deal_step), progress))


# ---------------------------------------------------------------- backtests

def backtest(path, models=None, capability="", seed=0, bootstrap=2000, progress=None):
    """Scores models against recorded outcomes (a DEU table .tsv or a case library); returns
    the document `entente backtest --format json` prints. `capability`: "" (DEU: equal; a
    case library: as given), "equal", a built-in table name, or "file:PATH"."""
    if isinstance(models, str):
        models = [models]
    return _entente.backtest(_os.fspath(path), list(models or []), capability, seed, bootstrap,
                             progress)
