#include "config.h"

#include <toml++/toml.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace parallax::app {
namespace {

// Collects the first validation error; every check names the key by its dotted path.
class Validator {
 public:
  explicit Validator(std::string file) : file_(std::move(file)) {}
  bool failed() const { return !error_.ok(); }
  const Status& error() const { return error_; }

  void Fail(const toml::source_region& where, const std::string& key, const std::string& what) {
    if (failed()) return;
    error_ =
        Status::Error(file_ + ":" + std::to_string(where.begin.line), "key '" + key + "' " + what);
  }

  // Rejects keys of `table` not in `known`.
  void OnlyKeys(const toml::table& table, const std::string& prefix,
                std::initializer_list<const char*> known) {
    for (auto&& [k, v] : table) {
      bool ok = false;
      for (const char* name : known) ok = ok || k.str() == name;
      if (!ok) {
        const auto& src = k.source().begin.line ? k.source() : v.source();
        Fail(src, prefix + std::string(k.str()), "is not a known setting");
      }
    }
  }

  void String(const toml::table& t, const std::string& prefix, const char* key, std::string& out,
              bool required = false) {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) Fail(t.source(), prefix + key, "is missing");
      return;
    }
    if (!n->is_string() || n->as_string()->get().empty()) {
      Fail(n->source(), prefix + key, "must be a non-empty string");
      return;
    }
    out = n->as_string()->get();
  }

  void Strings(const toml::table& t, const std::string& prefix, const char* key,
               std::vector<std::string>& out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    const toml::array* a = n->as_array();
    if (a == nullptr) {
      Fail(n->source(), prefix + key, "must be an array of strings");
      return;
    }
    for (size_t i = 0; i < a->size(); ++i) {
      const toml::node& e = *a->get(i);
      if (!e.is_string() || e.as_string()->get().empty()) {
        Fail(e.source().begin.line ? e.source() : n->source(),
             prefix + key + "[" + std::to_string(i) + "]", "must be a non-empty string");
        return;
      }
      out.push_back(e.as_string()->get());
    }
  }

  void Number(const toml::table& t, const std::string& prefix, const char* key, double& out,
              double lo, double hi) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    double v = 0;
    if (n->is_integer()) {
      v = static_cast<double>(n->as_integer()->get());
    } else if (n->is_floating_point()) {
      v = n->as_floating_point()->get();
    } else {
      Fail(n->source(), prefix + key, "must be a number");
      return;
    }
    if (!(v >= lo && v <= hi)) {
      std::ostringstream range;
      range << "must be between " << lo << " and " << hi;
      Fail(n->source(), prefix + key, range.str());
      return;
    }
    out = v;
  }

  void Integer(const toml::table& t, const std::string& prefix, const char* key, int64_t& out,
               int64_t lo, int64_t hi) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    if (!n->is_integer() || n->as_integer()->get() < lo || n->as_integer()->get() > hi) {
      Fail(n->source(), prefix + key,
           "must be an integer between " + std::to_string(lo) + " and " + std::to_string(hi));
      return;
    }
    out = n->as_integer()->get();
  }

  // A date given as a TOML local date (2025-11-03) or a string "2025-11-03".
  void Date(const toml::table& t, const std::string& prefix, const char* key, std::string& out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    if (n->is_date()) {
      const toml::date d = n->as_date()->get();
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      out = buf;
      return;
    }
    const std::string s = n->is_string() ? n->as_string()->get() : "";
    bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
    for (size_t i = 0; ok && i < s.size(); ++i) {
      if (i != 4 && i != 7) ok = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    }
    if (!ok) {
      Fail(n->source(), prefix + key, "must be a date YYYY-MM-DD");
      return;
    }
    out = s;
  }

 private:
  std::string file_;
  Status error_ = Status::Ok();
};

bool IsSlug(const std::string& s) {
  if (s.empty() || s[0] == '.') return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  }
  return true;
}

std::string Resolve(const std::filesystem::path& base, const std::string& p) {
  const std::filesystem::path path(p);
  return path.is_absolute() ? p : (base / path).lexically_normal().string();
}

}  // namespace

Result<RunConfig> LoadConfig(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::Error(path, "no such configuration file");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error(path, "cannot read: " + ec.message());
  if (size > kMaxConfigBytes) {
    return Status::Error(path, "configuration file is " + std::to_string(size) +
                                   " bytes, over the limit of " + std::to_string(kMaxConfigBytes));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return Status::Error(path, "cannot read");
  return ParseConfig(text.str(), path);
}

Result<RunConfig> ParseConfig(std::string_view text, const std::string& path) {
  std::error_code ec;
  if (text.size() > kMaxConfigBytes) {
    return Status::Error(
        path, "configuration is over the limit of " + std::to_string(kMaxConfigBytes) + " bytes");
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Status::Error(path + ":" + std::to_string(e.source().begin.line) + ":" +
                             std::to_string(e.source().begin.column),
                         std::string(e.description()));
  }
  RunConfig config;
  config.path = path;
  Validator v(path);
  v.OnlyKeys(root, "", {"database", "output", "politeness", "limits", "tls", "outlets", "events"});
  v.String(root, "", "database", config.database, true);
  v.String(root, "", "output", config.output, true);

  if (const toml::node* n = root.get("politeness")) {
    if (const toml::table* t = n->as_table()) {
      v.OnlyKeys(*t, "politeness.",
                 {"host_delay_seconds", "contact_url", "max_per_host", "concurrency"});
      v.Number(*t, "politeness.", "host_delay_seconds", config.host_delay_seconds, 0, 3600);
      v.String(*t, "politeness.", "contact_url", config.contact_url);
      int64_t per_host = config.max_per_host, concurrency = config.concurrency;
      v.Integer(*t, "politeness.", "max_per_host", per_host, 1, 16);
      v.Integer(*t, "politeness.", "concurrency", concurrency, 1, 256);
      config.max_per_host = static_cast<int>(per_host);
      config.concurrency = static_cast<int>(concurrency);
    } else {
      v.Fail(n->source(), "politeness", "must be a table");
    }
  }
  if (const toml::node* n = root.get("tls")) {
    if (const toml::table* t = n->as_table()) {
      v.OnlyKeys(*t, "tls.", {"ca_file"});
      v.String(*t, "tls.", "ca_file", config.ca_file);
    } else {
      v.Fail(n->source(), "tls", "must be a table");
    }
  }
  if (const toml::node* n = root.get("limits")) {
    if (const toml::table* t = n->as_table()) {
      v.OnlyKeys(*t, "limits.", {"max_articles_per_event", "max_body_bytes"});
      int64_t articles = static_cast<int64_t>(config.max_articles_per_event);
      int64_t body = static_cast<int64_t>(config.max_body_bytes);
      v.Integer(*t, "limits.", "max_articles_per_event", articles, 1, 100'000);
      v.Integer(*t, "limits.", "max_body_bytes", body, 1024, int64_t{1} << 30);
      config.max_articles_per_event = static_cast<size_t>(articles);
      config.max_body_bytes = static_cast<uint64_t>(body);
    } else {
      v.Fail(n->source(), "limits", "must be a table");
    }
  }

  // [[outlets]] and [[events]]: arrays of tables.
  auto each_table = [&](const char* key,
                        const std::function<void(const toml::table&, const std::string&)>& visit) {
    const toml::node* n = root.get(key);
    if (n == nullptr) {
      v.Fail(root.source(), key, "is missing (give at least one [[" + std::string(key) + "]])");
      return;
    }
    const toml::array* a = n->as_array();
    if (a == nullptr || a->empty()) {
      v.Fail(n->source(), key, "must be one or more [[" + std::string(key) + "]] tables");
      return;
    }
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string prefix = std::string(key) + "[" + std::to_string(i) + "].";
      const toml::table* t = a->get(i)->as_table();
      if (t == nullptr) {
        v.Fail(a->get(i)->source(), prefix.substr(0, prefix.size() - 1), "must be a table");
        return;
      }
      visit(*t, prefix);
    }
  };
  each_table("outlets", [&](const toml::table& t, const std::string& prefix) {
    OutletConfig o;
    v.OnlyKeys(t, prefix, {"name", "feeds", "sitemaps", "base_urls"});
    v.String(t, prefix, "name", o.name, true);
    v.Strings(t, prefix, "feeds", o.feeds);
    v.Strings(t, prefix, "sitemaps", o.sitemaps);
    v.Strings(t, prefix, "base_urls", o.base_urls);
    if (!v.failed() && o.feeds.empty() && o.sitemaps.empty()) {
      v.Fail(t.source(), prefix + "feeds", "or 'sitemaps' must list at least one URL");
    }
    config.outlets.push_back(std::move(o));
  });
  each_table("events", [&](const toml::table& t, const std::string& prefix) {
    EventConfig e;
    v.OnlyKeys(t, prefix,
               {"name", "keywords", "entities", "exclude_keywords", "from", "until", "seed_urls",
                "min_keywords", "min_entities"});
    v.String(t, prefix, "name", e.name, true);
    if (!v.failed() && !IsSlug(e.name)) {
      v.Fail(t.get("name")->source(), prefix + "name",
             "must be a slug (letters, digits, '-', '_', '.')");
    }
    v.Strings(t, prefix, "keywords", e.keywords);
    v.Strings(t, prefix, "entities", e.entities);
    v.Strings(t, prefix, "exclude_keywords", e.exclude_keywords);
    v.Strings(t, prefix, "seed_urls", e.seed_urls);
    v.Date(t, prefix, "from", e.from);
    v.Date(t, prefix, "until", e.until);
    if (!v.failed() && e.keywords.empty() && e.entities.empty()) {
      v.Fail(t.source(), prefix + "keywords", "or 'entities' must list at least one term");
    }
    if (!v.failed() && !e.from.empty() && !e.until.empty() && e.until < e.from) {
      v.Fail(t.get("until")->source(), prefix + "until", "must not be before 'from'");
    }
    int64_t min_k = static_cast<int64_t>(std::min<size_t>(2, e.keywords.size()));
    int64_t min_e = static_cast<int64_t>(std::min<size_t>(1, e.entities.size()));
    v.Integer(t, prefix, "min_keywords", min_k, 0, static_cast<int64_t>(e.keywords.size()));
    v.Integer(t, prefix, "min_entities", min_e, 0, static_cast<int64_t>(e.entities.size()));
    e.min_keywords = static_cast<int>(min_k);
    e.min_entities = static_cast<int>(min_e);
    for (const auto& other : config.events) {
      if (!v.failed() && other.name == e.name) {
        v.Fail(t.get("name")->source(), prefix + "name", "repeats the event '" + e.name + "'");
      }
    }
    config.events.push_back(std::move(e));
  });
  if (v.failed()) return v.error();

  const std::filesystem::path base =
      std::filesystem::absolute(std::filesystem::path(path), ec).parent_path();
  config.database = Resolve(base, config.database);
  config.output = Resolve(base, config.output);
  if (!config.ca_file.empty()) config.ca_file = Resolve(base, config.ca_file);
  return config;
}

}  // namespace parallax::app
