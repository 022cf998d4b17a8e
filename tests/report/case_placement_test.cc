#include "services/report/case_placement.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/report/report_rows.h"
#include "tests/report/report_test_cases.h"

// Each record is placed by its effective dates as of 31 December of the
// year (SPEC §4 rules 1, 3, 4). Expected placements are worked out from the
// rules by hand.

namespace ogi {
namespace {

using ::ogi::testing::Conclude;
using ::ogi::testing::DecideAppeal;
using ::ogi::testing::DecideReview;
using ::ogi::testing::FileAppeal;
using ::ogi::testing::FileLawsuit;
using ::ogi::testing::FileReview;
using ::ogi::testing::JudgeFirstInstance;
using ::ogi::testing::ReceivedCase;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

// "row/column" for each table-三 cell, e.g. "new/research_institution".
std::vector<std::string> Table3Cells(const CasePlacement& placement) {
  std::vector<std::string> cells;
  for (const TableCell& cell : placement.table3) {
    cells.push_back(absl::StrCat(Table3Rows()[cell.row].key, "/",
                                 Table3Columns()[cell.column].key));
  }
  return cells;
}

// The rows of the applicant column only (the 总计 column mirrors them).
std::vector<std::string> Rows(const CasePlacement& placement) {
  std::vector<std::string> rows;
  for (const TableCell& cell : placement.table3) {
    if (cell.column != kTable3TotalColumn) {
      rows.push_back(Table3Rows()[cell.row].key);
    }
  }
  return rows;
}

// "group/column id" for each review and lawsuit counted.
std::vector<std::string> Table4Cells(const CasePlacement& placement) {
  std::vector<std::string> cells;
  for (const ProceedingPlacement& counted : placement.table4) {
    cells.push_back(absl::StrCat(Table4Groups()[counted.group].key, "/",
                                 Table4Columns()[counted.column].key, " ",
                                 counted.id));
  }
  return cells;
}

v1::Case Received(Day receipt,
                  v1::ApplicantType type = v1::APPLICANT_TYPE_NATURAL_PERSON) {
  return ::ogi::testing::ReceivedCase("2022-0001", "张伟", type, receipt);
}

v1::Case Concluded(Day receipt, Day served, v1::Outcome outcome) {
  v1::Case c = Received(receipt);
  Conclude(c, served, outcome);
  return c;
}

TEST(CasePlacementTest, CountsEachApplicationByItsDatesAtTheYearEnd) {
  struct Example {
    const char* name;
    v1::Case c;
    int year;
    std::vector<std::string> rows;
  };
  const v1::Case within =
      Concluded(Day(2022, 3, 1), Day(2022, 3, 21), v1::OUTCOME_DISCLOSED);
  const v1::Case across = Concluded(Day(2022, 12, 20), Day(2023, 1, 10),
                                    v1::OUTCOME_PARTIALLY_DISCLOSED);
  const v1::Case two_year_ends =
      Concluded(Day(2021, 12, 28), Day(2023, 2, 1),
                v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS);
  const v1::Case last_day = Concluded(Day(2022, 12, 31), Day(2022, 12, 31),
                                      v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  const v1::Case open = Received(Day(2022, 12, 31));
  const Example kExamples[] = {
      {"received and concluded in the year",
       within,
       2022,
       {"new", "disclosed", "concluded_total"}},
      {"a year before it was received", within, 2021, {}},
      {"a year after it was concluded", within, 2023, {}},
      {"received in December, concluded in January: first year",
       across,
       2022,
       {"new", "carried_out"}},
      {"received in December, concluded in January: second year",
       across,
       2023,
       {"carried_in", "partially_disclosed", "concluded_total"}},
      {"open over two year ends: the middle year",
       two_year_ends,
       2022,
       {"carried_in", "carried_out"}},
      {"open over two year ends: the last year",
       two_year_ends,
       2023,
       {"carried_in", "withheld_third_party_rights", "concluded_total"}},
      {"received and concluded on 31 December",
       last_day,
       2022,
       {"new", "not_processed_duplicate", "concluded_total"}},
      {"received on 31 December, never concluded",
       open,
       2022,
       {"new", "carried_out"}},
      {"still open years later", open, 2025, {"carried_in", "carried_out"}},
      {"not received before the year", open, 2021, {}},
  };
  for (const Example& example : kExamples) {
    SCOPED_TRACE(example.name);
    const CasePlacement placement = PlaceCase(example.c, example.year);
    EXPECT_THAT(Rows(placement), ElementsAreArray(example.rows));
    EXPECT_EQ(placement.uncountable_reason, "");
  }
}

TEST(CasePlacementTest, EachRowCountsInTheApplicantColumnAndTheTotal) {
  v1::Case c =
      Received(Day(2022, 6, 1), v1::APPLICANT_TYPE_RESEARCH_INSTITUTION);
  Conclude(c, Day(2022, 6, 20), v1::OUTCOME_OTHER_FEE_UNPAID);
  EXPECT_THAT(Table3Cells(PlaceCase(c, 2022)),
              ElementsAre("new/research_institution", "new/total",
                          "other_fee_unpaid/research_institution",
                          "other_fee_unpaid/total",
                          "concluded_total/research_institution",
                          "concluded_total/total"));
}

TEST(CasePlacementTest, TodaysStatusNeverLeaksIntoAPastYear) {
  // Concluded in March 2023 and so 已办结 today: at the end of 2022 it was
  // still being handled.
  const v1::Case c =
      Concluded(Day(2022, 11, 28), Day(2023, 3, 1), v1::OUTCOME_DISCLOSED);
  ASSERT_EQ(c.status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_THAT(Rows(PlaceCase(c, 2022)), ElementsAre("new", "carried_out"));
  EXPECT_FALSE(PlaceCase(c, 2022).concluded_by_year_end);
  EXPECT_TRUE(PlaceCase(c, 2023).concluded_by_year_end);
}

TEST(CasePlacementTest, RecordsThatCannotBePlacedAreNamedNotGuessed) {
  struct Example {
    const char* name;
    v1::Case c;
    int year;
    std::string reason;  // "" where the case is placed normally
    std::vector<std::string> rows;
  };
  v1::Case no_outcome =
      Concluded(Day(2021, 12, 1), Day(2022, 5, 6), v1::OUTCOME_DISCLOSED);
  no_outcome.mutable_conclusion()->set_outcome(v1::OUTCOME_UNSPECIFIED);
  const v1::Case backwards =
      Concluded(Day(2023, 1, 5), Day(2022, 12, 30), v1::OUTCOME_DISCLOSED);
  v1::Case no_date =
      Concluded(Day(2022, 4, 1), Day(2022, 4, 20), v1::OUTCOME_DISCLOSED);
  no_date.mutable_conclusion()->clear_served();
  v1::Case no_record = Received(Day(2022, 4, 1));
  no_record.set_status(v1::CASE_STATUS_CONCLUDED);
  v1::Case no_receipt =
      Concluded(Day(2022, 6, 1), Day(2022, 6, 10), v1::OUTCOME_OTHER);
  no_receipt.clear_receipt_date();
  const v1::Case no_type =
      Received(Day(2022, 6, 1), v1::APPLICANT_TYPE_UNSPECIFIED);
  v1::Case bad_date = Received(Day(2022, 2, 1));
  bad_date.mutable_receipt_date()->set_day(30);  // 2022-02-30
  const Example kExamples[] = {
      {"no outcome: the year it was concluded",
       no_outcome,
       2022,
       "已于2022-05-06办结但没有办理结果（conclusion.outcome）",
       {}},
      {"no outcome: the year before it was concluded",
       no_outcome,
       2021,
       "",
       {"new", "carried_out"}},
      {"concluded before received: the conclusion's year",
       backwards,
       2022,
       "办结日期2022-12-30早于收到日期2023-01-05",
       {}},
      {"concluded before received: the receipt's year",
       backwards,
       2023,
       "办结日期2022-12-30早于收到日期2023-01-05",
       {}},
      {"concluded before received: later years", backwards, 2024, "", {}},
      {"no conclusion date",
       no_date,
       2023,
       "已办结但没有办结日期（conclusion.served）",
       {}},
      {"no conclusion date, before receipt", no_date, 2021, "", {}},
      {"已办结 with no conclusion",
       no_record,
       2022,
       "状态为已办结但没有办结记录（conclusion）",
       {}},
      {"concluded with no receipt date",
       no_receipt,
       2022,
       "已于2022-06-10办结但没有收到日期（receipt_date）",
       {}},
      {"concluded with no receipt date, another year",
       no_receipt,
       2023,
       "",
       {}},
      {"no applicant type",
       no_type,
       2022,
       "申请人类型未指定（applicant.type）",
       {}},
      {"no applicant type, before receipt", no_type, 2021, "", {}},
      {"not a calendar date: every year",
       bad_date,
       2019,
       "receipt_date: 2022-02-30 不是有效的日期",
       {}},
  };
  for (const Example& example : kExamples) {
    SCOPED_TRACE(example.name);
    const CasePlacement placement = PlaceCase(example.c, example.year);
    EXPECT_THAT(placement.uncountable_reason,
                ::testing::StartsWith(example.reason));
    if (example.reason.empty()) {
      EXPECT_EQ(placement.uncountable_reason, "");
    }
    EXPECT_THAT(Rows(placement), ElementsAreArray(example.rows));
  }
}

TEST(CasePlacementTest, AwaitingConfirmationIsNotYetCountable) {
  // A fax that arrived 2022-12-28 and whose receipt date is not confirmed:
  // in no cell, named in 2022 and in each later year while it waits, never
  // before it arrived.
  v1::Case c = Received(Day(2022, 12, 28));
  c.set_channel(v1::CHANNEL_FAX);
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  const std::string reason =
      "待确认收到：2022-12-28 到达，尚未登记确认收到日期（confirmation_date），"
      "确认后按收到日期计入";
  for (const int year : {2022, 2023}) {
    const CasePlacement placement = PlaceCase(c, year);
    EXPECT_EQ(placement.uncountable_reason, reason) << year;
    EXPECT_THAT(Rows(placement), IsEmpty()) << year;
  }
  EXPECT_EQ(PlaceCase(c, 2021).uncountable_reason, "");

  // Confirmed 2023-01-04: counted as new in 2023, nowhere in 2022.
  *c.mutable_confirmation_date() = ToProtoDate(Day(2023, 1, 4));
  *c.mutable_receipt_date() = ToProtoDate(Day(2023, 1, 4));
  c.set_status(v1::CASE_STATUS_PROCESSING);
  EXPECT_EQ(PlaceCase(c, 2022).uncountable_reason, "");
  EXPECT_THAT(Rows(PlaceCase(c, 2022)), IsEmpty());
  EXPECT_THAT(Rows(PlaceCase(c, 2023)), ElementsAre("new", "carried_out"));
}

TEST(CasePlacementTest, ReviewsCountInTheYearFiledWithTheResultAtYearEnd) {
  v1::Case c = Concluded(Day(2022, 6, 14), Day(2022, 6, 28),
                         v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  DecideReview(FileReview(c, Day(2022, 7, 20)), v1::PROCEEDING_DECISION_UPHELD,
               Day(2022, 9, 15));
  DecideReview(FileReview(c, Day(2022, 11, 1)), v1::PROCEEDING_DECISION_REVOKED,
               Day(2023, 1, 15));
  FileReview(c, Day(2023, 2, 1));  // never decided
  EXPECT_THAT(
      Table4Cells(PlaceCase(c, 2022)),
      ElementsAre("review/upheld 2022-0001-R1", "review/pending 2022-0001-R2"));
  EXPECT_THAT(Table4Cells(PlaceCase(c, 2023)),
              ElementsAre("review/pending 2022-0001-R3"));
  EXPECT_THAT(Table4Cells(PlaceCase(c, 2024)), IsEmpty());
}

TEST(CasePlacementTest, LawsuitsCountByRouteWithTheResultInForceAtYearEnd) {
  v1::Case c = Concluded(Day(2022, 12, 1), Day(2022, 12, 20),
                         v1::OUTCOME_WITHHELD_PROCESS_INFORMATION);
  // L1: direct; judged, then appealed before the year end, decided later.
  v1::Lawsuit& appealed = FileLawsuit(c, Day(2023, 3, 1));
  JudgeFirstInstance(appealed, v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
                     Day(2023, 8, 1));
  FileAppeal(appealed, Day(2023, 8, 15));
  DecideAppeal(appealed, v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
               Day(2024, 2, 1));
  // L2: after a review; revoked, no appeal.
  FileReview(c, Day(2023, 1, 10));
  JudgeFirstInstance(FileLawsuit(c, Day(2023, 4, 3), "2022-0001-R1"),
                     v1::PROCEEDING_DECISION_REVOKED, Day(2023, 6, 1));
  // L3: the agency only as co-defendant review organ: never counted.
  v1::Lawsuit& co_defendant = FileLawsuit(c, Day(2023, 5, 5));
  co_defendant.set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  // L4: judged in December, appealed in January: at the year end the
  // judgment stood.
  v1::Lawsuit& late_appeal = FileLawsuit(c, Day(2023, 9, 1));
  JudgeFirstInstance(late_appeal, v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
                     Day(2023, 12, 20));
  FileAppeal(late_appeal, Day(2024, 1, 3));
  // L5: no filing date: placed in no year.
  FileLawsuit(c, Day(2023, 10, 9)).clear_filed();

  EXPECT_THAT(Table4Cells(PlaceCase(c, 2023)),
              ElementsAre("review/pending 2022-0001-R1",
                          "direct_suit/pending 2022-0001-L1",
                          "suit_after_review/corrected 2022-0001-L2",
                          "direct_suit/upheld 2022-0001-L4"));
  EXPECT_THAT(Table4Cells(PlaceCase(c, 2024)), IsEmpty());
  EXPECT_THAT(Table4Cells(PlaceCase(c, 2022)), IsEmpty());
}

TEST(CasePlacementTest, FeesCountWhenServedAndWhenPaid) {
  v1::Case c = Received(Day(2022, 12, 5));
  ::ogi::testing::AddFeeNotice(c, 300, Day(2022, 12, 20), Day(2023, 1, 5));
  const CasePlacement served = PlaceCase(c, 2022);
  EXPECT_TRUE(served.fee_notice_served);
  EXPECT_EQ(served.fee_billed_yuan, 300);
  EXPECT_EQ(served.fee_collected_yuan, 0);
  const CasePlacement paid = PlaceCase(c, 2023);
  EXPECT_FALSE(paid.fee_notice_served);
  EXPECT_EQ(paid.fee_billed_yuan, 0);
  EXPECT_EQ(paid.fee_collected_yuan, 300);
}

TEST(CasePlacementTest, ReferencesAreQualifiedInAConsolidation) {
  v1::Case c = Received(Day(2022, 1, 4));
  c.set_agency_code("lc-xzsp");
  EXPECT_EQ(CaseReference(c, false), "2022-0001");
  EXPECT_EQ(CaseReference(c, true), "lc-xzsp/2022-0001");
  EXPECT_EQ(QualifiedReference("lc-xzsp", "2022-0001-R1", true),
            "lc-xzsp/2022-0001-R1");
}

}  // namespace
}  // namespace ogi
