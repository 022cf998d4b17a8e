#include "services/common/clock.h"

namespace ogi {

absl::TimeZone ChinaTimeZone() { return absl::FixedTimeZone(8 * 60 * 60); }

absl::Time ManualClock::Now() const {
  absl::MutexLock lock(&mu_);
  return now_;
}

void ManualClock::Set(absl::Time t) {
  absl::MutexLock lock(&mu_);
  now_ = t;
}

void ManualClock::Advance(absl::Duration d) {
  absl::MutexLock lock(&mu_);
  now_ += d;
}

absl::CivilDay TodayInChina(const Clock& clock) {
  return absl::ToCivilDay(clock.Now(), ChinaTimeZone());
}

}  // namespace ogi
