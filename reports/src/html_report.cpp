// The HTML report: one self-contained page with the Markdown report's sections. Every string from
// the report goes through Escape; the page has no scripts and loads nothing.
#include <cstdio>

#include "parallax/reports/reports.h"
#include "report_view.h"

namespace parallax::reports {
namespace {

// Text or attribute content.
std::string Escape(std::string_view raw) {
  const std::string s = SanitizeUtf8(raw);
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr const char* kStyle = R"css(
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.1rem}
.meta{color:#666;font-size:.9rem}.side{margin:.5rem 0 1rem}
blockquote{margin:.3rem 0 0 0;padding:.2rem .8rem;border-left:4px solid #ccc;background:#f7f7f7}
mark{background:#ffe08a;font-weight:600}.high{border-left:4px solid #c0392b;padding-left:.8rem}
.medium{border-left:4px solid #e67e22;padding-left:.8rem}.low{border-left:4px solid #aaa;padding-left:.8rem}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
)css";

class HtmlRenderer {
 public:
  explicit HtmlRenderer(const RunReport& r) : v_(r), r_(r) {}

  std::string Render() {
    out_ += "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // No scripts, no external requests: only the inline style sheet may apply.
    out_ +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out_ += "<title>Parallax report " + Escape(r_.run_id) + "</title>\n";
    out_ += "<style>";
    out_ += kStyle;
    out_ += "</style>\n</head>\n<body>\n";
    out_ += "<h1>Parallax report</h1>\n<p class=\"meta\">Run " + Escape(r_.run_id);
    if (!r_.started_at.empty()) out_ += ", started " + Escape(r_.started_at);
    if (!r_.finished_at.empty()) out_ += ", finished " + Escape(r_.finished_at);
    out_ += ".</p>\n";
    Summary();
    Conflicts();
    Agreements();
    Exclusives();
    Sources();
    Errors();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  std::string OutletLink(const std::string& doc_id) const {
    const std::string name = Escape(v_.OutletName(doc_id));
    const std::string_view url = v_.LinkUrl(doc_id);
    if (url.empty()) return name;
    return "<a href=\"" + Escape(url) + "\" rel=\"noopener noreferrer\">" + name + "</a>";
  }

  void Summary() {
    out_ += "<h2 id=\"summary\">Summary</h2>\n<ul>\n";
    out_ += "<li>" + Count(r_.documents.size(), "document") + " from " +
            Count(v_.outlet_count(), "outlet");
    if (v_.partial_count() > 0) out_ += " (" + std::to_string(v_.partial_count()) + " partial)";
    out_ += ".</li>\n";
    out_ += "<li>" + Count(v_.shared_facts(), "shared fact") +
            " (reported by two or more documents): " + std::to_string(v_.shared_agree()) +
            " agree, " + std::to_string(v_.shared_conflict()) + " conflict.</li>\n";
    out_ += "<li>" + Count(r_.findings.size(), "conflict");
    bool first = true;
    for (const auto& [kind, n] : v_.findings_by_kind()) {
      out_ += first ? ": " : ", ";
      first = false;
      out_ += ToString(kind);
      out_ += ' ';
      out_ += std::to_string(n);
    }
    out_ += ".</li>\n<li>" + Count(r_.errors.size(), "error") + ".</li>\n</ul>\n";
  }

  void Conflicts() {
    out_ += "<h2 id=\"conflicts\">Conflicts</h2>\n";
    if (v_.ranked_findings().empty()) {
      out_ += "<p>No conflicts found.</p>\n";
      return;
    }
    int n = 0;
    for (const Finding* f : v_.ranked_findings()) {
      out_ += "<section class=\"";
      out_ += ToString(f->severity);
      out_ += "\">\n<h3>" + std::to_string(++n) + ". " + Escape(f->summary) + "</h3>\n";
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", f->confidence);
      out_ += "<p class=\"meta\">";
      out_ += ToString(f->kind);
      out_ += ", ";
      out_ += ToString(f->severity);
      out_ += " severity, confidence ";
      out_ += conf;
      out_ += "</p>\n";
      for (const auto& value : f->values) {
        out_ += "<div class=\"side\"><strong>" + OutletLink(value.document_id) +
                "</strong>: " + Escape(value.value) + "\n";
        if (const Claim* c = v_.FindClaim(value.claim_id)) {
          const QuoteParts q = v_.Quote(*c, value);
          out_ += "<blockquote>" + Escape(q.before);
          if (!q.value.empty()) out_ += "<mark>" + Escape(q.value) + "</mark>";
          out_ += Escape(q.after) + "</blockquote>";
        }
        out_ += "</div>\n";
      }
      out_ += "</section>\n";
    }
  }

  void Agreements() {
    out_ += "<h2 id=\"agreements\">Agreements</h2>\n";
    if (v_.agreements_total() == 0) {
      out_ += "<p>No agreeing claims found.</p>\n";
      return;
    }
    out_ += "<ul>\n";
    for (const AgreementItem& item : v_.agreements()) {
      out_ += "<li>";
      for (size_t i = 0; i < item.document_ids.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += "<strong>" + OutletLink(item.document_ids[i]) + "</strong>";
      }
      out_ += ": \u201C" + Escape(item.representative->text) + "\u201D</li>\n";
    }
    if (v_.agreements_total() > v_.agreements().size()) {
      out_ += "<li>\u2026 and " + std::to_string(v_.agreements_total() - v_.agreements().size()) +
              " more.</li>\n";
    }
    out_ += "</ul>\n";
  }

  void Exclusives() {
    out_ += "<h2 id=\"exclusives\">Exclusives</h2>\n";
    if (v_.exclusives_total() == 0) {
      out_ += "<p>No claims reported by a single outlet.</p>\n";
      return;
    }
    out_ += "<ul>\n";
    for (const Claim* c : v_.exclusives()) {
      out_ += "<li><strong>" + OutletLink(c->document_id) + "</strong>: \u201C" + Escape(c->text) +
              "\u201D</li>\n";
    }
    if (v_.exclusives_total() > v_.exclusives().size()) {
      out_ += "<li>\u2026 and " + std::to_string(v_.exclusives_total() - v_.exclusives().size()) +
              " more.</li>\n";
    }
    out_ += "</ul>\n";
  }

  void Sources() {
    out_ += "<h2 id=\"sources\">Sources</h2>\n";
    if (r_.documents.empty()) {
      out_ += "<p>No documents.</p>\n";
      return;
    }
    out_ +=
        "<table>\n<tr><th>Document</th><th>Outlet</th><th>Title</th><th>Author</th>"
        "<th>Published</th><th>Partial</th></tr>\n";
    for (const auto& d : r_.documents) {
      std::string title = Escape(d.title);
      if (d.url.empty() && !d.source.empty()) title += " (file " + Escape(d.source) + ")";
      out_ += "<tr><td>" + Escape(d.id) + "</td><td>" + OutletLink(d.id) + "</td><td>" + title +
              "</td><td>" + Escape(d.author) + "</td><td>" + Escape(d.published.value_or("")) +
              "</td><td>" + (d.partial ? "yes" : "no") + "</td></tr>\n";
    }
    out_ += "</table>\n";
  }

  void Errors() {
    out_ += "<h2 id=\"errors\">Errors</h2>\n";
    if (r_.errors.empty()) {
      out_ += "<p>None.</p>\n";
      return;
    }
    out_ += "<ul>\n";
    for (const auto& e : r_.errors) out_ += "<li>" + Escape(e) + "</li>\n";
    out_ += "</ul>\n";
  }

  ReportView v_;
  const RunReport& r_;
  std::string out_;
};

}  // namespace

std::string RenderHtml(const RunReport& report) {
  return HtmlRenderer(report).Render();
}

}  // namespace parallax::reports
