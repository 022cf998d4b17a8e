#include "services/calendar/working_calendar.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"

namespace ogi {
namespace {

constexpr int kMinYear = kFirstCalendarYear;
constexpr int kMaxYear = kLastCalendarYear;

// Field names as a calendar file spells them ("2027.holidays[0].from") or as
// LoadCalendarRequest.years does ("years[0].holidays[0].first_day").
struct FieldNames {
  std::string prefix;
  absl::string_view first_day;
  absl::string_view last_day;
};

// "FormatIsoDate(first) 至 FormatIsoDate(last)" of the calendar's range.
std::string RangeText() {
  return absl::StrCat(FormatIsoDate(FirstCalendarDay()), " 至 ",
                      FormatIsoDate(LastCalendarDay()));
}

const char* WeekdayName(absl::Weekday weekday) {
  switch (weekday) {
    case absl::Weekday::monday:
      return "星期一";
    case absl::Weekday::tuesday:
      return "星期二";
    case absl::Weekday::wednesday:
      return "星期三";
    case absl::Weekday::thursday:
      return "星期四";
    case absl::Weekday::friday:
      return "星期五";
    case absl::Weekday::saturday:
      return "星期六";
    case absl::Weekday::sunday:
      return "星期日";
  }
  return "?";
}

bool IsWeekend(absl::CivilDay day) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  return weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday;
}

// Monday–Friday days from a fixed Monday up to and including `day` (negative
// before it), so that WeekdaysThrough(b) - WeekdaysThrough(a) is the number of
// Monday–Friday days in (a, b].
int64_t WeekdaysThrough(absl::CivilDay day) {
  static const absl::CivilDay kAnchorMonday(1970, 1, 5);
  const int64_t offset = day - kAnchorMonday;
  int64_t weeks = offset / 7;
  int64_t rest = offset % 7;
  if (rest < 0) {  // floor division
    rest += 7;
    --weeks;
  }
  return 5 * weeks + std::min<int64_t>(rest + 1, 5);
}

// A date field that must be set and real.
absl::StatusOr<absl::CivilDay> RequiredDate(const v1::Date& date,
                                            absl::string_view field) {
  if (IsUnset(date)) return InvalidField(field, "必须填写");
  return ToCivilDay(date, field);
}

// Arrangements reach from 1 December of the previous year (元旦 2019 began on
// 2018-12-30) to 31 January of the next, within the calendar's range.
absl::Status CheckInReach(absl::CivilDay day, int year,
                          absl::string_view field) {
  const absl::CivilDay first =
      std::max(absl::CivilDay(year - 1, 12, 1), FirstCalendarDay());
  const absl::CivilDay last =
      std::min(absl::CivilDay(year + 1, 1, 31), LastCalendarDay());
  if (day < first || day > last) {
    return InvalidField(
        field, absl::StrCat(FormatIsoDate(day), " 超出 ", year,
                            " 年节假日安排的范围（", FormatIsoDate(first),
                            " 至 ", FormatIsoDate(last), "）"));
  }
  return absl::OkStatus();
}

// A required, real, in-reach date from one of the arrangement's date fields.
absl::StatusOr<absl::CivilDay> ArrangementDate(const v1::Date& date, int year,
                                               absl::string_view field) {
  absl::StatusOr<absl::CivilDay> day = RequiredDate(date, field);
  if (!day.ok()) return day.status();
  if (absl::Status status = CheckInReach(*day, year, field); !status.ok()) {
    return status;
  }
  return *day;
}

// The years whose statutory holidays are computed: the first 放假办法 took
// effect on 1949-12-23, and a computed year must stay in ToCivilDay's range.
bool HasStatutoryRules(int64_t year) {
  return year >= 1950 && year <= kMaxYear;
}

// The statutory holidays of `year` (none outside HasStatutoryRules).
std::vector<StatutoryHoliday> StatutoryHolidaysOrNone(int64_t year) {
  if (!HasStatutoryRules(year)) return {};
  return StatutoryHolidaysOf(static_cast<int>(year));
}

// "start: …" unless `start` lies in the calendar's range.
absl::Status CheckInCalendarRange(absl::CivilDay start) {
  if (start < FirstCalendarDay() || start > LastCalendarDay()) {
    return InvalidField("start", absl::StrCat("须在 ", RangeText(),
                                              " 之间（日历的范围），而不是 ",
                                              FormatIsoDate(start)));
  }
  return absl::OkStatus();
}

// A count from `start` whose end would lie after LastCalendarDay().
absl::Status PastCalendarEnd(absl::CivilDay start, int days) {
  return InvalidField("days",
                      absl::StrCat("从 ", FormatIsoDate(start), " 起算 ", days,
                                   " 天将超出日历的范围（最晚 ",
                                   FormatIsoDate(LastCalendarDay()), "）"));
}

struct HolidayRange {
  absl::CivilDay from;
  absl::CivilDay to;
  int index = 0;
};

// Each notice of `arrangement`: at least one, each valid one-line text.
absl::Status ValidateNotices(const v1::CalendarYear& arrangement,
                             const std::string& prefix) {
  if (arrangement.notices().empty()) {
    return InvalidField(prefix + "notices", "至少须有一份通知");
  }
  for (int i = 0; i < arrangement.notices_size(); ++i) {
    OGI_RETURN_IF_ERROR(ValidateText(arrangement.notices(i),
                                     absl::StrCat(prefix, "notices[", i, "]"),
                                     kMaxNoticeLength, /*multiline=*/false));
  }
  return absl::OkStatus();
}

// One holiday of `arrangement` (the i-th): its name, its dates in reach, in
// order, within the longest holiday, and its day count.
absl::StatusOr<HolidayRange> ValidateHoliday(
    const v1::CalendarYear& arrangement, int i, const std::string& prefix,
    const FieldNames& names) {
  const int year = arrangement.year();
  const v1::Holiday& holiday = arrangement.holidays(i);
  const std::string field = absl::StrCat(prefix, "holidays[", i, "]");
  OGI_RETURN_IF_ERROR(ValidateText(holiday.name(), field + ".name",
                                   kMaxHolidayNameLength,
                                   /*multiline=*/false));
  const std::string from_field = absl::StrCat(field, ".", names.first_day);
  const std::string to_field = absl::StrCat(field, ".", names.last_day);
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay from,
                       ArrangementDate(holiday.first_day(), year, from_field));
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay to,
                       ArrangementDate(holiday.last_day(), year, to_field));
  if (to < from) {
    return InvalidField(
        to_field, absl::StrCat(FormatIsoDate(to), " 早于 ", names.first_day,
                               "（", FormatIsoDate(from), "）"));
  }
  const int64_t length = to - from + 1;
  if (length > kMaxHolidayDays) {
    return InvalidField(
        field, absl::StrCat(FormatIsoDate(from), " 至 ", FormatIsoDate(to),
                            " 共 ", length, " 天，超过一个假期最多 ",
                            kMaxHolidayDays, " 天的上限（已公布的安排中最长为 ",
                            kLongestPublishedHoliday, " 天）"));
  }
  if (holiday.days() != length) {
    return InvalidField(
        field + ".days",
        absl::StrCat(holiday.days(), " 与 ", FormatIsoDate(from), " 至 ",
                     FormatIsoDate(to), " 不符（共 ", length, " 天）"));
  }
  return HolidayRange{from, to, i};
}

// The holidays of `arrangement`, each valid (ValidateHoliday), sorted by
// their first day; none may overlap another.
absl::StatusOr<std::vector<HolidayRange>> ValidateHolidays(
    const v1::CalendarYear& arrangement, const std::string& prefix,
    const FieldNames& names) {
  if (arrangement.holidays().empty()) {
    return InvalidField(prefix + "holidays", "至少须有一个假期");
  }
  std::vector<HolidayRange> ranges;
  for (int i = 0; i < arrangement.holidays_size(); ++i) {
    OGI_ASSIGN_OR_RETURN(HolidayRange range,
                         ValidateHoliday(arrangement, i, prefix, names));
    ranges.push_back(range);
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const HolidayRange& a, const HolidayRange& b) {
              return a.from < b.from;
            });
  for (size_t k = 1; k < ranges.size(); ++k) {
    const HolidayRange& earlier = ranges[k - 1];
    const HolidayRange& later = ranges[k];
    if (later.from <= earlier.to) {
      const int reported = std::max(earlier.index, later.index);
      const int other = std::min(earlier.index, later.index);
      return InvalidField(
          absl::StrCat(prefix, "holidays[", reported, "]"),
          absl::StrCat("与 holidays[", other, "]（",
                       arrangement.holidays(other).name(), "）重叠"));
    }
  }
  return ranges;
}

// The off days of `arrangement` (day -> index in off_days): each in reach,
// listed once and inside a holiday of `ranges`; every day of every holiday
// listed; no more weekday off days than a year has.
absl::StatusOr<std::map<absl::CivilDay, int>> ValidateOffDays(
    const v1::CalendarYear& arrangement, const std::string& prefix,
    const FieldNames& names, const std::vector<HolidayRange>& ranges) {
  const auto in_a_holiday = [&ranges](absl::CivilDay day) {
    for (const HolidayRange& range : ranges) {
      if (range.from <= day && day <= range.to) return true;
    }
    return false;
  };
  std::map<absl::CivilDay, int> off_days;
  for (int i = 0; i < arrangement.off_days_size(); ++i) {
    const std::string field = absl::StrCat(prefix, "off_days[", i, "]");
    OGI_ASSIGN_OR_RETURN(
        const absl::CivilDay day,
        ArrangementDate(arrangement.off_days(i), arrangement.year(), field));
    auto [it, inserted] = off_days.emplace(day, i);
    if (!inserted) {
      return InvalidField(
          field, absl::StrCat(FormatIsoDate(day), " 重复列出（另见 off_days[",
                              it->second, "]）"));
    }
    if (!in_a_holiday(day)) {
      return InvalidField(
          field,
          absl::StrCat(FormatIsoDate(day), " 不在任何假期的 ", names.first_day,
                       " 至 ", names.last_day, " 之内"));
    }
  }
  // Sorted by date, so the first missing day is reported.
  for (const HolidayRange& range : ranges) {
    for (absl::CivilDay day = range.from; day <= range.to; ++day) {
      if (off_days.count(day) == 0) {
        return InvalidField(
            absl::StrCat(prefix, "holidays[", range.index, "]"),
            absl::StrCat("off_days 缺少 ", FormatIsoDate(day), "（",
                         arrangement.holidays(range.index).name(), "）"));
      }
    }
  }
  int64_t weekday_off_days = 0;
  for (const auto& [day, index] : off_days) {
    if (!IsWeekend(day)) ++weekday_off_days;
  }
  if (weekday_off_days > kMaxWeekdayOffDays) {
    return InvalidField(prefix + "off_days",
                        absl::StrCat("周一至周五的放假日共 ", weekday_off_days,
                                     " 天，超过每年 ", kMaxWeekdayOffDays,
                                     " 天的上限（已公布的安排中最多为 ",
                                     kMostPublishedWeekdayOffDays, " 天）"));
  }
  return off_days;
}

// The make-up working days of `arrangement`: no more than a year has, each in
// reach, listed once, not an off day, and a Saturday or Sunday.
absl::Status ValidateMakeupWorkdays(
    const v1::CalendarYear& arrangement, const std::string& prefix,
    const std::map<absl::CivilDay, int>& off_days) {
  if (arrangement.makeup_workdays_size() > kMaxMakeupWorkdays) {
    return InvalidField(prefix + "makeup_workdays",
                        absl::StrCat("共 ", arrangement.makeup_workdays_size(),
                                     " 天，超过每年 ", kMaxMakeupWorkdays,
                                     " 天的上限（已公布的安排中最多为 ",
                                     kMostPublishedMakeupWorkdays, " 天）"));
  }
  std::map<absl::CivilDay, int> makeup_days;
  for (int i = 0; i < arrangement.makeup_workdays_size(); ++i) {
    const std::string field = absl::StrCat(prefix, "makeup_workdays[", i, "]");
    OGI_ASSIGN_OR_RETURN(const absl::CivilDay day,
                         ArrangementDate(arrangement.makeup_workdays(i),
                                         arrangement.year(), field));
    auto [it, inserted] = makeup_days.emplace(day, i);
    if (!inserted) {
      return InvalidField(
          field,
          absl::StrCat(FormatIsoDate(day), " 重复列出（另见 makeup_workdays[",
                       it->second, "]）"));
    }
    if (off_days.count(day) > 0) {
      return InvalidField(
          field, absl::StrCat(FormatIsoDate(day), " 同时被列为放假日"));
    }
    if (!IsWeekend(day)) {
      return InvalidField(field,
                          absl::StrCat(FormatIsoDate(day), " 是",
                                       WeekdayName(absl::GetWeekday(day)),
                                       "；调休上班日须为星期六或星期日"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateArrangement(const v1::CalendarYear& arrangement,
                                 const FieldNames& names) {
  const int year = arrangement.year();
  if (year < kMinYear || year > kMaxYear) {
    return InvalidField(names.prefix.empty() ? "year" : names.prefix + "year",
                        absl::StrCat("须在 ", kMinYear, " 至 ", kMaxYear,
                                     " 之间，而不是 ", year));
  }
  const std::string prefix =
      names.prefix.empty() ? absl::StrCat(year, ".") : names.prefix;
  OGI_RETURN_IF_ERROR(ValidateNotices(arrangement, prefix));
  OGI_ASSIGN_OR_RETURN(const std::vector<HolidayRange> ranges,
                       ValidateHolidays(arrangement, prefix, names));
  OGI_ASSIGN_OR_RETURN(const auto off_days,
                       ValidateOffDays(arrangement, prefix, names, ranges));
  return ValidateMakeupWorkdays(arrangement, prefix, off_days);
}

}  // namespace

absl::CivilDay FirstCalendarDay() {
  return absl::CivilDay(kFirstCalendarYear, 1, 1);
}

absl::CivilDay LastCalendarDay() {
  return absl::CivilDay(kLastCalendarYear, 12, 31);
}

absl::Status ValidateCalendarYear(const v1::CalendarYear& arrangement) {
  return ValidateArrangement(arrangement, {"", "from", "to"});
}

absl::Status ValidateRequestedCalendarYear(const v1::CalendarYear& arrangement,
                                           absl::string_view prefix) {
  return ValidateArrangement(arrangement,
                             {std::string(prefix), "first_day", "last_day"});
}

absl::StatusOr<WorkingCalendar> WorkingCalendar::Create(
    absl::Span<const v1::CalendarYear> years) {
  WorkingCalendar calendar;
  for (const v1::CalendarYear& arrangement : years) {
    if (absl::Status status = ValidateCalendarYear(arrangement); !status.ok()) {
      return status;
    }
    if (!calendar.loaded_years_.insert(arrangement.year()).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("years: ", arrangement.year(), " 年重复给出"));
    }
  }
  calendar.years_.assign(years.begin(), years.end());
  std::sort(calendar.years_.begin(), calendar.years_.end(),
            [](const v1::CalendarYear& a, const v1::CalendarYear& b) {
              return a.year() < b.year();
            });

  // Adds one declared day. Two arrangements may both list a day off (a
  // notice may restate its neighbour's 元旦); they may not disagree on it.
  auto add = [&calendar](absl::CivilDay day, SpecialDay special,
                         absl::string_view field) -> absl::Status {
    auto [it, inserted] = calendar.special_days_.emplace(day, special);
    if (inserted) return absl::OkStatus();
    SpecialDay& existing = it->second;
    if (existing.kind != special.kind) {
      return InvalidField(
          field,
          absl::StrCat(
              FormatIsoDate(day), " 已被 ", existing.arrangement_year,
              " 年节假日安排列为",
              existing.kind == v1::DAY_KIND_HOLIDAY ? "放假日" : "调休上班日"));
    }
    // Prefer the arrangement of the day's own year.
    if (special.arrangement_year == static_cast<int>(day.year())) {
      existing = std::move(special);
    }
    return absl::OkStatus();
  };
  for (const v1::CalendarYear& arrangement : calendar.years_) {
    const int year = arrangement.year();
    for (int i = 0; i < arrangement.holidays_size(); ++i) {
      const v1::Holiday& holiday = arrangement.holidays(i);
      // Validated above.
      const absl::CivilDay from(holiday.first_day().year(),
                                holiday.first_day().month(),
                                holiday.first_day().day());
      const absl::CivilDay to(holiday.last_day().year(),
                              holiday.last_day().month(),
                              holiday.last_day().day());
      for (absl::CivilDay day = from; day <= to; ++day) {
        absl::Status status =
            add(day, SpecialDay{v1::DAY_KIND_HOLIDAY, year, holiday.name()},
                absl::StrCat(year, ".holidays[", i, "]"));
        if (!status.ok()) return status;
      }
    }
    for (int i = 0; i < arrangement.makeup_workdays_size(); ++i) {
      const v1::Date& date = arrangement.makeup_workdays(i);
      absl::Status status =
          add(absl::CivilDay(date.year(), date.month(), date.day()),
              SpecialDay{v1::DAY_KIND_MAKEUP_WORKDAY, year, ""},
              absl::StrCat(year, ".makeup_workdays[", i, "]"));
      if (!status.ok()) return status;
    }
    // Complete only when every statutory day is one of its days off.
    std::set<absl::CivilDay> off_days;
    for (const v1::Date& date : arrangement.off_days()) {
      off_days.insert(absl::CivilDay(date.year(), date.month(), date.day()));
    }
    for (const StatutoryHoliday& holiday : StatutoryHolidaysOrNone(year)) {
      for (absl::CivilDay day = holiday.first; day <= holiday.last; ++day) {
        if (off_days.count(day) == 0) {
          calendar.missing_festivals_[year].push_back(holiday.festival);
          break;
        }
      }
    }
  }
  return calendar;
}

absl::StatusOr<WorkingCalendar> WorkingCalendar::WithYears(
    absl::Span<const v1::CalendarYear> years) const {
  std::set<int> replaced;
  for (const v1::CalendarYear& arrangement : years) {
    replaced.insert(arrangement.year());
  }
  std::vector<v1::CalendarYear> merged;
  for (const v1::CalendarYear& arrangement : years_) {
    if (replaced.count(arrangement.year()) == 0) merged.push_back(arrangement);
  }
  merged.insert(merged.end(), years.begin(), years.end());
  return Create(merged);
}

const v1::CalendarYear* WorkingCalendar::FindYear(int year) const {
  auto it = std::lower_bound(
      years_.begin(), years_.end(), year,
      [](const v1::CalendarYear& a, int y) { return a.year() < y; });
  if (it == years_.end() || it->year() != year) return nullptr;
  return &*it;
}

bool WorkingCalendar::IsYearComplete(int year) const {
  return HasYear(year) && missing_festivals_.count(year) == 0;
}

std::vector<Festival> WorkingCalendar::MissingFestivals(int year) const {
  auto it = missing_festivals_.find(year);
  return it == missing_festivals_.end() ? std::vector<Festival>() : it->second;
}

std::vector<StatutoryHoliday> WorkingCalendar::EstimatedHolidays(
    int year) const {
  if (IsYearComplete(year)) return {};
  std::vector<StatutoryHoliday> holidays = StatutoryHolidaysOrNone(year);
  if (HasYear(year)) {
    const std::vector<Festival> missing = MissingFestivals(year);
    holidays.erase(std::remove_if(holidays.begin(), holidays.end(),
                                  [&missing](const StatutoryHoliday& h) {
                                    return std::find(
                                               missing.begin(), missing.end(),
                                               h.festival) == missing.end();
                                  }),
                   holidays.end());
  }
  return holidays;
}

const StatutoryHoliday* WorkingCalendar::EstimatedHolidayOn(
    absl::CivilDay day) const {
  const int64_t year = day.year();
  if (!HasStatutoryRules(year) || IsYearComplete(static_cast<int>(year))) {
    return nullptr;
  }
  if (special_days_.count(day) > 0) return nullptr;  // listed days decide
  const StatutoryHoliday* holiday = StatutoryHolidayOn(day);
  if (holiday == nullptr) return nullptr;
  auto missing = missing_festivals_.find(static_cast<int>(year));
  if (missing != missing_festivals_.end() &&
      std::find(missing->second.begin(), missing->second.end(),
                holiday->festival) == missing->second.end()) {
    return nullptr;  // the loaded arrangement gives this festival
  }
  return holiday;
}

bool WorkingCalendar::HasArrangementsFor(absl::CivilDay first,
                                         absl::CivilDay last) const {
  if (last < first) return true;
  for (int64_t year = first.year(); year <= last.year(); ++year) {
    if (!IsYearComplete(static_cast<int>(year))) return false;
  }
  return true;
}

DayInfo WorkingCalendar::Classify(absl::CivilDay day) const {
  DayInfo info;
  info.day = day;
  info.year_loaded = IsYearComplete(static_cast<int>(day.year()));
  auto it = special_days_.find(day);
  if (it != special_days_.end()) {
    info.kind = it->second.kind;
    info.holiday_name = it->second.holiday_name;
    info.arrangement_year = it->second.arrangement_year;
  } else if (const StatutoryHoliday* holiday = EstimatedHolidayOn(day)) {
    info.kind = v1::DAY_KIND_HOLIDAY;
    info.holiday_name = FestivalName(holiday->festival);
    info.statutory_estimate = true;
  } else {
    info.kind =
        IsWeekend(day) ? v1::DAY_KIND_WEEKEND : v1::DAY_KIND_WORKING_WEEKDAY;
  }
  return info;
}

v1::DayKind WorkingCalendar::KindOf(absl::CivilDay day) const {
  auto it = special_days_.find(day);
  if (it != special_days_.end()) return it->second.kind;
  if (EstimatedHolidayOn(day) != nullptr) return v1::DAY_KIND_HOLIDAY;
  return IsWeekend(day) ? v1::DAY_KIND_WEEKEND : v1::DAY_KIND_WORKING_WEEKDAY;
}

bool WorkingCalendar::IsWorkingDay(absl::CivilDay day) const {
  const v1::DayKind kind = KindOf(day);
  return kind == v1::DAY_KIND_WORKING_WEEKDAY ||
         kind == v1::DAY_KIND_MAKEUP_WORKDAY;
}

absl::StatusOr<WorkingDayCount> WorkingCalendar::AddWorkingDays(
    absl::CivilDay start, int days) const {
  if (days < 0 || days > kMaxPeriodDays) {
    return InvalidField("days", absl::StrCat("须在 0 至 ", kMaxPeriodDays,
                                             " 之间，而不是 ", days));
  }
  OGI_RETURN_IF_ERROR(CheckInCalendarRange(start));
  WorkingDayCount count;
  count.start = start;
  count.days = days;
  std::set<int> unloaded;
  absl::CivilDay day = start;
  for (int counted = 0; counted < days;) {
    ++day;
    if (day > LastCalendarDay()) return PastCalendarEnd(start, days);
    DayInfo info = Classify(day);
    if (!info.year_loaded) unloaded.insert(static_cast<int>(day.year()));
    if (info.IsWorkingDay()) {
      ++counted;
      if (info.kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
        count.notable_days.push_back({std::move(info), counted});
      }
    } else if (info.kind == v1::DAY_KIND_HOLIDAY) {
      count.notable_days.push_back({std::move(info), 0});
    }
  }
  count.end = day;
  count.provisional = !unloaded.empty();
  count.provisional_years.assign(unloaded.begin(), unloaded.end());
  return count;
}

int64_t WorkingCalendar::WorkingDaysBetween(absl::CivilDay from,
                                            absl::CivilDay to) const {
  if (to < from) return -WorkingDaysBetween(to, from);
  // Monday–Friday days, corrected by every declared day in (from, to]: a
  // holiday on a weekday is one fewer, a make-up weekend day one more.
  int64_t count = WeekdaysThrough(to) - WeekdaysThrough(from);
  for (auto it = special_days_.upper_bound(from);
       it != special_days_.end() && it->first <= to; ++it) {
    const bool weekend = IsWeekend(it->first);
    if (it->second.kind == v1::DAY_KIND_HOLIDAY && !weekend) --count;
    if (it->second.kind == v1::DAY_KIND_MAKEUP_WORKDAY && weekend) ++count;
  }
  // The statutory holidays computed for provisional years.
  for (int64_t year = std::max<int64_t>(from.year(), 1950);
       year <= std::min<int64_t>(to.year(), kMaxYear); ++year) {
    for (const StatutoryHoliday& holiday :
         EstimatedHolidays(static_cast<int>(year))) {
      for (absl::CivilDay day = std::max(holiday.first, from + 1);
           day <= std::min(holiday.last, to); ++day) {
        if (!IsWeekend(day) && special_days_.count(day) == 0) --count;
      }
    }
  }
  return count;
}

absl::CivilDay WorkingCalendar::NextWorkingDayOnOrAfter(
    absl::CivilDay day) const {
  // Terminates: only finitely many days are declared off.
  while (!IsWorkingDay(day)) ++day;
  return day;
}

absl::StatusOr<CalendarDayPeriod> WorkingCalendar::AddCalendarDays(
    absl::CivilDay start, int days) const {
  if (days < 0 || days > kMaxPeriodDays) {
    return InvalidField("days", absl::StrCat("须在 0 至 ", kMaxPeriodDays,
                                             " 之间，而不是 ", days));
  }
  OGI_RETURN_IF_ERROR(CheckInCalendarRange(start));
  CalendarDayPeriod period;
  period.start = start;
  period.days = days;
  period.nominal_end = start + days;
  std::set<int> unloaded;
  absl::CivilDay day = period.nominal_end;
  while (true) {
    if (day > LastCalendarDay()) return PastCalendarEnd(start, days);
    DayInfo info = Classify(day);
    if (!info.year_loaded) unloaded.insert(static_cast<int>(day.year()));
    if (info.IsWorkingDay()) break;
    period.days_off.push_back(std::move(info));
    ++day;
  }
  period.end = day;
  period.provisional = !unloaded.empty();
  period.provisional_years.assign(unloaded.begin(), unloaded.end());
  return period;
}

std::vector<NotableRun> GroupNotableDays(const std::vector<NotableDay>& days) {
  std::vector<NotableRun> runs;
  for (const NotableDay& day : days) {
    if (!runs.empty() && day.info.kind == v1::DAY_KIND_HOLIDAY) {
      NotableRun& run = runs.back();
      if (run.first.kind == v1::DAY_KIND_HOLIDAY &&
          run.first.holiday_name == day.info.holiday_name &&
          run.first.statutory_estimate == day.info.statutory_estimate &&
          run.last + 1 == day.info.day) {
        run.last = day.info.day;
        continue;
      }
    }
    runs.push_back({day.info, day.info.day, day.ordinal});
  }
  return runs;
}

std::string RunDates(const NotableRun& run) {
  if (run.last == run.first.day) return FormatIsoDate(run.first.day);
  return absl::StrCat(FormatIsoDate(run.first.day), "至",
                      FormatIsoDate(run.last));
}

}  // namespace ogi
