#ifndef OGI_SERVICES_CALENDAR_STATUTORY_HOLIDAYS_H_
#define OGI_SERVICES_CALENDAR_STATUTORY_HOLIDAYS_H_

// The statutory holidays (法定节假日) fixed by 《全国年节及纪念日放假办法》, as
// the version in force on each festival's date sets them. The State Council's
// yearly notice only arranges the make-up days around them (调休); until a
// year's notice is loaded, these are the days the working-day calendar can
// know are off. Thread-safe.
//
// Versions (the festival's own date decides which applies):
//   1949-12-23  元旦 1, 春节 3 (正月初一至初三), 劳动节 1, 国庆节 2
//   (10月1日、2日) 1999-09-18  元旦 1, 春节 3 (初一至初三), 劳动节 3
//   (5月1日至3日), 国庆节 3 2008-01-01  元旦 1, 春节 3 (除夕、初一、初二),
//   清明节 1, 劳动节 1,
//               端午节 1, 中秋节 1, 国庆节 3
//   2014-01-01  as 2008, but 春节 3 (初一至初三)
//   2025-01-01  元旦 1, 春节 4 (除夕、初一至初三), 清明节 1, 劳动节 2 (5月1日、
//               2日), 端午节 1, 中秋节 1, 国庆节 3 (10月1日至3日)
// Lunar dates (除夕, 正月初一, 五月初五, 八月十五) come from ICU's Chinese
// calendar, each month's first day checked against the new moon
// (astronomy.h); 清明 from the solar term (astronomy.h).

#include <string>
#include <vector>

#include "absl/time/civil_time.h"

namespace ogi {

// The seven festivals of the 放假办法, in calendar order.
enum class Festival {
  kNewYear,         // 元旦
  kSpringFestival,  // 春节
  kQingming,        // 清明节
  kLabourDay,       // 劳动节
  kDragonBoat,      // 端午节
  kMidAutumn,       // 中秋节
  kNationalDay,     // 国庆节
};

// "元旦", "春节", ...
const char* FestivalName(Festival festival);

// One festival's statutory days in a year.
struct StatutoryHoliday {
  Festival festival = Festival::kNewYear;
  absl::CivilDay first;  // inclusive
  absl::CivilDay last;   // inclusive; first..last are all statutory days
  int days() const { return static_cast<int>(last - first) + 1; }
};

// The statutory holidays of `year` in date order: the festivals the version
// in force on each festival's date provides (none before 1949-12-23; 清明,
// 端午 and 中秋 from 2008). Every day lies in `year`. Centuries away from the
// present a lunar festival whose month ICU places outside its usual window
// is left out rather than guessed. Computed on first use
// and cached for the life of the process. Aborts when ICU cannot provide the
// Chinese calendar (a broken installation, not an input error).
// REQUIRES: 1901 <= year <= 9998.
const std::vector<StatutoryHoliday>& StatutoryHolidaysOf(int year);

// The festival whose statutory days include `day`, or nullptr.
const StatutoryHoliday* StatutoryHolidayOn(absl::CivilDay day);

// The short title of the version in force on `day`, e.g.
// "《全国年节及纪念日放假办法》（2024年修订）"; "" before 1949-12-23.
std::string MeasuresInForce(absl::CivilDay day);

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_STATUTORY_HOLIDAYS_H_
