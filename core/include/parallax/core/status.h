// Expected failures as values: a Status says what failed and where (the input it concerns), and
// Result<T> carries either a value or such a Status. Exceptions are kept for programming errors.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace parallax {

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  // `subject` names the input the failure concerns (a URL, a path, a step); `message` says what
  // went wrong in words a user can act on.
  static Status Error(std::string subject, std::string message) {
    return Status(std::move(subject), std::move(message));
  }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const std::string& subject() const;
  const std::string& message() const;
  // "subject: message", or "ok".
  std::string ToString() const;

 private:
  Status(std::string subject, std::string message)
      : error_(Detail{std::move(subject), std::move(message)}) {}
  struct Detail {
    std::string subject;
    std::string message;
  };
  std::optional<Detail> error_;
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Status error) : state_(std::move(error)) {  // NOLINT
    assert(!std::get<Status>(state_).ok() && "a Result built from a Status must be an error");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  // The error; Status::Ok() when the result holds a value.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace parallax
