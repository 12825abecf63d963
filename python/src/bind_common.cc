// SPDX-License-Identifier: MIT
#include "bind_common.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "entente/store/run_store.h"

namespace entente::py_bind {

namespace {

py::handle validation_error_type;
py::handle computation_error_type;
py::handle store_error_type;

// State shared by the polling paths of one RunInterruptible call.
struct Interrupts {
  CancelToken token;
  std::mutex mu;
  std::optional<py::error_already_set> error;  // KeyboardInterrupt or the callback's exception

  // With the GIL held: runs pending signal handlers; records their exception and cancels.
  void Poll() {
    if (PyErr_CheckSignals() != 0) Fail();
  }
  void Fail() {
    py::error_already_set e;  // fetches (and clears) the Python error
    std::lock_guard<std::mutex> lock(mu);
    if (!error) error.emplace(std::move(e));
    token.Cancel();
  }
};

}  // namespace

py::list ProblemsToList(const ValidationReport& report) {
  py::list out;
  for (const Problem& p : report.problems()) {
    py::dict d;
    d["file"] = p.where.file;
    d["line"] = p.where.line;
    d["column"] = p.where.column;
    d["path"] = p.where.path;
    d["field"] = p.field;
    d["value"] = p.value;
    d["message"] = p.message;
    d["text"] = p.ToString();
    out.append(d);
  }
  return out;
}

py::object JsonToPython(const nlohmann::ordered_json& j) {
  // Leaked on purpose: destroying a Python object at exit (without the GIL) would crash.
  static py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(j.dump());
}

void RegisterExceptions(py::module_& m) {
  validation_error_type = PyErr_NewExceptionWithDoc(
      "entente.ValidationError",
      "Invalid input. `problems` lists every problem (dicts with file, line, column, path, "
      "field, value, message); str(e) is the full report as the CLI prints it.",
      PyExc_ValueError, nullptr);
  computation_error_type = PyErr_NewExceptionWithDoc(
      "entente.ComputationError", "A computation failed (e.g. a model did not converge).",
      PyExc_RuntimeError, nullptr);
  store_error_type = PyErr_NewExceptionWithDoc(
      "entente.StoreError",
      "The run store failed (SQLite: damaged file, disk full, locked longer than the timeout).",
      PyExc_RuntimeError, nullptr);
  m.attr("StoreError") = store_error_type;
  m.attr("ValidationError") = validation_error_type;
  m.attr("ComputationError") = computation_error_type;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InvalidInput& e) {
      py::object inst = py::reinterpret_borrow<py::object>(validation_error_type)(e.what());
      inst.attr("problems") = ProblemsToList(e.report());
      PyErr_SetObject(validation_error_type.ptr(), inst.ptr());
    } catch (const ComputationError& e) {
      PyErr_SetString(computation_error_type.ptr(), e.what());
    } catch (const StoreError& e) {
      PyErr_SetString(store_error_type.ptr(), e.what());
    } catch (const Cancelled&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
}

void RunInterruptible(const std::function<void(const RunContext&)>& body, py::object progress,
                      uint64_t seed, int threads, RunMode mode) {
  Interrupts state;
  const bool main_thread = mode == RunMode::kInline;
  RunContext ctx;
  ctx.seed = seed;
  ctx.threads = threads;
  ctx.cancel = &state.token;
  auto last_poll = std::chrono::steady_clock::now();
  std::mutex poll_mu;
  if (!progress.is_none() || main_thread) {
    ctx.progress = [&](double done, double total, std::string_view stage) {
      if (state.token.cancelled()) return;
      if (progress.is_none()) {
        // Inline mode without a callback: poll at most every 10 ms (cheap when frequent).
        std::lock_guard<std::mutex> lock(poll_mu);
        auto now = std::chrono::steady_clock::now();
        if (now - last_poll < std::chrono::milliseconds(10)) return;
        last_poll = now;
      }
      py::gil_scoped_acquire gil;
      if (main_thread) state.Poll();
      if (state.token.cancelled() || progress.is_none()) return;
      try {
        progress(done, total, std::string(stage));
      } catch (py::error_already_set& e) {
        e.restore();
        state.Fail();
      }
    };
  }
  std::exception_ptr failure;
  if (main_thread) {
    py::gil_scoped_release release;
    try {
      body(ctx);
    } catch (...) {
      failure = std::current_exception();
    }
  } else {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    {
      py::gil_scoped_release release;
      std::thread worker([&] {
        try {
          body(ctx);
        } catch (...) {
          failure = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mu);
        done = true;
        cv.notify_all();
      });
      std::unique_lock<std::mutex> lock(mu);
      while (!cv.wait_for(lock, std::chrono::milliseconds(20), [&] { return done; })) {
        lock.unlock();
        {
          py::gil_scoped_acquire gil;
          state.Poll();
        }
        lock.lock();
      }
      lock.unlock();
      worker.join();
    }
  }
  // Python errors raised while polling (Ctrl-C, the callback's exception) win over Cancelled.
  if (state.error) throw std::move(*state.error);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace entente::py_bind
