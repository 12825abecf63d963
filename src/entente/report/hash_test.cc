// SPDX-License-Identifier: MIT
#include "entente/report/hash.h"

#include <gtest/gtest.h>

#include "entente/models/test_scenarios.h"

namespace entente {
namespace {

TEST(Sha256, KnownAnswersAcrossPaddingBoundaries) {
  // FIPS 180-2 examples, and lengths around the 55/56/64-byte padding edges (hashlib values).
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Sha256Hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(Sha256Hex(std::string(119, 'a')),
            "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(ScenarioHash, EqualScenariosHashEqualAndAnyChangeShows) {
  Scenario a = testing::Bdm1994();
  Scenario b = testing::Bdm1994();
  std::string h = ScenarioHash(a);
  EXPECT_EQ(h.substr(0, 7), "sha256:");
  EXPECT_EQ(h.size(), 7u + 64u);
  EXPECT_EQ(ScenarioHash(b), h);
  b.At(1, 0).salience->value = 41;
  EXPECT_NE(ScenarioHash(b), h);
  b = a;
  b.issues[0].anchors.push_back(Anchor{4, "strict"});
  EXPECT_NE(ScenarioHash(b), h);
  b = a;
  b.actors[0].capability.sources.push_back("src");
  EXPECT_NE(ScenarioHash(b), h);
  b = a;
  b.actors[0].capability.dist = Distribution{Distribution::Kind::kUniform, {0.05, 0.1}};
  EXPECT_NE(ScenarioHash(b), h);
}

TEST(ScenarioHash, CanonicalJsonHasSortedKeysAndEveryField) {
  Scenario s = testing::Bdm1994();
  std::string text = CanonicalScenarioJson(s).dump();
  EXPECT_EQ(text.substr(0, 64),
            "{\"actors\":[{\"capability\":{\"dist\":null,\"sources\":[],\"value\":0.08}");
  for (const char* key : {"\"as_of\"", "\"cells\"", "\"notes\"", "\"parties\"", "\"sources\"",
                          "\"no_deal\"", "\"options\"", "\"canonical\":1"}) {
    EXPECT_NE(text.find(key), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace entente
