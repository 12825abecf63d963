// SPDX-License-Identifier: MIT
// GENIUS negotiation domains and utility profiles (XML), read into an AgreementSpace.
//
// Utility semantics are GENIUS's AdditiveUtilitySpace, exactly (specs/agreements.md):
//   u(o) = sum_i w_i * eval_i(o_i)
//   - weights w_i as written in the profile, not renormalised (a profile whose weights sum to
//     1.00005 has utilities up to 1.00005; GENIUS's getUtility would cap them at 1, we do not,
//     as in the reference data);
//   - discrete issue: eval = evaluation / (largest evaluation on the issue), 0 when that largest
//     evaluation is below 0.00001 (EvaluatorDiscrete.normalize);
//   - integer issue: eval = clamp(offset + slope * (v - lowerbound), 0, 1) (EvaluatorInteger);
//     its options are lowerbound..upperbound;
//   - real issue: eval = clamp(parameter1 * v + parameter0, 0, 1) for ftype "linear",
//     parameter0 for "constant" (EvaluatorReal); GENIUS outcomes on a real issue are
//     continuous, so the range is cut into `real_steps` equal steps (real_steps + 1 options);
//   - disagreement point d = the profile's <reservation value>, 0 when absent;
//   - <discount_factor> is read and reported, not applied: GENIUS discounts utilities and
//     reservation values alike by df^t, which leaves the frontier, Nash and KS points unchanged.
// Every number is read as the decimal written in the file, so ties stay exact (exact.h). NegMAS
// reads raw discrete evaluations without dividing by the maximum and gets other frontiers; we
// follow GENIUS.
//
// Errors: malformed XML (with the line and column pugixml reports) and every structural problem
// (missing issue, weight or evaluation, unknown value, bad number, ...) are collected over all
// files and thrown together as InvalidInput, each with its file and line. Never a crash.
#pragma once

#include <string>
#include <vector>

#include "entente/analysis/space.h"

namespace entente {

struct GeniusOptions {
  int real_steps = 10;  // a real issue [lo, hi] becomes lo, lo + (hi-lo)/10, ..., hi
};

struct GeniusProfileInfo {
  std::string file;
  bool has_reservation = false;
  double reservation = 0;  // utility units; 0 when absent
  bool has_discount = false;
  double discount_factor = 1;  // as written; 1 when absent
  double weights_sum = 0;
};

struct GeniusImport {
  AgreementSpace space;  // one party per profile, in the order given
  std::string domain_file;
  std::vector<GeniusProfileInfo> profiles;
};

// A document and the name used for it in problem locations (usually its path).
struct NamedXml {
  std::string name;
  std::string text;
};

GeniusImport ReadGeniusXml(const NamedXml& domain, const std::vector<NamedXml>& profiles,
                           const GeniusOptions& opt = {});

// Reads the files (unreadable files are problems too).
GeniusImport ReadGeniusFiles(const std::string& domain_path,
                             const std::vector<std::string>& profile_paths,
                             const GeniusOptions& opt = {});

}  // namespace entente
