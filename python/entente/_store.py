# SPDX-License-Identifier: MIT
"""The run store from Python: what `entente runs list|show|export|diff|rm` does."""
import os as _os

from . import _entente, _tables

_LIST_COLUMNS = ("id", "kind", "status", "started", "finished", "scenario", "scenario_hash",
                 "specs", "seed", "draws")


class StoredRun:
    """One run read back from a store: `record` is the document `entente runs show ID
    --format json` prints; `result` the document the run printed (e.g. `entente run --format
    json`); `params` its options; `scenario` the Scenario it ran on."""

    def __init__(self, store, record):
        self._store = store
        self.record = record
        self.id = record["id"]
        self.kind = record["run_kind"]
        self.status = record["status"]
        self.specs = record["specs"]
        self.seed = record["seed"]
        self.started = record["started"]
        self.finished = record["finished"]
        self.error = record["error"]
        self.scenario_id = record["scenario_id"]
        self.scenario_hash = record["scenario_hash"]
        self.params = record["params"]
        self.result = record["result"]

    def __repr__(self):
        return "<entente.StoredRun %d %s %s>" % (self.id, self.kind, self.status)

    @property
    def scenario(self):
        """The scenario the run was made on (read back losslessly from the store)."""
        return self._store._core.scenario(self.id)

    def draws(self):
        """A sweep's stored draws: (numpy [draw, column], column names as the store records
        them ("<spec> <issue>", "deals zone_nonempty", "deals nash <issue>"), draw indices)."""
        return self._store._core.draws(self.id)

    def frame(self):
        """A sweep's stored draws as a table with a `draw` column then one per forecast."""
        values, columns, index = self.draws()
        cols = {"draw": index}
        for k, name in enumerate(columns):
            cols[name] = values[:, k]
        return _tables.table(cols)


class Store:
    """A run store (SQLite file, created when missing); `Store()` opens the one the CLI
    records in by default ($ENTENTE_STORE, else ~/.local/share/entente/runs.sqlite). Pass
    it (or a path) as `store=` to run, run_all, sweep, sensitivity and deals to record them."""

    def __init__(self, path=None):
        if isinstance(path, _entente.Store):
            self._core = path
            return
        if path is None:  # as the CLI: $ENTENTE_STORE, else the default path
            path = _os.environ.get("ENTENTE_STORE") or _entente.Store.default_path()
            if path == "none":
                raise ValueError("the run store is off (ENTENTE_STORE=none); pass a path")
        self._core = _entente.Store(_os.fspath(path))

    @property
    def path(self):
        return self._core.path

    def __repr__(self):
        return "<entente.Store %s>" % self.path

    def runs(self, limit=0, kind=""):
        """Recorded runs, newest first, as a table: id, kind, status, started, finished,
        scenario, scenario_hash, specs, seed, draws (0 = every run; kind "" = every kind)."""
        rows = self.list_json(limit, kind)["runs"]
        return _tables.table({c: [r[c] for r in rows] for c in _LIST_COLUMNS})

    def list_json(self, limit=0, kind=""):
        """The document `entente runs list --format json` prints."""
        return self._core.list_json(int(limit), kind)

    def show(self, run_id):
        """The document `entente runs show ID --format json` prints."""
        return self._core.record_json(int(run_id), False)

    def get(self, run_id):
        """One run (StoredRun); ValidationError when there is no such run."""
        return StoredRun(self, self.show(run_id))

    def export(self, run_id, path):
        """Writes the run as `entente runs export ID FILE` does (.csv: a sweep's draws; else
        the JSON record with the draws). Returns the path."""
        path = _os.fspath(path)
        self._core.export(int(run_id), path)
        return path

    def diff(self, a, b, limit=60):
        """What differs between two runs ("path: a -> b" lines); [] when they agree."""
        return self._core.diff(int(a), int(b), int(limit))

    def remove(self, *run_ids):
        """Removes runs (all or none: an unknown id raises ValidationError first). Returns the
        number removed."""
        ids = [int(i) for i in (run_ids[0] if len(run_ids) == 1 and
                                not isinstance(run_ids[0], (int, str)) else run_ids)]
        return self._core.remove(ids)


def store_arg(store):
    """None, a Store, or a path -> the compiled store object (or None)."""
    if store is None:
        return None
    if isinstance(store, Store):
        return store._core
    if isinstance(store, _entente.Store):
        return store
    return Store(store)._core


def open_store(path=None):
    """Opens (or creates) the run store at `path` (default: the store the CLI records in)."""
    return Store(path)
