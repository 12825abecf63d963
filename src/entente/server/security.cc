// SPDX-License-Identifier: MIT
#include "entente/server/security.h"

#include <algorithm>
#include <cctype>

namespace entente::server {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

}  // namespace

bool IsOwnHost(const Origin& self, std::string_view host) {
  std::string port = std::to_string(self.port);
  port.insert(port.begin(), ':');
  const std::string h = Lower(host);
  for (const std::string name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (h == name + port) return true;
  }
  if (self.host.empty() || self.host == "0.0.0.0" || self.host == "::") return false;
  std::string bound = Lower(self.host);
  if (Contains(bound, ":") && bound.front() != '[') {  // IPv6
    bound.insert(bound.begin(), '[');
    bound.push_back(']');
  }
  return h == bound + port;
}

std::optional<std::string> CheckRequest(const Origin& self, std::string_view method,
                                        std::string_view host, std::string_view origin,
                                        std::string_view x_entente) {
  if (!IsOwnHost(self, host)) {
    return "Host '" + std::string(host) +
           "' is not this server (a request through another name, e.g. DNS rebinding)";
  }
  if (!origin.empty() && Lower(origin) != "http://" + Lower(host)) {
    return "Origin '" + std::string(origin) + "' is not this server (a cross-site request)";
  }
  if ((method == "POST" || method == "DELETE" || method == "PUT" || method == "PATCH") &&
      x_entente != "1") {
    return "a " + std::string(method) +
           " request must carry the header 'X-Entente: 1' (cross-site forms cannot set it)";
  }
  return std::nullopt;
}

std::optional<std::string> AssetName(std::string_view raw, std::string_view path) {
  const std::string r = Lower(raw.substr(0, raw.find('?')));
  for (std::string_view bad : {"..", "%2e", "%2f", "%5c", "%00", "\\", "//"}) {
    if (Contains(r, bad) || Contains(path, bad)) return std::nullopt;
  }
  if (path.empty() || path.front() != '/' || Contains(path, std::string_view("\0", 1))) {
    return std::nullopt;
  }
  std::string name(path.substr(1));
  if (name.empty()) return "index.html";
  return name;
}

}  // namespace entente::server
