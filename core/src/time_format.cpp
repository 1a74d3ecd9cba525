#include <ctime>

#include "parallax/core/env.h"
#include "parallax/core/finding.h"

namespace parallax {

std::string FormatIsoUtc(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const char* ToString(ClusterBasis basis) {
  switch (basis) {
    case ClusterBasis::kStatement:
      return "statement";
    case ClusterBasis::kQuantity:
      return "quantity";
    case ClusterBasis::kDate:
      return "date";
    case ClusterBasis::kAct:
      return "act";
    case ClusterBasis::kEvent:
      return "event";
  }
  return "statement";
}

const char* ToString(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAgree:
      return "agree";
    case Verdict::kConflict:
      return "conflict";
    case Verdict::kSingle:
      return "single";
  }
  return "single";
}

const char* ToString(FindingKind kind) {
  switch (kind) {
    case FindingKind::kQuantity:
      return "quantity";
    case FindingKind::kTime:
      return "time";
    case FindingKind::kAttribution:
      return "attribution";
    case FindingKind::kQuote:
      return "quote";
    case FindingKind::kPolarity:
      return "polarity";
    case FindingKind::kEntity:
      return "entity";
    case FindingKind::kOmission:
      return "omission";
  }
  return "quantity";
}

const char* ToString(Severity severity) {
  switch (severity) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
  }
  return "medium";
}

const char* ToString(ChangeStatus status) {
  switch (status) {
    case ChangeStatus::kNew:
      return "new";
    case ChangeStatus::kStillOpen:
      return "open";
    case ChangeStatus::kResolved:
      return "resolved";
  }
  return "new";
}

}  // namespace parallax
