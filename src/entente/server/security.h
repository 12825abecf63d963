// SPDX-License-Identifier: MIT
// The server's request checks, as pure functions (docs/web.md, "Security"):
//  - DNS rebinding: the Host header must name this server (127.0.0.1, localhost, [::1] or the
//    bound host, with the bound port);
//  - cross-site requests: an Origin header, when present, must be http://<that Host>; POST and
//    DELETE must carry "X-Entente: 1", which a cross-site form or a simple request cannot set;
//  - paths: only names in the embedded asset table are served; anything with "..", an encoded
//    dot or slash, a backslash, a NUL or a doubled slash is refused before any lookup, and
//    nothing is ever read from the file system.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace entente::server {

struct Origin {
  std::string host;  // as bound, e.g. "127.0.0.1" or "0.0.0.0"
  int port = 0;      // as bound (the real port when 0 was asked for)
};

// Why a request is refused (403), or nullopt when it may proceed. `origin` is the Origin header
// ("" when absent), `x_entente` the X-Entente header ("" when absent).
std::optional<std::string> CheckRequest(const Origin& self, std::string_view method,
                                        std::string_view host, std::string_view origin,
                                        std::string_view x_entente);

// True when `host` (a Host header value) names this server.
bool IsOwnHost(const Origin& self, std::string_view host);

// The asset name for a request path ("/" -> "index.html", "/assets/index.js" ->
// "assets/index.js"), or nullopt when the path is unsafe (see above). `raw` is the request
// target as received (before percent-decoding), `path` the decoded path.
std::optional<std::string> AssetName(std::string_view raw, std::string_view path);

// Headers every response carries.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

}  // namespace entente::server
