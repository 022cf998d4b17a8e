#include "services/calendar/statutory_holidays.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"

namespace ogi {
namespace {

using ::testing::ElementsAre;

// "春节 2027-02-05..2027-02-08" per festival, in date order.
std::vector<std::string> Describe(int year) {
  std::vector<std::string> out;
  for (const StatutoryHoliday& h : StatutoryHolidaysOf(year)) {
    out.push_back(std::string(FestivalName(h.festival)) + " " +
                  FormatIsoDate(h.first) + ".." + FormatIsoDate(h.last));
  }
  return out;
}

const StatutoryHoliday* Find(int year, Festival festival) {
  for (const StatutoryHoliday& h : StatutoryHolidaysOf(year)) {
    if (h.festival == festival) return &h;
  }
  return nullptr;
}

// The 2024 revision (from 2025): 除夕 added to 春节, 5月2日 to 劳动节.
TEST(StatutoryHolidaysTest, Year2027UnderThe2024Revision) {
  EXPECT_THAT(
      Describe(2027),
      ElementsAre(
          "元旦 2027-01-01..2027-01-01",
          "春节 2027-02-05..2027-02-08",  // 除夕 to 初三 (初一 6 Feb)
          "清明节 2027-04-05..2027-04-05", "劳动节 2027-05-01..2027-05-02",
          "端午节 2027-06-09..2027-06-09", "中秋节 2027-09-15..2027-09-15",
          "国庆节 2027-10-01..2027-10-03"));
}

// The 2013 revision (2014–2024): 春节 初一至初三, 劳动节 one day.
TEST(StatutoryHolidaysTest, Year2024UnderThe2013Revision) {
  EXPECT_THAT(Describe(2024), ElementsAre("元旦 2024-01-01..2024-01-01",
                                          "春节 2024-02-10..2024-02-12",
                                          "清明节 2024-04-04..2024-04-04",
                                          "劳动节 2024-05-01..2024-05-01",
                                          "端午节 2024-06-10..2024-06-10",
                                          "中秋节 2024-09-17..2024-09-17",
                                          "国庆节 2024-10-01..2024-10-03"));
}

// The 2007 revision (2008–2013): 春节 除夕、初一、初二.
TEST(StatutoryHolidaysTest, Year2013UnderThe2007Revision) {
  const StatutoryHoliday* spring = Find(2013, Festival::kSpringFestival);
  ASSERT_NE(spring, nullptr);
  EXPECT_EQ(FormatIsoDate(spring->first), "2013-02-09");  // 除夕
  EXPECT_EQ(FormatIsoDate(spring->last), "2013-02-11");   // 初二
  EXPECT_NE(Find(2013, Festival::kQingming), nullptr);
}

// The 1999 revision: no 清明, 端午 or 中秋; 劳动节 three days; and it took
// effect on 1999-09-18, so 国庆 1999 had three days but 劳动节 1999 one.
TEST(StatutoryHolidaysTest, EarlierVersionsByTheFestivalsOwnDate) {
  EXPECT_THAT(Describe(2000), ElementsAre("元旦 2000-01-01..2000-01-01",
                                          "春节 2000-02-05..2000-02-07",
                                          "劳动节 2000-05-01..2000-05-03",
                                          "国庆节 2000-10-01..2000-10-03"));
  EXPECT_EQ(Find(1999, Festival::kLabourDay)->days(), 1);
  EXPECT_EQ(Find(1999, Festival::kNationalDay)->days(), 3);
  EXPECT_EQ(Find(1998, Festival::kNationalDay)->days(), 2);
  EXPECT_EQ(MeasuresInForce(absl::CivilDay(2025, 1, 1)),
            "《全国年节及纪念日放假办法》（2024年修订）");
  EXPECT_EQ(MeasuresInForce(absl::CivilDay(1949, 12, 22)), "");
}

// 中秋 on 1 October (2020) is a statutory day once, within 国庆节.
TEST(StatutoryHolidaysTest, MidAutumnInsideNationalDayIsCountedOnce) {
  EXPECT_EQ(Find(2020, Festival::kMidAutumn), nullptr);
  EXPECT_EQ(Find(2020, Festival::kNationalDay)->days(), 3);
}

// The lunar festivals against the State Council notices of 2019–2026: 正月
// 初一, 五月初五 and 八月十五 as computed by ICU's Chinese calendar.
TEST(StatutoryHolidaysTest, LunarFestivalsMatchThePublishedYears) {
  const struct {
    int year;
    const char* spring;  // 正月初一
    const char* dragon_boat;
    const char* mid_autumn;
  } kCases[] = {
      {2019, "2019-02-05", "2019-06-07", "2019-09-13"},
      {2020, "2020-01-25", "2020-06-25", "2020-10-01"},
      {2021, "2021-02-12", "2021-06-14", "2021-09-21"},
      {2022, "2022-02-01", "2022-06-03", "2022-09-10"},
      {2023, "2023-01-22", "2023-06-22", "2023-09-29"},
      {2024, "2024-02-10", "2024-06-10", "2024-09-17"},
      {2025, "2025-01-29", "2025-05-31", "2025-10-06"},
      {2026, "2026-02-17", "2026-06-19", "2026-09-25"},
  };
  for (const auto& c : kCases) {
    const StatutoryHoliday* spring = Find(c.year, Festival::kSpringFestival);
    ASSERT_NE(spring, nullptr) << c.year;
    // From 2025 the holiday starts on 除夕, the day before 初一.
    EXPECT_EQ(FormatIsoDate(c.year >= 2025 ? spring->first + 1 : spring->first),
              c.spring)
        << c.year;
    EXPECT_EQ(FormatIsoDate(Find(c.year, Festival::kDragonBoat)->first),
              c.dragon_boat)
        << c.year;
    const StatutoryHoliday* mid_autumn = Find(c.year, Festival::kMidAutumn);
    if (c.year == 2020) {
      EXPECT_EQ(mid_autumn, nullptr);  // inside 国庆节
    } else {
      ASSERT_NE(mid_autumn, nullptr) << c.year;
      EXPECT_EQ(FormatIsoDate(mid_autumn->first), c.mid_autumn) << c.year;
    }
  }
}

// Every statutory day of 2019–2026 is a day off of that year's published
// arrangement (the shipped file), so each shipped year counts as complete.
TEST(StatutoryHolidaysTest, EveryStatutoryDayIsOffInTheShippedYears) {
  for (const v1::CalendarYear& arrangement : BuiltinCalendarYears()) {
    std::set<std::string> off_days;
    for (const v1::Date& date : arrangement.off_days()) {
      off_days.insert(FormatIsoDate(date));
    }
    for (const StatutoryHoliday& h : StatutoryHolidaysOf(arrangement.year())) {
      for (absl::CivilDay day = h.first; day <= h.last; ++day) {
        EXPECT_EQ(off_days.count(FormatIsoDate(day)), 1u)
            << FestivalName(h.festival) << " " << FormatIsoDate(day);
      }
    }
    EXPECT_TRUE(BuiltinCalendar().IsYearComplete(arrangement.year()))
        << arrangement.year();
  }
}

TEST(StatutoryHolidaysTest, StatutoryHolidayOnFindsTheFestival) {
  const StatutoryHoliday* h = StatutoryHolidayOn(absl::CivilDay(2027, 2, 7));
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->festival, Festival::kSpringFestival);
  EXPECT_EQ(StatutoryHolidayOn(absl::CivilDay(2027, 2, 9)), nullptr);
  // Cached: the same object.
  EXPECT_EQ(&StatutoryHolidaysOf(2027), &StatutoryHolidaysOf(2027));
}

// Every year from 2008 has its seven festivals (six when 中秋 falls on 1–3
// October), each where the calendar's rules put it: 正月初一 from 21 January
// to 20 February; 五月 holds 夏至 (about 21 June) and 八月 秋分 (about 23
// September), so 五月初五 falls from 27 May to 25 June and 八月十五 from 7
// September to 8 October.
TEST(StatutoryHolidaysTest, EveryYearFrom2008HasItsFestivals) {
  for (int year = 2008; year <= 2100; ++year) {
    const std::vector<StatutoryHoliday>& holidays = StatutoryHolidaysOf(year);
    ASSERT_GE(holidays.size(), 6u) << year;
    const StatutoryHoliday* spring = Find(year, Festival::kSpringFestival);
    ASSERT_NE(spring, nullptr) << year;
    EXPECT_GE(spring->first, absl::CivilDay(year, 1, 20)) << year;
    EXPECT_LE(spring->first, absl::CivilDay(year, 2, 20)) << year;
    const StatutoryHoliday* dragon_boat = Find(year, Festival::kDragonBoat);
    ASSERT_NE(dragon_boat, nullptr) << year;
    EXPECT_GE(dragon_boat->first, absl::CivilDay(year, 5, 27)) << year;
    EXPECT_LE(dragon_boat->first, absl::CivilDay(year, 6, 25)) << year;
    if (const StatutoryHoliday* mid_autumn = Find(year, Festival::kMidAutumn)) {
      EXPECT_GE(mid_autumn->first, absl::CivilDay(year, 9, 7)) << year;
      EXPECT_LE(mid_autumn->first, absl::CivilDay(year, 10, 8)) << year;
    } else {
      EXPECT_EQ(holidays.size(), 6u) << year;
    }
  }
}

// The request fuzz test found 7358, where ICU's and the computed new moon of
// 正月 are two days apart: a request naming a far year must not stop the
// server. Every accepted year computes, with its days inside the year.
TEST(StatutoryHolidaysTest, EveryAcceptedYearComputesWithoutAborting) {
  std::vector<int> years = {1901, 7358, 9998};
  for (int year = 1901; year <= 9998; year += 7) years.push_back(year);
  for (const int year : years) {
    const std::vector<StatutoryHoliday>& holidays = StatutoryHolidaysOf(year);
    // 元旦, 劳动节 and 国庆节 at least, once the 1949 measures are in force.
    if (year >= 1950) {
      ASSERT_GE(holidays.size(), 3u) << year;
    }
    for (const StatutoryHoliday& holiday : holidays) {
      EXPECT_EQ(holiday.first.year(), year) << year;
      EXPECT_EQ(holiday.last.year(), year) << year;
      EXPECT_LE(holiday.first, holiday.last) << year;
    }
  }
}

}  // namespace
}  // namespace ogi
