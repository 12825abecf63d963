// SPDX-License-Identifier: MIT
#include "entente/models/params.h"

#include <gtest/gtest.h>

#include "entente/models/registry.h"

namespace entente {
namespace {

TEST(Registry, UnknownModelListsKnownOnes) {
  try {
    BuiltinModels().Create("medain");
    FAIL();
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 1u);
    EXPECT_EQ(e.report().problems()[0].value, "medain");
    EXPECT_NE(
        e.report().problems()[0].message.find("unknown model; known models: compromise, median"),
        std::string::npos);
  }
}

TEST(Registry, MistypedParameterListsValidOnes) {
  try {
    BuiltinModels().Create("median(wieght=equal)");
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].ToString(),
              "model spec 'median(wieght=equal)': wieght = 'equal': unknown parameter; valid "
              "parameters of 'median': weight");
  }
}

TEST(Registry, BadChoiceSaysWhatIsAllowed) {
  try {
    BuiltinModels().Create("compromise(weight=power)");
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.report().problems()[0].message,
              "must be one of: capability*salience, salience, capability, equal");
  }
}

TEST(Registry, CanonicalSpecFillsDefaults) {
  EXPECT_EQ(BuiltinModels().Canonical("median"), "median(weight=capability*salience)");
  EXPECT_EQ(BuiltinModels().Create("compromise( weight = salience )")->info().name, "compromise");
}

TEST(Params, TypesAndRangesChecked) {
  std::vector<ParamSpec> decl = {
      {.name = "q", .type = ParamType::kDouble, .default_value = "1", .min = 0, .max = 1},
      {.name = "rounds", .type = ParamType::kInt, .default_value = "10", .min = 1, .max = 1000},
      {.name = "flag", .type = ParamType::kBool, .default_value = "false"}};
  Params p = ResolveParams(ParseSpec("m(q=0.25)"), decl);
  EXPECT_DOUBLE_EQ(p.Double("q"), 0.25);
  EXPECT_EQ(p.Int("rounds"), 10);
  EXPECT_FALSE(p.Bool("flag"));
  try {
    ResolveParams(ParseSpec("m(q=2,rounds=1.5,flag=maybe)"), decl);
    FAIL();
  } catch (const InvalidInput& e) {
    ASSERT_EQ(e.report().size(), 3u);  // every problem at once
    EXPECT_EQ(e.report().problems()[0].message, "must be a number between 0 and 1");
    EXPECT_EQ(e.report().problems()[1].message, "must be an integer");
    EXPECT_EQ(e.report().problems()[2].message, "must be true or false");
  }
}

}  // namespace
}  // namespace entente
