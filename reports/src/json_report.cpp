// The JSON contract (docs/report-format.md). Field order is fixed: readers may diff reports.
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "parallax/reports/reports.h"

namespace parallax::reports {
namespace {

namespace json = boost::json;

json::value Str(std::string_view s) {
  return json::string(SanitizeUtf8(s));
}

// null for "" (unknown / not applicable).
json::value StrOrNull(std::string_view s) {
  if (s.empty()) return nullptr;
  return Str(s);
}

json::value OptionalOrNull(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return StrOrNull(*s);
}

json::array Ids(const std::vector<std::string>& ids) {
  json::array out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back(Str(id));
  return out;
}

json::object DocumentJson(const Document& d) {
  json::object o;
  o["id"] = Str(d.id);
  o["url"] = StrOrNull(d.url);
  o["source"] = StrOrNull(d.source);
  o["outlet"] = Str(d.outlet);
  o["title"] = Str(d.title);
  o["author"] = StrOrNull(d.author);
  o["published"] = OptionalOrNull(d.published);
  o["modified"] = OptionalOrNull(d.modified);
  o["canonical_url"] = StrOrNull(d.canonical_url);
  o["language"] = StrOrNull(d.language);
  o["fetched_at"] = StrOrNull(d.fetched_at);
  o["content_hash"] = Str(d.content_hash);
  o["partial"] = d.partial;
  o["event"] = d.event;
  o["copy_of"] = StrOrNull(d.copy_of);
  o["text_length"] = static_cast<uint64_t>(d.text.size());
  o["text"] = Str(d.text);
  return o;
}

json::object ClaimJson(const Claim& c) {
  json::object o;
  o["id"] = Str(c.id);
  o["document"] = Str(c.document_id);
  o["field"] = c.field == ClaimField::kTitle ? "title" : "text";
  o["text"] = Str(c.text);
  o["start"] = c.span.begin;
  o["end"] = c.span.end;
  return o;
}

json::object ClusterJson(const Cluster& k) {
  json::object o;
  o["id"] = Str(k.id);
  o["claims"] = Ids(k.claim_ids);
  o["verdict"] = ToString(k.verdict);
  o["basis"] = ToString(k.basis);
  return o;
}

json::object FindingJson(const Finding& f,
                         const std::unordered_map<std::string, const Document*>& docs) {
  json::object o;
  o["id"] = Str(f.id);
  o["kind"] = ToString(f.kind);
  o["cluster"] = StrOrNull(f.cluster_id);
  o["claims"] = Ids(f.claim_ids);
  o["summary"] = Str(f.summary);
  json::array values;
  for (const auto& v : f.values) {
    json::object jv;
    jv["document"] = Str(v.document_id);
    auto it = docs.find(v.document_id);
    jv["outlet"] = it == docs.end() ? json::value(nullptr) : Str(it->second->outlet);
    jv["claim"] = StrOrNull(v.claim_id);
    jv["value"] = Str(v.value);
    jv["start"] = v.evidence.begin;
    jv["end"] = v.evidence.end;
    values.push_back(std::move(jv));
  }
  o["values"] = std::move(values);
  o["confidence"] = f.confidence;
  o["severity"] = ToString(f.severity);
  return o;
}

json::object SinceLastRunJson(const RunComparison& c) {
  json::object o;
  o["has_previous_run"] = c.has_previous_run;
  o["previous_run_started_at"] = StrOrNull(c.previous_run_started_at);
  json::array changes;
  for (const auto& ch : c.changes) {
    json::object jc;
    jc["status"] = ToString(ch.status);
    jc["finding_key"] = Str(ch.finding_key);
    jc["finding"] = StrOrNull(ch.finding_id);
    jc["kind"] = ToString(ch.kind);
    jc["summary"] = Str(ch.summary);
    jc["document_changed"] = ch.document_changed;
    changes.push_back(std::move(jc));
  }
  o["changes"] = std::move(changes);
  return o;
}

bool IsScalar(const json::value& v) {
  return !v.is_object() && !v.is_array();
}

void WriteScalar(const json::value& v, std::string& out) {
  if (v.is_double()) {
    // Shortest round-trip form ("0.85", not Boost's "8.5E-1"); JSON has no NaN or infinity.
    const double d = v.get_double();
    if (!std::isfinite(d)) {
      out += "null";
      return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, ec == std::errc() ? end : buf);
    return;
  }
  out += json::serialize(v);
}

// Two-space indentation; arrays of scalars stay on one line.
void WritePretty(const json::value& v, int indent, std::string& out) {
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ",\n";
      first = false;
      out.append(indent + 2, ' ');
      out += json::serialize(kv.key());
      out += ": ";
      WritePretty(kv.value(), indent + 2, out);
    }
    out += '\n';
    out.append(indent, ' ');
    out += '}';
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    bool scalars = true;
    for (const auto& e : a) scalars = scalars && IsScalar(e);
    if (scalars) {
      out += '[';
      for (size_t i = 0; i < a.size(); ++i) {
        if (i > 0) out += ", ";
        WriteScalar(a[i], out);
      }
      out += ']';
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      if (i > 0) out += ",\n";
      out.append(indent + 2, ' ');
      WritePretty(a[i], indent + 2, out);
    }
    out += '\n';
    out.append(indent, ' ');
    out += ']';
  } else {
    WriteScalar(v, out);
  }
}

}  // namespace

std::string RenderJson(const RunReport& report) {
  std::unordered_map<std::string, const Document*> docs;
  for (const auto& d : report.documents) docs.emplace(d.id, &d);

  json::object root;
  root["parallax_version"] = kParallaxVersion;
  json::object run;
  run["id"] = Str(report.run_id);
  run["started_at"] = StrOrNull(report.started_at);
  run["finished_at"] = StrOrNull(report.finished_at);
  root["run"] = std::move(run);

  json::array documents, claims, clusters, findings, errors;
  for (const auto& d : report.documents) documents.push_back(DocumentJson(d));
  for (const auto& c : report.claims) claims.push_back(ClaimJson(c));
  for (const auto& k : report.clusters) clusters.push_back(ClusterJson(k));
  for (const auto& f : report.findings) findings.push_back(FindingJson(f, docs));
  for (const auto& e : report.errors) errors.push_back(Str(e));
  root["documents"] = std::move(documents);
  root["claims"] = std::move(claims);
  root["clusters"] = std::move(clusters);
  root["findings"] = std::move(findings);
  root["errors"] = std::move(errors);
  root["since_last_run"] = SinceLastRunJson(report.since_last_run);

  std::string out;
  WritePretty(root, 0, out);
  out += '\n';
  return out;
}

std::string RenderExtractionJson(const Document& doc) {
  std::string out;
  WritePretty(DocumentJson(doc), 0, out);
  return out;
}

}  // namespace parallax::reports
