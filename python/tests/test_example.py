# SPDX-License-Identifier: MIT
"""examples/ukraine.py runs and writes its three figures."""
import os
import subprocess
import sys

import pytest


def test_example_script_writes_three_pngs(tmp_path, source_dir):
    pytest.importorskip("matplotlib")
    script = os.path.join(source_dir, "examples", "ukraine.py")
    p = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    for name in ("forecasts.png", "sweep.png", "eum_trace.png"):
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert "figures written to" in p.stdout


def test_sensitivity_store_example_runs(tmp_path, source_dir):
    script = os.path.join(source_dir, "python", "examples", "sensitivity_store.py")
    store = tmp_path / "runs.sqlite"
    p = subprocess.run([sys.executable, script, str(store)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "recorded as run 1" in p.stdout
    assert "holds 2 runs:" in p.stdout
    assert "200 draws x" in p.stdout and "same as computed: True" in p.stdout
    assert store.exists()
