// SPDX-License-Identifier: MIT
// `entente serve [--host 127.0.0.1] [--port N] [--store PATH] [--open] [--time-limit S]`: the
// local web app (docs/web.md). Ctrl-C or SIGTERM stops it cleanly.
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "commands.h"
#include "entente/server/assets.h"
#include "entente/server/http_server.h"
#include "store_cli.h"

extern char** environ;

namespace entente::cli {

namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  bool open = false;
  double time_limit = 60;
  int threads = 0;
  StoreOptions store;
};

// Opens `url` in the desktop's browser when xdg-open exists; never fails.
void OpenBrowser(const std::string& url) {
  std::vector<std::string> args = {"xdg-open", url};
  char* argv[] = {args[0].data(), args[1].data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    std::fprintf(stderr, "entente: --open: no xdg-open here; open %s in a browser\n", url.c_str());
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

void Serve(const ServeOptions& o) {
  if (o.port < 0 || o.port > 65535) {
    ThrowUsage("--port", std::to_string(o.port), "must be between 0 (any free port) and 65535");
  }
  if (!(o.time_limit > 0)) {
    ThrowUsage("--time-limit", std::to_string(o.time_limit),
               "must be a positive number of seconds");
  }
  if (!web::HasWebAssets()) {
    throw CliError(
        "this entente was built without the web front end (configure with -DENTENTE_WEB=ON)", 2);
  }
  // SIGINT and SIGTERM go to one thread that stops the server (every thread blocks them).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // wakes the waiter when the server ends by itself
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::ServerOptions so;
  so.host = o.host;
  so.port = o.port;
  so.api.store_path = StorePath(o.store);
  so.api.time_limit_s = o.time_limit;
  so.api.threads = o.threads;
  server::HttpServer srv(so);
  int port = 0;
  try {
    port = srv.Bind();
  } catch (const std::runtime_error& e) {
    throw CliError(e.what());
  }
  // The address to browse: a wildcard host is reached through loopback (and only loopback
  // names pass the Host check there).
  const bool wildcard = o.host == "0.0.0.0" || o.host == "::";
  const std::string shown = wildcard ? "127.0.0.1" : o.host;
  const bool v6 = shown.find(':') != std::string::npos;
  const std::string url = "http://" + (v6 ? "[" + shown + "]" : shown) + ":" + std::to_string(port);
  if (!server::IsLoopbackHost(o.host)) {
    std::fprintf(stderr,
                 "entente: warning: listening on %s, not on loopback: other machines can reach "
                 "this server, which has no authentication\n",
                 o.host.c_str());
  }
  std::printf("entente serving %s (Ctrl-C to stop)\n", url.c_str());
  std::fflush(stdout);
  if (o.open) OpenBrowser(url);
  std::thread waiter([&srv, &signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    srv.Stop();
  });
  srv.Run();
  srv.Stop();
  pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
  std::fprintf(stderr, "entente: server stopped\n");
}

}  // namespace

void AddServeCommand(CLI::App& app, CliState& /*state*/) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "The local web app: edit, run and chart scenarios");
  sub->add_option("--host", o->host,
                  "address to listen on (another than 127.0.0.1 is reachable from the network)")
      ->capture_default_str();
  sub->add_option("--port", o->port, "port; 0 = any free port (printed)")->capture_default_str();
  sub->add_flag("--open", o->open, "open the app in the browser (xdg-open)");
  sub->add_option("--time-limit", o->time_limit,
                  "seconds a request may compute before it is stopped (503); jobs are not limited")
      ->capture_default_str();
  sub->add_option("-j,--threads", o->threads, "threads for sweeps and sensitivity; 0 = every core")
      ->capture_default_str();
  AddStoreOptions(sub, o->store);
  sub->callback([o] { Serve(*o); });
}

}  // namespace entente::cli
