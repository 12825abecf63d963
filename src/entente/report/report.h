// SPDX-License-Identifier: MIT
// PLACEHOLDER: terminal tables and JSON/CSV writers are being written.
#pragma once
