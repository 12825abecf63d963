// SPDX-License-Identifier: MIT
// The scenario vocabulary: actors, issues, the positions and saliences they hold, the parties
// whose consent a deal needs, and where things stand if talks fail. Knows nothing of files or
// models; io/ reads and writes it, models/ and analysis/ compute on it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace entente {

// An uncertain input: how Monte Carlo sweeps draw a value (sweep/). `value` of the enclosing
// Quantity stays the point estimate every deterministic run uses.
struct Distribution {
  enum class Kind { kNormal, kUniform, kTriangular, kEstimates };
  Kind kind = Kind::kNormal;
  // kNormal: {mean, sd} (truncated to the valid range); kUniform: {min, max};
  // kTriangular: {min, mode, max}; kEstimates: the experts' values, drawn from uniformly.
  std::vector<double> params;

  friend bool operator==(const Distribution&, const Distribution&) = default;
};

// One judged input value with the source ids it cites (ids refer to Scenario::sources), and
// optionally the distribution it is uncertain over.
struct Quantity {
  double value = 0.0;
  std::vector<std::string> sources;
  std::optional<Distribution> dist;

  friend bool operator==(const Quantity&, const Quantity&) = default;
};

struct Source {
  std::string id;
  std::string citation;
  std::string url;   // address; may be empty
  std::string date;  // free text, ISO 8601 preferred; may be empty

  friend bool operator==(const Source&, const Source&) = default;
};

struct Actor {
  std::string id;
  std::string name;
  std::string description;
  Quantity capability;                            // >= 0; only ratios matter
  std::optional<Quantity> no_deal_acceptability;  // 0..100, an analyst's summary, not a utility

  friend bool operator==(const Actor&, const Actor&) = default;
};

// A labelled point on a numeric scale ("Freeze on the current line" at 50).
struct Anchor {
  double at = 0.0;
  std::string label;

  friend bool operator==(const Anchor&, const Anchor&) = default;
};

// An issue is either a numeric scale [min, max] with labelled anchors, or an ordered list of
// named options. Options are held as the scale 0..k-1 with one anchor per option, so every model
// sees one kind of issue; `options` records that the issue was declared that way.
struct Issue {
  std::string id;
  std::string name;
  std::string description;
  double min = 0.0;
  double max = 100.0;
  std::vector<Anchor> anchors;       // sorted by `at` after validation
  std::vector<std::string> options;  // non-empty for option issues
  std::optional<Quantity> no_deal;   // where the issue stands if talks fail

  bool HasOptions() const { return !options.empty(); }
  double Range() const { return max - min; }

  friend bool operator==(const Issue&, const Issue&) = default;
};

// What one actor holds on one issue. An actor with no position does not take part in the issue.
struct Cell {
  std::optional<Quantity> position;    // on the issue's scale
  std::optional<Quantity> salience;    // 0..100
  std::optional<Quantity> capability;  // overrides Actor::capability on this issue
  std::vector<std::string> sources;    // sources that apply to the whole cell

  bool Empty() const { return !position && !salience && !capability && sources.empty(); }
  friend bool operator==(const Cell&, const Cell&) = default;
};

struct Scenario {
  std::string id;  // short name, e.g. "ukraine-2025"
  std::string title;
  std::string description;
  std::string as_of;  // date the inputs are frozen at
  std::string notes;  // free text: method, which numbers are judgments, ...
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  std::vector<std::vector<Cell>> cells;  // [actor][issue], always actors.size() x issues.size()
  std::vector<std::string> parties;      // actor ids whose consent a deal needs; empty = all

  // Lookups by id; -1 when absent.
  int ActorIndex(std::string_view id) const;
  int IssueIndex(std::string_view id) const;

  // Resizes `cells` to actors x issues, keeping what is there.
  void ResizeCells();

  const Cell& At(int actor, int issue) const { return cells[actor][issue]; }
  Cell& At(int actor, int issue) { return cells[actor][issue]; }

  // Effective capability of an actor on an issue (the per-issue override, else the actor's).
  double Capability(int actor, int issue) const;

  // True when the actor holds both a position and a salience on the issue.
  bool Participates(int actor, int issue) const;

  // Party actor indices (all actors when `parties` is empty).
  std::vector<int> PartyIndices() const;

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

}  // namespace entente
