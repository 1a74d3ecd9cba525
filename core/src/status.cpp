#include "parallax/core/status.h"

namespace parallax {

namespace {
const std::string kEmpty;
}

const std::string& Status::subject() const {
  return error_ ? error_->subject : kEmpty;
}
const std::string& Status::message() const {
  return error_ ? error_->message : kEmpty;
}

std::string Status::ToString() const {
  if (!error_) return "ok";
  if (error_->subject.empty()) return error_->message;
  return error_->subject + ": " + error_->message;
}

}  // namespace parallax
