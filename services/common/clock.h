#ifndef OGI_SERVICES_COMMON_CLOCK_H_
#define OGI_SERVICES_COMMON_CLOCK_H_

// The time source. Everything that needs "now" or "today" takes a Clock so that
// tests move time instead of sleeping.

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace ogi {

// China Standard Time: UTC+8 with no daylight saving since 1991, so a fixed
// offset is exact for every date ogi handles and needs no tzdata.
absl::TimeZone ChinaTimeZone();

// Abstract time source. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// The machine's real time.
class SystemClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(absl::Time start) : now_(start) {}
  absl::Time Now() const override;
  void Set(absl::Time t);
  void Advance(absl::Duration d);

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

// Today's civil date in Asia/Shanghai, whatever the machine's time zone.
absl::CivilDay TodayInChina(const Clock& clock);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_CLOCK_H_
