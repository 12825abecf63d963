// SPDX-License-Identifier: MIT
// The web front end (web/dist) embedded in the binary, so `entente serve` and `entente report`
// read no files at run time. The table is generated at build time by cmake/embed_web.cmake
// into the small library `entente_web_assets`; a build configured with -DENTENTE_WEB=OFF gets
// an empty table (FindAsset -> nullptr, ReportScript -> "", HasWebAssets -> false).
#pragma once

#include <string_view>

namespace entente::web {

// One embedded file of dist/app: its URL path relative to the app root ("index.html",
// "assets/index.js"), its Content-Type header value, and its bytes.
struct Asset {
  std::string_view path, content_type, bytes;
};

// The asset at `path` (no leading '/'; exact match, no normalisation: "a/../b" is not found),
// or nullptr.
const Asset* FindAsset(std::string_view path);

// dist/report/report.js: the chart code the HTML report inlines (defines `EntenteReport`).
std::string_view ReportScript();

// True when this binary was built with the web front end (ENTENTE_WEB=ON).
bool HasWebAssets();

}  // namespace entente::web
