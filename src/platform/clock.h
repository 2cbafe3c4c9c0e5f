#pragma once
// Time as the app stores it: UTC milliseconds plus the person's UTC offset at that moment.
#include <chrono>
#include <cstdint>
#include <string>

namespace securebase {

struct Instant {
  int64_t utc_ms = 0;         // milliseconds since the Unix epoch, UTC
  int32_t offset_minutes = 0;  // local time = UTC + offset, at that instant
};

// The source of "now". Inject it; tests use FakeClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// Reads the system clock and the local zone's offset (from the TZ environment / tzdata).
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock that stands still until told to move. Thread-compatible.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start) {}
  Instant Now() const override { return now_; }
  void Set(Instant t) { now_ = t; }
  void AdvanceMs(int64_t ms) { now_.utc_ms += ms; }

 private:
  Instant now_;
};

// "2026-11-27" in the instant's local time.
std::string LocalDate(Instant t);
// "2026-11-27T21:05:00+01:00" (ISO 8601 with the stored offset).
std::string Iso8601(Instant t);
// Parses what Iso8601 writes, a "YYYY-MM-DD" date (local midnight at offset 0), or "Z".
// Returns false when the text is not one of those forms.
bool ParseIso8601(const std::string& text, Instant* out);

}  // namespace securebase
