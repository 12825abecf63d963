// SPDX-License-Identifier: MIT
// `entente serve`'s HTTP server (cpp-httplib): the API (api.h), the job event streams, the
// embedded front end (assets.h), and the security checks (security.h) on every request.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "entente/server/api.h"

namespace entente::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 = a free port (see HttpServer::port())
  ApiOptions api;
  size_t max_body = size_t{8} << 20;  // bytes; larger bodies get 413
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options);
  ~HttpServer();  // stops and waits
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port. Throws std::runtime_error when it cannot.
  int Bind();
  // Serves until Stop() (from another thread). Bind() first.
  void Run();
  // Stops accepting, ends the event streams and cancels running jobs. Thread-safe.
  void Stop();

  int port() const { return port_; }
  Api& api() { return *api_; }

 private:
  struct Impl;
  ServerOptions options_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

}  // namespace entente::server
