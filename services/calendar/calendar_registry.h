#ifndef OGI_SERVICES_CALENDAR_CALENDAR_REGISTRY_H_
#define OGI_SERVICES_CALENDAR_CALENDAR_REGISTRY_H_

// The calendar in force: the shipped arrangements overlaid with those loaded
// at run time. Readers take a snapshot (a shared pointer to an immutable
// WorkingCalendar) and keep using it while an administrator swaps in a new one.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "ogi/v1/calendar.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// Thread-safe.
class CalendarRegistry {
 public:
  // Starts from the built-in arrangements.
  CalendarRegistry();

  // The calendar in force now.
  std::shared_ptr<const WorkingCalendar> Current() const;

  // The calendar that would be in force with `years` added (replacing any
  // arrangement of the same year). INVALID_ARGUMENT as WorkingCalendar::Create.
  absl::StatusOr<std::shared_ptr<const WorkingCalendar>> With(
      const std::vector<v1::CalendarYear>& years) const;

  // Puts `calendar` in force and records where each of `years` came from
  // (e.g. "loaded by 管理员 at 2026-11-29 10:00").
  void Install(std::shared_ptr<const WorkingCalendar> calendar,
               const std::vector<int>& years, const std::string& source);

  // "builtin", the recorded source of a loaded year, or "" when the year has
  // no arrangement.
  std::string SourceOf(int year) const;

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const WorkingCalendar> current_ ABSL_GUARDED_BY(mu_);
  std::map<int, std::string> sources_ ABSL_GUARDED_BY(mu_);
};

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_CALENDAR_REGISTRY_H_
