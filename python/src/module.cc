// SPDX-License-Identifier: MIT
// The compiled core of the `entente` Python package (entente/__init__.py wraps it).
#include "bind_common.h"
#include "entente/core/version.h"

namespace entente::py_bind {
void BindScenarios(py::module_& m);
void BindModels(py::module_& m);
void BindAnalysis(py::module_& m);
void BindBacktest(py::module_& m);
void BindSensitivity(py::module_& m);
void BindStore(py::module_& m);
}  // namespace entente::py_bind

PYBIND11_MODULE(_entente, m) {
  namespace eb = entente::py_bind;
  m.doc() = "entente C++ core (use the `entente` package)";
  m.attr("__version__") = entente::kVersion;
  eb::RegisterExceptions(m);
  eb::BindScenarios(m);
  eb::BindStore(m);  // before the computations that take store=
  eb::BindModels(m);
  eb::BindAnalysis(m);
  eb::BindBacktest(m);
  eb::BindSensitivity(m);
}
