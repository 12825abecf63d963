// SPDX-License-Identifier: MIT
#include "entente/io/utf8.h"

#include <gtest/gtest.h>

namespace entente::io {
namespace {

TEST(Utf8, StripsOnlyALeadingBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBF"
                     "a"),
            "a");
  EXPECT_EQ(StripBom("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");
  EXPECT_EQ(StripBom("\xEF\xBB"), "\xEF\xBB");
}

TEST(Utf8, AcceptsValidText) {
  ValidationReport r;
  EXPECT_TRUE(CheckUtf8("Zürich, Kyiv — Київ, 😀\n", "f", r));
  EXPECT_TRUE(r.ok());
}

TEST(Utf8, ReportsEachBadByteWithLineAndCharacterColumn) {
  ValidationReport r;
  // line 2: "é" is one character, so the bad byte is column 3.
  EXPECT_FALSE(CheckUtf8("ok\né\xFFx\n\xC3(\n\xED\xA0\x80", "f.csv", r));
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r.problems()[0].ToString(),
            "f.csv:2:2: byte = '\\xFF': is not valid UTF-8; save the file as UTF-8");
  EXPECT_EQ(r.problems()[1].ToString(),
            "f.csv:3:1: byte = '\\xC3': is not valid UTF-8; save the file as UTF-8");
  // A surrogate (ED A0 80) is invalid: three bad bytes.
  EXPECT_EQ(r.problems()[2].where.line, 4);
  EXPECT_EQ(r.problems()[4].where.column, 3);
}

TEST(Utf8, RejectsOverlongAndOutOfRange) {
  for (const char* bad :
       {"\xC0\xAF", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80"}) {
    ValidationReport r;
    EXPECT_FALSE(CheckUtf8(bad, "", r)) << bad;
  }
}

TEST(Utf8, CapsTheList) {
  ValidationReport r;
  EXPECT_FALSE(CheckUtf8(std::string(30, '\xFF'), "f", r, 20));
  ASSERT_EQ(r.size(), 21u);
  EXPECT_EQ(r.problems()[20].message, "10 more invalid UTF-8 bytes not listed");
}

TEST(TextPositions, CountsCharactersNotBytes) {
  std::string text = "ab\nÄÖx\n\nz";
  TextPositions pos(text);
  EXPECT_EQ(pos.At(0).line, 1);
  EXPECT_EQ(pos.At(1).column, 2);
  auto x = pos.At(text.find('x'));
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 3);
  auto z = pos.At(text.find('z'));
  EXPECT_EQ(z.line, 4);
  EXPECT_EQ(z.column, 1);
  EXPECT_EQ(pos.At(1000).line, 4);
}

}  // namespace
}  // namespace entente::io
