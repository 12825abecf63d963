// SPDX-License-Identifier: MIT
// Runs the built `entente` binary (path from the ENTENTE_BINARY compile definition) with
// arguments, capturing its exit code, standard output and standard error. No shell is
// involved, so arguments need no quoting.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace entente::testing {

struct RunResult {
  int code = -1;  // exit code; 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

// `stdin_path` (if not empty) is opened as the child's standard input, else /dev/null.
// `env` entries ("NAME=value") are added to the environment; NO_COLOR is always removed first
// unless given there, and ENTENTE_STORE is "none" (no run recorded) unless given there.
RunResult RunEntente(const std::vector<std::string>& args, const std::string& stdin_path = "",
                     const std::vector<std::string>& env = {});

// The same with standard output on a pseudo-terminal (so isatty(1) is true); `out` holds what
// the terminal received ("\r\n" line ends as the terminal writes them).
RunResult RunEntenteOnTerminal(const std::vector<std::string>& args,
                               const std::vector<std::string>& env = {});

// Starts `argv` (argv[0] is the program's path) without waiting: standard input from /dev/null,
// standard output and error into the files `out` and `err`, this process's environment.
pid_t SpawnProcess(const std::vector<std::string>& argv, const std::string& out,
                   const std::string& err);

// Waits for `pid`: its exit code, or 128 + the number of the signal that ended it.
int WaitExit(pid_t pid);

// A fresh empty directory under the system temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

std::string ReadFile(const std::string& path);
bool FileExists(const std::string& path);

}  // namespace entente::testing
