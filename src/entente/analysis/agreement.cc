// SPDX-License-Identifier: MIT
// PLACEHOLDER: agreement-space analysis is being written.
#include "entente/analysis/agreement.h"
