#include "services/report/report_checks.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/report/report_derivation.h"
#include "services/report/report_rows.h"
#include "tests/report/report_test_cases.h"

// (e) The checks are computed from the numbers: a table tampered with in one
// place fails exactly the identities that place enters, naming the cases
// involved. The untampered tables are those of the reference report.

namespace ogi {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Tables {
  v1::Table3 table3;
  v1::Table4 table4;
  CellCases cells;
  PreviousCarriedOut previous;
};

Tables Reference() {
  const std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  std::vector<const v1::Case*> pointers;
  for (const v1::Case& c : cases) pointers.push_back(&c);
  DerivedTables derived = DeriveTables(pointers, 2022, false);
  Tables tables;
  tables.table3 = derived.table3;
  tables.table4 = derived.table4;
  tables.cells = derived.cells;
  tables.previous = DeriveCarriedOut(pointers, 2021, false);
  return tables;
}

// Removes `reference` from table 三's (row, column) cell, number and list.
void Drop(Tables& tables, int row, int column, const std::string& reference) {
  std::vector<std::string>& list = tables.cells.table3[row][column];
  list.erase(std::remove(list.begin(), list.end(), reference), list.end());
  tables.table3.mutable_rows(row)->set_cells(
      column, tables.table3.rows(row).cells(column) - 1);
}

// "identity → named cases" of each failing check.
std::vector<std::string> Failures(const Tables& tables,
                                  bool with_cells = true) {
  std::vector<std::string> failures;
  for (const v1::ReportCheck& check : CheckReportTables(
           tables.table3, tables.table4, with_cells ? &tables.cells : nullptr,
           &tables.previous, "")) {
    if (check.ok()) continue;
    std::string names;
    for (const std::string& name : check.case_numbers()) {
      names += (names.empty() ? "" : " ") + name;
    }
    failures.push_back(check.identity() + " → " + names);
  }
  return failures;
}

constexpr int kDisclosedRow = kFirstLeafRow;
constexpr int kNaturalPerson = 0;
constexpr int kTotal = kTable3TotalColumn;

TEST(ReportChecksTest, TheReferenceTablesPassEveryCheck) {
  const Tables tables = Reference();
  EXPECT_THAT(Failures(tables), IsEmpty());
  const std::vector<v1::ReportCheck> checks = CheckReportTables(
      tables.table3, tables.table4, &tables.cells, &tables.previous, "");
  ASSERT_EQ(checks.size(), 7u + 7u + 25u + 3u + 7u);
  EXPECT_EQ(checks[0].identity(), "一+二=三（七）+四（自然人）");
  EXPECT_EQ(checks[0].detail(), "一+二 = 13，三（七）+四 = 13");
  EXPECT_EQ(checks[7].identity(), "（七）=各项办理结果之和（自然人）");
  EXPECT_EQ(checks[14].identity(),
            "总计=六类申请人之和（一、本年新收政府信息公开申请数量）");
  EXPECT_EQ(checks[39].identity(), "总计=四项之和（行政复议）");
  EXPECT_EQ(checks[39].detail(), "总计 = 1，四项之和 = 1");
  EXPECT_EQ(checks[42].identity(), "二=上年四（自然人）");
  for (const v1::ReportCheck& check : checks) EXPECT_TRUE(check.ok());
  // Without last year's row the cross-year identity is not checked.
  EXPECT_EQ(
      CheckReportTables(tables.table3, tables.table4, nullptr, nullptr, "lc：")
          .size(),
      42u);
}

TEST(ReportChecksTest, ACaseDroppedFromItsLeafFailsTheSumOfTheLeaves) {
  Tables tables = Reference();
  Drop(tables, kDisclosedRow, kNaturalPerson, "2022-0005");
  Drop(tables, kDisclosedRow, kTotal, "2022-0005");
  EXPECT_THAT(Failures(tables),
              ElementsAre("（七）=各项办理结果之和（自然人） → 2022-0005",
                          "（七）=各项办理结果之和（总计） → 2022-0005"));
}

TEST(ReportChecksTest, ACaseDroppedFromTheResultsFailsTheBalanceOfTheColumn) {
  Tables tables = Reference();
  for (int row : {kDisclosedRow, kConcludedTotalRow}) {
    Drop(tables, row, kNaturalPerson, "2022-0005");
    Drop(tables, row, kTotal, "2022-0005");
  }
  const std::vector<v1::ReportCheck> checks = CheckReportTables(
      tables.table3, tables.table4, &tables.cells, &tables.previous, "");
  EXPECT_FALSE(checks[0].ok());
  EXPECT_EQ(checks[0].detail(),
            "一+二 = 13，三（七）+四 = 12；只计入一+二：2022-0005");
  EXPECT_THAT(Failures(tables),
              ElementsAre("一+二=三（七）+四（自然人） → 2022-0005",
                          "一+二=三（七）+四（总计） → 2022-0005"));
}

TEST(ReportChecksTest, ACaseMissingFromItsApplicantColumnFailsTheRowTotal) {
  Tables tables = Reference();
  Drop(tables, kNewRow, kNaturalPerson, "2022-0005");
  EXPECT_THAT(
      Failures(tables),
      ElementsAre("一+二=三（七）+四（自然人） → 2022-0005",
                  "总计=六类申请人之和（一、本年新收政府信息公开申请数量） → "
                  "2022-0005"));
}

TEST(ReportChecksTest, AReviewMissingFromItsResultFailsTheGroupTotal) {
  Tables tables = Reference();
  tables.table4.mutable_review()->set_upheld(0);
  tables.cells.table4[kReviewGroup][0].clear();
  EXPECT_THAT(Failures(tables),
              ElementsAre("总计=四项之和（行政复议） → 2022-0007-R1"));
}

TEST(ReportChecksTest, ACaseCarriedOutLastYearAndNotCarriedInFailsByName) {
  Tables tables = Reference();
  tables.previous.cells[kNaturalPerson] = 1;
  tables.previous.cells[kTotal] = 1;
  tables.previous.cases[kNaturalPerson] = {"2021-0042"};
  tables.previous.cases[kTotal] = {"2021-0042"};
  EXPECT_THAT(Failures(tables), ElementsAre("二=上年四（自然人） → 2021-0042",
                                            "二=上年四（总计） → 2021-0042"));
}

TEST(ReportChecksTest, LastYearsNumbersWithoutTheirCasesNameNoCase) {
  Tables tables = Reference();
  tables.previous.cells[kNaturalPerson] = 2;
  tables.previous.cells[kTotal] = 2;
  tables.previous.cases_known = false;
  const std::vector<v1::ReportCheck> checks = CheckReportTables(
      tables.table3, tables.table4, &tables.cells, &tables.previous, "");
  EXPECT_EQ(checks[42].identity(), "二=上年四（自然人）");
  EXPECT_FALSE(checks[42].ok());
  EXPECT_EQ(checks[42].detail(), "二 = 0，上年四 = 2");
  EXPECT_THAT(Failures(tables),
              ElementsAre("二=上年四（自然人） → ", "二=上年四（总计） → "));
}

TEST(ReportChecksTest, ACaseCountedTwiceIsNamed) {
  Tables tables = Reference();
  // 2022-0003 also entered as carried in: the column no longer balances.
  for (int column : {kNaturalPerson, kTotal}) {
    tables.cells.table3[kCarriedInRow][column].push_back("2022-0003");
    tables.table3.mutable_rows(kCarriedInRow)->set_cells(column, 1);
  }
  EXPECT_THAT(Failures(tables),
              ElementsAre("一+二=三（七）+四（自然人） → 2022-0003",
                          "一+二=三（七）+四（总计） → 2022-0003",
                          "二=上年四（自然人） → 2022-0003",
                          "二=上年四（总计） → 2022-0003"));
}

TEST(ReportChecksTest, ANumberChangedByHandNamesTheCasesBehindTheCell) {
  Tables tables = Reference();
  tables.table3.mutable_rows(kNewRow)->set_cells(kNaturalPerson, 14);
  const std::vector<v1::ReportCheck> checks = CheckReportTables(
      tables.table3, tables.table4, &tables.cells, &tables.previous, "");
  EXPECT_FALSE(checks[0].ok());
  EXPECT_EQ(
      checks[0].detail(),
      "一+二 = 14，三（七）+四 = 13；表三 一、本年新收政府信息公开申请数量 × "
      "自然人为14，其后的记录为13件");
  EXPECT_EQ(checks[0].case_numbers_size(), 13);
  EXPECT_EQ(checks[0].case_numbers(0), "2022-0001");
  EXPECT_THAT(
      Failures(tables, /*with_cells=*/false),
      ElementsAre(
          "一+二=三（七）+四（自然人） → ",
          "总计=六类申请人之和（一、本年新收政府信息公开申请数量） → "));
}

TEST(ReportChecksTest, EveryTable4GroupAndTable3RowIsChecked) {
  // Tamper each total in turn: exactly its identity fails.
  for (int group = 0; group < kTable4GroupCount; ++group) {
    Tables tables = Reference();
    v1::ResultCounts& counts = MutableTable4Group(tables.table4, group);
    SetResultValue(counts, kResultTotalColumn,
                   ResultValue(counts, kResultTotalColumn) + 1);
    EXPECT_THAT(
        Failures(tables, false),
        ElementsAre("总计=四项之和（" + Table4Groups()[group].label + "） → "));
  }
  for (int row = kFirstLeafRow + 1; row < kConcludedTotalRow; ++row) {
    Tables tables = Reference();
    tables.table3.mutable_rows(row)->set_cells(
        kTotal, tables.table3.rows(row).cells(kTotal) + 1);
    EXPECT_THAT(Failures(tables, false),
                ElementsAre("（七）=各项办理结果之和（总计） → ",
                            "总计=六类申请人之和（" + Table3Rows()[row].label +
                                "） → "));
  }
}

TEST(ReportChecksTest, CountabilityNamesEachCaseWithItsReason) {
  EXPECT_TRUE(CountabilityCheck({}, false, "").ok());
  v1::UncountableCase one;
  one.set_agency_code("lc-xzsp");
  one.set_number("2022-0099");
  one.set_reason("已于2022-05-06办结但没有办理结果（conclusion.outcome）");
  const v1::ReportCheck check = CountabilityCheck({one}, true, "lc-xzsp：");
  EXPECT_FALSE(check.ok());
  EXPECT_EQ(check.identity(), "lc-xzsp：所有案件均可统计");
  EXPECT_THAT(check.case_numbers(), ElementsAre("lc-xzsp/2022-0099"));
  EXPECT_EQ(check.detail(),
            "1件案件无法归入表三，未计入任何一格：lc-xzsp/2022-0099："
            "已于2022-05-06办结但没有办理结果（conclusion.outcome）");
}

TEST(ReportChecksTest, CountabilitySaysWhichOnlyAwaitConfirmation) {
  v1::UncountableCase fax;
  fax.set_agency_code("default");
  fax.set_number("2026-0010");
  fax.set_reason(
      "待确认收到：2026-12-01 到达，尚未登记确认收到日期（confirmation_date），"
      "确认后按收到日期计入");
  v1::UncountableCase broken;
  broken.set_agency_code("default");
  broken.set_number("2026-0003");
  broken.set_reason("申请人类型未指定（applicant.type）");
  const v1::ReportCheck check = CountabilityCheck({broken, fax}, false, "");
  EXPECT_FALSE(check.ok());
  EXPECT_THAT(check.case_numbers(), ElementsAre("2026-0003", "2026-0010"));
  EXPECT_EQ(
      check.detail(),
      "2件案件无法归入表三，未计入任何一格（其中1件待确认收到，登记确认收到"
      "日期后即可统计）：2026-0003：申请人类型未指定（applicant.type）；"
      "2026-0010：待确认收到：2026-12-01 到达，尚未登记确认收到日期"
      "（confirmation_date），确认后按收到日期计入");
}

}  // namespace
}  // namespace ogi
