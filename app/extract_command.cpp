// parallax extract SOURCE [--url URL] [--json]
#include <iostream>

#include "args.h"
#include "commands.h"
#include "parallax/core/env.h"
#include "parallax/fetch/collect.h"
#include "parallax/fetch/extract.h"
#include "parallax/reports/reports.h"

namespace parallax::app {
namespace {

constexpr const char* kExtractUsage = R"(Usage: parallax extract SOURCE [--url URL] [--json]

Prints one article's extracted text and metadata.

  SOURCE      an http(s) URL, or a saved HTML or plain-text file
  --url URL   the saved page's original address (gives the outlet and URL date hints)
  --json      print {url, outlet, title, author, published, language, text, ...} as JSON
)";

}  // namespace

int RunExtract(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(argv, {"--url"}, {"--json", "--help"});
  if (!parsed.ok()) {
    std::cerr << "parallax extract: " << parsed.status().ToString() << "\n\n" << kExtractUsage;
    return kExitUsage;
  }
  if (parsed->Has("--help")) {
    std::cout << kExtractUsage;
    return kExitOk;
  }
  if (parsed->positional.size() != 1) {
    std::cerr << "parallax extract: expected exactly one SOURCE\n\n" << kExtractUsage;
    return kExitUsage;
  }
  auto fs = NewPosixFileSystem();
  auto clock = NewSystemClock();
  auto http = fetch::NewBeastHttpClient(fetch::HttpOptions{});
  fetch::CollectOptions options;
  options.saved_page_url = parsed->Value("--url");
  const std::string& source = parsed->positional.front();
  fetch::Collected collected = fetch::CollectDocuments({source}, options, *http, *fs, *clock);
  for (const Status& error : collected.errors)
    std::cerr << "parallax: " << error.ToString() << "\n";
  if (collected.documents.empty()) return kExitFailure;
  const Document& doc = collected.documents.front();
  if (parsed->Has("--json")) {
    std::cout << reports::RenderExtractionJson(doc) << "\n";
  } else {
    std::cout << "Title:     " << doc.title << "\n"
              << "Outlet:    " << doc.outlet << "\n"
              << "Author:    " << doc.author << "\n"
              << "Published: " << doc.published.value_or("") << "\n"
              << "Language:  " << doc.language << "\n"
              << "URL:       " << (doc.url.empty() ? doc.source : doc.url) << "\n"
              << (doc.partial ? "Partial:   yes (teaser, truncated or not an article)\n" : "")
              << "\n"
              << doc.text << "\n";
  }
  return collected.errors.empty() ? kExitOk : kExitFailure;
}

}  // namespace parallax::app
