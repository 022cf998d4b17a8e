#ifndef OGI_SERVICES_CALENDAR_CALENDAR_LOADER_H_
#define OGI_SERVICES_CALENDAR_CALENDAR_LOADER_H_

// Reading and writing the calendar file format (deploy/calendar/
// cn-holidays.json; see CalendarFileYear in ogi/v1/calendar.proto): one JSON
// object keyed by year, each value a year's arrangement with "YYYY-MM-DD"
// dates. Pure functions; thread-safe.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "ogi/v1/calendar.pb.h"

namespace ogi {

// Parses a calendar file into its arrangements, ascending by year, each
// passing ValidateCalendarYear. Returns INVALID_ARGUMENT, naming the year and
// field where there is one, e.g. "2019.off_days[3]: 2019-13-01 不是有效的日期",
// and otherwise starting "日历文件：", e.g. "日历文件：未包含任何年份", when:
//  - the text is longer than kMaxCalendarJsonBytes or nests deeper than
//    kMaxCalendarJsonDepth (json_bounds.h; checked before parsing);
//  - the text is not JSON, or its top level is not an object, or the object
//    is empty or repeats a key;
//  - a key is not a four-digit year (quoted cut to its first characters), or
//    a value is not an object;
//  - a value has an unknown field or a field of the wrong type;
//  - a date is not "YYYY-MM-DD" or not a real date;
//  - weekday_off_days, when present, differs from the off days that fall on
//    Monday–Friday;
//  - an arrangement breaks a rule of ValidateCalendarYear.
// CANCELLED or DEADLINE_EXCEEDED (CheckCallAlive) when the call it works for
// ends while the years are read.
absl::StatusOr<std::vector<v1::CalendarYear>> ParseCalendarJson(
    absl::string_view json);

// Converts one entry of a calendar file (the value under key `year`).
// Errors as ParseCalendarJson, for that entry.
absl::StatusOr<v1::CalendarYear> CalendarYearFromFile(
    int year, const v1::CalendarFileYear& entry);

// The calendar file for `years` (which must pass ValidateCalendarYear), with
// weekday_off_days filled in, so that ParseCalendarJson gives `years` back,
// sorted. For administrators to export and edit the loaded calendar.
std::string FormatCalendarJson(absl::Span<const v1::CalendarYear> years);

// `notice` as people should read it: a remark for the data's maintainers
// (from a ";" or "；" inside the closing parentheses to the ")") is left out,
// e.g. "…的通知 (2025-11-04; 文号未核实)" → "…的通知 (2025-11-04)". Any other
// text is returned unchanged.
std::string DisplayNotice(absl::string_view notice);

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_CALENDAR_LOADER_H_
