#include "parallax/fetch/collect.h"
#include "ascii.h"

#include "collect_web.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace parallax::fetch {
namespace {

std::string Lower(std::string_view s) {
  return detail::AsciiLower(s);
}

bool IsHttpUrl(std::string_view s) {
  const std::string head = Lower(s.substr(0, 8));
  return head.starts_with("http://") || head.starts_with("https://");
}

// "ftp://...", "file:///..." and the like: a URL, but not one we fetch.
bool LooksLikeOtherUrl(std::string_view s) {
  const auto colon = s.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// The Content-Type a file's extension implies, "" to let the extractor sniff.
std::string ContentTypeForPath(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  const std::string ext = Lower(path.substr(dot + 1));
  if (ext == "txt") return "text/plain";
  if (ext == "html" || ext == "htm") return "text/html";
  return "";
}

// One unit of output in source order: a document or the error that replaced it.
using Item = Result<Document>;

Item FromBytes(const std::string& subject, std::string_view bytes, std::string_view url,
               std::string_view content_type, const CollectOptions& options, Clock& clock) {
  auto extracted = ExtractArticle(bytes, url, content_type, options.extract);
  if (!extracted.ok()) {
    return Status::Error(subject, "no article could be extracted: " + extracted.status().message());
  }
  Document doc = std::move(extracted).value();
  doc.fetched_at = FormatIsoUtc(clock.Now());
  doc.content_hash = ContentHash(doc.text);
  return doc;
}

bool IsWarcPath(std::string_view path) {
  const std::string lower = Lower(path);
  return lower.ends_with(".warc") || lower.ends_with(".warc.gz");
}

// Media types a WARC record may hold to become a document; "" lets the extractor sniff.
bool IsArticleType(std::string_view content_type) {
  std::string type = Lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.erase(0, 1);
  return type.empty() || type == "text/html" || type == "text/plain" ||
         type == "application/xhtml+xml";
}

// "2017-03-06T04:02:06Z" from a WARC-Date (fractional seconds dropped); "" when malformed.
std::string NormalizeWarcDate(std::string_view date) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (date.size() < kShape.size() + 1 || date.back() != 'Z') return "";
  for (size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = date[i] >= '0' && date[i] <= '9';
    if (kShape[i] == 'd' ? !digit : date[i] != kShape[i]) return "";
  }
  const std::string_view rest = date.substr(kShape.size(), date.size() - kShape.size() - 1);
  if (!rest.empty() &&
      (rest[0] != '.' || rest.size() < 2 ||
       !std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
    return "";
  }
  return std::string(date.substr(0, kShape.size())) + "Z";
}

// Appends one item per document-like record of the WARC file at `path` (see collect.h).
void FromWarc(const std::string& path, const CollectOptions& options, Clock& clock,
              std::vector<Result<Document>>& items) {
  auto reader = WarcReader::Open(path, options.warc);
  if (!reader.ok()) {
    items.push_back(reader.status());
    return;
  }
  size_t found = 0;
  WarcRecord record;
  while (true) {
    Result<bool> more = (*reader)->Next(record);
    if (!more.ok()) {
      items.push_back(more.status());
      return;
    }
    if (!*more) break;
    if ((record.type != "response" && record.type != "resource") || !IsHttpUrl(record.target_uri)) {
      continue;
    }
    const std::string subject = path + "#" + std::to_string(record.offset);
    std::string body;
    std::string content_type;
    if (record.type == "response") {
      if (!Lower(record.content_type).starts_with("application/http")) continue;
      auto http = ParseWarcHttpResponse(record.block, subject, options.max_file_bytes);
      if (!http.ok()) {
        ++found;
        items.push_back(http.status());
        continue;
      }
      if (http->status < 200 || http->status > 299 || !IsArticleType(http->content_type)) continue;
      body = std::move(http->body);
      content_type = std::move(http->content_type);
    } else {
      if (!IsArticleType(record.content_type)) continue;
      body = std::move(record.block);
      content_type = record.content_type;
    }
    ++found;
    Item item = FromBytes(subject, body, record.target_uri, content_type, options, clock);
    if (item.ok()) {
      item->url = record.target_uri;
      item->source = subject;
      if (std::string date = NormalizeWarcDate(record.date); !date.empty()) item->fetched_at = date;
    }
    items.push_back(std::move(item));
  }
  if (found == 0) {
    items.push_back(
        Status::Error(path, "the WARC file has no HTML or plain-text response or resource record"));
  }
}

// Writes every successful response to options.warc_output; the first failure, if any.
Status WriteWarc(const std::vector<Result<HttpResponse>>& responses, const CollectOptions& options,
                 Clock& clock) {
  WarcWriter::Options writer_options;
  writer_options.user_agent = options.warc_user_agent;
  auto writer = WarcWriter::Open(options.warc_output, clock.Now(), writer_options);
  if (!writer.ok()) return writer.status();
  for (const Result<HttpResponse>& response : responses) {
    if (!response.ok()) continue;
    if (Status s = (*writer)->Write(*response, clock.Now()); !s.ok()) return s;
  }
  return (*writer)->Close();
}

Item FromFile(const std::string& path, const CollectOptions& options, FileSystem& fs,
              Clock& clock) {
  auto bytes = fs.ReadFile(path, options.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  Item item =
      FromBytes(path, *bytes, options.saved_page_url, ContentTypeForPath(path), options, clock);
  if (item.ok()) {
    item->source = path;
    item->url = options.saved_page_url;
    // A saved page that names no outlet: its folder ("<outlet>/index.html") or file name says
    // where it came from better than nothing.
    if (item->outlet.empty()) {
      const std::filesystem::path p(path);
      const std::string stem = p.stem().string();
      item->outlet = (stem == "index" || stem == "article") && p.has_parent_path()
                         ? p.parent_path().filename().string()
                         : stem;
    }
  }
  return item;
}

}  // namespace

std::string ContentHash(std::string_view data) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH64(data.data(), data.size(), 0)));
  return hex;
}

namespace {

// Fetches `requests` (robots.txt permitting) and turns each answer into items: a document, an
// expanded feed or sitemap, or an error naming the URL. Successful responses are appended to
// `received` for the WARC.
std::vector<std::vector<Item>> FetchSources(const std::vector<HttpRequest>& requests,
                                            const CollectOptions& options, HttpClient& http,
                                            detail::RobotsGate* robots, Clock& clock,
                                            std::vector<Result<HttpResponse>>& received,
                                            bool expand_listings) {
  std::vector<std::vector<Item>> out(requests.size());
  std::vector<HttpRequest> allowed;
  std::vector<size_t> allowed_index;
  const std::vector<Status> verdicts =
      robots ? robots->Check(requests) : std::vector<Status>(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    if (!verdicts[i].ok()) {
      out[i].push_back(verdicts[i]);
      continue;
    }
    HttpRequest r = requests[i];
    if (options.page_cache) {
      if (auto cached = options.page_cache->LookupLatest(r.url)) {
        r.if_none_match = cached->etag;
        r.if_modified_since = cached->last_modified;
      }
    }
    allowed.push_back(std::move(r));
    allowed_index.push_back(i);
  }
  if (allowed.empty()) return out;
  const std::vector<Result<HttpResponse>> responses = http.FetchAll(allowed);
  for (size_t k = 0; k < allowed.size(); ++k) {
    const HttpRequest& request = allowed[k];
    std::vector<Item>& items = out[allowed_index[k]];
    if (k >= responses.size()) {
      items.push_back(Status::Error(request.url, "the HTTP client returned no result"));
      continue;
    }
    const Result<HttpResponse>& response = responses[k];
    if (!response.ok()) {
      items.push_back(response.status());
      continue;
    }
    const std::string& final_url = response->final_url.empty() ? request.url : response->final_url;
    if (response->status == 304 && options.page_cache) {
      // Not modified: the stored document stands, seen again now.
      if (auto cached = options.page_cache->LookupLatest(request.url)) {
        cached->url = final_url;
        cached->fetched_at = FormatIsoUtc(clock.Now());
        items.push_back(std::move(*cached));
        continue;
      }
      items.push_back(Status::Error(request.url, "server answered 304 but no copy is stored"));
      continue;
    }
    received.push_back(response);
    if (expand_listings) {
      std::vector<Status> listing_errors;
      detail::Listing listing = detail::ExpandListing(*response, http, options.max_listing_urls,
                                                      options.max_sitemap_depth, listing_errors);
      if (listing.is_listing) {
        for (Status& e : listing_errors) items.push_back(std::move(e));
        std::vector<HttpRequest> entries;
        for (const std::string& url : listing.urls) {
          HttpRequest r;
          r.url = url;
          r.user_named = false;  // found in a feed or sitemap: the address policy applies
          entries.push_back(std::move(r));
        }
        if (entries.empty()) {
          items.push_back(Status::Error(request.url, "the feed or sitemap lists no articles"));
        }
        for (auto& entry_items :
             FetchSources(entries, options, http, robots, clock, received, false)) {
          for (Item& item : entry_items) items.push_back(std::move(item));
        }
        continue;
      }
    }
    Item item =
        FromBytes(request.url, response->body, final_url, response->content_type, options, clock);
    if (item.ok()) {
      item->url = final_url;
      item->source.clear();
      item->etag = response->etag;
      item->last_modified = response->last_modified;
    }
    items.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Collected CollectDocuments(const std::vector<std::string>& sources, const CollectOptions& options,
                           HttpClient& http, FileSystem& fs, Clock& clock) {
  // Fetch all URLs in one batch first; remember which results belong to which source.
  std::vector<HttpRequest> requests;
  std::vector<std::optional<size_t>> url_index(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    if (IsHttpUrl(sources[i])) {
      url_index[i] = requests.size();
      HttpRequest r;
      r.url = sources[i];
      requests.push_back(std::move(r));
    }
  }
  std::vector<Result<HttpResponse>> received;
  std::vector<std::vector<Item>> fetched;
  if (!requests.empty()) {
    std::optional<detail::RobotsGate> robots;
    if (options.obey_robots) robots.emplace(http);
    fetched = FetchSources(requests, options, http, robots ? &*robots : nullptr, clock, received,
                           /*expand_listings=*/true);
  }
  Status warc_status;
  if (!options.warc_output.empty()) warc_status = WriteWarc(received, options, clock);

  std::vector<Item> items;
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::string& source = sources[i];
    if (url_index[i]) {
      for (Item& item : fetched[*url_index[i]]) items.push_back(std::move(item));
    } else if (LooksLikeOtherUrl(source)) {
      items.push_back(Status::Error(source, "unsupported URL scheme (only http and https)"));
    } else if (IsWarcPath(source) && fs.Exists(source) && !fs.IsDirectory(source)) {
      FromWarc(source, options, clock, items);
    } else if (fs.IsDirectory(source)) {
      auto files = fs.ListArticleFiles(source);
      if (!files.ok()) {
        items.push_back(files.status());
        continue;
      }
      if (files->empty()) {
        items.push_back(Status::Error(source, "directory contains no article files"));
        continue;
      }
      for (const std::string& file : *files) items.push_back(FromFile(file, options, fs, clock));
    } else if (fs.Exists(source)) {
      items.push_back(FromFile(source, options, fs, clock));
    } else {
      items.push_back(Status::Error(source, "not a URL, file or directory"));
    }
  }

  Collected out;
  for (Item& item : items) {
    if (!item.ok()) {
      out.errors.push_back(item.status());
      continue;
    }
    Document doc = std::move(item).value();
    doc.id = "d" + std::to_string(out.documents.size() + 1);
    out.documents.push_back(std::move(doc));
  }
  if (!warc_status.ok()) out.errors.push_back(warc_status);
  return out;
}

}  // namespace parallax::fetch
