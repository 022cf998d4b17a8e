#include "services/proceedings/proceeding_deadlines.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"
#include "tests/common/status_matchers.h"

// Review and lawsuit clocks against dates worked out by hand from the
// official arrangements (SPEC §3). Day 1 is the day after the start.
//   2024 国庆节: 10-01..10-07 off; make-up working days Sun 09-29, Sat 10-12.
//   2025 国庆节、中秋节: 10-01..10-08 off; make-up Sun 09-28, Sat 10-11.
//   2025 劳动节: 05-01..05-05 off.
//   2027: no arrangement ships (provisional: Monday–Friday minus the
//   statutory holidays, e.g. 元旦 Fri 2027-01-01).

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

const WorkingCalendar& Calendar() { return BuiltinCalendar(); }

struct Row {
  const char* name;
  Day start;
  Day expected;
  bool provisional = false;
};

void ExpectDue(const absl::StatusOr<ProceedingDue>& due, const Row& row) {
  SCOPED_TRACE(row.name);
  ASSERT_THAT(due, IsOk());
  EXPECT_EQ(FormatIsoDate(due->date), FormatIsoDate(row.expected));
  EXPECT_EQ(due->provisional, row.provisional);
  if (!row.provisional) {
    EXPECT_THAT(due->provisional_years, IsEmpty());
  }
}

TEST(ProceedingDeadlinesTest, ReviewDefenceIsTenWorkingDaysAfterTheCopy) {
  const Row kRows[] = {
      {"an ordinary fortnight: Mon 03-03 → Mon 03-17", D(2025, 3, 3),
       D(2025, 3, 17)},
      {"copy on Fri 2024-09-27, just before 国庆节: 1 Sun 09-29 (make-up), "
       "2 09-30, 3..6 10-08..10-11, 7 Sat 10-12 (make-up), 8..10 10-14..10-16",
       D(2024, 9, 27), D(2024, 10, 16)},
      {"copy on Mon 2025-09-22: 1..4 09-23..09-26, 5 Sun 09-28, 6 09-29, "
       "7 09-30, 8 10-09, 9 10-10, 10 Sat 10-11 (make-up)",
       D(2025, 9, 22), D(2025, 10, 11)},
      {"2027 has no arrangement: Mon–Fri, provisional", D(2027, 3, 1),
       D(2027, 3, 15), true},
      {"into 2027: 1 12-25, 2..5 12-28..12-31, Fri 2027-01-01 元旦 skipped "
       "(statutory; 2027 is provisional), 6..10 01-04..01-08",
       D(2026, 12, 24), D(2027, 1, 8), true},
  };
  for (const Row& row : kRows) {
    ExpectDue(
        ReviewDefenceDue(row.start, v1::REVIEW_PROCEDURE_ORDINARY, Calendar()),
        row);
  }
  // Unspecified procedure counts as ordinary.
  ExpectDue(ReviewDefenceDue(D(2024, 9, 27), v1::REVIEW_PROCEDURE_UNSPECIFIED,
                             Calendar()),
            {"unspecified", D(2024, 9, 27), D(2024, 10, 16)});

  const absl::StatusOr<ProceedingDue> past_2026 = ReviewDefenceDue(
      D(2026, 12, 24), v1::REVIEW_PROCEDURE_ORDINARY, Calendar());
  ASSERT_THAT(past_2026, IsOk());
  EXPECT_THAT(past_2026->provisional_years, ElementsAre(2027));
}

TEST(ProceedingDeadlinesTest, SimplifiedReviewDefenceIsFiveWorkingDays) {
  ExpectDue(ReviewDefenceDue(D(2024, 9, 27), v1::REVIEW_PROCEDURE_SIMPLIFIED,
                             Calendar()),
            {"1 09-29, 2 09-30, 3 10-08, 4 10-09, 5 10-10", D(2024, 9, 27),
             D(2024, 10, 10)});
}

TEST(ProceedingDeadlinesTest,
     ReviewDecisionIsExpectedSixtyDaysAfterAcceptance) {
  const v1::ReviewProcedure kOrdinary = v1::REVIEW_PROCEDURE_ORDINARY;
  const v1::ReviewProcedure kSimplified = v1::REVIEW_PROCEDURE_SIMPLIFIED;
  ExpectDue(ReviewDecisionExpected(D(2024, 8, 2), kOrdinary, false, Calendar()),
            {"08-02 + 60 = 10-01, 国庆节 → Tue 10-08", D(2024, 8, 2),
             D(2024, 10, 8)});
  ExpectDue(
      ReviewDecisionExpected(D(2024, 8, 2), kOrdinary, true, Calendar()),
      {"extended once: + 90 = Thu 10-31", D(2024, 8, 2), D(2024, 10, 31)});
  ExpectDue(
      ReviewDecisionExpected(D(2024, 8, 13), kOrdinary, false, Calendar()),
      {"+ 60 = Sat 10-12, a make-up working day: stays", D(2024, 8, 13),
       D(2024, 10, 12)});
  ExpectDue(
      ReviewDecisionExpected(D(2024, 8, 2), kSimplified, false, Calendar()),
      {"simplified: + 30 = Sun 09-01 → Mon 09-02", D(2024, 8, 2),
       D(2024, 9, 2)});
  ExpectDue(
      ReviewDecisionExpected(D(2024, 8, 2), kSimplified, true, Calendar()),
      {"simplified cannot be extended", D(2024, 8, 2), D(2024, 9, 2)});
  ExpectDue(ReviewDecisionExpected(D(2027, 1, 5), kOrdinary, false, Calendar()),
            {"2027: + 60 = Sat 03-06 → Mon 03-08 (fallback), provisional",
             D(2027, 1, 5), D(2027, 3, 8), true});
}

TEST(ProceedingDeadlinesTest, LawsuitDefenceIsFifteenDaysMovedPastADayOff) {
  const Row kRows[] = {
      {"+15 = Tue 03-18", D(2025, 3, 3), D(2025, 3, 18)},
      {"+15 = Sun 2025-03-16 → Mon 03-17", D(2025, 3, 1), D(2025, 3, 17)},
      {"+15 = 2025-10-01, 国庆节 → Thu 10-09", D(2025, 9, 16), D(2025, 10, 9)},
      {"+15 = 2025-05-01, 劳动节 → Tue 05-06", D(2025, 4, 16), D(2025, 5, 6)},
      {"+15 = Sat 2024-10-12, a make-up working day: stays", D(2024, 9, 27),
       D(2024, 10, 12)},
  };
  for (const Row& row : kRows) {
    ExpectDue(LawsuitDefenceDue(row.start, Calendar()), row);
  }
}

TEST(ProceedingDeadlinesTest, JudgmentIsExpectedSixMonthsAfterFiling) {
  const Row kRows[] = {
      {"2025-03-31 → Tue 09-30", D(2025, 3, 31), D(2025, 9, 30)},
      {"2025-04-01 → 10-01, 国庆节 → Thu 10-09", D(2025, 4, 1), D(2025, 10, 9)},
      {"month end: 2023-12-31 → Sun 2024-06-30 → Mon 07-01", D(2023, 12, 31),
       D(2024, 7, 1)},
      {"no 31st: 2023-08-31 → leap day Thu 2024-02-29", D(2023, 8, 31),
       D(2024, 2, 29)},
      {"no 31st: 2024-08-31 → Fri 2025-02-28", D(2024, 8, 31), D(2025, 2, 28)},
      {"into 2027: 2026-08-31 → Sun 2027-02-28 → Mon 03-01, provisional",
       D(2026, 8, 31), D(2027, 3, 1), true},
  };
  for (const Row& row : kRows) {
    ExpectDue(JudgmentExpected(row.start, /*simplified=*/false, Calendar()),
              row);
  }
  ExpectDue(JudgmentExpected(D(2025, 8, 17), /*simplified=*/true, Calendar()),
            {"simplified: + 45 = 2025-10-01 → Thu 10-09", D(2025, 8, 17),
             D(2025, 10, 9)});
}

v1::Review FiledReview(Day filed) {
  v1::Review review;
  review.set_id("2025-0001-R1");
  *review.mutable_filed() = ToProtoDate(filed);
  return review;
}

TEST(ProceedingDeadlinesTest,
     UnrecordedAcceptanceIsDeemedAfterFiveWorkingDays) {
  // Filed Monday 2025-04-28: 04-29, 04-30, then 劳动节 05-01..05-05, then
  // 05-06, 05-07, 05-08 → deemed accepted Thursday 05-08.
  ExpectDue(ReviewAcceptedOrDeemed(FiledReview(D(2025, 4, 28)), Calendar()),
            {"deemed", D(2025, 4, 28), D(2025, 5, 8)});
  v1::Review accepted = FiledReview(D(2025, 4, 28));
  *accepted.mutable_accepted() = ToProtoDate(D(2025, 4, 29));
  ExpectDue(ReviewAcceptedOrDeemed(accepted, Calendar()),
            {"recorded", D(2025, 4, 28), D(2025, 4, 29)});
}

TEST(ProceedingDeadlinesTest, SuitAfterReviewIsPossibleAfterDecisionOrPeriod) {
  v1::Review review = FiledReview(D(2025, 3, 3));
  *review.mutable_accepted() = ToProtoDate(D(2025, 3, 5));
  // 60 days: Sunday 2025-05-04 inside 劳动节 → Tuesday 05-06; the day after.
  ExpectDue(SuitAfterReviewPossibleFrom(review, Calendar()),
            {"ordinary", D(2025, 3, 5), D(2025, 5, 7)});
  review.set_decision_period_extended(true);
  // 90 days: Tuesday 2025-06-03; the day after.
  ExpectDue(SuitAfterReviewPossibleFrom(review, Calendar()),
            {"extended", D(2025, 3, 5), D(2025, 6, 4)});
  review.set_procedure(v1::REVIEW_PROCEDURE_SIMPLIFIED);
  // 30 days, never extended: Friday 2025-04-04 is 清明节 → Monday 04-07.
  ExpectDue(SuitAfterReviewPossibleFrom(review, Calendar()),
            {"simplified", D(2025, 3, 5), D(2025, 4, 8)});
  review.set_decision(v1::PROCEEDING_DECISION_UPHELD);
  *review.mutable_decided() = ToProtoDate(D(2025, 3, 20));
  ExpectDue(SuitAfterReviewPossibleFrom(review, Calendar()),
            {"decided", D(2025, 3, 5), D(2025, 3, 20)});
}

}  // namespace
}  // namespace ogi
