// SPDX-License-Identifier: MIT
#include "entente/io/document.h"

#include <cmath>

#include <gtest/gtest.h>

namespace entente::io {
namespace {

std::string Problems(const InvalidInput& e) { return e.report().ToString(); }

template <typename Fn>
std::string ErrorOf(Fn fn) {
  try {
    fn();
  } catch (const InvalidInput& e) {
    return Problems(e);
  }
  return "no error";
}

TEST(ParseJson, KeepsPositionsOfValuesAndKeys) {
  std::string text =
      "\xEF\xBB\xBF{\r\n  \"a\": [1, -2.50e1, \"x\"],\r\n  \"ü\": {\"b\": null,\"c\":true}\n}";
  Value v = ParseJson(text, "f.json");
  ASSERT_EQ(v.kind, Value::Kind::kObject);
  EXPECT_EQ(v.line, 1);
  EXPECT_EQ(v.column, 1);
  const Value& a = v.members[0].value;
  EXPECT_EQ(v.members[0].line, 2);
  EXPECT_EQ(v.members[0].column, 3);
  EXPECT_EQ(a.column, 8);
  ASSERT_EQ(a.items.size(), 3u);
  EXPECT_EQ(a.items[1].number, -25);
  EXPECT_EQ(a.items[1].text, "-2.50e1");  // as written
  EXPECT_EQ(a.items[1].column, 12);
  EXPECT_EQ(a.items[2].column, 21);
  EXPECT_EQ(a.items[2].text, "x");
  const Value& u = v.members[1].value;
  EXPECT_EQ(v.members[1].key, "ü");
  EXPECT_EQ(u.line, 3);
  EXPECT_EQ(u.column, 8);  // columns count characters: "ü" is one
  EXPECT_EQ(u.members[1].column, 19);
  EXPECT_EQ(u.members[1].value.column, 23);
  EXPECT_TRUE(u.members[1].value.boolean);
}

TEST(ParseJson, SyntaxErrorsCarryLineAndColumn) {
  EXPECT_EQ(ErrorOf([] { ParseJson("{\n  \"a\": 1,\n  \"b\" 2\n}", "f.json"); }),
            "f.json:3:7: JSON syntax error: syntax error while parsing object separator - "
            "unexpected number literal; expected ':'\n1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseJson("", "f.json"); }),
            "f.json:1:1: JSON syntax error: syntax error while parsing value - unexpected end of "
            "input; expected '[', '{', or a literal\n1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseJson("{\"a\": NaN}", "f.json"); }),
            "f.json:1:7: JSON syntax error: syntax error while parsing value - invalid literal; "
            "last read: '\"a\": N'\n1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseJson("[1e999]", "f.json"); }),
            "f.json:1:6: JSON syntax error: number overflow parsing '1e999'\n1 problem found\n");
}

TEST(ParseJson, ReportsDuplicateKeysAndDeepNesting) {
  EXPECT_EQ(ErrorOf([] { ParseJson("{\"a\": {\"k\": 1, \"k\": 2}, \"a\": 3}", "f.json"); }),
            "f.json:1:16: a.k: k = '': duplicate key; each key may appear once in an object\n"
            "f.json:1:25: a: a = '': duplicate key; each key may appear once in an object\n"
            "2 problems found\n");
  std::string deep(100000, '[');
  EXPECT_EQ(ErrorOf([&] { ParseJson(deep, "f.json"); }),
            "f.json:1:65: [0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
            "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
            "[0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting deeper than 64 levels\n"
            "1 problem found\n");
}

TEST(ParseYaml, TypesPlainScalarsAndKeepsPositions) {
  std::string text =
      "a: 60\nb: '60'\nc: 2025-02-12\nd: .inf\ne: true\nf:\ng: ~\nh: 12abc\n"
      "list:\n  - {x: 1, y: \"Zürich\"}\n  - -0.5\n";
  Value v = ParseYaml(text, "f.yaml");
  auto get = [&](const char* k) { return *v.Find(k); };
  EXPECT_EQ(get("a").kind, Value::Kind::kNumber);
  EXPECT_TRUE(get("a").plain);
  EXPECT_EQ(get("b").kind, Value::Kind::kString);
  EXPECT_FALSE(get("b").IsStringLike() && get("b").plain);
  EXPECT_EQ(get("c").kind, Value::Kind::kString);
  EXPECT_EQ(get("d").kind, Value::Kind::kNumber);
  EXPECT_EQ(get("d").number, HUGE_VAL);
  EXPECT_EQ(get("e").kind, Value::Kind::kBool);
  EXPECT_EQ(get("f").kind, Value::Kind::kNull);
  EXPECT_EQ(get("f").text, "");
  EXPECT_EQ(get("g").text, "~");
  EXPECT_EQ(get("h").kind, Value::Kind::kString);
  EXPECT_EQ(get("h").line, 8);
  EXPECT_EQ(get("h").column, 4);
  const Value& list = get("list");
  EXPECT_EQ(list.items[0].members[1].value.text, "Zürich");
  EXPECT_EQ(list.items[0].members[1].value.line, 10);
  EXPECT_EQ(list.items[0].members[1].value.column, 15);
  EXPECT_EQ(list.items[1].number, -0.5);
  EXPECT_EQ(list.items[1].line, 11);
  EXPECT_EQ(list.items[1].column, 5);
}

TEST(ParseYaml, CrlfAndBomDoNotShiftPositions) {
  Value v = ParseYaml(
      "\xEF\xBB\xBF"
      "a: 1\r\nbé: [x, y]\r\n",
      "f.yaml");
  EXPECT_EQ(v.members[1].key, "bé");
  EXPECT_EQ(v.members[1].line, 2);
  EXPECT_EQ(v.members[1].value.items[1].line, 2);
  EXPECT_EQ(v.members[1].value.items[1].column, 9);
}

TEST(ParseYaml, ExpandsAliasesWithinABudget) {
  Value v = ParseYaml("base: &b {x: 1}\ncopy: *b\n", "f.yaml");
  EXPECT_EQ(v.Find("copy")->members[0].value.number, 1);
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  EXPECT_NE(ErrorOf([&] { ParseYaml(bomb, "f.yaml"); }).find("expands to more than 100000 values"),
            std::string::npos);
}

TEST(ParseYaml, RejectsStructuralMistakes) {
  EXPECT_EQ(ErrorOf([] { ParseYaml("a: 1\na: 2\n", "f.yaml"); }),
            "f.yaml:2:1: a: a = '': duplicate key; each key may appear once in an object\n"
            "1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseYaml("? [a]\n: 1\n", "f.yaml"); }),
            "f.yaml:1:3: a key must be text, not a list or an object\n1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseYaml("a: 1\n---\nb: 2\n", "f.yaml"); }),
            "f.yaml: the file holds more than one YAML document (separated by ---); expected one\n"
            "1 problem found\n");
  EXPECT_EQ(ErrorOf([] { ParseYaml("a: [1, 2\nb: 3\n", "f.yaml"); }),
            "f.yaml:2:2: YAML syntax error: end of sequence flow not found\n1 problem found\n");
  EXPECT_EQ(ErrorOf([] {
              ParseYaml(std::string(5000, '[') + std::string(5000, ']'), "f.yaml");
            }).substr(0, 12),
            "f.yaml:1:65:");
  EXPECT_EQ(ErrorOf([] { ParseYaml("a: \xFF\n", "f.yaml"); }),
            "f.yaml:1:4: byte = '\\xFF': is not valid UTF-8; save the file as UTF-8\n"
            "1 problem found\n");
}

Value Sample() {
  Value doc = Value::Object();
  doc.Add("id", Value::String("x"));
  doc.Add("n", Value::Number(0.1));
  doc.Add("yes", Value::String("yes"));
  doc.Add("60", Value::String("60"));
  doc.Add("text", Value::String("line 1\nline \"2\"\t\\ — ü\x01\xC2\x85"));
  doc.Add("empty", Value::Array());
  Value& list = doc.Add("list", Value::Array());
  Value& obj = list.Push(Value::Object());
  obj.Add("a", Value::Number(-1e-300));
  obj.Add("b", Value::String("United States"));
  Value& nested = obj.Add("nested", Value::Array());
  nested.Push(Value::Array()).Push(Value::String("x: y, #z"));
  list.Push(Value::String(""));
  list.Push(Value::String(std::string(120, 'a')));
  return doc;
}

void ExpectSame(const Value& a, const Value& b) {
  ASSERT_EQ(a.kind, b.kind);
  if (a.kind == Value::Kind::kNumber) {
    EXPECT_EQ(a.number, b.number);
  }
  if (a.kind == Value::Kind::kString) {
    EXPECT_EQ(a.text, b.text);
  }
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t k = 0; k < a.items.size(); ++k) ExpectSame(a.items[k], b.items[k]);
  ASSERT_EQ(a.members.size(), b.members.size());
  for (size_t k = 0; k < a.members.size(); ++k) {
    EXPECT_EQ(a.members[k].key, b.members[k].key);
    ExpectSame(a.members[k].value, b.members[k].value);
  }
}

TEST(Print, JsonAndYamlReadBackToTheSameValues) {
  Value doc = Sample();
  {
    SCOPED_TRACE(PrintJson(doc));
    ExpectSame(ParseJson(PrintJson(doc), "p.json"), doc);
  }
  {
    SCOPED_TRACE(PrintYaml(doc));
    ExpectSame(ParseYaml(PrintYaml(doc), "p.yaml"), doc);
  }
}

TEST(Print, YamlIsReadable) {
  Value doc = Value::Object();
  doc.Add("entente", Value::Number(1));
  doc.Add("as_of", Value::String("2025-02-12"));
  Value& actors = doc.Add("actors", Value::Array());
  Value& a = actors.Push(Value::Object());
  a.Add("id", Value::String("USA"));
  a.Add("name", Value::String("United States"));
  Value& src = a.Add("capability", Value::Object());
  src.Add("value", Value::Number(80));
  src.Add("sources", Value::Array()).Push(Value::String("S1"));
  EXPECT_EQ(PrintYaml(doc),
            "entente: 1\n"
            "as_of: \"2025-02-12\"\n"
            "actors:\n"
            "  - {id: USA, name: United States, capability: {value: 80, sources: [S1]}}\n");
  EXPECT_EQ(PrintJson(doc),
            "{\n"
            "  \"entente\": 1,\n"
            "  \"as_of\": \"2025-02-12\",\n"
            "  \"actors\": [\n"
            "    {\"id\": \"USA\", \"name\": \"United States\", \"capability\": {\"value\": 80, "
            "\"sources\": [\"S1\"]}}\n"
            "  ]\n"
            "}\n");
}

}  // namespace
}  // namespace entente::io
