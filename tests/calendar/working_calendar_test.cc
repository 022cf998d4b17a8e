#include "services/calendar/working_calendar.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"

// Every expected date below was worked out by hand from the notices
// (legal-notes §4, cn-holidays.json), not from this code's output. The
// comments show the count: "=n" is the n-th working day after the start.

namespace ogi {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::CivilDay Day(absl::string_view iso) {
  absl::StatusOr<absl::CivilDay> day = ParseIsoDate(iso, "test date");
  if (!day.ok()) {
    ADD_FAILURE() << day.status();
    return absl::CivilDay();
  }
  return *day;
}

// "2025-09-28 makeup #1" for a counted make-up day, "2025-10-01 off 国庆节"
// for a skipped holiday day.
std::vector<std::string> Describe(const std::vector<NotableDay>& days) {
  std::vector<std::string> out;
  for (const NotableDay& notable : days) {
    if (notable.info.kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
      out.push_back(absl::StrCat(FormatIsoDate(notable.info.day), " makeup #",
                                 notable.ordinal));
    } else {
      out.push_back(absl::StrCat(FormatIsoDate(notable.info.day), " off ",
                                 notable.info.holiday_name,
                                 notable.ordinal == 0 ? "" : " ordinal?!"));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// AddWorkingDays on the shipped calendar (2019–2026 loaded).

struct AddCase {
  const char* start;
  int days;
  const char* end;
  bool provisional;
  const char* how;  // the hand count
};

void PrintTo(const AddCase& c, std::ostream* os) {
  *os << c.start << " + " << c.days;
}

class AddWorkingDaysTest : public ::testing::TestWithParam<AddCase> {};

TEST_P(AddWorkingDaysTest, EndsOnTheHandCountedDay) {
  const AddCase& c = GetParam();
  absl::StatusOr<WorkingDayCount> count =
      BuiltinCalendar().AddWorkingDays(Day(c.start), c.days);
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(count->end, Day(c.end)) << c.how;
  EXPECT_EQ(count->provisional, c.provisional) << c.how;
  EXPECT_EQ(count->start, Day(c.start));
  EXPECT_EQ(count->days, c.days);
  // The inverse: exactly `days` working days in (start, end].
  EXPECT_EQ(BuiltinCalendar().WorkingDaysBetween(Day(c.start), Day(c.end)),
            c.days)
      << c.how;
}

INSTANTIATE_TEST_SUITE_P(
    HandCounted, AddWorkingDaysTest,
    ::testing::Values(
        // Acceptance: received Fri 2025-09-26, 补正 notice due.
        AddCase{"2025-09-26", 7, "2025-10-13", false,
                "Sep 27 Sat off; Sep 28 Sun make-up =1; Sep 29 =2; Sep 30 =3; "
                "Oct 1-8 国庆节、中秋节 off; Oct 9 =4; Oct 10 =5; Oct 11 Sat "
                "make-up =6; Oct 12 Sun off; Oct 13 Mon =7"},
        // Acceptance: the answer is due.
        AddCase{"2025-09-26", 20, "2025-10-30", false,
                "as above to Oct 13 =7; Oct 14-17 =8..11; Oct 20-24 "
                "=12..16; Oct 27 =17, 28 =18, 29 =19, Thu Oct 30 =20"},
        // Acceptance: the extension, 20 more from the answer deadline.
        AddCase{"2025-10-30", 20, "2025-11-27", false,
                "Oct 31 Fri =1; Nov 3-7 =2..6; Nov 10-14 =7..11; Nov 17-21 "
                "=12..16; Nov 24 =17, 25 =18, 26 =19, Thu Nov 27 =20; no "
                "holiday in November"},
        // Acceptance: the 2020 Spring Festival, extended to Feb 2.
        AddCase{"2020-01-17", 20, "2020-02-21", false,
                "Jan 18 Sat off; Jan 19 Sun make-up =1; Jan 20-23 =2..5; Jan "
                "24 - Feb 2 off (Feb 1 Sat is NOT a make-up day after the "
                "extension); Feb 3-7 =6..10; Feb 10-14 =11..15; Feb 17-21 "
                "=16..20"},
        // Acceptance: 2024 Spring Festival; 除夕 Feb 9 is not a holiday.
        AddCase{"2024-02-08", 20, "2024-03-13", false,
                "Feb 9 Fri (除夕, only encouraged rest) =1; Feb 10-17 off; "
                "Feb 18 Sun make-up =2; Feb 19-23 =3..7; Feb 26 - Mar 1 "
                "=8..12; Mar 4-8 =13..17; Mar 11 =18, 12 =19, Wed Mar 13 =20"},
        // The start date is a holiday: counting starts after it anyway.
        AddCase{"2025-10-03", 7, "2025-10-16", false,
                "start Fri Oct 3 inside the holiday; Oct 4-8 off; Oct 9 =1; "
                "Oct 10 =2; Oct 11 Sat make-up =3; Oct 12 Sun off; Oct 13-16 "
                "=4..7"},
        // The start date is a working day: it never counts itself.
        AddCase{"2025-10-13", 1, "2025-10-14", false,
                "Mon Oct 13 is not counted; Tue Oct 14 =1"},
        // The start date is a make-up day: still not counted.
        AddCase{"2025-09-28", 1, "2025-09-29", false,
                "Sun Sep 28 (make-up) is the start, not counted; Sep 29 =1"},
        // Zero days: the start date, whatever it is.
        AddCase{"2025-10-04", 0, "2025-10-04", false, "nothing counted"},
        // A Saturday make-up day is day 1.
        AddCase{"2026-02-27", 1, "2026-02-28", false,
                "Fri Feb 27 start; Sat Feb 28 2026 make-up =1"},
        // A Sunday make-up day right after 元旦.
        AddCase{"2025-12-31", 1, "2026-01-04", false,
                "Jan 1-3 2026 元旦 off; Sun Jan 4 make-up =1"},
        // Dec 2018 days come from the 2019 notice, but 2018 is not loaded.
        AddCase{"2018-12-28", 2, "2019-01-02", true,
                "Sat Dec 29 make-up (2019 notice) =1; Dec 30 - Jan 1 元旦 off; "
                "Wed Jan 2 =2; 2018 has no arrangement -> provisional"},
        // Into 2027, which has no arrangement: the statutory 元旦 is
        // skipped, no 调休 is known, provisional.
        AddCase{"2026-12-24", 20, "2027-01-22", true,
                "Dec 25 Fri =1; Dec 28-31 =2..5; Fri Jan 1 2027 元旦 "
                "(statutory) off; Jan 4-8 =6..10; Jan 11-15 =11..15; Jan "
                "18-22 =16..20"},
        // Across the computed 春节 2027 (除夕 Fri Feb 5 to 初三 Mon Feb 8).
        AddCase{"2027-02-04", 1, "2027-02-09", true,
                "Feb 5 除夕, Feb 6-7 weekend, Feb 8 初三 off; Tue Feb 9 =1"}));

TEST(WorkingCalendarTest, NotableDaysExplainTheNationalDayCount) {
  absl::StatusOr<WorkingDayCount> count =
      BuiltinCalendar().AddWorkingDays(Day("2025-09-26"), 7);
  ASSERT_TRUE(count.ok()) << count.status();
  // Sep 28 Sun make-up =1; Oct 1-8 off; Oct 11 Sat make-up =6.
  const std::string name = "国庆节、中秋节";
  EXPECT_THAT(Describe(count->notable_days),
              ElementsAre("2025-09-28 makeup #1", "2025-10-01 off " + name,
                          "2025-10-02 off " + name, "2025-10-03 off " + name,
                          "2025-10-04 off " + name, "2025-10-05 off " + name,
                          "2025-10-06 off " + name, "2025-10-07 off " + name,
                          "2025-10-08 off " + name, "2025-10-11 makeup #6"));
  EXPECT_THAT(count->provisional_years, IsEmpty());
  for (const NotableDay& notable : count->notable_days) {
    EXPECT_EQ(notable.info.arrangement_year, 2025);
    EXPECT_TRUE(notable.info.year_loaded);
  }
}

TEST(WorkingCalendarTest, NotableDaysOf2020ShowTheCancelledMakeupDay) {
  absl::StatusOr<WorkingDayCount> count =
      BuiltinCalendar().AddWorkingDays(Day("2020-01-17"), 20);
  ASSERT_TRUE(count.ok()) << count.status();
  // Jan 19 Sun make-up =1; Jan 24 - Feb 2 off, Feb 1 (Sat) included as a day
  // off: the extension cancelled its make-up working day.
  std::vector<std::string> expected = {"2020-01-19 makeup #1"};
  for (const char* day :
       {"2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28",
        "2020-01-29", "2020-01-30", "2020-01-31", "2020-02-01", "2020-02-02"}) {
    expected.push_back(absl::StrCat(day, " off 春节(含延长)"));
  }
  EXPECT_EQ(Describe(count->notable_days), expected);
}

TEST(WorkingCalendarTest, ProvisionalWhenCountingIntoAYearWithoutArrangement) {
  std::vector<v1::CalendarYear> without_2026;
  for (const v1::CalendarYear& year : BuiltinCalendarYears()) {
    if (year.year() != 2026) without_2026.push_back(year);
  }
  absl::StatusOr<WorkingCalendar> calendar =
      WorkingCalendar::Create(without_2026);
  ASSERT_TRUE(calendar.ok()) << calendar.status();

  // Without 2026: Dec 25 Thu =1, 26 =2, 29 =3, 30 =4, 31 =5; Thu Jan 1
  // 2026 skipped (元旦, statutory), Fri Jan 2 =6 (no 调休 is known), Jan 5
  // =7, 6 =8, 7 =9, Thu Jan 8 =10.
  absl::StatusOr<WorkingDayCount> provisional =
      calendar->AddWorkingDays(Day("2025-12-24"), 10);
  ASSERT_TRUE(provisional.ok()) << provisional.status();
  EXPECT_EQ(provisional->end, Day("2026-01-08"));
  EXPECT_TRUE(provisional->provisional);
  EXPECT_THAT(provisional->provisional_years, ElementsAre(2026));
  ASSERT_EQ(provisional->notable_days.size(), 1u);
  const DayInfo& new_year = provisional->notable_days[0].info;
  EXPECT_EQ(new_year.day, Day("2026-01-01"));
  EXPECT_EQ(new_year.kind, v1::DAY_KIND_HOLIDAY);
  EXPECT_EQ(new_year.holiday_name, "元旦");
  EXPECT_TRUE(new_year.statutory_estimate);
  EXPECT_FALSE(new_year.year_loaded);

  // With 2026: Dec 25 =1 .. Dec 31 =5; Jan 1-3 元旦 off; Sun Jan 4 make-up
  // =6; Jan 5 =7, 6 =8, 7 =9, Thu Jan 8 =10.
  absl::StatusOr<WorkingDayCount> final_count =
      BuiltinCalendar().AddWorkingDays(Day("2025-12-24"), 10);
  ASSERT_TRUE(final_count.ok()) << final_count.status();
  EXPECT_EQ(final_count->end, Day("2026-01-08"));
  EXPECT_FALSE(final_count->provisional);
  EXPECT_THAT(final_count->provisional_years, IsEmpty());

  // A count that stays inside 2025 is final even without 2026: Dec 24 Wed
  // =1, 25 =2, 26 =3, Mon Dec 29 =4, 30 =5.
  absl::StatusOr<WorkingDayCount> inside =
      calendar->AddWorkingDays(Day("2025-12-23"), 5);
  ASSERT_TRUE(inside.ok()) << inside.status();
  EXPECT_EQ(inside->end, Day("2025-12-30"));
  EXPECT_FALSE(inside->provisional);
}

TEST(WorkingCalendarTest, EmptyCalendarSkipsOnlyStatutoryDaysAndIsProvisional) {
  const WorkingCalendar empty;
  // Without arrangements Oct 1–3 2025 (Wed–Fri) are the statutory 国庆节, Mon
  // Oct 6 the statutory 中秋节; Sunday Sep 28 stays a weekend (the 2025
  // notice made it a make-up day, which no computation can know).
  EXPECT_EQ(empty.KindOf(Day("2025-10-01")), v1::DAY_KIND_HOLIDAY);
  EXPECT_EQ(empty.Classify(Day("2025-10-06")).holiday_name, "中秋节");
  EXPECT_EQ(empty.KindOf(Day("2025-10-07")), v1::DAY_KIND_WORKING_WEEKDAY);
  EXPECT_EQ(empty.KindOf(Day("2025-09-28")), v1::DAY_KIND_WEEKEND);
  // Sep 29 =1, 30 =2, Oct 1–3 off, Oct 6 off, Oct 7 =3, 8 =4, 9 =5, 10 =6,
  // Mon Oct 13 =7.
  absl::StatusOr<WorkingDayCount> count =
      empty.AddWorkingDays(Day("2025-09-26"), 7);
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(count->end, Day("2025-10-13"));
  EXPECT_EQ(empty.WorkingDaysBetween(Day("2025-09-26"), Day("2025-10-13")), 7);
  EXPECT_TRUE(count->provisional);
  EXPECT_THAT(count->provisional_years, ElementsAre(2025));
  EXPECT_THAT(empty.years(), IsEmpty());
}

TEST(WorkingCalendarTest, RejectsNegativeAndHugeCounts) {
  absl::StatusOr<WorkingDayCount> negative =
      BuiltinCalendar().AddWorkingDays(Day("2025-09-26"), -1);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(negative.status().message()),
            "days: 须在 0 至 3660 之间，而不是 -1");
  EXPECT_FALSE(BuiltinCalendar().AddWorkingDays(Day("2025-09-26"), 3661).ok());
  EXPECT_TRUE(BuiltinCalendar().AddWorkingDays(Day("2025-09-26"), 3660).ok());
  absl::StatusOr<CalendarDayPeriod> period =
      BuiltinCalendar().AddCalendarDays(Day("2025-09-26"), -5);
  EXPECT_EQ(period.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(period.status().message()),
            "days: 须在 0 至 3660 之间，而不是 -5");
}

// ---------------------------------------------------------------------------
// Day kinds.

struct KindCase {
  const char* day;
  v1::DayKind kind;
  const char* holiday_name;
  int arrangement_year;
  bool year_loaded;
};

void PrintTo(const KindCase& c, std::ostream* os) { *os << c.day; }

class KindOfTest : public ::testing::TestWithParam<KindCase> {};

TEST_P(KindOfTest, ClassifiesTheDay) {
  const KindCase& c = GetParam();
  const DayInfo info = BuiltinCalendar().Classify(Day(c.day));
  EXPECT_EQ(info.day, Day(c.day));
  EXPECT_EQ(info.kind, c.kind) << c.day;
  EXPECT_EQ(info.holiday_name, c.holiday_name) << c.day;
  EXPECT_EQ(info.arrangement_year, c.arrangement_year) << c.day;
  EXPECT_EQ(info.year_loaded, c.year_loaded) << c.day;
  EXPECT_EQ(BuiltinCalendar().KindOf(Day(c.day)), c.kind) << c.day;
  const bool working = c.kind == v1::DAY_KIND_WORKING_WEEKDAY ||
                       c.kind == v1::DAY_KIND_MAKEUP_WORKDAY;
  EXPECT_EQ(BuiltinCalendar().IsWorkingDay(Day(c.day)), working) << c.day;
  EXPECT_EQ(info.IsWorkingDay(), working) << c.day;
}

INSTANTIATE_TEST_SUITE_P(
    Days, KindOfTest,
    ::testing::Values(
        KindCase{"2025-10-13", v1::DAY_KIND_WORKING_WEEKDAY, "", 0, true},
        KindCase{"2025-10-12", v1::DAY_KIND_WEEKEND, "", 0, true},  // Sun
        KindCase{"2025-10-01", v1::DAY_KIND_HOLIDAY, "国庆节、中秋节", 2025,
                 true},
        // A Saturday inside the holiday is listed as a day off too.
        KindCase{"2025-10-04", v1::DAY_KIND_HOLIDAY, "国庆节、中秋节", 2025,
                 true},
        KindCase{"2025-10-11", v1::DAY_KIND_MAKEUP_WORKDAY, "", 2025,
                 true},  // Sat
        KindCase{"2025-09-28", v1::DAY_KIND_MAKEUP_WORKDAY, "", 2025,
                 true},  // Sun
        // The cancelled 2020 make-up Saturday is a day off.
        KindCase{"2020-02-01", v1::DAY_KIND_HOLIDAY, "春节(含延长)", 2020,
                 true},
        // 除夕 2024 is an ordinary Friday.
        KindCase{"2024-02-09", v1::DAY_KIND_WORKING_WEEKDAY, "", 0, true},
        KindCase{"2026-01-04", v1::DAY_KIND_MAKEUP_WORKDAY, "", 2026, true},
        KindCase{"2026-02-23", v1::DAY_KIND_HOLIDAY, "春节", 2026, true},
        // Declared by the 2019 notice; 2018 itself is not loaded.
        KindCase{"2018-12-31", v1::DAY_KIND_HOLIDAY, "元旦", 2019, false},
        KindCase{"2018-12-29", v1::DAY_KIND_MAKEUP_WORKDAY, "", 2019, false},
        KindCase{"2018-12-28", v1::DAY_KIND_WORKING_WEEKDAY, "", 0, false},
        // 元旦 2023 began on Sat 2022-12-31 (2023 notice).
        KindCase{"2022-12-31", v1::DAY_KIND_HOLIDAY, "元旦", 2023, true},
        // 2027: no arrangement; Fri Jan 1 is the statutory 元旦, and the
        // weekend after it stays an ordinary weekend.
        KindCase{"2027-01-01", v1::DAY_KIND_HOLIDAY, "元旦", 0, false},
        KindCase{"2027-01-02", v1::DAY_KIND_WEEKEND, "", 0, false},
        KindCase{"2027-01-04", v1::DAY_KIND_WORKING_WEEKDAY, "", 0, false},
        // 除夕 is statutory from 2025 (the 2024 revision).
        KindCase{"2027-02-05", v1::DAY_KIND_HOLIDAY, "春节", 0, false},
        KindCase{"2027-10-03", v1::DAY_KIND_HOLIDAY, "国庆节", 0, false},
        KindCase{"2027-10-04", v1::DAY_KIND_WORKING_WEEKDAY, "", 0, false}));

// ---------------------------------------------------------------------------
// WorkingDaysBetween.

struct BetweenCase {
  const char* from;
  const char* to;
  int64_t expected;
  const char* how;
};

void PrintTo(const BetweenCase& c, std::ostream* os) {
  *os << "(" << c.from << ", " << c.to << "]";
}

class WorkingDaysBetweenTest : public ::testing::TestWithParam<BetweenCase> {};

TEST_P(WorkingDaysBetweenTest, CountsWorkingDaysInHalfOpenRange) {
  const BetweenCase& c = GetParam();
  EXPECT_EQ(BuiltinCalendar().WorkingDaysBetween(Day(c.from), Day(c.to)),
            c.expected)
      << c.how;
}

INSTANTIATE_TEST_SUITE_P(
    HandCounted, WorkingDaysBetweenTest,
    ::testing::Values(
        BetweenCase{"2025-09-26", "2025-10-30", 20, "the answer deadline"},
        BetweenCase{"2025-10-30", "2025-09-26", -20, "reversed: negative"},
        BetweenCase{"2025-10-13", "2025-09-26", -7, "reversed 补正 count"},
        BetweenCase{"2025-10-13", "2025-10-13", 0, "empty range"},
        BetweenCase{"2025-10-12", "2025-10-13", 1, "(Sun, Mon]: Mon =1"},
        BetweenCase{"2025-09-30", "2025-10-09", 1,
                    "Oct 1-8 off; only Thu Oct 9"},
        BetweenCase{"2025-10-08", "2025-10-12", 3,
                    "Oct 9 Thu, Oct 10 Fri, Oct 11 Sat make-up; Oct 12 Sun"},
        BetweenCase{"2025-10-01", "2025-10-08", 0,
                    "(Oct 1, Oct 8] all inside the holiday"},
        BetweenCase{"2020-01-17", "2020-02-21", 20, "the 2020 case"},
        BetweenCase{"2025-12-31", "2026-01-09", 6,
                    "Jan 1-2 off, Jan 3 Sat off; Jan 4 Sun make-up =1; Jan "
                    "5-9 =2..6"},
        BetweenCase{"2026-12-31", "2027-01-08", 5,
                    "2027 provisional: Fri Jan 1 元旦 off; Jan 4-8 =1..5"},
        BetweenCase{"2027-01-29", "2027-02-12", 8,
                    "2027 provisional: Feb 1-4 =1..4; Fri Feb 5 除夕 and Mon "
                    "Feb 8 初三 off; Feb 9-12 =5..8"},
        BetweenCase{"2019-01-01", "2020-01-01", 250,
                    "Jan 2 2019 - Jan 1 2020: 261 Mon-Fri days; minus the 16 "
                    "weekday days off of 2019 after Jan 1 and Wed Jan 1 2020 "
                    "(17); plus the 6 make-up days of 2019 = 250"}));

// The 2019 total is easy to get wrong by hand; spell it out.
TEST(WorkingDaysBetweenTotalsTest, WholeYear2019) {
  // (2018-12-31, 2019-12-31] is all of 2019. 2019 has 365 days starting on
  // a Tuesday: 52 weeks + Tue Dec 31, so 52 * 5 + 1 = 261 Monday–Friday days.
  // Weekday days off in 2019 (the file's weekday_off_days minus Mon
  // 2018-12-31): Jan 1; Feb 4-8 (5); Apr 5; May 1-3 (3); Jun 7; Sep 13;
  // Oct 1-4 and 7 (5) = 1 + 5 + 1 + 3 + 1 + 1 + 5 = 17.
  // Make-up days in 2019: Feb 2, Feb 3, Apr 28, May 5, Sep 29, Oct 12 = 6
  // (Sat 2018-12-29 is in 2018).
  // 261 - 17 + 6 = 250.
  EXPECT_EQ(BuiltinCalendar().WorkingDaysBetween(Day("2018-12-31"),
                                                 Day("2019-12-31")),
            250);
}

// Two independent algorithms (day-by-day counting, and weekday arithmetic
// corrected by declared days) must agree everywhere in the loaded years.
TEST(WorkingDaysBetweenTotalsTest, AgreesWithAddWorkingDaysAcrossAllYears) {
  const WorkingCalendar& calendar = BuiltinCalendar();
  for (absl::CivilDay start = Day("2018-12-01"); start <= Day("2027-01-31");
       start += 3) {
    for (int n : {0, 1, 5, 7, 15, 20, 40}) {
      absl::StatusOr<WorkingDayCount> count = calendar.AddWorkingDays(start, n);
      ASSERT_TRUE(count.ok());
      ASSERT_EQ(calendar.WorkingDaysBetween(start, count->end), n)
          << start << " + " << n << " = " << count->end;
      ASSERT_EQ(calendar.WorkingDaysBetween(count->end, start), -n);
      ASSERT_TRUE(n == 0 || calendar.IsWorkingDay(count->end));
    }
  }
}

// ---------------------------------------------------------------------------
// NextWorkingDayOnOrAfter and calendar-day periods.

struct NextCase {
  const char* day;
  const char* expected;
  const char* how;
};

void PrintTo(const NextCase& c, std::ostream* os) { *os << c.day; }

class NextWorkingDayTest : public ::testing::TestWithParam<NextCase> {};

TEST_P(NextWorkingDayTest, FindsTheDay) {
  const NextCase& c = GetParam();
  EXPECT_EQ(BuiltinCalendar().NextWorkingDayOnOrAfter(Day(c.day)),
            Day(c.expected))
      << c.how;
}

INSTANTIATE_TEST_SUITE_P(
    HandChecked, NextWorkingDayTest,
    ::testing::Values(
        NextCase{"2025-10-13", "2025-10-13", "Mon: itself"},
        NextCase{"2025-10-11", "2025-10-11", "Sat make-up: itself"},
        NextCase{"2025-10-12", "2025-10-13", "Sun -> Mon"},
        NextCase{"2025-10-01", "2025-10-09", "Oct 1-8 off -> Thu Oct 9"},
        NextCase{"2020-02-01", "2020-02-03",
                 "cancelled make-up Sat -> Mon Feb 3"},
        NextCase{"2024-02-15", "2024-02-18",
                 "Feb 15-17 off -> Sun Feb 18 make-up"}));

struct PeriodCase {
  const char* start;
  int days;
  const char* nominal_end;
  const char* end;
  int days_off;
  const char* how;
};

void PrintTo(const PeriodCase& c, std::ostream* os) {
  *os << c.start << " + " << c.days << " calendar days";
}

class AddCalendarDaysTest : public ::testing::TestWithParam<PeriodCase> {};

TEST_P(AddCalendarDaysTest, EndsOnTheNextWorkingDayWhenTheLastDayIsOff) {
  const PeriodCase& c = GetParam();
  absl::StatusOr<CalendarDayPeriod> period =
      BuiltinCalendar().AddCalendarDays(Day(c.start), c.days);
  ASSERT_TRUE(period.ok()) << period.status();
  EXPECT_EQ(period->nominal_end, Day(c.nominal_end)) << c.how;
  EXPECT_EQ(period->end, Day(c.end)) << c.how;
  EXPECT_EQ(static_cast<int>(period->days_off.size()), c.days_off) << c.how;
  EXPECT_FALSE(period->provisional);
}

INSTANTIATE_TEST_SUITE_P(
    HandCounted, AddCalendarDaysTest,
    ::testing::Values(
        PeriodCase{"2025-09-16", 15, "2025-10-01", "2025-10-09", 8,
                   "Sep 16 + 15 = Oct 1 (holiday); Oct 1-8 off -> Thu Oct 9"},
        PeriodCase{"2024-06-01", 8, "2024-06-09", "2024-06-11", 2,
                   "Jun 9 Sun, Jun 10 Mon 端午节 -> Tue Jun 11"},
        PeriodCase{"2024-02-01", 14, "2024-02-15", "2024-02-18", 3,
                   "Feb 15-17 off -> Sun Feb 18 make-up working day"},
        PeriodCase{"2025-09-26", 15, "2025-10-11", "2025-10-11", 0,
                   "Oct 11 is a make-up Saturday: a working day, no move"},
        PeriodCase{"2025-10-13", 4, "2025-10-17", "2025-10-17", 0,
                   "Fri Oct 17: ordinary working day"},
        PeriodCase{"2025-10-13", 5, "2025-10-18", "2025-10-20", 2,
                   "Sat Oct 18, Sun Oct 19 -> Mon Oct 20"}));

TEST(CalendarDayPeriodTest, NamesTheDaysOffAndMarksUnloadedYears) {
  absl::StatusOr<CalendarDayPeriod> period =
      BuiltinCalendar().AddCalendarDays(Day("2025-09-16"), 15);
  ASSERT_TRUE(period.ok()) << period.status();
  ASSERT_EQ(period->days_off.size(), 8u);
  EXPECT_EQ(period->days_off.front().day, Day("2025-10-01"));
  EXPECT_EQ(period->days_off.front().holiday_name, "国庆节、中秋节");
  EXPECT_EQ(period->days_off.back().day, Day("2025-10-08"));

  // Dec 20 2026 + 14 = Sun Jan 3 2027: a weekend by the fallback -> Mon Jan
  // 4; 2027 has no arrangement, so provisional.
  absl::StatusOr<CalendarDayPeriod> into_2027 =
      BuiltinCalendar().AddCalendarDays(Day("2026-12-20"), 14);
  ASSERT_TRUE(into_2027.ok()) << into_2027.status();
  EXPECT_EQ(into_2027->nominal_end, Day("2027-01-03"));
  EXPECT_EQ(into_2027->end, Day("2027-01-04"));
  EXPECT_TRUE(into_2027->provisional);
  EXPECT_THAT(into_2027->provisional_years, ElementsAre(2027));

  // Dec 18 2026 + 14 = Fri Jan 1 2027, the statutory 元旦: Jan 1-3 are days
  // off -> Mon Jan 4.
  absl::StatusOr<CalendarDayPeriod> on_new_year =
      BuiltinCalendar().AddCalendarDays(Day("2026-12-18"), 14);
  ASSERT_TRUE(on_new_year.ok()) << on_new_year.status();
  EXPECT_EQ(on_new_year->end, Day("2027-01-04"));
  ASSERT_EQ(on_new_year->days_off.size(), 3u);
  EXPECT_EQ(on_new_year->days_off[0].holiday_name, "元旦");
  EXPECT_TRUE(on_new_year->days_off[0].statutory_estimate);
  EXPECT_TRUE(on_new_year->provisional);
}

// ---------------------------------------------------------------------------
// Building calendars: validation and run-time years.

// A made-up 2027 arrangement (not the real one, which is unpublished).
// 2027-01-01 is a Friday; Feb 6 and 13, 20 are Saturdays, Jan 30 too.
constexpr char kFake2027[] = R"pb(
  year: 2027
  notices: "测试通知"
  holidays {
    name: "元旦"
    first_day { year: 2027 month: 1 day: 1 }
    last_day { year: 2027 month: 1 day: 3 }
    days: 3
  }
  holidays {
    name: "春节"
    first_day { year: 2027 month: 2 day: 6 }
    last_day { year: 2027 month: 2 day: 14 }
    days: 9
  }
  off_days { year: 2027 month: 1 day: 1 }
  off_days { year: 2027 month: 1 day: 2 }
  off_days { year: 2027 month: 1 day: 3 }
  off_days { year: 2027 month: 2 day: 6 }
  off_days { year: 2027 month: 2 day: 7 }
  off_days { year: 2027 month: 2 day: 8 }
  off_days { year: 2027 month: 2 day: 9 }
  off_days { year: 2027 month: 2 day: 10 }
  off_days { year: 2027 month: 2 day: 11 }
  off_days { year: 2027 month: 2 day: 12 }
  off_days { year: 2027 month: 2 day: 13 }
  off_days { year: 2027 month: 2 day: 14 }
  makeup_workdays { year: 2027 month: 1 day: 30 }
  makeup_workdays { year: 2027 month: 2 day: 20 }
)pb";

v1::CalendarYear Fake2027() {
  v1::CalendarYear year;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kFake2027, &year));
  return year;
}

v1::Date ProtoDay(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

// Adds a holiday from..to (inclusive) with its days off.
void AddHoliday(v1::CalendarYear& year, const char* name, absl::CivilDay from,
                absl::CivilDay to) {
  v1::Holiday* holiday = year.add_holidays();
  holiday->set_name(name);
  *holiday->mutable_first_day() = ToProtoDate(from);
  *holiday->mutable_last_day() = ToProtoDate(to);
  holiday->set_days(static_cast<int>(to - from) + 1);
  for (absl::CivilDay day = from; day <= to; ++day) {
    *year.add_off_days() = ToProtoDate(day);
  }
}

// A made-up 2027 arrangement that gives every statutory day of 2027 (元旦 Jan
// 1, 春节 除夕 Feb 5 to 初三 Feb 8, 清明 Apr 5, 劳动节 May 1-2, 端午 Jun 9,
// 中秋 Sep 15, 国庆 Oct 1-3) as a day off, so 2027 counts as complete.
v1::CalendarYear Complete2027() {
  v1::CalendarYear year;
  year.set_year(2027);
  year.add_notices("测试通知");
  AddHoliday(year, "元旦", Day("2027-01-01"), Day("2027-01-03"));
  AddHoliday(year, "春节", Day("2027-02-05"), Day("2027-02-14"));
  AddHoliday(year, "清明节", Day("2027-04-03"), Day("2027-04-05"));
  AddHoliday(year, "劳动节", Day("2027-05-01"), Day("2027-05-05"));
  AddHoliday(year, "端午节", Day("2027-06-09"), Day("2027-06-09"));
  AddHoliday(year, "中秋节", Day("2027-09-15"), Day("2027-09-15"));
  AddHoliday(year, "国庆节", Day("2027-10-01"), Day("2027-10-07"));
  *year.add_makeup_workdays() = ProtoDay(2027, 1, 30);
  *year.add_makeup_workdays() = ProtoDay(2027, 2, 20);
  return year;
}

TEST(ValidateCalendarYearAcceptsTest, AcceptsTheFakeYearAndEveryShippedYear) {
  EXPECT_TRUE(ValidateCalendarYear(Fake2027()).ok())
      << ValidateCalendarYear(Fake2027());
  for (const v1::CalendarYear& year : BuiltinCalendarYears()) {
    EXPECT_TRUE(ValidateCalendarYear(year).ok()) << year.year();
  }
}

struct InvalidCase {
  const char* name;
  void (*mutate)(v1::CalendarYear*);
  const char* message;
};

void PrintTo(const InvalidCase& c, std::ostream* os) { *os << c.name; }

class ValidateCalendarYearTest : public ::testing::TestWithParam<InvalidCase> {
};

TEST_P(ValidateCalendarYearTest, NamesTheFieldAndTheRule) {
  const InvalidCase& c = GetParam();
  v1::CalendarYear year = Fake2027();
  c.mutate(&year);
  const absl::Status status = ValidateCalendarYear(year);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.name;
  EXPECT_EQ(std::string(status.message()), c.message) << c.name;
  // Create applies the same rules.
  const v1::CalendarYear years[] = {year};
  EXPECT_EQ(WorkingCalendar::Create(years).status(), status) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateCalendarYearTest,
    ::testing::Values(
        InvalidCase{"year", [](v1::CalendarYear* y) { y->set_year(1800); },
                    "year: 须在 1901 至 9998 之间，而不是 1800"},
        InvalidCase{"no notice",
                    [](v1::CalendarYear* y) { y->clear_notices(); },
                    "2027.notices: 至少须有一份通知"},
        InvalidCase{"blank notice",
                    [](v1::CalendarYear* y) { y->set_notices(0, "  "); },
                    "2027.notices[0]: 不能为空"},
        InvalidCase{"no holiday",
                    [](v1::CalendarYear* y) { y->clear_holidays(); },
                    "2027.holidays: 至少须有一个假期"},
        InvalidCase{
            "blank name",
            [](v1::CalendarYear* y) { y->mutable_holidays(1)->set_name(""); },
            "2027.holidays[1].name: 不能为空"},
        InvalidCase{"unset from",
                    [](v1::CalendarYear* y) {
                      y->mutable_holidays(1)->clear_first_day();
                    },
                    "2027.holidays[1].from: 必须填写"},
        InvalidCase{"impossible to",
                    [](v1::CalendarYear* y) {
                      *y->mutable_holidays(1)->mutable_last_day() =
                          ProtoDay(2027, 2, 30);
                    },
                    "2027.holidays[1].to: 2027-02-30 不是有效的日期"},
        InvalidCase{"to before from",
                    [](v1::CalendarYear* y) {
                      *y->mutable_holidays(1)->mutable_last_day() =
                          ProtoDay(2027, 2, 5);
                    },
                    "2027.holidays[1].to: 2027-02-05 早于 from（2027-02-06）"},
        InvalidCase{
            "days",
            [](v1::CalendarYear* y) { y->mutable_holidays(1)->set_days(8); },
            "2027.holidays[1].days: 8 与 2027-02-06 至 2027-02-14 不符"
            "（共 9 天）"},
        InvalidCase{"out of reach",
                    [](v1::CalendarYear* y) {
                      *y->mutable_holidays(0)->mutable_first_day() =
                          ProtoDay(2026, 11, 30);
                    },
                    "2027.holidays[0].from: 2026-11-30 超出 2027 年节假日安排的"
                    "范围（2026-12-01 至 2028-01-31）"},
        InvalidCase{"overlap",
                    [](v1::CalendarYear* y) {
                      v1::Holiday* h = y->add_holidays();
                      h->set_name("测试");
                      *h->mutable_first_day() = ProtoDay(2027, 2, 14);
                      *h->mutable_last_day() = ProtoDay(2027, 2, 15);
                      h->set_days(2);
                    },
                    "2027.holidays[2]: 与 holidays[1]（春节）重叠"},
        InvalidCase{"off day without holiday",
                    [](v1::CalendarYear* y) {
                      *y->add_off_days() = ProtoDay(2027, 3, 1);
                    },
                    "2027.off_days[12]: 2027-03-01 不在任何假期的 from 至 to "
                    "之内"},
        InvalidCase{
            "off day twice",
            [](v1::CalendarYear* y) {
              *y->add_off_days() = ProtoDay(2027, 1, 1);
            },
            "2027.off_days[12]: 2027-01-01 重复列出（另见 off_days[0]）"},
        InvalidCase{"impossible off day",
                    [](v1::CalendarYear* y) {
                      *y->add_off_days() = ProtoDay(2027, 2, 29);
                    },
                    "2027.off_days[12]: 2027-02-29 不是有效的日期"},
        InvalidCase{"holiday day missing",
                    [](v1::CalendarYear* y) {
                      // off_days[7] is 2027-02-10.
                      y->mutable_off_days()->DeleteSubrange(7, 1);
                    },
                    "2027.holidays[1]: off_days 缺少 2027-02-10（春节）"},
        InvalidCase{"make-up day off",
                    [](v1::CalendarYear* y) {
                      *y->mutable_makeup_workdays(1) = ProtoDay(2027, 2, 14);
                    },
                    "2027.makeup_workdays[1]: 2027-02-14 同时被列为放假日"},
        InvalidCase{
            "make-up weekday",
            [](v1::CalendarYear* y) {
              *y->mutable_makeup_workdays(1) = ProtoDay(2027, 2, 17);
            },
            "2027.makeup_workdays[1]: 2027-02-17 是星期三；调休上班日须为"
            "星期六或星期日"},
        InvalidCase{"make-up twice",
                    [](v1::CalendarYear* y) {
                      *y->add_makeup_workdays() = ProtoDay(2027, 1, 30);
                    },
                    "2027.makeup_workdays[2]: 2027-01-30 重复列出（另见 "
                    "makeup_workdays[0]）"},
        InvalidCase{
            "make-up out of reach",
            [](v1::CalendarYear* y) {
              *y->add_makeup_workdays() = ProtoDay(2028, 2, 5);
            },
            "2027.makeup_workdays[2]: 2028-02-05 超出 2027 年节假日安排的"
            "范围（2026-12-01 至 2028-01-31）"},
        InvalidCase{"name of a C1 control",
                    [](v1::CalendarYear* y) {
                      y->mutable_holidays(1)->set_name("春\u0085节");
                    },
                    "2027.holidays[1].name: 须为单行，且不能包含控制字符"},
        InvalidCase{"invisible name",
                    [](v1::CalendarYear* y) {
                      y->mutable_holidays(1)->set_name("\u3000\u200B");
                    },
                    "2027.holidays[1].name: 不能只由空白或不可见字符组成"},
        InvalidCase{"invisible notice",
                    [](v1::CalendarYear* y) { y->set_notices(0, "\uFEFF"); },
                    "2027.notices[0]: 不能只由空白或不可见字符组成"},
        // The whole of 2027 one holiday: 365 days, every weekday off.
        InvalidCase{"holiday longer than any notice gives",
                    [](v1::CalendarYear* y) {
                      y->clear_holidays();
                      y->clear_off_days();
                      y->clear_makeup_workdays();
                      AddHoliday(*y, "全年", Day("2027-01-01"),
                                 Day("2027-12-31"));
                    },
                    "2027.holidays[0]: 2027-01-01 至 2027-12-31 共 365 天，"
                    "超过一个假期最多 14 天的上限（已公布的安排中最长为 10 "
                    "天）"},
        InvalidCase{"longest allowed plus one",
                    [](v1::CalendarYear* y) {
                      *y->mutable_holidays(1)->mutable_last_day() =
                          ProtoDay(2027, 2, 20);
                    },
                    "2027.holidays[1]: 2027-02-06 至 2027-02-20 共 15 天，"
                    "超过一个假期最多 14 天的上限（已公布的安排中最长为 10 "
                    "天）"},
        // Thirteen two-week holidays, each within the length bound, from
        // 2027-03-01 (a Monday): 10 weekdays each, and with the 6 of 元旦
        // and 春节 136 in all.
        InvalidCase{"too many weekdays off",
                    [](v1::CalendarYear* y) {
                      for (int k = 0; k < 13; ++k) {
                        const absl::CivilDay from = Day("2027-03-01") + 14 * k;
                        AddHoliday(*y, "连休", from, from + 13);
                      }
                    },
                    "2027.off_days: 周一至周五的放假日共 136 天，超过每年 25 "
                    "天的上限（已公布的安排中最多为 19 天）"},
        InvalidCase{"too many make-up days",
                    [](v1::CalendarYear* y) {
                      y->clear_makeup_workdays();
                      // Saturdays from 2027-03-06 on, none a day off.
                      for (int k = 0; k < 13; ++k) {
                        *y->add_makeup_workdays() =
                            ToProtoDate(Day("2027-03-06") + 7 * k);
                      }
                    },
                    "2027.makeup_workdays: 共 13 天，超过每年 12 天的上限（已"
                    "公布的安排中最多为 8 天）"},
        InvalidCase{"reach ends with the calendar",
                    [](v1::CalendarYear* y) {
                      y->set_year(9998);
                      y->clear_holidays();
                      y->clear_off_days();
                      y->clear_makeup_workdays();
                      AddHoliday(*y, "元旦", Day("9998-12-31"),
                                 Day("9999-01-01"));
                    },
                    "9998.holidays[0].to: 9999-01-01 超出 9998 年节假日安排的"
                    "范围（9997-12-01 至 9998-12-31）"}),
    [](const ::testing::TestParamInfo<InvalidCase>& info) {
      std::string name = info.param.name;
      for (char& ch : name) {
        if (!absl::ascii_isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(WorkingCalendarCreateTest, RejectsAYearGivenTwice) {
  const v1::CalendarYear years[] = {Fake2027(), Fake2027()};
  const absl::Status status = WorkingCalendar::Create(years).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(status.message()), "years: 2027 年重复给出");
}

TEST(WorkingCalendarCreateTest, RejectsArrangementsThatDisagree) {
  // A made-up 2018 that declares Sun 2018-12-30 a make-up working day, which
  // the 2019 notice makes a day off (元旦).
  v1::CalendarYear fake_2018;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(year: 2018
           notices: "测试通知"
           holidays {
             name: "国庆节"
             first_day { year: 2018 month: 10 day: 1 }
             last_day { year: 2018 month: 10 day: 1 }
             days: 1
           }
           off_days { year: 2018 month: 10 day: 1 }
           makeup_workdays { year: 2018 month: 12 day: 30 })pb",
      &fake_2018));
  ASSERT_TRUE(ValidateCalendarYear(fake_2018).ok());
  const absl::Status status =
      BuiltinCalendar().WithYears(absl::MakeConstSpan(&fake_2018, 1)).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      std::string(status.message()),
      "2019.holidays[0]: 2018-12-30 已被 2018 年节假日安排列为调休上班日");
}

TEST(WorkingCalendarCreateTest, WithYearsAddsAYearAtRunTime) {
  const v1::CalendarYear complete = Complete2027();
  ASSERT_TRUE(ValidateCalendarYear(complete).ok())
      << ValidateCalendarYear(complete);
  absl::StatusOr<WorkingCalendar> calendar =
      BuiltinCalendar().WithYears(absl::MakeConstSpan(&complete, 1));
  ASSERT_TRUE(calendar.ok()) << calendar.status();
  EXPECT_TRUE(calendar->HasYear(2027));
  EXPECT_TRUE(calendar->IsYearComplete(2027));
  EXPECT_THAT(calendar->MissingFestivals(2027), IsEmpty());
  EXPECT_THAT(calendar->EstimatedHolidays(2027), IsEmpty());
  EXPECT_FALSE(BuiltinCalendar().HasYear(2027));  // the original is unchanged
  ASSERT_EQ(calendar->years().size(), 9u);
  EXPECT_EQ(calendar->years().back().year(), 2027);
  ASSERT_NE(calendar->FindYear(2027), nullptr);
  EXPECT_EQ(calendar->FindYear(2027)->notices(0), "测试通知");
  EXPECT_EQ(calendar->FindYear(2028), nullptr);
  EXPECT_TRUE(
      calendar->HasArrangementsFor(Day("2019-01-01"), Day("2027-12-31")));
  EXPECT_FALSE(
      calendar->HasArrangementsFor(Day("2018-12-31"), Day("2019-01-02")));
  EXPECT_FALSE(BuiltinCalendar().HasArrangementsFor(Day("2026-12-01"),
                                                    Day("2027-01-02")));

  // Dec 24 2026 + 20 with the complete 2027: Dec 25 =1, Dec 28-31 =2..5, Jan
  // 1-3 元旦 off, Jan 4-8 =6..10, Jan 11-15 =11..15, Jan 18-22 =16..20. Final.
  absl::StatusOr<WorkingDayCount> count =
      calendar->AddWorkingDays(Day("2026-12-24"), 20);
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(count->end, Day("2027-01-22"));
  EXPECT_FALSE(count->provisional);
  // Thu Feb 4 + 1: Feb 5-14 春节 off; Mon Feb 15 =1. Fri Feb 19 + 1: Sat Feb
  // 20 make-up =1.
  EXPECT_EQ(calendar->AddWorkingDays(Day("2027-02-04"), 1)->end,
            Day("2027-02-15"));
  EXPECT_EQ(calendar->AddWorkingDays(Day("2027-02-19"), 1)->end,
            Day("2027-02-20"));
}

// A file that gives only some festivals does not make its year known: the
// year stays provisional, and the festivals it leaves out are computed.
TEST(WorkingCalendarCreateTest, AnIncompleteYearStaysProvisional) {
  // Only 元旦 2027 (Jan 1-3).
  v1::CalendarYear only_new_year;
  only_new_year.set_year(2027);
  only_new_year.add_notices("测试通知");
  AddHoliday(only_new_year, "元旦", Day("2027-01-01"), Day("2027-01-03"));
  absl::StatusOr<WorkingCalendar> calendar =
      BuiltinCalendar().WithYears(absl::MakeConstSpan(&only_new_year, 1));
  ASSERT_TRUE(calendar.ok()) << calendar.status();
  EXPECT_TRUE(calendar->HasYear(2027));
  EXPECT_FALSE(calendar->IsYearComplete(2027));
  EXPECT_THAT(calendar->MissingFestivals(2027),
              ElementsAre(Festival::kSpringFestival, Festival::kQingming,
                          Festival::kLabourDay, Festival::kDragonBoat,
                          Festival::kMidAutumn, Festival::kNationalDay));
  ASSERT_EQ(calendar->EstimatedHolidays(2027).size(), 6u);
  EXPECT_FALSE(
      calendar->HasArrangementsFor(Day("2027-01-01"), Day("2027-01-31")));

  // The loaded 元旦 decides Jan 1-3 (published, not estimated)...
  const DayInfo new_year = calendar->Classify(Day("2027-01-01"));
  EXPECT_EQ(new_year.kind, v1::DAY_KIND_HOLIDAY);
  EXPECT_FALSE(new_year.statutory_estimate);
  EXPECT_EQ(new_year.arrangement_year, 2027);
  EXPECT_FALSE(new_year.year_loaded);  // the year is still provisional
  // ...and 春节 is computed: Thu Feb 4 + 1 = Tue Feb 9, provisional.
  const DayInfo eve = calendar->Classify(Day("2027-02-05"));
  EXPECT_EQ(eve.kind, v1::DAY_KIND_HOLIDAY);
  EXPECT_EQ(eve.holiday_name, "春节");
  EXPECT_TRUE(eve.statutory_estimate);
  absl::StatusOr<WorkingDayCount> count =
      calendar->AddWorkingDays(Day("2027-02-04"), 1);
  ASSERT_TRUE(count.ok()) << count.status();
  EXPECT_EQ(count->end, Day("2027-02-09"));
  EXPECT_TRUE(count->provisional);
  EXPECT_THAT(count->provisional_years, ElementsAre(2027));
  EXPECT_EQ(calendar->WorkingDaysBetween(Day("2027-02-04"), Day("2027-02-09")),
            1);

  // Replacing it with the complete arrangement makes 2027 final.
  const v1::CalendarYear complete = Complete2027();
  absl::StatusOr<WorkingCalendar> replaced =
      calendar->WithYears(absl::MakeConstSpan(&complete, 1));
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_TRUE(replaced->IsYearComplete(2027));
  EXPECT_EQ(replaced->years().size(), 9u);
  EXPECT_FALSE(replaced->AddWorkingDays(Day("2027-02-04"), 1)->provisional);
}

// The typed request names the fields as the proto does: years[i]., and
// first_day/last_day rather than the file's from/to.
TEST(ValidateRequestedCalendarYearTest, NamesTheRequestsFields) {
  v1::CalendarYear year = Fake2027();
  EXPECT_TRUE(ValidateRequestedCalendarYear(year, "years[0].").ok());
  *year.mutable_holidays(1)->mutable_last_day() = ProtoDay(2027, 2, 5);
  EXPECT_EQ(
      std::string(ValidateRequestedCalendarYear(year, "years[3].").message()),
      "years[3].holidays[1].last_day: 2027-02-05 早于 first_day（"
      "2027-02-06）");
  year = Fake2027();
  year.set_year(10000);
  EXPECT_EQ(
      std::string(ValidateRequestedCalendarYear(year, "years[1].").message()),
      "years[1].year: 须在 1901 至 9998 之间，而不是 10000");
}

// Every shipped year stays within the sanity bounds, so the bounds were
// chosen above the real data.
TEST(CalendarSanityBoundsTest, EveryShippedYearIsWithinTheBounds) {
  int longest_holiday = 0;
  int most_weekday_off = 0;
  int most_makeup = 0;
  for (const v1::CalendarYear& year : BuiltinCalendarYears()) {
    int weekday_off = 0;
    for (const v1::Date& date : year.off_days()) {
      const absl::Weekday w = absl::GetWeekday(
          absl::CivilDay(date.year(), date.month(), date.day()));
      if (w != absl::Weekday::saturday && w != absl::Weekday::sunday) {
        ++weekday_off;
      }
    }
    most_weekday_off = std::max(most_weekday_off, weekday_off);
    most_makeup = std::max(most_makeup, year.makeup_workdays_size());
    for (const v1::Holiday& holiday : year.holidays()) {
      longest_holiday = std::max(longest_holiday, holiday.days());
    }
  }
  // The maxima the messages quote are the data's, and the bounds lie above.
  EXPECT_EQ(longest_holiday, kLongestPublishedHoliday);
  EXPECT_EQ(most_weekday_off, kMostPublishedWeekdayOffDays);
  EXPECT_EQ(most_makeup, kMostPublishedMakeupWorkdays);
  EXPECT_LT(kLongestPublishedHoliday, kMaxHolidayDays);
  EXPECT_LT(kMostPublishedWeekdayOffDays, kMaxWeekdayOffDays);
  EXPECT_LT(kMostPublishedMakeupWorkdays, kMaxMakeupWorkdays);
}

// Every date the calendar computes stays within its range: no count from
// 9999-12-31, none past 9998-12-31, none from before 1901.
TEST(CalendarRangeTest, CountsStayWithinTheCalendarsRange) {
  const WorkingCalendar calendar;
  EXPECT_EQ(FirstCalendarDay(), Day("1901-01-01"));
  EXPECT_EQ(LastCalendarDay(), Day("9998-12-31"));
  absl::Status status =
      calendar.AddWorkingDays(Day("9999-12-31"), 3660).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(status.message()),
            "start: 须在 1901-01-01 至 9998-12-31 之间（日历的范围），而不是 "
            "9999-12-31");
  status = calendar.AddWorkingDays(Day("1900-12-31"), 1).status();
  EXPECT_EQ(std::string(status.message()),
            "start: 须在 1901-01-01 至 9998-12-31 之间（日历的范围），而不是 "
            "1900-12-31");
  status = calendar.AddWorkingDays(Day("9998-06-01"), 3660).status();
  EXPECT_EQ(std::string(status.message()),
            "days: 从 9998-06-01 起算 3660 天将超出日历的范围（最晚 "
            "9998-12-31）");
  status = calendar.AddCalendarDays(Day("9998-12-01"), 31).status();
  EXPECT_EQ(std::string(status.message()),
            "days: 从 9998-12-01 起算 31 天将超出日历的范围（最晚 "
            "9998-12-31）");
  status = calendar.AddCalendarDays(Day("9999-01-01"), 0).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  // The last working day of the range is still reachable: 9998-12-31 is a
  // Thursday, and no statutory day falls between 12-30 and 12-31.
  absl::StatusOr<WorkingDayCount> last =
      calendar.AddWorkingDays(Day("9998-12-30"), 1);
  ASSERT_TRUE(last.ok()) << last.status();
  EXPECT_EQ(last->end, Day("9998-12-31"));
  absl::StatusOr<CalendarDayPeriod> period =
      calendar.AddCalendarDays(Day("1901-01-01"), 0);
  ASSERT_TRUE(period.ok()) << period.status();
}

}  // namespace
}  // namespace ogi
