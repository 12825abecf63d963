// SPDX-License-Identifier: MIT
// One libFuzzer target per reader: this harness compiled with ENTENTE_FUZZ_READER set to a
// name from fuzz::Readers() (fuzz/CMakeLists.txt). Findings: crashes, sanitizer reports, hangs,
// exceptions other than InvalidInput, and scenarios that do not survive a JSON round trip
// (check_input.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "check_input.h"

#ifndef ENTENTE_FUZZ_READER
#error "define ENTENTE_FUZZ_READER as a reader name of fuzz::Readers(), e.g. \"json\""
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const entente::fuzz::Reader* reader = [] {
    const entente::fuzz::Reader* r = entente::fuzz::FindReader(ENTENTE_FUZZ_READER);
    if (r == nullptr) {
      std::fprintf(stderr, "no reader named '%s' in fuzz::Readers()\n", ENTENTE_FUZZ_READER);
      std::abort();
    }
    return r;
  }();
  std::string why = reader->Check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!why.empty()) {
    std::fprintf(stderr, "entente fuzz finding (%s): %s\n", ENTENTE_FUZZ_READER, why.c_str());
    std::abort();
  }
  return 0;
}
