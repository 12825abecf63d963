// SPDX-License-Identifier: MIT
// Files compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace entente {

struct EmbeddedFile {
  std::string_view name;
  std::string_view data;
};

}  // namespace entente
