#ifndef OGI_SERVICES_CALENDAR_WORKING_CALENDAR_H_
#define OGI_SERVICES_CALENDAR_WORKING_CALENDAR_H_

// The national working-day calendar (SPEC §3, legal-notes §4–5) and the
// arithmetic the statutory clocks are built on.
//
// A working day (工作日) is a make-up working day (调休上班) of a loaded
// arrangement, or a Monday–Friday that is not an official day off.
//
// A year is complete when its State Council arrangement is loaded and lists
// every statutory day of 《全国年节及纪念日放假办法》 (statutory_holidays.h) as
// a day off. Any other year is provisional (暂定): its statutory holidays
// that no loaded arrangement lists are computed from the 放假办法 and are days
// off, weekends stay days off, and no make-up working day is invented (the
// year's 调休 is not yet known). Anything computed across a day of a
// provisional year is marked provisional.
//
// Counting rule: day 1 is the day AFTER the start date; the start date itself
// never counts, even when it is a working day.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "ogi/v1/calendar.pb.h"
#include "services/calendar/statutory_holidays.h"

namespace ogi {

// The calendar's range: every date it accepts or computes lies in
// FirstCalendarDay()..LastCalendarDay(), and arrangements are for the years
// kFirstCalendarYear..kLastCalendarYear (ToCivilDay accepts 1900..9999, and
// an arrangement reaches into its neighbouring years).
inline constexpr int kFirstCalendarYear = 1901;
inline constexpr int kLastCalendarYear = 9998;
absl::CivilDay FirstCalendarDay();  // 1901-01-01
absl::CivilDay LastCalendarDay();   // 9998-12-31

// The most the published arrangements 2019–2026 (deploy/calendar/
// cn-holidays.json) have: days in one holiday (春节 2020, extended), days off
// on Monday–Friday and make-up working days in one year. Refusals quote them;
// a test checks them against the shipped data.
inline constexpr int kLongestPublishedHoliday = 10;
inline constexpr int kMostPublishedWeekdayOffDays = 19;
inline constexpr int kMostPublishedMakeupWorkdays = 8;

// Bounds no State Council arrangement comes near (the published maxima with
// a margin); they refuse a calendar that would silently move deadlines by
// months (e.g. one making all of 2027 a holiday).
inline constexpr int kMaxHolidayDays = 14;
inline constexpr int kMaxWeekdayOffDays = 25;
inline constexpr int kMaxMakeupWorkdays = 12;

// Text limits, in characters: a holiday's name ("国庆节、中秋节") and a
// notice's title with its number and date.
inline constexpr int kMaxHolidayNameLength = 100;
inline constexpr int kMaxNoticeLength = 500;

// Checks one year's arrangement on its own, as a calendar file names its
// fields. Returns OK, or INVALID_ARGUMENT naming the field and the rule, e.g.
// "2027.makeup_workdays[1]: 2027-02-14 同时被列为放假日". Rules:
//  - year is within kFirstCalendarYear..kLastCalendarYear;
//  - at least one notice; at least one holiday; notices and holiday names
//    pass ValidateText (not blank or invisible, one line, no control
//    characters, at most kMaxNoticeLength / kMaxHolidayNameLength);
//  - every holiday has set and real `from`/`to` dates, from <= to, at most
//    kMaxHolidayDays days, `days` equal to the length of from..to, and no two
//    holidays overlap;
//  - every date is real, unique in its list, and within the arrangement's
//    reach: 1 December of the previous year to 31 January of the next, and
//    within the calendar's range;
//  - off_days are exactly the days of the holidays (so every skipped day has
//    a name to show), at most kMaxWeekdayOffDays of them on Monday–Friday;
//  - at most kMaxMakeupWorkdays make-up working days, each on a Saturday or
//    Sunday and not a day off.
absl::Status ValidateCalendarYear(const v1::CalendarYear& year);

// As ValidateCalendarYear, naming the fields as LoadCalendarRequest.years
// does: `prefix` (e.g. "years[0].") before each field, and the holiday's
// dates as first_day and last_day, e.g.
// "years[0].holidays[1].last_day: 2027-01-31 早于 first_day（2027-02-01）".
absl::Status ValidateRequestedCalendarYear(const v1::CalendarYear& year,
                                           absl::string_view prefix);

// What the calendar says about one date.
struct DayInfo {
  absl::CivilDay day;
  v1::DayKind kind = v1::DAY_KIND_UNSPECIFIED;
  // The holiday's name ("春节") when kind is DAY_KIND_HOLIDAY; "" otherwise.
  std::string holiday_name;
  // True for a DAY_KIND_HOLIDAY that no loaded arrangement lists: a statutory
  // day of the 放假办法 in a provisional year.
  bool statutory_estimate = false;
  // The arrangement that declared the day a holiday or make-up working day;
  // 0 for ordinary weekdays and weekends. Differs from day.year() for days
  // such as 2018-12-31, declared by the 2019 arrangement.
  int arrangement_year = 0;
  // True when day.year() is complete (see the file comment). When false the
  // year is provisional: the kind may change once its arrangement (or the
  // rest of it) is published.
  bool year_loaded = false;

  bool IsWorkingDay() const {
    return kind == v1::DAY_KIND_WORKING_WEEKDAY ||
           kind == v1::DAY_KIND_MAKEUP_WORKDAY;
  }
};

// A day that a count crossed and that an explanation should mention: a holiday
// skipped, or a make-up working day counted.
struct NotableDay {
  DayInfo info;
  // For a counted make-up working day, its number in the count (1 for the
  // first working day after the start); 0 for a skipped holiday.
  int ordinal = 0;
};

// Consecutive notable days told as one: a holiday's days off in a row, or
// one counted make-up working day.
struct NotableRun {
  DayInfo first;        // kind and holiday name of the run
  absl::CivilDay last;  // == first.day for a single day
  int ordinal = 0;      // a make-up day's number in the count; 0 for holidays
};

// Groups `days` (in date order, as a count lists them) into runs: days off
// of the same holiday on consecutive dates, all published or all estimated
// (statutory_estimate), form one run; every make-up working day is its own.
std::vector<NotableRun> GroupNotableDays(const std::vector<NotableDay>& days);

// "2025-10-01至2025-10-08", or "2025-09-28" for a single day.
std::string RunDates(const NotableRun& run);

// The result of WorkingCalendar::AddWorkingDays.
struct WorkingDayCount {
  absl::CivilDay start;  // not counted
  int days = 0;          // the number of working days added
  absl::CivilDay end;    // the `days`-th working day after `start`
  // True when a day in (start, end] lies in a provisional year.
  bool provisional = false;
  // Those years, ascending.
  std::vector<int> provisional_years;
  // Holidays skipped and make-up working days counted in (start, end], in
  // date order. Ordinary weekdays and weekends are not listed.
  std::vector<NotableDay> notable_days;
};

// The result of WorkingCalendar::AddCalendarDays.
struct CalendarDayPeriod {
  absl::CivilDay start;        // not counted
  int days = 0;                // the number of calendar days added
  absl::CivilDay nominal_end;  // start + days
  // nominal_end, or the first working day after it when it is a day off.
  absl::CivilDay end;
  // True when a day in [nominal_end, end] lies in a provisional year (only
  // those days decide the result).
  bool provisional = false;
  std::vector<int> provisional_years;  // ascending
  // The days off in [nominal_end, end) that moved the end, in date order.
  std::vector<DayInfo> days_off;
};

// An immutable working-day calendar built from a set of yearly arrangements.
// A value type: cheap enough to copy, but usually shared as
// std::shared_ptr<const WorkingCalendar> and replaced as a whole when an
// administrator loads a year. Thread-safe: all methods are const.
class WorkingCalendar {
 public:
  // The largest `days` AddWorkingDays and AddCalendarDays accept (about ten
  // years); statutory periods are far shorter.
  static constexpr int kMaxPeriodDays = 3660;

  // A calendar with no arrangement: every year provisional (Monday–Friday
  // minus the statutory holidays), and every count that covers a day is
  // provisional.
  WorkingCalendar() = default;

  // Builds a calendar from `years` (any order). Returns INVALID_ARGUMENT when
  // an arrangement fails ValidateCalendarYear, when a year is given twice
  // ("years: 2019 年重复给出"), or when two arrangements disagree about a
  // date (one lists it as a day off, the other as a make-up working day).
  static absl::StatusOr<WorkingCalendar> Create(
      absl::Span<const v1::CalendarYear> years);

  // A new calendar with `years` added, each replacing the loaded arrangement
  // of the same year. Errors as Create.
  absl::StatusOr<WorkingCalendar> WithYears(
      absl::Span<const v1::CalendarYear> years) const;

  // The loaded arrangements, ascending by year.
  const std::vector<v1::CalendarYear>& years() const { return years_; }

  // The arrangement for `year`, or nullptr when none is loaded.
  const v1::CalendarYear* FindYear(int year) const;

  // True when an arrangement for `year` is loaded (complete or not).
  bool HasYear(int year) const { return loaded_years_.count(year) > 0; }

  // True when `year` is complete: loaded, and listing every statutory day.
  bool IsYearComplete(int year) const;

  // The festivals of a loaded but incomplete `year` whose statutory days its
  // arrangement does not all list as days off, in calendar order; empty for a
  // complete year and for a year with no arrangement.
  std::vector<Festival> MissingFestivals(int year) const;

  // The statutory holidays the calendar computes for `year` because no loaded
  // arrangement gives them: all of them for a year without an arrangement,
  // those of MissingFestivals for an incomplete one, none for a complete one.
  std::vector<StatutoryHoliday> EstimatedHolidays(int year) const;

  // True when every year from first.year() to last.year() is complete, i.e. no
  // result over [first, last] is provisional. True when last < first.
  bool HasArrangementsFor(absl::CivilDay first, absl::CivilDay last) const;

  // What `day` is: kind, holiday name, and whether its year is loaded.
  DayInfo Classify(absl::CivilDay day) const;

  // Classify(day).kind.
  v1::DayKind KindOf(absl::CivilDay day) const;

  // True for a make-up working day or a Monday–Friday that is not a day off.
  bool IsWorkingDay(absl::CivilDay day) const;

  // The `days`-th working day after `start` (day 1 is the first working day
  // after `start`; `start` itself never counts). days == 0 returns `start`.
  // Returns INVALID_ARGUMENT when days < 0 or days > kMaxPeriodDays ("days:
  // …"), when `start` is outside the calendar's range ("start: …"), or when
  // the result would be after LastCalendarDay() ("days: …").
  absl::StatusOr<WorkingDayCount> AddWorkingDays(absl::CivilDay start,
                                                 int days) const;

  // The number of working days in (from, to]: how many working days after
  // `from` up to and including `to`. Negative (minus the count in (to, from])
  // when to < from; 0 when equal. E.g. "working days left" until a deadline is
  // WorkingDaysBetween(today, deadline), and AddWorkingDays(a, n).end == b
  // implies WorkingDaysBetween(a, b) == n. Provisional years count as
  // Classify says (see HasArrangementsFor).
  int64_t WorkingDaysBetween(absl::CivilDay from, absl::CivilDay to) const;

  // `day` when it is a working day, otherwise the first working day after it.
  absl::CivilDay NextWorkingDayOnOrAfter(absl::CivilDay day) const;

  // A period of `days` calendar days after `start` (day 1 is the day after
  // `start`). When its last day is a day off (weekend or holiday) the period
  // ends on the next working day (SPEC §3; Civil Procedure Law Art. 85,
  // 民法典 Art. 203). Returns INVALID_ARGUMENT when days < 0 or
  // days > kMaxPeriodDays, when `start` is outside the calendar's range, or
  // when the end would be after LastCalendarDay() (as AddWorkingDays).
  absl::StatusOr<CalendarDayPeriod> AddCalendarDays(absl::CivilDay start,
                                                    int days) const;

 private:
  // A date that some arrangement declares a holiday or a make-up working day.
  struct SpecialDay {
    v1::DayKind kind = v1::DAY_KIND_UNSPECIFIED;
    int arrangement_year = 0;
    std::string holiday_name;
  };

  // The estimated statutory holiday on `day` (a day no arrangement lists), or
  // nullptr when the day's year is complete or the day is not statutory.
  const StatutoryHoliday* EstimatedHolidayOn(absl::CivilDay day) const;

  std::vector<v1::CalendarYear> years_;  // ascending by year
  std::set<int> loaded_years_;
  // Loaded years that leave statutory festivals out, with those festivals.
  std::map<int, std::vector<Festival>> missing_festivals_;
  std::map<absl::CivilDay, SpecialDay> special_days_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_WORKING_CALENDAR_H_
