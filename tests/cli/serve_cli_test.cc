// SPDX-License-Identifier: MIT
// `entente serve`: starts on a free port (--port 0), prints its address, answers the API over a
// real socket with the same documents as the CLI, and stops cleanly on SIGTERM.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_binary.h"

namespace entente::testing {
namespace {

pid_t SpawnServe(const std::vector<std::string>& args, const std::string& out,
                 const std::string& err) {
  std::vector<std::string> argv = {ENTENTE_BINARY, "serve"};
  argv.insert(argv.end(), args.begin(), args.end());
  return SpawnProcess(argv, out, err);
}

// One HTTP/1.1 exchange over a plain socket: the whole response (status line, headers, body).
std::string Http(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  EXPECT_EQ(write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  std::string out;
  char buf[65536];
  ssize_t n = 0;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string Body(const std::string& response) {
  size_t p = response.find("\r\n\r\n");
  return p == std::string::npos ? "" : response.substr(p + 4);
}

TEST(ServeCli, StartsOnAFreePortAnswersAndStopsOnSigterm) {
  TempDir dir;
  pid_t pid = SpawnServe({"--port", "0", "--no-store"}, dir.Path("out"), dir.Path("err"));
  std::smatch m;
  std::string out;
  const std::regex line(R"(entente serving http://127\.0\.0\.1:(\d+) \(Ctrl-C to stop\)\n)");
  int status = 0;
  bool exited = false;
  for (int k = 0; k < 300 && !std::regex_search(out, m, line); ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    out = ReadFile(dir.Path("out"));
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
  }
  if (exited) {  // a build without the front end refuses to serve (docs/web.md)
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_EQ(ReadFile(dir.Path("err")),
              "entente: error: this entente was built without the web front end (configure "
              "with -DENTENTE_WEB=ON)\n");
    GTEST_SKIP() << "built with ENTENTE_WEB=OFF: serve exits 2 as documented";
  }
  ASSERT_TRUE(std::regex_search(out, m, line)) << out << ReadFile(dir.Path("err"));
  const int port = std::stoi(m[1]);
  const std::string host = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  std::string version =
      Http(port, "GET /api/version HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
  EXPECT_EQ(version.rfind("HTTP/1.1 200", 0), 0u) << version;
  auto doc = nlohmann::json::parse(Body(version));
  EXPECT_EQ(doc["kind"], "version");
  EXPECT_EQ(doc["entente_json"], 1);
  // The models document is what `entente models --format json` prints.
  std::string models =
      Http(port, "GET /api/models HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
  auto cli = RunEntente({"models", "--format", "json"});
  ASSERT_EQ(cli.code, 0);
  EXPECT_EQ(nlohmann::json::parse(Body(models)), nlohmann::json::parse(cli.out));
  // POST /api/run answers what `entente run ukraine-2025 --format json` prints.
  auto scenario = RunEntente({"convert", "ukraine-2025", "-", "--to", "json"});
  ASSERT_EQ(scenario.code, 0) << scenario.err;
  const std::string body = nlohmann::json{{"scenario", nlohmann::json::parse(scenario.out)}}.dump();
  std::string run =
      Http(port, "POST /api/run HTTP/1.1\r\n" + host +
                     "X-Entente: 1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  EXPECT_EQ(run.rfind("HTTP/1.1 200", 0), 0u) << run.substr(0, 300);
  auto cli_run = RunEntente({"run", "ukraine-2025", "--format", "json", "--no-store"});
  ASSERT_EQ(cli_run.code, 0) << cli_run.err;
  EXPECT_EQ(Body(run), cli_run.out);
  // A foreign Host is refused.
  std::string rebound =
      Http(port, "GET /api/version HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(rebound.rfind("HTTP/1.1 403", 0), 0u) << rebound;
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadFile(dir.Path("err"));
  EXPECT_EQ(ReadFile(dir.Path("err")), "entente: server stopped\n");
}

TEST(ServeCli, BadPortIsAUsageError) {
  auto r = RunEntente({"serve", "--port", "70000"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--port"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("must be between 0 (any free port) and 65535"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace entente::testing
