# SPDX-License-Identifier: MIT
"""Fixtures: the built `entente` CLI (ENTENTE_CLI, set by ctest) and the source tree."""
import json
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get(
    "ENTENTE_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("ENTENTE_CLI")
    if not path or not os.path.exists(path):
        pytest.skip("ENTENTE_CLI (the built entente binary) is not set; run through ctest")

    def call(*args, check=True):
        env = dict(os.environ, ENTENTE_STORE="none")  # record nothing unless --store PATH
        p = subprocess.run([path, *args], capture_output=True, text=True, env=env)
        if check and p.returncode != 0:
            raise AssertionError("entente %s failed (%d): %s" % (args, p.returncode, p.stderr))
        return p

    def call_json(*args):
        return json.loads(call(*args).stdout)

    call.json = call_json
    return call


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR
