// SPDX-License-Identifier: MIT
#include "entente/core/validate.h"

#include <cmath>

#include <gtest/gtest.h>

namespace entente {
namespace {

Scenario Small() {
  Scenario s;
  s.id = "t";
  s.actors = {{"A", "A", "", {1.0, {}}, std::nullopt}, {"B", "B", "", {2.0, {}}, std::nullopt}};
  s.issues = {Issue{.id = "X", .name = "X"}};
  s.ResizeCells();
  s.At(0, 0).position = Quantity{10, {}};
  s.At(0, 0).salience = Quantity{50, {}};
  s.At(1, 0).position = Quantity{90, {}};
  s.At(1, 0).salience = Quantity{50, {}};
  return s;
}

TEST(Validate, CleanScenarioPasses) {
  ValidationReport r;
  EXPECT_TRUE(ValidateScenario(Small(), LocationMap("f.yaml"), r));
  EXPECT_TRUE(r.ok());
}

TEST(Validate, ReportsEveryProblemAtItsPlace) {
  Scenario s = Small();
  s.At(0, 0).salience->value = 120;
  s.actors[1].capability.value = std::nan("");
  s.actors[1].id = "A";
  s.parties = {"Z"};
  LocationMap where("f.yaml");
  where.Set("cells[0][0].salience", Location{"f.yaml", 12, 15, "positions[0].salience"});
  ValidationReport r;
  EXPECT_FALSE(ValidateScenario(s, where, r));
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r.problems()[0].ToString(),
            "f.yaml: actors[1].id: id = 'A': duplicate actor id; ids must be unique");
  EXPECT_EQ(r.problems()[1].ToString(),
            "f.yaml: actors[1].capability: capability = 'nan': must be a finite number >= 0");
  EXPECT_EQ(r.problems()[2].ToString(),
            "f.yaml:12:15: positions[0].salience: salience = '120': must be between 0 and 100");
  EXPECT_EQ(r.problems()[3].ToString(),
            "f.yaml: parties[0]: parties = 'Z': names an unknown actor; parties must be actor ids");
  ValidationReport r2;
  s = Small();
  s.parties = {"Z"};
  s.At(1, 0).position.reset();
  s.At(1, 0).salience.reset();
  ValidateScenario(s, LocationMap(), r2);
  ASSERT_EQ(r2.size(), 2u);
  EXPECT_EQ(r2.problems()[0].message,
            "has 1 participating actor; an issue needs at least 2 actors with a position and a "
            "salience");
  EXPECT_EQ(r2.problems()[1].message, "names an unknown actor; parties must be actor ids");
}

}  // namespace
}  // namespace entente
