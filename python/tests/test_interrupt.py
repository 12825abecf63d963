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
