#include "services/report/report_cells.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/report/report_derivation.h"
#include "tests/common/status_matchers.h"
#include "tests/report/report_test_cases.h"

namespace ogi {
namespace {

using ::ogi::testing::CellAt;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

std::vector<std::string> Numbers(const std::vector<v1::CellRecord>& records) {
  std::vector<std::string> numbers;
  for (const v1::CellRecord& record : records) {
    numbers.push_back(record.proceeding_id().empty() ? record.case_number()
                                                     : record.proceeding_id());
  }
  return numbers;
}

// The case numbers (or review/lawsuit ids) DrillDown lists; fails the test
// on an error.
std::vector<std::string> Records(const std::vector<v1::Case>& cases, int year,
                                 const v1::CellAddress& cell) {
  absl::StatusOr<std::vector<v1::CellRecord>> records =
      DrillDown(cases, year, cell);
  EXPECT_THAT(records, IsOk());
  return records.ok() ? Numbers(*records) : std::vector<std::string>();
}

TEST(ReportCellsTest, DrillsDownToTheCasesBehindATable3Number) {
  const std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  absl::StatusOr<std::vector<v1::CellRecord>> records = DrillDown(
      cases, 2022, CellAt(3, "unavailable_not_held", "natural_person"));
  ASSERT_THAT(records, IsOk());
  ASSERT_EQ(records->size(), 1u);
  const v1::CellRecord& record = (*records)[0];
  EXPECT_EQ(record.agency_code(), "default");
  EXPECT_EQ(record.case_number(), "2022-0007");
  EXPECT_EQ(record.applicant_name(), "赵敏");
  EXPECT_EQ(FormatIsoDate(record.receipt_date()), "2022-06-14");
  EXPECT_EQ(FormatIsoDate(record.concluded()), "2022-06-28");
  EXPECT_EQ(record.outcome(), v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  EXPECT_EQ(record.proceeding_id(), "");

  EXPECT_THAT(Records(cases, 2022, CellAt(3, "（一）予以公开", "总计")),
              ElementsAre("2022-0001", "2022-0002", "2022-0003", "2022-0004",
                          "2022-0005", "2022-0006", "2022-0008", "2022-0009",
                          "2022-0010", "2022-0011", "2022-0012", "2022-0013"));
  EXPECT_THAT(Records(cases, 2022, CellAt(3, "carried_out", "total")),
              IsEmpty());
}

TEST(ReportCellsTest, DrillsDownToTheReviewsAndLawsuitsBehindTable4) {
  const std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  for (const char* column : {"upheld", "total"}) {
    absl::StatusOr<std::vector<v1::CellRecord>> records =
        DrillDown(cases, 2022, CellAt(4, "review", column));
    ASSERT_THAT(records, IsOk());
    ASSERT_EQ(records->size(), 1u);
    const v1::CellRecord& record = (*records)[0];
    EXPECT_EQ(record.case_number(), "2022-0007");
    EXPECT_EQ(record.proceeding_id(), "2022-0007-R1");
    EXPECT_EQ(FormatIsoDate(record.filed()), "2022-07-20");
    EXPECT_EQ(record.column_label(), "结果维持");
    EXPECT_EQ(record.outcome(), v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  }
  EXPECT_THAT(Records(cases, 2022, CellAt(4, "review", "pending")), IsEmpty());
}

TEST(ReportCellsTest, ACarriedOverCaseShowsNoConclusionAtTheYearEnd) {
  v1::Case c = ::ogi::testing::ReceivedCase("2022-0188", "黄强",
                                            v1::APPLICANT_TYPE_NATURAL_PERSON,
                                            Day(2022, 12, 19));
  ::ogi::testing::Conclude(c, Day(2023, 1, 9), v1::OUTCOME_DISCLOSED);
  absl::StatusOr<std::vector<v1::CellRecord>> records =
      DrillDown({c}, 2022, CellAt(3, "carried_out", "natural_person"));
  ASSERT_THAT(records, IsOk());
  ASSERT_EQ(records->size(), 1u);
  EXPECT_FALSE((*records)[0].has_concluded());
  EXPECT_EQ((*records)[0].outcome(), v1::OUTCOME_UNSPECIFIED);
}

TEST(ReportCellsTest, Table2AndUnknownCellsAreRefused) {
  const std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  EXPECT_THAT(DrillDown(cases, 2022, CellAt(2, "licensing", "decisions")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.table: 表二是各机关每年录入的数字")));
  EXPECT_THAT(DrillDown(cases, 2022, CellAt(3, "new", "lawyers")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("cell.column: 表三没有列 \"lawyers\"")));
}

v1::Report Report2022(const std::vector<v1::Case>& cases, CellCases& cells,
                      int64_t licensing = 32866) {
  ReportInputs inputs;
  inputs.agency_codes = {"default"};
  inputs.table2.set_licensing_decisions(licensing);
  inputs.table2.set_fees_wan_yuan("12872.06");
  return DeriveReport(cases, 2022, inputs, &cells);
}

TEST(ReportCellsTest, CellValueReadsEveryTable) {
  CellCases cells;
  const v1::Report report =
      Report2022(::ogi::testing::Reference2022Cases(), cells);
  EXPECT_EQ(CellValue(report, CellAt(3, "new", "total")).value_or(-1), 13);
  EXPECT_EQ(CellValue(report, CellAt(4, "review", "upheld")).value_or(-1), 1);
  EXPECT_EQ(CellValue(report, CellAt(2, "licensing", "decisions")).value_or(-1),
            32866);
  EXPECT_EQ(CellValue(report, CellAt(2, "fees", "amount")).value_or(-1),
            128720600);
  EXPECT_THAT(CellValue(report, CellAt(1, "new", "total")),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

std::string Describe(const v1::CellDifference& difference) {
  std::string text = difference.cell().row() + "/" +
                     difference.cell().column() + " " +
                     std::to_string(difference.locked_value()) + "→" +
                     std::to_string(difference.live_value());
  for (const std::string& added : difference.cases_added())
    text += " +" + added;
  for (const std::string& removed : difference.cases_removed()) {
    text += " -" + removed;
  }
  return text;
}

TEST(ReportCellsTest, ComparesALockedYearWithTheLiveRecordsCellByCell) {
  std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  CellCases locked_cells;
  const v1::Report locked = Report2022(cases, locked_cells);
  const std::vector<CellSnapshot> locked_snapshot =
      SnapshotCells(locked, locked_cells);
  EXPECT_EQ(locked_snapshot.size(), 10u + 175u + 15u);
  EXPECT_THAT(CompareCells(locked_snapshot, locked_snapshot), IsEmpty());

  // After locking: 2022-0005's outcome corrected to 部分公开, and the two
  // outcomes of 2022-0002 and 2022-0007 found swapped; the licensing figure
  // corrected.
  ::ogi::testing::Conclude(cases[4], Day(2022, 5, 11),
                           v1::OUTCOME_PARTIALLY_DISCLOSED);
  ::ogi::testing::Conclude(cases[1], Day(2022, 3, 4),
                           v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  ::ogi::testing::Conclude(cases[6], Day(2022, 6, 28), v1::OUTCOME_DISCLOSED);
  CellCases live_cells;
  const v1::Report live = Report2022(cases, live_cells, 32870);
  std::vector<std::string> differences;
  for (const v1::CellDifference& difference :
       CompareCells(locked_snapshot, SnapshotCells(live, live_cells))) {
    differences.push_back(Describe(difference));
  }
  EXPECT_THAT(
      differences,
      ElementsAre(
          "licensing/decisions 32866→32870",
          "disclosed/natural_person 12→11 +2022-0007 -2022-0002 -2022-0005",
          "disclosed/total 12→11 +2022-0007 -2022-0002 -2022-0005",
          "partially_disclosed/natural_person 0→1 +2022-0005",
          "partially_disclosed/total 0→1 +2022-0005",
          "unavailable_not_held/natural_person 1→1 +2022-0002 -2022-0007",
          "unavailable_not_held/total 1→1 +2022-0002 -2022-0007"));
}

TEST(ReportCellsTest, ACellOnlyOnOneSideIsADifference) {
  CellSnapshot locked;
  locked.cell = CellAt(3, "new", "total");
  locked.value = 2;
  locked.cases = {"2022-0001", "2022-0002"};
  const std::vector<v1::CellDifference> differences =
      CompareCells({locked}, {});
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(Describe(differences[0]), "new/total 2→0 -2022-0001 -2022-0002");
}

}  // namespace
}  // namespace ogi
