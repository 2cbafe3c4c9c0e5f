#pragma once
// Status and Result<T>: errors as values. Library exceptions are caught at the adapter
// (database, JSON, file system) and turned into a Status; nothing above platform/ throws.
#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace securebase {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a person or a file; message says which field and why
  kNotFound,
  kAlreadyExists,
  kConflict,  // the request clashes with the current state
  kFailedPrecondition,
  kIo,        // file system or database failure
  kDiskFull,  // nothing could be written because the disk is full; reads still work
  kInternal,
};

// One problem with one named field of some input ("answers.crr_03": "must be 1 to 7").
struct FieldError {
  std::string field;
  std::string message;
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  static Status Ok() { return {}; }
  static Status Invalid(std::string msg, std::vector<FieldError> fields = {}) {
    return {ErrorCode::kInvalidArgument, std::move(msg), std::move(fields)};
  }
  static Status InvalidField(std::string field, std::string msg) {
    std::string whole = field + ": " + msg;
    return {ErrorCode::kInvalidArgument, std::move(whole), {{std::move(field), std::move(msg)}}};
  }
  static Status NotFound(std::string msg) { return {ErrorCode::kNotFound, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {ErrorCode::kConflict, std::move(msg)}; }
  static Status Precondition(std::string msg) {
    return {ErrorCode::kFailedPrecondition, std::move(msg)};
  }
  static Status Io(std::string msg) { return {ErrorCode::kIo, std::move(msg)}; }
  static Status DiskFull(std::string msg) { return {ErrorCode::kDiskFull, std::move(msg)}; }
  static Status Internal(std::string msg) { return {ErrorCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  // Prefixes the message with context: "reading crr.json: " + message.
  Status WithContext(const std::string& context) const {
    Status s = *this;
    s.message_ = context + ": " + message_;
    return s;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::vector<FieldError> fields_;
};

// Either a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace securebase

#define SB_CONCAT_INNER(a, b) a##b
#define SB_CONCAT(a, b) SB_CONCAT_INNER(a, b)

// TRY(expr): returns the Status from the enclosing function when expr (a Status) is not ok.
#define TRY(expr)                                  \
  do {                                             \
    ::securebase::Status sb_try_status = (expr);   \
    if (!sb_try_status.ok()) return sb_try_status; \
  } while (0)

// TRY_ASSIGN(lhs, expr): evaluates expr (a Result<T>); returns its Status when not ok,
// otherwise moves the value into lhs ("auto x" or an existing variable).
#define TRY_ASSIGN(lhs, expr) TRY_ASSIGN_IMPL(SB_CONCAT(sb_result_, __COUNTER__), lhs, expr)
#define TRY_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                    \
  if (!tmp.ok()) return tmp.status();   \
  lhs = std::move(tmp).value()
