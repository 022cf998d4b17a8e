#include "services/calendar/statutory_holidays.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "services/calendar/astronomy.h"
#include "unicode/calendar.h"
#include "unicode/locid.h"
#include "unicode/timezone.h"
#include "unicode/utypes.h"

namespace ogi {
namespace {

// One version of the 放假办法: what it gives from its effective date on.
struct Measures {
  absl::CivilDay effective;
  const char* title;
  // 春节: the days from 正月初一 + spring_from to 正月初一 + spring_to
  // (-1 is 除夕, the last day of the old year, whether the 29th or the 30th).
  int spring_from;
  int spring_to;
  int labour_days;    // from 5 May 1
  int national_days;  // from 10 October 1
  bool traditional;   // 清明节, 端午节, 中秋节 (1 day each)
};

// Ascending by effective date.
const Measures kMeasures[] = {
    {absl::CivilDay(1949, 12, 23), "《全国年节及纪念日放假办法》（1949年）", 0,
     2, 1, 2, false},
    {absl::CivilDay(1999, 9, 18), "《全国年节及纪念日放假办法》（1999年修订）",
     0, 2, 3, 3, false},
    {absl::CivilDay(2008, 1, 1), "《全国年节及纪念日放假办法》（2007年修订）",
     -1, 1, 1, 3, true},
    {absl::CivilDay(2014, 1, 1), "《全国年节及纪念日放假办法》（2013年修订）",
     0, 2, 1, 3, true},
    {absl::CivilDay(2025, 1, 1), "《全国年节及纪念日放假办法》（2024年修订）",
     -1, 2, 2, 3, true},
};

const Measures* MeasuresOn(absl::CivilDay day) {
  const Measures* in_force = nullptr;
  for (const Measures& measures : kMeasures) {
    if (measures.effective <= day) in_force = &measures;
  }
  return in_force;
}

[[noreturn]] void DieOnIcu(const char* what, UErrorCode status) {
  std::fprintf(stderr, "ogi: ICU's Chinese calendar is unavailable (%s: %s)\n",
               what, u_errorName(status));
  std::abort();
}

// Finds Gregorian dates of Chinese-calendar days with ICU. Not thread-safe
// (icu::Calendar is not); used under the cache's lock.
class LunarDates {
 public:
  LunarDates() {
    UErrorCode status = U_ZERO_ERROR;
    // GMT and noon: the calendar's time zone only turns the instant into a
    // civil day; ICU computes the lunar months themselves in China time.
    calendar_.reset(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("zh_CN@calendar=chinese"),
        status));
    if (U_FAILURE(status) || calendar_ == nullptr) {
      DieOnIcu("createInstance", status);
    }
    if (std::string(calendar_->getType()) != "chinese") {
      DieOnIcu("createInstance: not the chinese calendar", status);
    }
  }

  // The first day in [from, to] that ICU gives as day 1 of the non-leap lunar
  // month `month` (1 = 正月), or nullopt.
  std::optional<absl::CivilDay> FindMonthStart(absl::CivilDay from,
                                               absl::CivilDay to, int month) {
    for (absl::CivilDay d = from; d <= to; ++d) {
      UErrorCode status = U_ZERO_ERROR;
      const double noon_utc_ms =
          (static_cast<double>(d - absl::CivilDay(1970, 1, 1)) + 0.5) *
          86400000.0;
      calendar_->setTime(noon_utc_ms, status);
      const int lunar_month = calendar_->get(UCAL_MONTH, status) + 1;
      const int leap = calendar_->get(UCAL_IS_LEAP_MONTH, status);
      const int lunar_day = calendar_->get(UCAL_DATE, status);
      if (U_FAILURE(status)) DieOnIcu("get", status);
      if (lunar_month == month && leap == 0 && lunar_day == 1) return d;
    }
    return std::nullopt;
  }

 private:
  std::unique_ptr<icu::Calendar> calendar_;
};

// The Gregorian date of day `day` of the non-leap lunar month `month` of the
// Chinese year that begins in `year`, searching for the month's first day in
// [from, to]; nullopt when ICU places no such month there (only in years far
// from the present, where the windows below no longer hold). ICU says which
// month is which (leap months included); the first day is the day of the
// month's new moon as astronomy.h computes it, since ICU's own new moons can
// fall on the wrong side of midnight (2027's 正月). The two place the same new
// moon and differ by at most that day near the present; centuries away, where
// neither approximation is exact and the day cannot matter to a deadline,
// ICU's day stands.
std::optional<absl::CivilDay> LunarDay(LunarDates& lunar, absl::CivilDay from,
                                       absl::CivilDay to, int month, int day) {
  std::optional<absl::CivilDay> icu_start =
      lunar.FindMonthStart(from, to, month);
  if (!icu_start.has_value()) return std::nullopt;
  absl::CivilDay start = NewMoonDayNear(*icu_start);
  if (start - *icu_start > 1 || *icu_start - start > 1) start = *icu_start;
  return start + (day - 1);
}

std::vector<StatutoryHoliday> Compute(int year, LunarDates& lunar) {
  std::vector<StatutoryHoliday> holidays;
  auto add = [&holidays](Festival festival, absl::CivilDay principal,
                         int from_offset, int days) {
    holidays.push_back(StatutoryHoliday{festival, principal + from_offset,
                                        principal + from_offset + days - 1});
  };
  const auto in_force = MeasuresOn;

  const absl::CivilDay new_year(year, 1, 1);
  if (in_force(new_year) != nullptr) add(Festival::kNewYear, new_year, 0, 1);

  // 正月初一 falls between 21 January and 20 February.
  const std::optional<absl::CivilDay> spring = LunarDay(
      lunar, absl::CivilDay(year, 1, 19), absl::CivilDay(year, 2, 22), 1, 1);
  if (const Measures* m = spring ? in_force(*spring) : nullptr) {
    add(Festival::kSpringFestival, *spring, m->spring_from,
        m->spring_to - m->spring_from + 1);
  }

  const absl::CivilDay qingming = QingmingDay(year);
  if (const Measures* m = in_force(qingming); m != nullptr && m->traditional) {
    add(Festival::kQingming, qingming, 0, 1);
  }

  const absl::CivilDay labour(year, 5, 1);
  if (const Measures* m = in_force(labour)) {
    add(Festival::kLabourDay, labour, 0, m->labour_days);
  }

  // 五月初一: 24 May to 21 June; 八月初一: 24 August to 24 September.
  if (const Measures* m = in_force(absl::CivilDay(year, 5, 28));
      m != nullptr && m->traditional) {
    if (const std::optional<absl::CivilDay> dragon_boat =
            LunarDay(lunar, absl::CivilDay(year, 5, 20),
                     absl::CivilDay(year, 6, 25), 5, 5)) {
      add(Festival::kDragonBoat, *dragon_boat, 0, 1);
    }
  }
  if (const Measures* m = in_force(absl::CivilDay(year, 9, 7));
      m != nullptr && m->traditional) {
    if (const std::optional<absl::CivilDay> mid_autumn =
            LunarDay(lunar, absl::CivilDay(year, 8, 20),
                     absl::CivilDay(year, 9, 28), 8, 15)) {
      add(Festival::kMidAutumn, *mid_autumn, 0, 1);
    }
  }

  const absl::CivilDay national(year, 10, 1);
  if (const Measures* m = in_force(national)) {
    add(Festival::kNationalDay, national, 0, m->national_days);
  }

  // 中秋 can fall inside 国庆 (e.g. 2020-10-01): the day is statutory once,
  // under 国庆节, and 中秋 keeps its own entry only when it is apart.
  std::vector<StatutoryHoliday> merged;
  for (const StatutoryHoliday& h : holidays) {
    bool inside = false;
    for (const StatutoryHoliday& other : holidays) {
      if (&other != &h && other.festival == Festival::kNationalDay &&
          h.festival == Festival::kMidAutumn && other.first <= h.first &&
          h.last <= other.last) {
        inside = true;
      }
    }
    if (!inside) merged.push_back(h);
  }
  std::sort(merged.begin(), merged.end(),
            [](const StatutoryHoliday& a, const StatutoryHoliday& b) {
              return a.first < b.first;
            });
  return merged;
}

class Cache {
 public:
  const std::vector<StatutoryHoliday>& Of(int year) {
    absl::MutexLock lock(&mu_);
    auto it = years_.find(year);
    if (it == years_.end()) {
      if (lunar_ == nullptr) lunar_ = std::make_unique<LunarDates>();
      it = years_.emplace(year, Compute(year, *lunar_)).first;
    }
    // std::map nodes are never moved or erased: the reference stays valid.
    return it->second;
  }

 private:
  absl::Mutex mu_;
  std::unique_ptr<LunarDates> lunar_ ABSL_GUARDED_BY(mu_);
  std::map<int, std::vector<StatutoryHoliday>> years_ ABSL_GUARDED_BY(mu_);
};

Cache& TheCache() {
  static Cache* const cache = new Cache();
  return *cache;
}

}  // namespace

const char* FestivalName(Festival festival) {
  switch (festival) {
    case Festival::kNewYear:
      return "元旦";
    case Festival::kSpringFestival:
      return "春节";
    case Festival::kQingming:
      return "清明节";
    case Festival::kLabourDay:
      return "劳动节";
    case Festival::kDragonBoat:
      return "端午节";
    case Festival::kMidAutumn:
      return "中秋节";
    case Festival::kNationalDay:
      return "国庆节";
  }
  return "";
}

const std::vector<StatutoryHoliday>& StatutoryHolidaysOf(int year) {
  return TheCache().Of(year);
}

const StatutoryHoliday* StatutoryHolidayOn(absl::CivilDay day) {
  for (const StatutoryHoliday& h :
       StatutoryHolidaysOf(static_cast<int>(day.year()))) {
    if (h.first <= day && day <= h.last) return &h;
  }
  return nullptr;
}

std::string MeasuresInForce(absl::CivilDay day) {
  const Measures* measures = MeasuresOn(day);
  return measures == nullptr ? "" : measures->title;
}

}  // namespace ogi
