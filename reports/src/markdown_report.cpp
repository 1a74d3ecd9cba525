// The Markdown report for people. Article text is data: every piece of it goes through
// EscapeInline, so it can neither inject HTML nor break a table or a quote.
#include <cstdio>

#include "parallax/reports/reports.h"
#include "report_view.h"

namespace parallax::reports {
namespace {

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// Text for one line: line breaks become spaces, '<', '>' and '&' become entities, Markdown
// punctuation is backslash-escaped; `at_line_start` also escapes what would open a heading,
// list or quote.
std::string EscapeInline(std::string_view raw, bool at_line_start = false) {
  const std::string s = SanitizeUtf8(raw);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  if (at_line_start) {
    while (i < s.size() && s[i] == ' ') ++i;  // leading spaces could make a code block
    size_t digits = i;
    while (digits < s.size() && IsAsciiDigit(s[digits])) ++digits;
    if (digits > i && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) {
      out.append(s, i, digits - i);  // "1. " would start an ordered list
      out += '\\';
      i = digits;
    } else if (i < s.size() && (s[i] == '#' || s[i] == '-' || s[i] == '+' || s[i] == '=')) {
      out += '\\';
    }
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Characters that would end the link destination are percent-encoded.
std::string LinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      case '"':
        out += "%22";
        break;
      case '\n':
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(const RunReport& r) : v_(r), r_(r) {}

  std::string Render() {
    Title();
    Summary();
    SinceLastRun();
    Conflicts();
    Agreements();
    Exclusives();
    Sources();
    Errors();
    return std::move(out_);
  }

 private:
  // The outlet name, linked to the document when it has an http(s) URL.
  std::string OutletLink(const std::string& doc_id) const {
    const std::string name = EscapeInline(v_.OutletName(doc_id));
    const std::string_view url = v_.LinkUrl(doc_id);
    return url.empty() ? name : "[" + name + "](" + LinkTarget(url) + ")";
  }

  void Title() {
    out_ += "# Parallax report\n\n";
    out_ += "Run " + EscapeInline(r_.run_id);
    if (!r_.started_at.empty()) out_ += ", started " + EscapeInline(r_.started_at);
    if (!r_.finished_at.empty()) out_ += ", finished " + EscapeInline(r_.finished_at);
    out_ += ".\n\n";
  }

  void Summary() {
    out_ += "## Summary\n\n";
    out_ += "- " + Count(r_.documents.size(), "document") + " from " +
            Count(v_.outlet_count(), "outlet");
    if (v_.partial_count() > 0) out_ += " (" + std::to_string(v_.partial_count()) + " partial)";
    for (size_t i = 0; i < r_.documents.size(); ++i) {
      out_ += i == 0 ? ": " : ", ";
      out_ += OutletLink(r_.documents[i].id);
      if (r_.documents[i].partial) out_ += " (partial)";
    }
    out_ += ".\n";
    size_t set_aside = 0;
    for (const auto& d : r_.documents) set_aside += d.event != 0 ? 1 : 0;
    if (set_aside > 0) {
      out_ += "- " + Count(set_aside, "document") +
              " set aside as reporting another event (compared only among themselves):";
      for (const auto& d : r_.documents) {
        if (d.event != 0)
          out_ += " " + OutletLink(d.id) + " (event " + std::to_string(d.event) + ")";
      }
      out_ += ".\n";
    }
    size_t copies = 0;
    for (const auto& d : r_.documents) copies += d.copy_of.empty() ? 0 : 1;
    if (copies > 0) {
      out_ += "- " + Count(copies, "document") +
              " copying an earlier one (wire copy, reprints), not counted as independent:";
      for (const auto& d : r_.documents) {
        if (!d.copy_of.empty())
          out_ += " " + OutletLink(d.id) + " (copy of " + OutletLink(d.copy_of) + ")";
      }
      out_ += ".\n";
    }
    out_ += "- " + Count(v_.shared_facts(), "shared fact") +
            " (reported by two or more documents): " + std::to_string(v_.shared_agree()) +
            " agree, " + std::to_string(v_.shared_conflict()) + " conflict.\n";
    out_ += "- " + Count(r_.findings.size(), "conflict");
    bool first = true;
    for (const auto& [kind, n] : v_.findings_by_kind()) {
      out_ += first ? ": " : ", ";
      first = false;
      out_ += ToString(kind);
      out_ += ' ';
      out_ += std::to_string(n);
    }
    out_ += ".\n";
    out_ += "- " + Count(r_.errors.size(), "error") + ".\n\n";
  }

  // New, still-open and resolved conflicts compared with the previous run of the same event;
  // nothing when there was none.
  void SinceLastRun() {
    const RunComparison& c = r_.since_last_run;
    if (!c.has_previous_run) return;
    out_ += "## Since last run\n\n";
    out_ += "Compared with the run started " +
            (c.previous_run_started_at.empty() ? std::string("earlier")
                                               : EscapeInline(c.previous_run_started_at)) +
            ".\n\n";
    if (c.changes.empty()) {
      out_ += "No conflicts in either run.\n\n";
      return;
    }
    const std::pair<ChangeStatus, const char*> groups[] = {{ChangeStatus::kNew, "New"},
                                                           {ChangeStatus::kStillOpen, "Still open"},
                                                           {ChangeStatus::kResolved, "Resolved"}};
    for (const auto& [status, label] : groups) {
      size_t n = 0;
      for (const auto& ch : c.changes) n += ch.status == status ? 1 : 0;
      out_ += "**" + std::string(label) + " (" + std::to_string(n) + ")**\n\n";
      if (n == 0) {
        out_ += "- None.\n\n";
        continue;
      }
      for (const auto& ch : c.changes) {
        if (ch.status != status) continue;
        out_ += "- " + EscapeInline(ch.summary) + " *(" + ToString(ch.kind);
        if (status == ChangeStatus::kResolved) {
          out_ +=
              ch.document_changed ? "; article changed" : "; no longer found, articles unchanged";
        }
        out_ += ")*\n";
      }
      out_ += '\n';
    }
  }

  void Conflicts() {
    out_ += "## Conflicts\n\n";
    if (v_.ranked_findings().empty()) {
      out_ += "No conflicts found.\n\n";
      return;
    }
    int n = 0;
    for (const Finding* f : v_.ranked_findings()) {
      out_ += "### " + std::to_string(++n) + ". " + EscapeInline(f->summary) + "\n\n";
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", f->confidence);
      out_ += '*';
      out_ += ToString(f->kind);
      out_ += ", ";
      out_ += ToString(f->severity);
      out_ += " severity, confidence ";
      out_ += conf;
      out_ += "*\n\n";
      for (const auto& value : f->values) {
        out_ += "**" + OutletLink(value.document_id) + "**: " + EscapeInline(value.value) + "\n\n";
        const Claim* c = v_.FindClaim(value.claim_id);
        if (c != nullptr) {
          const QuoteParts q = v_.Quote(*c, value);
          out_ += "> " + EscapeInline(q.before, true);
          if (!q.value.empty()) out_ += "**" + EscapeInline(q.value) + "**";
          out_ += EscapeInline(q.after) + "\n\n";
        } else if (const Document* d = v_.Doc(value.document_id);
                   d != nullptr && value.evidence.begin < value.evidence.end &&
                   value.evidence.end <= d->text.size()) {
          const std::string_view text = d->text;
          out_ += "> **" + EscapeInline(text.substr(value.evidence.begin, value.evidence.size())) +
                  "**\n\n";
        }
      }
    }
  }

  void Agreements() {
    out_ += "## Agreements\n\n";
    if (v_.agreements_total() == 0) out_ += "No agreeing claims found.\n";
    for (const AgreementItem& item : v_.agreements()) {
      out_ += "- ";
      for (size_t i = 0; i < item.document_ids.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += "**" + OutletLink(item.document_ids[i]) + "**";
      }
      out_ += ": " + EscapeInline(QuotedText(item.representative->text)) + "\n";
    }
    if (v_.agreements_total() > v_.agreements().size()) {
      out_ += "- \u2026 and " + std::to_string(v_.agreements_total() - v_.agreements().size()) +
              " more.\n";
    }
    out_ += '\n';
  }

  void Exclusives() {
    out_ += "## Exclusives\n\n";
    if (v_.exclusives_total() == 0) out_ += "No claims reported by a single outlet.\n";
    for (const Claim* c : v_.exclusives()) {
      out_ +=
          "- **" + OutletLink(c->document_id) + "**: " + EscapeInline(QuotedText(c->text)) + "\n";
    }
    if (v_.exclusives_total() > v_.exclusives().size()) {
      out_ += "- \u2026 and " + std::to_string(v_.exclusives_total() - v_.exclusives().size()) +
              " more.\n";
    }
    out_ += '\n';
  }

  void Sources() {
    out_ += "## Sources\n\n";
    if (r_.documents.empty()) {
      out_ += "No documents.\n\n";
      return;
    }
    out_ += "| Document | Outlet | Title | Author | Published | Partial | Event |\n";
    out_ += "|---|---|---|---|---|---|---|\n";
    for (const auto& d : r_.documents) {
      std::string title = EscapeInline(d.title);
      if (d.url.empty() && !d.source.empty()) {
        title += " (file " + EscapeInline(d.source) + ")";
      }
      out_ += "| " + EscapeInline(d.id) + " | " + OutletLink(d.id) + " | " + title + " | " +
              EscapeInline(d.author) + " | " + EscapeInline(d.published.value_or("")) + " | " +
              (d.partial ? "yes" : "no") + " | " + std::to_string(d.event) + " |\n";
    }
    out_ += '\n';
  }

  void Errors() {
    out_ += "## Errors\n\n";
    if (r_.errors.empty()) {
      out_ += "None.\n";
      return;
    }
    for (const auto& e : r_.errors) out_ += "- " + EscapeInline(e) + "\n";
  }

  ReportView v_;
  const RunReport& r_;
  std::string out_;
};

}  // namespace

std::string RenderMarkdown(const RunReport& report) {
  return MarkdownRenderer(report).Render();
}

}  // namespace parallax::reports
