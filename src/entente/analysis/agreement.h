// SPDX-License-Identifier: MIT
// PLACEHOLDER: agreement-space analysis is being written.
#pragma once
