# SPDX-License-Identifier: MIT
"""Tables: a pandas DataFrame when pandas is importable, else a dict of column name -> numpy
array (never lists of dicts). Tests set `_pd = None` to exercise the fallback."""
import numpy as _np

try:  # pandas is optional
    import pandas as _pd
except ImportError:  # pragma: no cover - exercised by the no-pandas subprocess test
    _pd = None


def column(values):
    """One column as a numpy array: numbers (None -> NaN), bools, strings, else objects."""
    if isinstance(values, _np.ndarray):
        return values
    values = list(values)
    if not values:
        return _np.zeros(0, dtype=float)
    if any(isinstance(v, (list, tuple, dict)) for v in values):
        out = _np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            out[i] = v
        return out
    if all(isinstance(v, bool) for v in values):
        return _np.asarray(values, dtype=bool)
    if all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
           for v in values):
        if any(v is None or isinstance(v, float) for v in values):
            return _np.asarray([_np.nan if v is None else v for v in values], dtype=float)
        return _np.asarray(values, dtype=_np.int64)
    if all(isinstance(v, str) for v in values):
        return _np.asarray(values, dtype=str)
    out = _np.empty(len(values), dtype=object)
    out[:] = values
    return out


def table(columns):
    """{name: values} -> DataFrame (pandas) or {name: numpy array} (no pandas)."""
    arrays = {name: column(values) for name, values in columns.items()}
    return _pd.DataFrame(arrays) if _pd is not None else arrays


def have_pandas():
    return _pd is not None
