#ifndef OGI_SERVICES_CALENDAR_BUILTIN_CALENDAR_H_
#define OGI_SERVICES_CALENDAR_BUILTIN_CALENDAR_H_

// The State Council holiday arrangements that ship with the product
// (2019–2026), embedded at build time from deploy/calendar/cn-holidays.json so
// that the binary needs no data file at run time. Administrators add later
// years at run time (WorkingCalendar::WithYears). Thread-safe.

#include <vector>

#include "absl/strings/string_view.h"
#include "ogi/v1/calendar.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// The embedded calendar file, byte for byte.
absl::string_view BuiltinCalendarJson();

// The embedded arrangements, ascending by year; parsed on first use. Aborts
// the process if the embedded file does not parse: that is a build defect,
// which the calendar tests catch.
const std::vector<v1::CalendarYear>& BuiltinCalendarYears();

// A calendar of BuiltinCalendarYears(); built on first use. Aborts as above.
const WorkingCalendar& BuiltinCalendar();

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_BUILTIN_CALENDAR_H_
