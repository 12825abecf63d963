// SPDX-License-Identifier: MIT
// The run store: GET /api/runs, /api/runs/<id>, /api/runs/<a>/diff/<b> (404 without a store).
#include <memory>

#include "entente/report/report.h"
#include "entente/server/endpoints.h"
#include "entente/store/run_export.h"

namespace entente::server::endpoints {

namespace {

std::unique_ptr<RunStore> Open(const Context& c) {
  if (c.options.store_path.empty()) {
    throw ApiError(404, "no run store is open (start the server with --store PATH)");
  }
  return std::make_unique<RunStore>(c.options.store_path);
}

RunRecord Get(RunStore& store, const std::string& id) {
  int64_t n = 0;
  size_t used = 0;
  try {
    n = std::stoll(id, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::optional<RunRecord> r;
  if (used == id.size()) r = store.Get(n);
  if (!r) throw ApiError(404, "no run '" + id + "' in " + store.path());
  return *r;
}

}  // namespace

ApiResponse ListRuns(const Context& c) {
  auto store = Open(c);
  return Json(RunsListJson(store->path(), store->List(0, "")));
}

ApiResponse GetRun(const std::string& id, const Context& c) {
  auto store = Open(c);
  return Json(RunRecordJson(*store, Get(*store, id), false));
}

ApiResponse DiffRuns(const std::string& a, const std::string& b, const Context& c) {
  auto store = Open(c);
  RunRecord ra = Get(*store, a), rb = Get(*store, b);
  auto j = JsonDocument("runs-diff");
  j["a"] = ra.id;
  j["b"] = rb.id;
  j["differences"] = ::entente::DiffRuns(ra, rb, 200);
  return Json(j);
}

}  // namespace entente::server::endpoints
