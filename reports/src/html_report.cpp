// The HTML report: one self-contained page (inline CSS and SVG, no scripts, loads nothing) with a
// summary, the fact-by-outlet matrix, changes since the last run, conflicts side by side,
// agreements, exclusives, outlet cards and errors. Every string from the report goes through
// HtmlEscape.
#include <cstdio>

#include "html_util.h"
#include "parallax/reports/reports.h"

namespace parallax::reports {
namespace {

class HtmlRenderer {
 public:
  explicit HtmlRenderer(const RunReport& r) : v_(r), r_(r) {}

  std::string Render() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // No scripts, no external requests: only the inline style sheet and data: images may apply.
    out_ +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out_ += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out_ += "<title>Parallax report " + HtmlEscape(r_.run_id) + "</title>\n<style>";
    out_ += kHtmlStyle;
    out_ += "</style>\n</head>\n<body>\n<header>\n<h1>Parallax report</h1>\n<p class=\"meta\">Run ";
    out_ += HtmlEscape(r_.run_id);
    if (!r_.started_at.empty()) out_ += ", started " + HtmlTime(r_.started_at);
    out_ += ".</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#matrix\">Facts by outlet</a>";
    if (r_.since_last_run.has_previous_run) out_ += "<a href=\"#changes\">Since last run</a>";
    out_ +=
        "<a href=\"#conflicts\">Conflicts</a><a href=\"#agreements\">Agreements</a>"
        "<a href=\"#exclusives\">Exclusives</a><a href=\"#outlets\">Outlets</a>"
        "<a href=\"#errors\">Errors</a></nav>\n</header>\n<main>\n";
    Summary();
    AppendMatrix(v_, out_);
    SinceLastRun();
    Conflicts();
    Agreements();
    Exclusives();
    Outlets();
    Errors();
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  void Tile(size_t n, const std::string& label, bool alert = false) {
    out_ += alert ? "<div class=\"tile alert\">" : "<div class=\"tile\">";
    out_ += "<b>" + std::to_string(n) + "</b><span>" + label + "</span></div>\n";
  }

  void Summary() {
    out_ += "<section>\n<h2 id=\"summary\">Summary</h2>\n<div class=\"tiles\">\n";
    std::string outlets = v_.outlet_count() == 1 ? "outlet" : "outlets";
    if (r_.documents.size() != v_.outlet_count())
      outlets += ", " + Count(r_.documents.size(), "article");
    if (v_.partial_count() > 0) outlets += ", " + std::to_string(v_.partial_count()) + " partial";
    Tile(v_.outlet_count(), outlets);
    Tile(v_.shared_facts(), (v_.shared_facts() == 1 ? "shared fact: " : "shared facts: ") +
                                std::to_string(v_.shared_agree()) + " agree, " +
                                std::to_string(v_.shared_conflict()) + " conflict");
    Tile(r_.findings.size(), r_.findings.size() == 1 ? "conflict" : "conflicts",
         !r_.findings.empty());
    if (r_.since_last_run.has_previous_run) {
      size_t fresh = 0;
      for (const auto& c : r_.since_last_run.changes) fresh += c.status == ChangeStatus::kNew;
      Tile(fresh, "new since last run", fresh > 0);
    }
    Tile(r_.errors.size(), r_.errors.size() == 1 ? "error" : "errors", !r_.errors.empty());
    out_ += "</div>\n";
    AppendKindChart(v_, out_);
    if (r_.documents.empty()) {
      out_ += "<p>No articles were read.</p>\n</section>\n";
      return;
    }
    out_ += "<p>Outlets compared:</p>\n<ul class=\"outlets\">\n";
    for (const auto& d : r_.documents) {
      out_ += "<li>" + HtmlOutletLink(v_, d.id);
      if (!d.title.empty()) out_ += " \u2014 " + HtmlEscape(d.title);
      if (d.partial) out_ += " <span class=\"badge partial\">partial</span>";
      out_ += "</li>\n";
    }
    out_ += "</ul>\n</section>\n";
  }

  void SinceLastRun() {
    const RunComparison& c = r_.since_last_run;
    if (!c.has_previous_run) return;
    out_ += "<section>\n<h2 id=\"changes\">Since last run</h2>\n<p class=\"meta\">Compared with ";
    out_ += c.previous_run_started_at.empty() ? std::string("the previous run")
                                              : "the run of " + HtmlTime(c.previous_run_started_at);
    out_ += ".</p>\n";
    if (c.changes.empty()) {
      out_ += "<p>No conflicts in either run.</p>\n</section>\n";
      return;
    }
    const std::pair<ChangeStatus, const char*> groups[] = {{ChangeStatus::kNew, "New"},
                                                           {ChangeStatus::kStillOpen, "Still open"},
                                                           {ChangeStatus::kResolved, "Resolved"}};
    out_ += "<ul class=\"changes\">\n";
    for (const auto& [status, label] : groups) {
      for (const FindingChange& ch : c.changes) {
        if (ch.status != status) continue;
        out_ += "<li><span class=\"st st-";
        out_ += ToString(status);
        out_ += "\">";
        out_ += label;
        out_ += "</span><span>";
        if (!ch.finding_id.empty()) {
          out_ +=
              "<a href=\"#" + HtmlEscape(ch.finding_id) + "\">" + HtmlEscape(ch.summary) + "</a>";
        } else {
          out_ += HtmlEscape(ch.summary);
        }
        out_ += " <span class=\"meta\">(";
        out_ += ToString(ch.kind);
        if (status == ChangeStatus::kResolved) {
          out_ += ch.document_changed ? "; an article it cited was changed"
                                      : "; no longer found in unchanged articles";
        }
        out_ += ")</span></span></li>\n";
      }
    }
    out_ += "</ul>\n</section>\n";
  }

  void Side(const FindingValue& value) {
    out_ += "<div class=\"side\"><span class=\"who\">" + HtmlOutletLink(v_, value.document_id) +
            "</span><span class=\"val\">" + HtmlEscape(value.value) + "</span>\n";
    if (const Claim* c = v_.FindClaim(value.claim_id)) {
      const QuoteParts q = v_.Quote(*c, value);
      out_ += "<blockquote>" + HtmlEscape(q.before);
      if (!q.value.empty()) out_ += "<mark>" + HtmlEscape(q.value) + "</mark>";
      out_ += HtmlEscape(q.after) + "</blockquote>";
    } else if (const Document* d = v_.Doc(value.document_id);
               d != nullptr && value.evidence.begin < value.evidence.end &&
               value.evidence.end <= d->text.size()) {
      const std::string_view text = d->text;
      out_ += "<blockquote><mark>" +
              HtmlEscape(text.substr(value.evidence.begin, value.evidence.size())) +
              "</mark></blockquote>";
    }
    out_ += "</div>\n";
  }

  void Conflicts() {
    out_ += "<section>\n<h2 id=\"conflicts\">Conflicts</h2>\n";
    if (v_.ranked_findings().empty()) {
      out_ += "<p>No conflicts found.</p>\n</section>\n";
      return;
    }
    out_ +=
        "<p class=\"meta\">Most severe first. The words each value was read from are "
        "<mark>marked</mark>.</p>\n";
    int n = 0;
    for (const Finding* f : v_.ranked_findings()) {
      const char* severity = ToString(f->severity);
      out_ += "<article class=\"finding ";
      out_ += severity;
      out_ += "\" id=\"" + HtmlEscape(f->id) + "\">\n<h3>" + std::to_string(++n) + ". " +
              HtmlEscape(f->summary) + "</h3>\n<p class=\"meta\"><span class=\"badge sev-";
      out_ += severity;
      out_ += "\">";
      out_ += severity;
      out_ += " severity</span> ";
      out_ += ToString(f->kind);
      char conf[32];
      std::snprintf(conf, sizeof conf, ", confidence %.0f%%", f->confidence * 100);
      out_ += conf;
      out_ += "</p>\n<div class=\"sides\">\n";
      for (const auto& value : f->values) Side(value);
      out_ += "</div>\n</article>\n";
    }
    out_ += "</section>\n";
  }

  void Agreements() {
    out_ += "<section>\n<h2 id=\"agreements\">Agreements</h2>\n";
    if (v_.agreements_total() == 0) {
      out_ += "<p>No agreeing claims found.</p>\n</section>\n";
      return;
    }
    out_ += "<ul class=\"plain\">\n";
    for (const AgreementItem& item : v_.agreements()) {
      out_ += "<li>" + HtmlEscape(QuotedText(item.representative->text)) + " <span class=\"meta\">";
      for (size_t i = 0; i < item.document_ids.size(); ++i) {
        out_ += i > 0 ? ", " : "\u2014 ";
        out_ += HtmlOutletLink(v_, item.document_ids[i]);
      }
      out_ += "</span></li>\n";
    }
    if (v_.agreements_total() > v_.agreements().size()) {
      out_ += "<li>\u2026 and " + std::to_string(v_.agreements_total() - v_.agreements().size()) +
              " more.</li>\n";
    }
    out_ += "</ul>\n</section>\n";
  }

  void Exclusives() {
    out_ += "<section>\n<h2 id=\"exclusives\">Exclusives</h2>\n";
    if (v_.exclusives_total() == 0) {
      out_ += "<p>No claims reported by a single outlet.</p>\n</section>\n";
      return;
    }
    out_ +=
        "<p class=\"meta\">Reported by one outlet only; those with numbers and names first.</p>\n"
        "<ul class=\"plain\">\n";
    for (const Claim* c : v_.exclusives()) {
      out_ += "<li><strong>" + HtmlOutletLink(v_, c->document_id) +
              "</strong>: " + HtmlEscape(QuotedText(c->text)) + "</li>\n";
    }
    if (v_.exclusives_total() > v_.exclusives().size()) {
      out_ += "<li>\u2026 and " + std::to_string(v_.exclusives_total() - v_.exclusives().size()) +
              " more.</li>\n";
    }
    out_ += "</ul>\n</section>\n";
  }

  void Outlets() {
    out_ += "<section>\n<h2 id=\"outlets\">Outlets</h2>\n";
    if (r_.documents.empty()) {
      out_ += "<p>No documents.</p>\n</section>\n";
      return;
    }
    out_ += "<div class=\"cards\">\n";
    for (const auto& d : r_.documents) {
      out_ += "<div class=\"card\" id=\"doc-" + HtmlEscape(d.id) + "\">\n<h3>" +
              HtmlEscape(v_.OutletName(d.id));
      if (d.partial) out_ += " <span class=\"badge partial\">partial</span>";
      if (d.event != 0) out_ += " <span class=\"badge partial\">other event</span>";
      if (!d.copy_of.empty()) out_ += " <span class=\"badge partial\">copy</span>";
      out_ += "</h3>\n<p>";
      const std::string title = d.title.empty() ? "(no headline)" : HtmlEscape(d.title);
      const std::string_view url = v_.LinkUrl(d.id);
      if (url.empty()) {
        out_ += title;
      } else {
        out_ += "<a href=\"" + HtmlEscape(url) + "\" rel=\"noopener noreferrer\">" + title + "</a>";
      }
      out_ += "</p>\n<p class=\"meta\">";
      out_ += d.published ? "Published " + HtmlTime(*d.published) : "Publication date unknown";
      if (d.modified && d.modified != d.published) out_ += ", updated " + HtmlTime(*d.modified);
      out_ += "<br>" +
              (d.author.empty() ? std::string("Author unknown") : "By " + HtmlEscape(d.author));
      if (url.empty() && !d.source.empty()) out_ += "<br>Read from file " + HtmlEscape(d.source);
      out_ += "</p>\n";
      if (d.partial) {
        out_ +=
            "<p class=\"meta\">A teaser or truncated page: no omissions are claimed from it.</p>\n";
      }
      if (!d.copy_of.empty()) {
        out_ += "<p class=\"meta\">Reproduces the text of " + HtmlOutletLink(v_, d.copy_of) +
                " (wire copy or reprint): not counted as an independent account.</p>\n";
      }
      if (d.event != 0) {
        out_ += "<p class=\"meta\">Set aside: reports another event (event " +
                std::to_string(d.event) +
                "); compared only with documents of the same event.</p>\n";
      }
      out_ += "</div>\n";
    }
    out_ += "</div>\n</section>\n";
  }

  void Errors() {
    out_ += "<section>\n<h2 id=\"errors\">Errors</h2>\n";
    if (r_.errors.empty()) {
      out_ += "<p>None.</p>\n</section>\n";
      return;
    }
    out_ += "<ul>\n";
    for (const auto& e : r_.errors) out_ += "<li>" + HtmlEscape(e) + "</li>\n";
    out_ += "</ul>\n</section>\n";
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
