// SPDX-License-Identifier: MIT
#include "entente/core/spec.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(Spec, BareName) {
  Spec s = ParseSpec("median");
  EXPECT_EQ(s.name, "median");
  EXPECT_TRUE(s.args.empty());
  EXPECT_EQ(s.ToString(), "median");
}

TEST(Spec, ArgsKeepOrderAndNesting) {
  Spec s = ParseSpec(" perturb( salience_sd = 5 , model=eum(rounds=4,q=1) ) ");
  ASSERT_EQ(s.args.size(), 2u);
  EXPECT_EQ(s.args[0], (std::pair<std::string, std::string>{"salience_sd", "5"}));
  EXPECT_EQ(s.args[1].second, "eum(rounds=4,q=1)");
  EXPECT_EQ(s.ToString(), "perturb(salience_sd=5,model=eum(rounds=4,q=1))");
}

TEST(Spec, ExpressionValue) {
  Spec s = ParseSpec("compromise(weight=capability*salience)");
  EXPECT_EQ(s.args[0].second, "capability*salience");
}

TEST(Spec, MalformedSpecsSayWhere) {
  try {
    ParseSpec("eum(q=1");
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].message,
              "missing ')' at column 8; expected name or name(key=value, ...)");
  }
  EXPECT_THROW(ParseSpec("eum(q)"), InvalidInput);
  EXPECT_THROW(ParseSpec("eum(q=1,q=2)"), InvalidInput);
  EXPECT_THROW(ParseSpec("(q=1)"), InvalidInput);
  EXPECT_THROW(ParseSpec("eum(q=1) x"), InvalidInput);
  EXPECT_THROW(ParseSpec("eum(q=)"), InvalidInput);
}

}  // namespace
}  // namespace entente
