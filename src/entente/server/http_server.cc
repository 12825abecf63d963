// SPDX-License-Identifier: MIT
#include "entente/server/http_server.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "entente/server/assets.h"
#include "entente/server/security.h"

namespace entente::server {

struct HttpServer::Impl {
  httplib::Server svr;
};

namespace {

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

HttpServer::HttpServer(ServerOptions options)
    : options_(std::move(options)),
      api_(std::make_unique<Api>(options_.api)),
      impl_(std::make_unique<Impl>()) {
  httplib::Server& svr = impl_->svr;
  svr.new_task_queue = [] { return new httplib::ThreadPool(16); };  // event streams hold one
  svr.set_payload_max_length(options_.max_body);
  svr.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Cache-Control", "no-store"}});
  // Debian's cpp-httplib is built with brotli, which it prefers whenever a browser offers "br",
  // at brotli's slowest quality: the 0.7 MB script took 15 s to compress on every load. gzip
  // takes about 30 ms, so "br" is taken out of Accept-Encoding before httplib chooses. The
  // request is httplib's own non-const object, handed to this hook as const.
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& headers = const_cast<httplib::Headers&>(req.headers);
    auto it = headers.find("Accept-Encoding");
    if (it != headers.end() && it->second.find("br") != std::string::npos) {
      std::string kept = it->second.find("gzip") != std::string::npos ? "gzip" : "identity";
      it->second = kept;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib produces itself (413, 400 on a bad request line, ...) get a JSON body too.
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string msg = res.status == 413 ? "the request body is larger than the limit of 8 MiB"
                                        : "HTTP error " + std::to_string(res.status);
    Send(res, ErrorResponse(res.status, msg));
  });
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        Send(res, ErrorResponse(500, "internal error: " + what));
      });
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    const Origin self{options_.host, port_};
    if (auto why =
            CheckRequest(self, req.method, req.get_header_value("Host"),
                         req.get_header_value("Origin"), req.get_header_value("X-Entente"))) {
      Send(res, ErrorResponse(403, *why));
      return;
    }
    const std::string& path = req.path;
    if (path.rfind("/api/", 0) == 0 || path == "/api") {
      static const std::string kEvents = "/events";
      const bool events = path.rfind("/api/jobs/", 0) == 0 && path.size() > kEvents.size() &&
                          path.compare(path.size() - kEvents.size(), kEvents.size(), kEvents) == 0;
      if (events && req.method == "GET") {
        std::string id = path.substr(10, path.size() - 10 - kEvents.size());
        if (!api_->jobs().Get(id)) {
          Send(res, ErrorResponse(404, "no job '" + id + "'"));
          return;
        }
        JobManager* jobs = &api_->jobs();
        auto last = std::make_shared<int64_t>(-1);
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream", [jobs, id, last](size_t, httplib::DataSink& sink) {
              std::optional<JobSnapshot> j =
                  jobs->WaitChange(id, *last, std::chrono::milliseconds(1000));
              if (!j || jobs->shutting_down()) return false;
              if (*last < 0) {  // on connecting: where the job stands, even when finished
                std::string ev = ProgressEvent(*j);
                *last = j->version;
                return sink.write(ev.data(), ev.size());
              }
              if (j->finished()) {
                std::string ev = FinalEvent(*j);
                sink.write(ev.data(), ev.size());
                sink.done();
                return true;
              }
              std::string ev = j->version > *last ? ProgressEvent(*j) : ": keep-alive\n\n";
              *last = j->version;
              return sink.write(ev.data(), ev.size());
            });
        return;
      }
      Send(res, api_->Handle(req.method, path, req.body));
      return;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      Send(res, ErrorResponse(405, "only GET reads the app's files"));
      return;
    }
    std::optional<std::string> name = AssetName(req.target, path);
    const web::Asset* asset = name ? web::FindAsset(*name) : nullptr;
    if (!asset) {
      Send(res, ErrorResponse(404, web::HasWebAssets()
                                       ? "no such page: " + path
                                       : "this entente was built without the web front end "
                                         "(configure with -DENTENTE_WEB=ON)"));
      return;
    }
    res.set_content(std::string(asset->bytes), std::string(asset->content_type).c_str());
  };
  svr.Get(".*", handler);
  svr.Post(".*", handler);
  svr.Delete(".*", handler);
  svr.Put(".*", handler);
  svr.Patch(".*", handler);
  svr.Options(".*", handler);
}

HttpServer::~HttpServer() {
  Stop();
  api_->jobs().Shutdown();
}

int HttpServer::Bind() {
  httplib::Server& svr = impl_->svr;
  if (options_.port == 0) {
    port_ = svr.bind_to_any_port(options_.host);
    if (port_ <= 0) throw std::runtime_error("cannot listen on " + options_.host);
  } else {
    if (!svr.bind_to_port(options_.host, options_.port)) {
      throw std::runtime_error("cannot listen on " + options_.host + ":" +
                               std::to_string(options_.port) + " (in use, or not allowed)");
    }
    port_ = options_.port;
  }
  return port_;
}

void HttpServer::Run() { impl_->svr.listen_after_bind(); }

void HttpServer::Stop() {
  api_->jobs().Shutdown();
  impl_->svr.stop();
}

}  // namespace entente::server
