// SPDX-License-Identifier: MIT
#include "entente/io/schema.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace entente::io {
namespace {

std::string Check(const char* schema, const std::string& doc, bool yaml = true) {
  Schema s(ParseJson(schema, "schema.json"));
  ValidationReport r;
  s.Validate(yaml ? ParseYaml(doc, "d.yaml") : ParseJson(doc, "d.json"), yaml ? "d.yaml" : "d.json",
             r);
  return r.ok() ? "ok" : r.ToString();
}

constexpr const char* kObject = R"({
  "type": "object", "required": ["id", "n"], "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "minLength": 1},
    "n": {"type": "number", "minimum": 0, "maximum": 10},
    "k": {"type": "integer", "minimum": 1},
    "tags": {"type": "array", "minItems": 2, "items": {"enum": ["a", "b", 3]}},
    "free": {"type": "object", "additionalProperties": {"type": "boolean"}}
  }
})";

TEST(Schema, ChecksTypesRequiredAndUnknownFields) {
  EXPECT_EQ(Check(kObject, "id: x\nn: 5\nk: 2\ntags: [a, 3]\nfree: {x: true}\n"), "ok");
  EXPECT_EQ(Check(kObject, "n: x\nnn: 1\n"),
            "d.yaml:1:1: id = '': required field is missing\n"
            "d.yaml:1:4: n: n = 'x': must be a number\n"
            "d.yaml:2:1: nn: nn = '1': unknown field; allowed: id, n, k, tags, free\n"
            "3 problems found\n");
  EXPECT_EQ(Check(kObject, "[1]"), "d.yaml:1:1: must be an object\n1 problem found\n");
}

TEST(Schema, ChecksRangesLengthsItemsAndEnums) {
  EXPECT_EQ(Check(kObject, "id: ''\nn: 11\nk: 1.5\ntags: [c]\nfree: {a: 1}\n"),
            "d.yaml:1:5: id: id = '': must not be empty\n"
            "d.yaml:2:4: n: n = '11': must be between 0 and 10\n"
            "d.yaml:3:4: k: k = '1.5': must be an integer\n"
            "d.yaml:4:7: tags: tags = '[...]': must list at least 2 items\n"
            "d.yaml:4:8: tags[0]: tags = 'c': must be one of: a, b, 3\n"
            "d.yaml:5:11: free.a: a = '1': must be true or false\n"
            "6 problems found\n");
  EXPECT_EQ(Check(kObject, "{\"id\": \"x\", \"n\": -1, \"k\": 0}", false),
            "d.json:1:18: n: n = '-1': must be between 0 and 10\n"
            "d.json:1:27: k: k = '0': must be >= 1\n2 problems found\n");
}

TEST(Schema, PlainYamlScalarsServeAsStrings) {
  // An unquoted YAML 2025 or true is text where the schema wants text; JSON types are strict.
  EXPECT_EQ(Check(kObject, "id: 2025\nn: 1\n"), "ok");
  EXPECT_EQ(Check(kObject, "{\"id\": 2025, \"n\": 1}", false),
            "d.json:1:8: id: id = '2025': must be a string\n1 problem found\n");
  EXPECT_EQ(Check(kObject, "id: x\nn: '1'\n"),
            "d.yaml:2:4: n: n = '1': must be a number\n1 problem found\n");
  EXPECT_EQ(Check(kObject, "id: x\nn: .nan\n"),
            "d.yaml:2:4: n: n = '.nan': must be a finite number\n1 problem found\n");
}

constexpr const char* kAlternatives = R"({
  "type": "object",
  "properties": {
    "q": {"$ref": "#/$defs/quantity"},
    "one": {"oneOf": [{"type": "number"}, {"type": "number", "minimum": 5}]}
  },
  "$defs": {
    "quantity": {"title": "a number or {value}", "anyOf": [{"type": "number"}, {"$ref": "#/$defs/cited"}]},
    "cited": {"type": "object", "required": ["value"], "additionalProperties": false,
              "properties": {"value": {"type": "number"}}}
  }
})";

TEST(Schema, AlternativesReportTheBranchOfTheRightType) {
  EXPECT_EQ(Check(kAlternatives, "q: 1\n"), "ok");
  EXPECT_EQ(Check(kAlternatives, "q: {value: 2}\n"), "ok");
  EXPECT_EQ(Check(kAlternatives, "q: high\n"),
            "d.yaml:1:4: q: q = 'high': must be a number or {value}\n1 problem found\n");
  EXPECT_EQ(Check(kAlternatives, "q: {value: high, x: 1}\n"),
            "d.yaml:1:12: q.value: value = 'high': must be a number\n"
            "d.yaml:1:18: q.x: x = '1': unknown field; allowed: value\n2 problems found\n");
  EXPECT_EQ(Check(kAlternatives, "one: 1\n"), "ok");
  EXPECT_EQ(Check(kAlternatives, "one: 6\n"),
            "d.yaml:1:6: one: one = '6': matches more than one of the allowed forms\n"
            "1 problem found\n");
}

TEST(Schema, FindsUnsupportedKeywords) {
  Value s = ParseJson(
      R"({"type": "object", "pattern": "x", "properties": {"a": {"format": "date"}}})", "s.json");
  EXPECT_EQ(Schema::UnsupportedKeywords(s),
            (std::vector<std::string>{"#: pattern", "#/properties/a: format"}));
}

TEST(ScenarioSchema, IsTheDocumentedFileAndUsesOnlySupportedKeywords) {
  std::ifstream in(std::string(ENTENTE_TEST_DATA_DIR) + "/../../docs/scenario.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(ScenarioSchemaText(), text.str());
  EXPECT_TRUE(Schema::UnsupportedKeywords(ParseJson(ScenarioSchemaText(), "s")).empty());
  ValidationReport r;
  EXPECT_TRUE(
      ScenarioSchema().Validate(ParseYaml("entente: 1\nactors: []\nissues: []\n", "m"), "m", r));
}

}  // namespace
}  // namespace entente::io
