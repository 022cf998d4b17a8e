#include "services/report/report_derivation.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/report/report_rows.h"
#include "tests/report/report_test_cases.h"

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
using Row = std::array<int64_t, kTable3ColumnCount>;

constexpr Row kZero = {0, 0, 0, 0, 0, 0, 0};

// Table 三 as 25 rows of 7 numbers, by row key.
std::map<std::string, Row> Numbers(const v1::Table3& table) {
  std::map<std::string, Row> rows;
  for (const v1::Table3Row& row : table.rows()) {
    Row cells = kZero;
    for (int i = 0; i < row.cells_size() && i < kTable3ColumnCount; ++i) {
      cells[i] = row.cells(i);
    }
    rows[row.key()] = cells;
  }
  return rows;
}

// Table 三 with the given non-zero rows and zeros elsewhere.
std::map<std::string, Row> Expected(
    const std::map<std::string, Row>& non_zero) {
  std::map<std::string, Row> rows;
  for (const Table3RowSpec& spec : Table3Rows()) rows[spec.key] = kZero;
  for (const auto& [key, cells] : non_zero) rows[key] = cells;
  return rows;
}

// The fifteen numbers of table 四 in official order.
std::vector<int64_t> Fifteen(const v1::Table4& table) {
  std::vector<int64_t> numbers;
  for (int group = 0; group < kTable4GroupCount; ++group) {
    for (int column = 0; column < kTable4ColumnCount; ++column) {
      numbers.push_back(ResultValue(Table4Group(table, group), column));
    }
  }
  return numbers;
}

std::vector<std::string> FailedChecks(const v1::Report& report) {
  std::vector<std::string> failed;
  for (const v1::ReportCheck& check : report.checks()) {
    if (!check.ok()) failed.push_back(check.identity() + ": " + check.detail());
  }
  return failed;
}

// ---- (a) The reference report ----

// 聊城市行政审批服务局 2022 年政府信息公开工作年度报告: the published 2022
// annual report of a city's administrative approval bureau, tables 三 and 四,
// written out from its text (the same tables, with 二, are kept in
// tests/e2e/testdata/reference_2022_tables.csv). (The text extraction of
// table 四 shows a sixteenth 0 after the fifteen numbers; the format has
// fifteen.)
TEST(ReportDerivationTest, ReproducesTheReferenceReportCellForCell) {
  ReportInputs inputs;
  inputs.agency_codes = {"default"};
  inputs.title_agency = "聊城市行政审批服务局";
  inputs.table2.set_licensing_decisions(32866);
  inputs.table2.set_fees_wan_yuan("12872.06");
  const v1::Report report =
      DeriveReport(::ogi::testing::Reference2022Cases(), 2022, inputs);

  EXPECT_EQ(Numbers(report.table3()),
            Expected({
                {"new", {13, 0, 0, 0, 0, 0, 13}},
                {"carried_in", {0, 0, 0, 0, 0, 0, 0}},
                {"disclosed", {12, 0, 0, 0, 0, 0, 12}},
                {"partially_disclosed", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_state_secret", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_prohibited_by_law", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_security_stability", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_third_party_rights", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_internal_affairs", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_process_information", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_enforcement_file", {0, 0, 0, 0, 0, 0, 0}},
                {"withheld_administrative_query", {0, 0, 0, 0, 0, 0, 0}},
                {"unavailable_not_held", {1, 0, 0, 0, 0, 0, 1}},
                {"unavailable_needs_creation", {0, 0, 0, 0, 0, 0, 0}},
                {"unavailable_still_unclear", {0, 0, 0, 0, 0, 0, 0}},
                {"not_processed_complaint", {0, 0, 0, 0, 0, 0, 0}},
                {"not_processed_duplicate", {0, 0, 0, 0, 0, 0, 0}},
                {"not_processed_publication", {0, 0, 0, 0, 0, 0, 0}},
                {"not_processed_excessive", {0, 0, 0, 0, 0, 0, 0}},
                {"not_processed_confirmation", {0, 0, 0, 0, 0, 0, 0}},
                {"other_correction_lapsed", {0, 0, 0, 0, 0, 0, 0}},
                {"other_fee_unpaid", {0, 0, 0, 0, 0, 0, 0}},
                {"other", {0, 0, 0, 0, 0, 0, 0}},
                {"concluded_total", {13, 0, 0, 0, 0, 0, 13}},
                {"carried_out", {0, 0, 0, 0, 0, 0, 0}},
            }));
  EXPECT_EQ(report.table3().rows_size(), 25);
  EXPECT_EQ(report.table3().rows(0).label(),
            "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(report.table3().rows(12).label(), "1.本机关不掌握相关政府信息");
  EXPECT_THAT(Fifteen(report.table4()),
              ElementsAre(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

  EXPECT_THAT(FailedChecks(report), IsEmpty());
  EXPECT_EQ(report.checks_size(), 7 + 7 + 25 + 3 + 7 + 1);
  EXPECT_THAT(report.uncountable(), IsEmpty());
  EXPECT_THAT(report.agency_codes(), ElementsAre("default"));
  EXPECT_EQ(report.title_agency(), "聊城市行政审批服务局");
  EXPECT_EQ(report.year(), 2022);
  EXPECT_EQ(report.table2().licensing_decisions(), 32866);
  EXPECT_EQ(report.table2().fees_wan_yuan(), "12872.06");
  // 六: "未收取政府信息公开信息处理费".
  EXPECT_EQ(report.fees().notices_issued(), 0);
  EXPECT_EQ(report.fees().amount_billed_yuan(), 0);
  EXPECT_EQ(report.fees().amount_collected_yuan(), 0);
}

// ---- (b) Several years ----

// Cases received in one year and concluded in the next, reviews and lawsuits
// across years. Each year's tables are worked out by hand below.
std::vector<v1::Case> MultiYearCases() {
  using ::ogi::testing::AddFeeNotice;
  std::vector<v1::Case> cases;
  // J: received 2020, concluded 2021.
  v1::Case j = ReceivedCase(
      "2020-0031", "郑海", v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2020, 12, 1));
  Conclude(j, Day(2021, 1, 5), v1::OUTCOME_DISCLOSED);
  cases.push_back(j);
  // A: within 2021.
  v1::Case a = ReceivedCase("2021-0001", "张伟",
                            v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2021, 3, 1));
  Conclude(a, Day(2021, 3, 22), v1::OUTCOME_DISCLOSED);
  cases.push_back(a);
  // B: received December 2021, concluded January 2022.
  v1::Case b =
      ReceivedCase("2021-0002", "聊城市安泰建材有限公司",
                   v1::APPLICANT_TYPE_COMMERCIAL_ENTERPRISE, Day(2021, 12, 20));
  Conclude(b, Day(2022, 1, 10), v1::OUTCOME_PARTIALLY_DISCLOSED);
  cases.push_back(b);
  // C: open over two year ends (consultation and deferral); a fee notice
  // served in 2022, paid in 2023.
  v1::Case c = ReceivedCase("2021-0003", "山东鲁西律师事务所",
                            v1::APPLICANT_TYPE_LEGAL_SERVICE_INSTITUTION,
                            Day(2021, 12, 28));
  AddFeeNotice(c, 300, Day(2022, 12, 20), Day(2023, 1, 5));
  Conclude(c, Day(2023, 2, 1), v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS);
  cases.push_back(c);
  // D: within 2022; its review filed 2022 is decided in 2023; the lawsuit
  // after it is filed 2023, judged, appealed, and the appeal decided 2024.
  v1::Case d = ReceivedCase(
      "2022-0001", "王芳", v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2022, 5, 10));
  Conclude(d, Day(2022, 6, 1), v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  DecideReview(FileReview(d, Day(2022, 7, 1)), v1::PROCEEDING_DECISION_UPHELD,
               Day(2023, 1, 15));
  v1::Lawsuit& d_suit = FileLawsuit(d, Day(2023, 3, 1), "2022-0001-R1");
  JudgeFirstInstance(d_suit, v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
                     Day(2023, 8, 1));
  FileAppeal(d_suit, Day(2023, 8, 15));
  DecideAppeal(d_suit, v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
               Day(2024, 2, 1));
  cases.push_back(d);
  // E: received on the last working day of 2022, concluded 2023.
  v1::Case e =
      ReceivedCase("2022-0002", "山东大学环境研究院",
                   v1::APPLICANT_TYPE_RESEARCH_INSTITUTION, Day(2022, 12, 30));
  Conclude(e, Day(2023, 1, 18), v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  cases.push_back(e);
  // F: within 2022; sued directly and revoked in 2022; sued again with the
  // agency only as co-defendant review organ (not counted).
  v1::Case f = ReceivedCase("2022-0003", "李娜",
                            v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2022, 9, 1));
  Conclude(f, Day(2022, 9, 20), v1::OUTCOME_DISCLOSED);
  JudgeFirstInstance(FileLawsuit(f, Day(2022, 11, 1)),
                     v1::PROCEEDING_DECISION_REVOKED, Day(2022, 12, 20));
  FileLawsuit(f, Day(2022, 11, 15))
      .set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  cases.push_back(f);
  // G: within 2023, the applicant did not supplement.
  v1::Case g =
      ReceivedCase("2023-0001", "东昌府区柳园街道某社区居委会",
                   v1::APPLICANT_TYPE_OTHER_ORGANIZATION, Day(2023, 6, 1));
  Conclude(g, Day(2023, 6, 20), v1::OUTCOME_OTHER_CORRECTION_LAPSED);
  cases.push_back(g);
  // H: received December 2023, never concluded.
  cases.push_back(ReceivedCase("2023-0002", "聊城市绿色家园环保协会",
                               v1::APPLICANT_TYPE_PUBLIC_INTEREST_ORGANIZATION,
                               Day(2023, 12, 25)));
  // I: within 2024, withdrawn; its review is dismissed as inadmissible.
  v1::Case i = ReceivedCase("2024-0001", "刘洋",
                            v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2024, 1, 5));
  Conclude(i, Day(2024, 1, 22), v1::OUTCOME_OTHER);
  DecideReview(FileReview(i, Day(2024, 2, 1)),
               v1::PROCEEDING_DECISION_APPLICATION_DISMISSED, Day(2024, 3, 1));
  cases.push_back(i);
  // K: arrived online 2023, never confirmed: not received.
  v1::Case k = ReceivedCase("2023-0003", "赵敏",
                            v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2023, 4, 3));
  k.set_channel(v1::CHANNEL_ONLINE);
  k.clear_receipt_date();
  k.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  cases.push_back(k);
  return cases;
}

// The countability check's failure for K of MultiYearCases, which arrived
// online 2023-04-03 and awaits receipt confirmation.
const std::string kAwaitingK =
    "所有案件均可统计: 1件案件无法归入表三，未计入任何一格（其中1件待确认收到，"
    "登记确认收到日期后即可统计）：2023-0003：待确认收到：2023-04-03 到达，尚未"
    "登记确认收到日期（confirmation_date），确认后按收到日期计入";

v1::Report ReportOf(const std::vector<v1::Case>& cases, int year) {
  ReportInputs inputs;
  inputs.agency_codes = {"default"};
  return DeriveReport(cases, year, inputs);
}

TEST(ReportDerivationTest, MultiYearTablesByHand) {
  const std::vector<v1::Case> cases = MultiYearCases();
  //                      自然人 商业 科研 公益 法律 其他 总计
  const v1::Report y2021 = ReportOf(cases, 2021);
  EXPECT_EQ(Numbers(y2021.table3()),
            Expected({{"new", {1, 1, 0, 0, 1, 0, 3}},         // A B C
                      {"carried_in", {1, 0, 0, 0, 0, 0, 1}},  // J
                      {"disclosed", {2, 0, 0, 0, 0, 0, 2}},   // A J
                      {"concluded_total", {2, 0, 0, 0, 0, 0, 2}},
                      {"carried_out", {0, 1, 0, 0, 1, 0, 2}}}));  // B C
  EXPECT_THAT(Fifteen(y2021.table4()),
              ElementsAreArray(std::vector<int64_t>(15, 0)));

  const v1::Report y2022 = ReportOf(cases, 2022);
  EXPECT_EQ(Numbers(y2022.table3()),
            Expected({{"new", {2, 0, 1, 0, 0, 0, 3}},                   // D E F
                      {"carried_in", {0, 1, 0, 0, 1, 0, 2}},            // B C
                      {"disclosed", {1, 0, 0, 0, 0, 0, 1}},             // F
                      {"partially_disclosed", {0, 1, 0, 0, 0, 0, 1}},   // B
                      {"unavailable_not_held", {1, 0, 0, 0, 0, 0, 1}},  // D
                      {"concluded_total", {2, 1, 0, 0, 0, 0, 3}},
                      {"carried_out", {0, 0, 1, 0, 1, 0, 2}}}));  // C E
  // D-R1 filed 2022, decided 2023: pending. F-L1 direct, revoked 2022.
  EXPECT_THAT(Fifteen(y2022.table4()),
              ElementsAre(0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0));
  EXPECT_EQ(y2022.fees().notices_issued(), 1);
  EXPECT_EQ(y2022.fees().amount_billed_yuan(), 300);
  EXPECT_EQ(y2022.fees().amount_collected_yuan(), 0);

  const v1::Report y2023 = ReportOf(cases, 2023);
  EXPECT_EQ(Numbers(y2023.table3()),
            Expected({{"new", {0, 0, 0, 1, 0, 1, 2}},         // G H
                      {"carried_in", {0, 0, 1, 0, 1, 0, 2}},  // C E
                      {"withheld_third_party_rights", {0, 0, 0, 0, 1, 0, 1}},
                      {"not_processed_duplicate", {0, 0, 1, 0, 0, 0, 1}},
                      {"other_correction_lapsed", {0, 0, 0, 0, 0, 1, 1}},
                      {"concluded_total", {0, 0, 1, 0, 1, 1, 3}},
                      {"carried_out", {0, 0, 0, 1, 0, 0, 1}}}));  // H
  // D-L1 after review, appeal pending at the end of 2023.
  EXPECT_THAT(Fifteen(y2023.table4()),
              ElementsAre(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1));
  EXPECT_EQ(y2023.fees().notices_issued(), 0);
  EXPECT_EQ(y2023.fees().amount_collected_yuan(), 300);

  const v1::Report y2024 = ReportOf(cases, 2024);
  EXPECT_EQ(Numbers(y2024.table3()),
            Expected({{"new", {1, 0, 0, 0, 0, 0, 1}},         // I
                      {"carried_in", {0, 0, 0, 1, 0, 0, 1}},  // H
                      {"other", {1, 0, 0, 0, 0, 0, 1}},
                      {"concluded_total", {1, 0, 0, 0, 0, 0, 1}},
                      {"carried_out", {0, 0, 0, 1, 0, 0, 1}}}));  // H
  EXPECT_THAT(Fifteen(y2024.table4()),
              ElementsAre(0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
}

TEST(ReportDerivationTest,
     MultiYearIdentitiesHoldAndEachYearCarriesInLastYearsCarryOut) {
  const std::vector<v1::Case> cases = MultiYearCases();
  for (int year = 2020; year <= 2025; ++year) {
    SCOPED_TRACE(year);
    const v1::Report report = ReportOf(cases, year);
    // Every identity holds; from 2023 on K (2023-0003), still awaiting
    // receipt confirmation, is named as not yet countable.
    if (year >= 2023) {
      EXPECT_THAT(FailedChecks(report), ElementsAre(kAwaitingK));
    } else {
      EXPECT_THAT(FailedChecks(report), IsEmpty());
    }
    EXPECT_EQ(report.checks_size(), 50);
    const v1::Report last_year = ReportOf(cases, year - 1);
    EXPECT_EQ(Numbers(report.table3())["carried_in"],
              Numbers(last_year.table3())["carried_out"]);
  }
}

// ---- (d) A late entry ----

TEST(ReportDerivationTest, ALateEntryCountsInTheYearOfItsDates) {
  // Answered and posted on 2022-12-30; the clerk recorded it on 2023-01-05.
  v1::Case late =
      ReceivedCase("2022-0140", "孙涛", v1::APPLICANT_TYPE_NATURAL_PERSON,
                   Day(2022, 12, 13));
  Conclude(late, Day(2022, 12, 30), v1::OUTCOME_DISCLOSED);
  late.mutable_updated_at()->set_seconds(1672880400);  // 2023-01-05 09:00 CST
  const std::vector<v1::Case> cases = {late};

  const v1::Report y2022 = ReportOf(cases, 2022);
  EXPECT_EQ(Numbers(y2022.table3())["disclosed"], (Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(Numbers(y2022.table3())["carried_out"], kZero);
  const v1::Report y2023 = ReportOf(cases, 2023);
  EXPECT_EQ(Numbers(y2023.table3())["carried_in"], kZero);
  EXPECT_EQ(Numbers(y2023.table3())["disclosed"], kZero);
  EXPECT_THAT(FailedChecks(y2022), IsEmpty());
  EXPECT_THAT(FailedChecks(y2023), IsEmpty());
}

// ---- Uncountable cases ----

TEST(ReportDerivationTest, UncountableCasesAreNamedAndCountedNowhere) {
  std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  // Received 2021, concluded 2022 with no outcome on record.
  v1::Case lost =
      ReceivedCase("2021-0090", "周丽", v1::APPLICANT_TYPE_NATURAL_PERSON,
                   Day(2021, 12, 14));
  Conclude(lost, Day(2022, 1, 11), v1::OUTCOME_DISCLOSED);
  lost.mutable_conclusion()->set_outcome(v1::OUTCOME_UNSPECIFIED);
  cases.push_back(lost);

  const v1::Report report = ReportOf(cases, 2022);
  ASSERT_EQ(report.uncountable_size(), 1);
  EXPECT_EQ(report.uncountable(0).agency_code(), "default");
  EXPECT_EQ(report.uncountable(0).number(), "2021-0090");
  EXPECT_EQ(report.uncountable(0).reason(),
            "已于2022-01-11办结但没有办理结果（conclusion.outcome）");
  // Counted nowhere: the tables are those of the thirteen.
  EXPECT_EQ(Numbers(report.table3())["carried_in"], kZero);
  EXPECT_EQ(Numbers(report.table3())["concluded_total"],
            (Row{13, 0, 0, 0, 0, 0, 13}));
  // Last year it was carried out, so 二=上年四 fails by name, as does the
  // countability check; every other identity holds.
  EXPECT_THAT(
      FailedChecks(report),
      ElementsAre(
          "二=上年四（自然人）: 二 = 0，上年四 = 1；只计入上年四：2021-0090",
          "二=上年四（总计）: 二 = 0，上年四 = 1；只计入上年四：2021-0090",
          "所有案件均可统计: 1件案件无法归入表三，未计入任何一格："
          "2021-0090：已于2022-01-11办结但没有办理结果（conclusion.outcome）"));
  for (const v1::ReportCheck& check : report.checks()) {
    if (!check.ok()) {
      EXPECT_THAT(check.case_numbers(), ElementsAre("2021-0090"));
    }
  }
  // 2021 counted it normally.
  EXPECT_THAT(FailedChecks(ReportOf(cases, 2021)), IsEmpty());
}

// ---- Last year's published row ----

TEST(ReportDerivationTest, ChecksCarriedInAgainstLastYearsPublishedRow) {
  const std::vector<v1::Case> cases = MultiYearCases();
  ReportInputs inputs;
  inputs.agency_codes = {"default"};
  // The 2022 report as published carried out one case fewer than the records
  // now say (2022-0002 was entered after it was locked).
  PreviousCarriedOut published;
  published.cells = {0, 0, 0, 0, 1, 0, 1};
  published.cases[4] = {"2021-0003"};
  published.cases[6] = {"2021-0003"};
  published.cases_known = true;
  inputs.previous["default"] = published;
  const v1::Report report = DeriveReport(cases, 2023, inputs);
  EXPECT_THAT(
      FailedChecks(report),
      ElementsAre(
          "二=上年四（科研机构）: 二 = 1，上年四 = 0；只计入二：2022-0002",
          "二=上年四（总计）: 二 = 2，上年四 = 1；只计入二：2022-0002",
          kAwaitingK));
}

// ---- (5) Consolidation ----

TEST(ReportDerivationTest, ConsolidationSumsTheAgenciesAndChecksEachOne) {
  std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  for (v1::Case& c : cases) c.set_agency_code("lc-xzsp");
  std::vector<v1::Case> other = MultiYearCases();
  for (v1::Case& c : other) {
    c.set_agency_code("lc-zrzy");
    cases.push_back(c);
  }
  ReportInputs inputs;
  inputs.agency_codes = {"lc-zrzy", "lc-xzsp", "lc-empty"};
  inputs.title_agency = "聊城市人民政府办公室";
  CellCases cells;
  const v1::Report report = DeriveReport(cases, 2022, inputs, &cells);

  EXPECT_THAT(report.agency_codes(),
              ElementsAre("lc-empty", "lc-xzsp", "lc-zrzy"));
  // The reference 13 plus the 2022 table of the multi-year cases.
  EXPECT_EQ(Numbers(report.table3())["new"], (Row{15, 0, 1, 0, 0, 0, 16}));
  EXPECT_EQ(Numbers(report.table3())["carried_in"], (Row{0, 1, 0, 0, 1, 0, 2}));
  EXPECT_EQ(Numbers(report.table3())["disclosed"],
            (Row{13, 0, 0, 0, 0, 0, 13}));
  EXPECT_EQ(Numbers(report.table3())["unavailable_not_held"],
            (Row{2, 0, 0, 0, 0, 0, 2}));
  EXPECT_EQ(Numbers(report.table3())["carried_out"],
            (Row{0, 0, 1, 0, 1, 0, 2}));
  EXPECT_THAT(Fifteen(report.table4()),
              ElementsAre(1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0));
  EXPECT_THAT(FailedChecks(report), IsEmpty());
  // The consolidated checks, then each agency's, prefixed with its code.
  EXPECT_EQ(report.checks_size(), 4 * 50);
  EXPECT_EQ(report.checks(0).identity(), "一+二=三（七）+四（自然人）");
  EXPECT_EQ(report.checks(50).identity(),
            "lc-empty：一+二=三（七）+四（自然人）");
  EXPECT_EQ(report.checks(100).identity(),
            "lc-xzsp：一+二=三（七）+四（自然人）");
  EXPECT_EQ(report.checks(199).identity(), "lc-zrzy：所有案件均可统计");
  // References name the agency.
  EXPECT_THAT(cells.table3[kCarriedOutRow][kTable3TotalColumn],
              ElementsAre("lc-zrzy/2021-0003", "lc-zrzy/2022-0002"));
  EXPECT_THAT(cells.table4[kReviewGroup][0],
              ElementsAre("lc-xzsp/2022-0007-R1"));
}

TEST(ReportDerivationTest, AnAgencysFailureIsNamedWithItsCode) {
  std::vector<v1::Case> cases = ::ogi::testing::Reference2022Cases();
  v1::Case broken = ReceivedCase(
      "2022-0500", "吴军", v1::APPLICANT_TYPE_NATURAL_PERSON, Day(2022, 3, 1));
  broken.set_agency_code("lc-zrzy");
  broken.set_status(v1::CASE_STATUS_CONCLUDED);  // but no conclusion recorded
  cases.push_back(broken);
  ReportInputs inputs;
  const v1::Report report = DeriveReport(cases, 2022, inputs);
  EXPECT_THAT(
      FailedChecks(report),
      ElementsAre(
          "所有案件均可统计: 1件案件无法归入表三，未计入任何一格："
          "lc-zrzy/2022-0500：状态为已办结但没有办结记录（conclusion）",
          "lc-zrzy：所有案件均可统计: 1件案件无法归入表三，未计入任何一格："
          "2022-0500：状态为已办结但没有办结记录（conclusion）"));
}

}  // namespace
}  // namespace ogi
