// RenderJson output validates against docs/report.schema.json. Debian ships no C++ JSON-Schema
// validator, so SchemaValidator below implements the subset of draft 2020-12 the schema uses and
// refuses any other keyword, so the schema cannot silently rely on something unchecked.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "parallax/reports/reports.h"
#include "report_fixture.h"
#include "support/temp_dir.h"

namespace json = boost::json;

namespace {

// Validates instances against one schema document; supports type (string or array), required,
// properties, additionalProperties (boolean or schema), items, enum, minimum, maximum and $ref to
// "#/$defs/<name>" or "#/definitions/<name>". Annotations ($schema, $id, title, description,
// $defs) are ignored. Errors are JSON-pointer paths with a reason.
class SchemaValidator {
 public:
  explicit SchemaValidator(json::value root) : root_(std::move(root)) {}

  std::vector<std::string> Validate(const json::value& instance) {
    errors_.clear();
    Check(root_, instance, "");
    return errors_;
  }

 private:
  static bool HasType(const json::value& v, std::string_view type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_bool();
    if (type == "string") return v.is_string();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "number") return v.is_number();
    if (type == "integer") {
      if (v.is_int64() || v.is_uint64()) return true;
      return v.is_double() && std::floor(v.get_double()) == v.get_double();
    }
    return false;
  }

  void Fail(const std::string& path, const std::string& why) {
    errors_.push_back((path.empty() ? "/" : path) + ": " + why);
  }

  const json::value* Resolve(std::string_view ref) {
    for (std::string_view prefix : {"#/$defs/", "#/definitions/"}) {
      if (ref.substr(0, prefix.size()) != prefix) continue;
      const std::string section(prefix.substr(2, prefix.size() - 3));
      const auto* defs = root_.as_object().if_contains(section);
      if (defs == nullptr || !defs->is_object()) return nullptr;
      return defs->as_object().if_contains(ref.substr(prefix.size()));
    }
    return nullptr;
  }

  void Check(const json::value& schema, const json::value& v, const std::string& path) {
    if (schema.is_bool()) {
      if (!schema.get_bool()) Fail(path, "not allowed");
      return;
    }
    const json::object& s = schema.as_object();
    for (const auto& kv : s) {
      const std::string_view key = kv.key();
      const json::value& arg = kv.value();
      if (key == "$schema" || key == "$id" || key == "title" || key == "description" ||
          key == "$defs" || key == "definitions") {
        continue;
      } else if (key == "$ref") {
        const json::value* target = Resolve(arg.as_string());
        if (target == nullptr) {
          Fail(path, "unresolvable $ref " + std::string(arg.as_string()));
        } else {
          Check(*target, v, path);
        }
      } else if (key == "type") {
        bool ok = false;
        if (arg.is_string()) {
          ok = HasType(v, arg.get_string());
        } else {
          for (const auto& t : arg.as_array()) ok = ok || HasType(v, t.as_string());
        }
        if (!ok)
          Fail(path, "expected type " + json::serialize(arg) + ", got " + json::serialize(v));
      } else if (key == "enum") {
        bool ok = false;
        for (const auto& e : arg.as_array()) ok = ok || e == v;
        if (!ok) Fail(path, json::serialize(v) + " is not one of " + json::serialize(arg));
      } else if (key == "minimum" || key == "maximum") {
        if (!v.is_number()) continue;
        const double x = v.to_number<double>(), bound = arg.to_number<double>();
        if (key == "minimum" ? x < bound : x > bound) {
          Fail(path, json::serialize(v) + " is out of range (" + std::string(key) + " " +
                         json::serialize(arg) + ")");
        }
      } else if (key == "required") {
        if (!v.is_object()) continue;
        for (const auto& name : arg.as_array()) {
          if (!v.as_object().contains(name.as_string())) {
            Fail(path, "missing required field " + std::string(name.as_string()));
          }
        }
      } else if (key == "properties") {
        if (!v.is_object()) continue;
        for (const auto& p : arg.as_object()) {
          if (const auto* field = v.as_object().if_contains(p.key())) {
            Check(p.value(), *field, path + "/" + std::string(p.key()));
          }
        }
      } else if (key == "additionalProperties") {
        if (!v.is_object()) continue;
        const auto* known = s.if_contains("properties");
        for (const auto& field : v.as_object()) {
          if (known != nullptr && known->as_object().contains(field.key())) continue;
          const std::string field_path = path + "/" + std::string(field.key());
          if (arg.is_bool() && !arg.get_bool()) {
            Fail(field_path, "field not in the schema");
          } else {
            Check(arg, field.value(), field_path);
          }
        }
      } else if (key == "items") {
        if (!v.is_array()) continue;
        const auto& a = v.as_array();
        for (size_t i = 0; i < a.size(); ++i) Check(arg, a[i], path + "/" + std::to_string(i));
      } else {
        Fail(path, "schema keyword " + std::string(key) + " is not supported by this validator");
      }
    }
  }

  json::value root_;
  std::vector<std::string> errors_;
};

const std::string kSchemaPath = std::string(PARALLAX_SOURCE_DIR) + "/docs/report.schema.json";

SchemaValidator LoadSchema() {
  const std::string text = parallax::testing::ReadWholeFile(kSchemaPath);
  REQUIRE_FALSE(text.empty());
  json::error_code ec;
  json::value schema = json::parse(text, ec);
  REQUIRE_FALSE(ec);
  return SchemaValidator(std::move(schema));
}

std::vector<std::string> ValidateReport(const parallax::RunReport& r) {
  const json::value doc = json::parse(parallax::reports::RenderJson(r));
  return LoadSchema().Validate(doc);
}

// A report with every optional field at its other value (null vs set, partial, omission).
parallax::RunReport EdgeCaseReport() {
  auto r = parallax::testing::ThreeOutletReport();
  r.documents[1].title = "";
  r.findings.push_back({"f3",
                        parallax::FindingKind::kOmission,
                        "",
                        {"c8"},
                        "Only The Herald reports what the repairs cost.",
                        {{"d1", "", "", {}}, {"d3", "c8", "2000000 EUR", {0, 0}}},
                        1.0,
                        parallax::Severity::kLow});
  return r;
}

}  // namespace

TEST_CASE("the schema file parses and covers every top-level field of a real report") {
  const std::string text = parallax::testing::ReadWholeFile(kSchemaPath);
  const json::value schema = json::parse(text);
  const json::value doc = json::parse(parallax::reports::RenderJson(parallax::RunReport{}));
  std::set<std::string> required;
  for (const auto& name : schema.at("required").as_array())
    required.insert(name.as_string().c_str());
  for (const auto& field : doc.as_object()) CHECK(required.count(std::string(field.key())) == 1);
}

TEST_CASE("real reports validate against docs/report.schema.json") {
  SECTION("two outlets, no previous run") {
    const auto errors = ValidateReport(parallax::testing::TwoOutletReport());
    INFO(json::serialize(json::value_from(errors)));
    CHECK(errors.empty());
  }
  SECTION("three outlets with new, open and resolved changes since the last run") {
    const auto errors = ValidateReport(parallax::testing::ThreeOutletReport());
    INFO(json::serialize(json::value_from(errors)));
    CHECK(errors.empty());
  }
  SECTION("an omission without a claim and a document without a title") {
    const auto errors = ValidateReport(EdgeCaseReport());
    INFO(json::serialize(json::value_from(errors)));
    CHECK(errors.empty());
  }
  SECTION("an empty run") {
    const auto errors = ValidateReport(parallax::RunReport{});
    INFO(json::serialize(json::value_from(errors)));
    CHECK(errors.empty());
  }
}

TEST_CASE("the validator rejects a report missing a required field") {
  json::value doc =
      json::parse(parallax::reports::RenderJson(parallax::testing::TwoOutletReport()));
  doc.at("documents").at(0).as_object().erase("content_hash");
  const auto errors = LoadSchema().Validate(doc);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "/documents/0: missing required field content_hash");
}

TEST_CASE("the validator rejects a value outside an enum") {
  json::value doc =
      json::parse(parallax::reports::RenderJson(parallax::testing::ThreeOutletReport()));
  doc.at("findings").at(0).as_object()["severity"] = "critical";
  doc.at("since_last_run").at("changes").at(2).as_object()["status"] = "closed";
  const auto errors = LoadSchema().Validate(doc);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("/findings/0/severity: \"critical\" is not one of", 0) == 0);
  CHECK(errors[1].rfind("/since_last_run/changes/2/status: \"closed\" is not one of", 0) == 0);
}

TEST_CASE("the validator rejects wrong types, unknown fields and negative offsets") {
  json::value doc =
      json::parse(parallax::reports::RenderJson(parallax::testing::TwoOutletReport()));
  doc.at("documents").at(1).as_object()["partial"] = "yes";
  doc.at("claims").at(0).as_object()["start"] = -1;
  doc.at("run").as_object()["host"] = "newsroom-3";
  const auto errors = LoadSchema().Validate(doc);
  INFO(json::serialize(json::value_from(errors)));
  CHECK(errors.size() == 3);
  CHECK(std::count_if(errors.begin(), errors.end(), [](const std::string& e) {
          return e.rfind("/documents/1/partial: expected type", 0) == 0;
        }) == 1);
  CHECK(std::find(errors.begin(), errors.end(),
                  "/claims/0/start: -1 is out of range (minimum 0)") != errors.end());
  CHECK(std::find(errors.begin(), errors.end(), "/run/host: field not in the schema") !=
        errors.end());
}

TEST_CASE("the validator refuses schema keywords it does not implement") {
  SchemaValidator v(json::parse(R"({"type": "string", "pattern": "^a"})"));
  const auto errors = v.Validate("b");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "/: schema keyword pattern is not supported by this validator");
}

TEST_CASE("the example in docs/report-format.md validates against the schema") {
  const std::string doc =
      parallax::testing::ReadWholeFile(std::string(PARALLAX_SOURCE_DIR) + "/docs/report-format.md");
  const size_t begin = doc.find("```json\n");
  REQUIRE(begin != std::string::npos);
  const size_t end = doc.find("```", begin + 8);
  REQUIRE(end != std::string::npos);
  const json::value example = json::parse(doc.substr(begin + 8, end - begin - 8));
  const auto errors = LoadSchema().Validate(example);
  INFO(json::serialize(json::value_from(errors)));
  CHECK(errors.empty());
}
