// SPDX-License-Identifier: MIT
// WriteFileAtomic: a temporary file beside the target (same file system, so rename is atomic),
// written in full, flushed to disk, then renamed over the target; the directory is synced so
// the rename itself survives a crash. On any failure the temporary file is removed.
// A symbolic link is followed (the file it names is replaced, the link kept). A target that is
// not a regular file (/dev/stdout, a pipe) is written in place: renaming over it would replace
// the device with a file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "entente/io/scenario_io.h"

namespace entente {

namespace {

[[noreturn]] void Fail(const std::string& what, const std::string& path, int err) {
  throw std::runtime_error(
      fmt::format("cannot write '{}': {}: {}", path, what, std::strerror(err)));
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void WriteAll(int fd, std::string_view data, const std::function<void(const char*)>& fail) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    done += static_cast<size_t>(n);
  }
}

void WriteInPlace(const std::string& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) Fail("cannot open it", path, errno);
  WriteAll(fd, data, [&](const char* what) {
    int err = errno;
    ::close(fd);
    Fail(what, path, err);
  });
  if (::close(fd) != 0) Fail("close failed", path, errno);
}

}  // namespace

void WriteFileAtomic(const std::string& target, std::string_view data) {
  std::string path = target;
  struct stat st;
  bool exists = ::stat(target.c_str(), &st) == 0;  // follows links
  if (exists && S_ISDIR(st.st_mode)) {
    throw std::runtime_error(fmt::format("cannot write '{}': it is a directory", target));
  }
  if (exists && !S_ISREG(st.st_mode)) return WriteInPlace(target, data);
  if (exists) {
    if (char* real = ::realpath(target.c_str(), nullptr)) {
      path = real;
      std::free(real);
    }
  }
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) Fail("cannot create a temporary file beside it", target, errno);
  auto abandon = [&](const char* what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    Fail(what, target, err);
  };
  mode_t mode = exists ? (st.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) abandon("cannot set permissions");
  WriteAll(fd, data, abandon);
  if (::fsync(fd) != 0) abandon("fsync failed");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    Fail("close failed", target, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    Fail("rename failed", target, err);
  }
  int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace entente
