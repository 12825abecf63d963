# SPDX-License-Identifier: MIT
"""Ctrl-C during a long computation raises KeyboardInterrupt promptly and leaves the
interpreter usable."""
import _thread
import threading
import time

import pytest

import entente


def _interrupt_after(seconds):
    timer = threading.Timer(seconds, _thread.interrupt_main)
    timer.start()
    return timer


def test_interrupting_a_long_sweep():
    s = entente.load("ukraine-2025")
    timer = _interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        entente.sweep(s, ["smp"], draws=1_000_000, noise="position=5", threads=2)
    elapsed = time.monotonic() - start
    timer.join()
    assert elapsed < 10, elapsed  # "promptly": far below the sweep's own run time
    # Still usable afterwards.
    assert entente.run(s, "median").forecast["value"][0] == entente.run(s, "median").forecast[
        "value"][0]


def test_interrupting_a_long_smp_run():
    s = entente.load("ukraine-2025")
    timer = _interrupt_after(0.3)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        # Many turns and no stopping rule met early: runs far longer than the timer.
        for _ in range(10_000):
            entente.run(s, "smp")
    timer.join()
    assert time.monotonic() - start < 10
    assert entente.run(s, "compromise").spec.startswith("compromise")


def _big_scenario(actors=40, issues=8):
    """actors x issues cells with seeded positions: sensitivity reruns eum 2 * 3 * actors *
    issues times, far longer than the timer below."""
    import random
    rnd = random.Random(11)
    rows = [dict(actor="a%02d" % a, issue="i%d" % i, capability=rnd.randint(1, 100),
                 position=rnd.randint(0, 100), salience=rnd.randint(10, 100))
            for a in range(actors) for i in range(issues)]
    return entente.from_records(rows, name="big")


def test_interrupting_a_long_sensitivity_analysis(tmp_path):
    s = _big_scenario()
    store = entente.Store(tmp_path / "runs.sqlite")
    calls = []
    timer = _interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        entente.sensitivity(s, "eum", threads=1, store=store,
                            progress=lambda d, t, stage: calls.append((d, t)))
    elapsed = time.monotonic() - start
    timer.join()
    # It had started (one report per input varied) and had not finished.
    assert calls and calls[0][0] == 0
    assert calls[-1][0] < calls[-1][1]
    assert elapsed < 5, elapsed
    assert len(store.runs()["id"]) == 0  # a cancelled analysis is not recorded
    assert entente.sensitivity("ukraine-2025", "median", flip_steps=0).spec.startswith("median")


def test_an_interrupted_sweep_is_recorded_as_cancelled(tmp_path):
    s = entente.load("ukraine-2025")
    store = entente.Store(tmp_path / "runs.sqlite")
    timer = _interrupt_after(0.5)
    with pytest.raises(KeyboardInterrupt):
        entente.sweep(s, ["smp"], draws=1_000_000, noise="position=5", threads=1, store=store)
    timer.join()
    runs = store.runs()
    assert list(runs["kind"]) == ["sweep"] and list(runs["status"]) == ["cancelled"]
    assert 0 <= runs["draws"][0] < 1_000_000  # resumable: `entente sweep --resume ID`
    values, _, index = store.get(int(runs["id"][0])).draws()
    assert len(index) == runs["draws"][0] and values.shape[0] == len(index)
