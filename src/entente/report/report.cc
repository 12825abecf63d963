// SPDX-License-Identifier: MIT
#include "entente/report/report.h"
