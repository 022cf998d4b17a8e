#include "services/calendar/builtin_calendar.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/statusor.h"
#include "services/calendar/calendar_loader.h"

namespace ogi {
namespace calendar_internal {
// Defined in the generated builtin_calendar_data.cc.
extern const char kBuiltinCalendarJson[];
extern const std::size_t kBuiltinCalendarJsonSize;
}  // namespace calendar_internal

namespace {

[[noreturn]] void DieOnBadBuiltinData(const absl::Status& status) {
  std::fprintf(stderr, "ogi：内置日历无效：%s\n", status.ToString().c_str());
  std::abort();
}

}  // namespace

absl::string_view BuiltinCalendarJson() {
  return absl::string_view(calendar_internal::kBuiltinCalendarJson,
                           calendar_internal::kBuiltinCalendarJsonSize);
}

const std::vector<v1::CalendarYear>& BuiltinCalendarYears() {
  static const std::vector<v1::CalendarYear>* const years = [] {
    absl::StatusOr<std::vector<v1::CalendarYear>> parsed =
        ParseCalendarJson(BuiltinCalendarJson());
    if (!parsed.ok()) DieOnBadBuiltinData(parsed.status());
    return new std::vector<v1::CalendarYear>(*std::move(parsed));
  }();
  return *years;
}

const WorkingCalendar& BuiltinCalendar() {
  static const WorkingCalendar* const calendar = [] {
    absl::StatusOr<WorkingCalendar> created =
        WorkingCalendar::Create(BuiltinCalendarYears());
    if (!created.ok()) DieOnBadBuiltinData(created.status());
    return new WorkingCalendar(*std::move(created));
  }();
  return *calendar;
}

}  // namespace ogi
