// SPDX-License-Identifier: MIT
#include "entente/server/security.h"

#include <gtest/gtest.h>

namespace entente::server {
namespace {

const Origin kSelf{"127.0.0.1", 8123};

TEST(Security, AcceptsTheLoopbackNamesWithTheBoundPort) {
  for (const char* host : {"127.0.0.1:8123", "localhost:8123", "LOCALHOST:8123", "[::1]:8123"}) {
    EXPECT_TRUE(IsOwnHost(kSelf, host)) << host;
  }
  for (const char* host : {"127.0.0.1:8124", "localhost", "evil.example:8123", "127.0.0.1", "",
                           "127.0.0.1:8123.evil.example", "0.0.0.0:8123"}) {
    EXPECT_FALSE(IsOwnHost(kSelf, host)) << host;
  }
}

TEST(Security, AcceptsTheBoundHostButNotTheWildcard) {
  EXPECT_TRUE(IsOwnHost(Origin{"192.168.1.5", 80}, "192.168.1.5:80"));
  EXPECT_TRUE(IsOwnHost(Origin{"fe80::1", 80}, "[fe80::1]:80"));
  EXPECT_FALSE(IsOwnHost(Origin{"0.0.0.0", 80}, "0.0.0.0:80"));
  EXPECT_FALSE(IsOwnHost(Origin{"0.0.0.0", 80}, "attacker.example:80"));
}

TEST(Security, ChecksHostOriginAndTheCustomHeader) {
  EXPECT_FALSE(CheckRequest(kSelf, "GET", "127.0.0.1:8123", "", ""));
  EXPECT_FALSE(CheckRequest(kSelf, "GET", "localhost:8123", "http://localhost:8123", ""));
  EXPECT_FALSE(CheckRequest(kSelf, "POST", "127.0.0.1:8123", "http://127.0.0.1:8123", "1"));
  auto host = CheckRequest(kSelf, "GET", "rebind.example:8123", "", "");
  ASSERT_TRUE(host);
  EXPECT_NE(host->find("Host 'rebind.example:8123' is not this server"), std::string::npos);
  auto origin = CheckRequest(kSelf, "GET", "127.0.0.1:8123", "http://evil.example", "");
  ASSERT_TRUE(origin);
  EXPECT_NE(origin->find("Origin 'http://evil.example'"), std::string::npos);
  // Same host name, another scheme or port: still foreign.
  EXPECT_TRUE(CheckRequest(kSelf, "GET", "127.0.0.1:8123", "https://127.0.0.1:8123", ""));
  EXPECT_TRUE(CheckRequest(kSelf, "GET", "127.0.0.1:8123", "http://127.0.0.1:9999", ""));
  EXPECT_TRUE(CheckRequest(kSelf, "GET", "127.0.0.1:8123", "null", ""));
  for (const char* m : {"POST", "DELETE", "PUT"}) {
    auto why = CheckRequest(kSelf, m, "127.0.0.1:8123", "", "");
    ASSERT_TRUE(why) << m;
    EXPECT_NE(why->find("X-Entente: 1"), std::string::npos);
    EXPECT_TRUE(CheckRequest(kSelf, m, "127.0.0.1:8123", "", "yes")) << m;
  }
}

TEST(Security, AssetNamesRefuseTraversal) {
  EXPECT_EQ(AssetName("/", "/"), "index.html");
  EXPECT_EQ(AssetName("/assets/index.js", "/assets/index.js"), "assets/index.js");
  EXPECT_EQ(AssetName("/assets/index.js?v=%2F1", "/assets/index.js"), "assets/index.js");
  const std::pair<const char*, const char*> bad[] = {
      {"/../etc/passwd", "/../etc/passwd"},
      {"/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd"},
      {"/%2E%2E/x", "/../x"},
      {"/assets/..%2fCMakeLists.txt", "/assets/../CMakeLists.txt"},
      {"/assets/%2fetc", "/assets//etc"},
      {"//etc/passwd", "//etc/passwd"},
      {"/a\\..\\b", "/a\\..\\b"},
      {"/a%00b", std::string_view("/a\0b", 4).data()},
      {"etc/passwd", "etc/passwd"},
  };
  for (const auto& [raw, path] : bad) EXPECT_FALSE(AssetName(raw, path)) << raw;
}

}  // namespace
}  // namespace entente::server
