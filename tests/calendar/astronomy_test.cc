#include "services/calendar/astronomy.h"

#include "gtest/gtest.h"
#include "services/common/civil_date.h"

namespace ogi {
namespace {

// 清明 as the Chinese almanacs (and the 2019–2026 notices' 清明节) give it.
TEST(AstronomyTest, QingmingMatchesThePublishedDates2019To2030) {
  const struct {
    int year;
    const char* day;
  } kCases[] = {
      {2019, "2019-04-05"}, {2020, "2020-04-04"}, {2021, "2021-04-04"},
      {2022, "2022-04-05"}, {2023, "2023-04-05"}, {2024, "2024-04-04"},
      {2025, "2025-04-04"}, {2026, "2026-04-05"}, {2027, "2027-04-05"},
      {2028, "2028-04-04"}, {2029, "2029-04-04"}, {2030, "2030-04-05"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(FormatIsoDate(QingmingDay(c.year)), c.day) << c.year;
  }
}

TEST(AstronomyTest, OtherTermsFallOnTheirKnownDays) {
  // 春分 (0°), 夏至 (90°), 秋分 (180°), 冬至 (270°) of 2025, China time.
  EXPECT_EQ(FormatIsoDate(SolarTermDay(2025, 0)), "2025-03-20");
  EXPECT_EQ(FormatIsoDate(SolarTermDay(2025, 90)), "2025-06-21");
  EXPECT_EQ(FormatIsoDate(SolarTermDay(2025, 180)), "2025-09-23");
  EXPECT_EQ(FormatIsoDate(SolarTermDay(2025, 270)), "2025-12-21");
  // 小寒 (285°) of the twelve months from the 2025 equinox: January 2026.
  EXPECT_EQ(FormatIsoDate(SolarTermDay(2025, 285)), "2026-01-05");
}

TEST(AstronomyTest, QingmingStaysInEarlyApril) {
  for (int year = 1950; year <= 2100; ++year) {
    const absl::CivilDay day = QingmingDay(year);
    EXPECT_EQ(day.month(), 4) << year;
    EXPECT_GE(day.day(), 4) << year;
    EXPECT_LE(day.day(), 6) << year;
  }
}

// New moons against the published first days of lunar months (China time),
// including 2027's 正月初一: the new moon at 23:56 on 6 February, which ICU 72
// alone places on 7 February.
TEST(AstronomyTest, NewMoonDaysMatchTheAlmanac) {
  EXPECT_EQ(FormatIsoDate(NewMoonDayNear(absl::CivilDay(2027, 2, 7))),
            "2027-02-06");
  EXPECT_EQ(FormatIsoDate(NewMoonDayNear(absl::CivilDay(2025, 1, 30))),
            "2025-01-29");
  EXPECT_EQ(FormatIsoDate(NewMoonDayNear(absl::CivilDay(2026, 2, 10))),
            "2026-02-17");
  EXPECT_EQ(FormatIsoDate(NewMoonDayNear(absl::CivilDay(2020, 1, 20))),
            "2020-01-25");
}

}  // namespace
}  // namespace ogi
