#ifndef OGI_SERVICES_CALENDAR_ASTRONOMY_H_
#define OGI_SERVICES_CALENDAR_ASTRONOMY_H_

// The two astronomical events the statutory holidays depend on, as civil days
// in China Standard Time (UTC+8, the time the Chinese calendar is reckoned
// in). Pure functions; thread-safe.
//
//  - Solar terms (节气): 清明 is the day on which the sun's apparent geocentric
//    longitude reaches 15°. ICU's Chinese calendar does not give solar terms.
//    The sun follows Meeus, Astronomical Algorithms (2nd ed.), ch. 25 (low
//    accuracy: about 0.01°, a quarter of an hour). Over 1950–2100 a 清明
//    moment lies that close to midnight only in 1976 (14 minutes before) and
//    2071 (5 minutes after, the error lying on the safe side).
//  - New moons (朔): the first day of a lunar month. ICU's Chinese calendar
//    computes them with a low-precision lunar theory that can be minutes
//    late: ICU 72 puts 2027's 正月初一 on 7 February, although the new moon
//    falls at 23:56 China time on 6 February (the date every almanac gives).
//    NewMoonDayNear uses Meeus ch. 49 (the periodic and planetary terms:
//    well under a minute).
// ΔT (TT − UT) follows the Espenak–Meeus polynomials.

#include "absl/time/civil_time.h"

namespace ogi {

// The civil day (China Standard Time) on which the sun's apparent longitude
// reaches `longitude_degrees` (0 <= longitude < 360; 15 for 清明) in the
// twelve months that begin at the March equinox of `year` (so 285°, 小寒,
// falls in January of year + 1). REQUIRES: 1900 <= year <= 9998.
absl::CivilDay SolarTermDay(int year, double longitude_degrees);

// 清明: SolarTermDay(year, 15), between 4 and 6 April.
absl::CivilDay QingmingDay(int year);

// The civil day (China Standard Time) of the new moon nearest to `day`.
// REQUIRES: 1900 <= day.year() <= 9998.
absl::CivilDay NewMoonDayNear(absl::CivilDay day);

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_ASTRONOMY_H_
