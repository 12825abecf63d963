// SPDX-License-Identifier: MIT
// PLACEHOLDER: being written (JSON/YAML/CSV readers). Replaced by the io work.
#include "entente/io/scenario_io.h"
