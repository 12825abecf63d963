// SPDX-License-Identifier: MIT
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/io/scenario_io.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

// Runs in a child process (the limit must not touch the test's own files): files may not grow
// past 10 bytes, so writing 1000 fails part-way. True when the expected error came.
bool WriteWithFileSizeLimit(const std::string& target) {
  ::signal(SIGXFSZ, SIG_IGN);
  struct rlimit limit = {10, 10};
  ::setrlimit(RLIMIT_FSIZE, &limit);
  try {
    WriteFileAtomic(target, std::string(1000, 'x'));
  } catch (const std::runtime_error& e) {
    return std::string(e.what()) == "cannot write '" + target + "': write failed: File too large";
  }
  return false;
}

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path dir_;
};

TEST_F(AtomicFile, WritesAndReplacesKeepingPermissions) {
  fs::path target = dir_ / "out.yaml";
  WriteFileAtomic(target.string(), "one\n");
  EXPECT_EQ(Read(target), "one\n");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
  ::chmod(target.c_str(), 0600);
  WriteFileAtomic(target.string(), std::string(100000, 'x'));
  EXPECT_EQ(Read(target), std::string(100000, 'x'));
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(Entries(), std::vector<std::string>{"out.yaml"});
}

TEST_F(AtomicFile, ADirectoryIsNotReplaced) {
  fs::create_directory(dir_ / "taken");  // a directory where the file should go
  fs::path target = dir_ / "taken";
  try {
    WriteFileAtomic(target.string(), "data");
    FAIL() << "expected a failure";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '" + target.string() + "': it is a directory");
  }
  EXPECT_EQ(Entries(), std::vector<std::string>{"taken"});
  EXPECT_TRUE(fs::is_empty(dir_ / "taken"));
}

TEST_F(AtomicFile, AMissingDirectoryIsReported) {
  fs::path target = dir_ / "no" / "such" / "out.json";
  try {
    WriteFileAtomic(target.string(), "data");
    FAIL() << "expected a failure";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '" + target.string() +
                                         "': cannot create a temporary file beside it: No such "
                                         "file or directory");
  }
  EXPECT_TRUE(Entries().empty());
}

TEST_F(AtomicFile, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  fs::path target = dir_ / "out.csv";
  WriteFileAtomic(target.string(), "old\n");
  EXPECT_EXIT(std::_Exit(WriteWithFileSizeLimit(target.string()) ? 0 : 1),
              ::testing::ExitedWithCode(0), "");
  EXPECT_EQ(Read(target), "old\n");
  EXPECT_EQ(Entries(), std::vector<std::string>{"out.csv"});
}

TEST_F(AtomicFile, FollowsLinksAndWritesNonRegularFilesInPlace) {
  fs::path real = dir_ / "real.yaml";
  fs::path link = dir_ / "link.yaml";
  WriteFileAtomic(real.string(), "one\n");
  fs::create_symlink(real, link);
  WriteFileAtomic(link.string(), "two\n");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Read(real), "two\n");
  // A pipe stays a pipe: the data goes through it.
  fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  int reader = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  WriteFileAtomic(fifo.string(), "through");
  char buf[16] = {};
  EXPECT_EQ(::read(reader, buf, sizeof buf), 7);
  EXPECT_EQ(std::string(buf), "through");
  ::close(reader);
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(Entries(), (std::vector<std::string>{"link.yaml", "pipe", "real.yaml"}));
}

}  // namespace
}  // namespace entente
