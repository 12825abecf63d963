# SPDX-License-Identifier: MIT
"""Running models from Python gives exactly the CLI's results."""
import math

import pytest

import entente


def test_models_list_matches_cli(cli):
    assert entente._entente.models_json() == cli.json("models", "--format", "json")
    names = list(entente.models())
    assert names[:4] == ["compromise", "median", "eum", "smp"] or set(names) >= {
        "compromise", "median", "eum", "smp"}


def test_docstrings_come_from_the_declarations():
    for name, model in entente.models().items():
        assert model.__doc__.startswith(name + ": " + model.summary)
        for p in model.params:
            assert "    " + p["name"] + " (" + p["type"] in model.__doc__


@pytest.mark.parametrize("name", ["compromise", "median", "eum", "smp"])
def test_each_model_equals_cli_json(cli, name):
    s = entente.load("ukraine-2025")
    r = entente.run(s, name)
    assert r.to_json() == cli.json("run", "ukraine-2025", "-m", name, "--format", "json")


def test_keyword_parameters_equal_the_spec_string(cli):
    r = entente.run("ukraine-2025", "eum", rounds=5)
    assert r.spec == entente._entente.canonical_spec("eum(rounds=5)")
    assert "rounds=5" in r.spec
    assert r.to_json(traces=True) == cli.json("run", "ukraine-2025", "-m", "eum(rounds=5)",
                                              "--traces", "--format", "json")


def test_every_model_together_equals_cli(cli):
    results = entente.run_all("bdm1994-eu-emissions")
    assert entente.run_json(results) == cli.json("run", "bdm1994-eu-emissions", "--format",
                                                 "json")


def test_forecast_and_trace_tables():
    r = entente.run("ukraine-2025", "eum", rounds=3)
    f = r.forecast
    s = entente.load("ukraine-2025")
    assert list(f["issue"]) == s.issues
    assert list(f["ok"]) == [True] * len(s.issues)
    t = r.trace
    traces = r.traces
    assert len(traces) >= 1
    n = sum(len(x["rounds"]) * len(x["actors"]) * len(x["dims"]) for x in traces)
    assert len(t["position"]) == n
    assert traces[0]["positions"].shape[1] == len(traces[0]["actors"])


def test_static_model_has_no_trace():
    r = entente.run("ukraine-2025", "median")
    assert r.traces == []
    assert len(r.trace["position"]) == 0
    assert all(not math.isnan(v) for v in r.forecast["value"])


def test_bad_parameter_raises_validation_error():
    with pytest.raises(entente.ValidationError) as e:
        entente.run("ukraine-2025", "eum", rounds=-3)
    assert len(e.value.problems) >= 1
    assert e.value.problems[0]["value"] in ("-3", "rounds=-3")


def test_progress_callback_is_called_and_its_exception_propagates():
    calls = []
    entente.run("ukraine-2025", "smp", progress=lambda d, t, stage: calls.append((d, t, stage)))
    assert calls and calls[-1][2] == "smp turns"

    def boom(*_):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        entente.run("ukraine-2025", "smp", progress=boom)
    assert entente.run("ukraine-2025", "median").spec.startswith("median")
