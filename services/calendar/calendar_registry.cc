#include "services/calendar/calendar_registry.h"

#include <utility>

#include "services/calendar/builtin_calendar.h"
#include "services/common/status_macros.h"

namespace ogi {

CalendarRegistry::CalendarRegistry()
    : current_(std::make_shared<const WorkingCalendar>(BuiltinCalendar())) {
  for (const v1::CalendarYear& year : BuiltinCalendarYears()) {
    sources_[year.year()] = "builtin";
  }
}

std::shared_ptr<const WorkingCalendar> CalendarRegistry::Current() const {
  absl::MutexLock lock(&mu_);
  return current_;
}

absl::StatusOr<std::shared_ptr<const WorkingCalendar>> CalendarRegistry::With(
    const std::vector<v1::CalendarYear>& years) const {
  OGI_ASSIGN_OR_RETURN(WorkingCalendar next, Current()->WithYears(years));
  return std::make_shared<const WorkingCalendar>(std::move(next));
}

void CalendarRegistry::Install(std::shared_ptr<const WorkingCalendar> calendar,
                               const std::vector<int>& years,
                               const std::string& source) {
  absl::MutexLock lock(&mu_);
  current_ = std::move(calendar);
  for (int year : years) sources_[year] = source;
}

std::string CalendarRegistry::SourceOf(int year) const {
  absl::MutexLock lock(&mu_);
  auto it = sources_.find(year);
  return it == sources_.end() ? "" : it->second;
}

}  // namespace ogi
