// SPDX-License-Identifier: MIT
// Shared helpers of the Python bindings: the exception types, JSON -> Python conversion, and
// RunInterruptible, which runs a long C++ computation with the GIL released, forwards progress
// to an optional Python callback and turns Ctrl-C (KeyboardInterrupt) into a CancelToken.
#pragma once

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include <nlohmann/json.hpp>

#include "entente/core/cancel.h"
#include "entente/core/errors.h"

namespace entente::py_bind {

namespace py = pybind11;

// Registers ValidationError/ComputationError/StoreError and the translators of the C++ exceptions.
void RegisterExceptions(py::module_& m);

// The report as a list of dicts: file, line, column, path, field, value, message.
py::list ProblemsToList(const ValidationReport& report);

// nlohmann JSON (as produced by the report layer) -> plain Python dicts/lists via json.loads, so
// the values are exactly the CLI's.
py::object JsonToPython(const nlohmann::ordered_json& j);

// How a computation is run from Python.
enum class RunMode {
  kInline,   // in the calling thread; signals are polled from the progress path (cheap)
  kWatcher,  // in a worker thread; the calling thread polls signals every 20 ms (any code)
};

// Runs body(ctx) with the GIL released. `progress` (None or callable(done, total, stage)) is
// called with the GIL held. Ctrl-C sets the CancelToken; the C++ Cancelled exception then
// becomes KeyboardInterrupt (or the callback's own exception is re-raised).
void RunInterruptible(const std::function<void(const RunContext&)>& body, py::object progress,
                      uint64_t seed, int threads, RunMode mode);

}  // namespace entente::py_bind
