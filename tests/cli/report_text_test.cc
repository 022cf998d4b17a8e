#include "cli/report_text.h"

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::ReportCheck Check(const std::string& identity, bool ok,
                      const std::string& detail) {
  v1::ReportCheck check;
  check.set_identity(identity);
  check.set_ok(ok);
  check.set_detail(detail);
  return check;
}

// The reference report's year as derived: every identity holds.
v1::Report PassingReport() {
  v1::Report report;
  report.add_agency_codes("lc-xzsp");
  report.set_title_agency("聊城市行政审批服务局");
  report.set_year(2022);
  *report.add_checks() =
      Check("一+二=三（七）+四 (自然人)", true, "13 + 0 = 13 + 0");
  *report.add_checks() = Check("（七）= 二十项之和 (总计)", true, "13 = 13");
  return report;
}

TEST(YuanAsWanYuanTest, MoneyWithTwoDecimalsOrUpToFour) {
  const struct {
    int64_t yuan;
    const char* wan_yuan;
  } kCases[] = {
      {128720600, "12872.06"},  // the reference report's 行政事业性收费
      {131054000, "13105.40"}, {0, "0.00"},     {10000, "1.00"},
      {1, "0.0001"},           {15000, "1.50"}, {15500, "1.55"},
      {15510, "1.551"},        {-5, "-0.0005"}, {-123456789, "-12345.6789"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(YuanAsWanYuan(c.yuan), c.wan_yuan) << c.yuan;
  }
}

TEST(WanYuanAsMoneyTest, AtLeastTwoDecimals) {
  EXPECT_EQ(WanYuanAsMoney("13105.4"), "13105.40");
  EXPECT_EQ(WanYuanAsMoney("1"), "1.00");
  EXPECT_EQ(WanYuanAsMoney("12872.06"), "12872.06");
  EXPECT_EQ(WanYuanAsMoney("0.0005"), "0.0005");
}

TEST(ReportChecksTest, AllHold) {
  const v1::Report report = PassingReport();
  EXPECT_TRUE(ReportPasses(report));
  std::ostringstream out;
  RenderReportChecks(report, /*color=*/false, out);
  EXPECT_THAT(Lines(out.str()),
              ElementsAre("校验：聊城市行政审批服务局 2022 年度报告",
                          "✓ 一+二=三（七）+四 (自然人)  13 + 0 = 13 + 0",
                          "✓ （七）= 二十项之和 (总计)  13 = 13", "",
                          "结果：全部 2 项校验通过"));
}

TEST(ReportChecksTest, FailuresNameTheirCasesAndUncountableCasesTheirReason) {
  v1::Report report = PassingReport();
  v1::ReportCheck& failed = *report.mutable_checks(0);
  failed.set_ok(false);
  failed.set_detail("13 + 0 ≠ 12 + 0");
  failed.add_case_numbers("2022-0012");
  failed.add_case_numbers("2022-0013");
  v1::UncountableCase& c = *report.add_uncountable();
  c.set_agency_code("lc-xzsp");
  c.set_number("2022-0012");
  c.set_reason("已办结但没有办理结果");
  EXPECT_FALSE(ReportPasses(report));

  std::ostringstream out;
  RenderReportChecks(report, /*color=*/false, out);
  EXPECT_THAT(Lines(out.str()),
              ElementsAre("校验：聊城市行政审批服务局 2022 年度报告",
                          "✗ 一+二=三（七）+四 (自然人)  13 + 0 ≠ 12 + 0",
                          "    涉及案件：2022-0012、2022-0013",
                          "✓ （七）= 二十项之和 (总计)  13 = 13", "",
                          "无法统计的案件（1 件）：",
                          "  2022-0012  已办结但没有办理结果", "",
                          "结果：2 项校验中 1 项未通过，1 件案件无法统计"));
  EXPECT_EQ(
      ReportWarning(report),
      "2022 年度报告（lc-xzsp）：2 项校验中 1 项未通过，1 件案件无法统计；"
      "详见 \"ogi report check 2022\"");
}

TEST(ReportChecksTest, AnUncountableCaseAloneFailsTheReport) {
  v1::Report report = PassingReport();
  report.add_uncountable()->set_number("2022-0007");
  EXPECT_FALSE(ReportPasses(report));
  EXPECT_THAT(ReportWarning(report), HasSubstr("：1 件案件无法统计；"));
}

TEST(ReportChecksTest, ConsolidatedUncountableCasesNameTheirAgency) {
  v1::Report report = PassingReport();
  report.add_agency_codes("lc-gaj");
  report.clear_title_agency();
  v1::UncountableCase& c = *report.add_uncountable();
  c.set_agency_code("lc-gaj");
  c.set_number("2022-0003");
  c.set_reason("已办结但没有办理结果");
  std::ostringstream out;
  RenderReportChecks(report, /*color=*/false, out);
  EXPECT_THAT(out.str(), HasSubstr("校验：lc-xzsp、lc-gaj 2022 年度报告\n"));
  EXPECT_THAT(out.str(),
              HasSubstr("  lc-gaj 2022-0003  已办结但没有办理结果\n"));
}

TEST(ReportChecksTest, ALockedYearShowsTheLockAndTheMovedCells) {
  v1::Report report = PassingReport();
  v1::ReportLock& lock = *report.mutable_lock();
  lock.set_content_hash("9f86d081884c7d65");
  lock.set_locked_by("王科员");
  // 2023-01-10 09:30 in Beijing.
  lock.mutable_locked_at()->set_seconds(1673314200);
  v1::CellDifference& d = *report.add_differences();
  d.mutable_cell()->set_table(3);
  d.mutable_cell()->set_row("disclosed");
  d.mutable_cell()->set_column("natural_person");
  d.set_locked_value(12);
  d.set_live_value(11);
  d.add_cases_removed("2022-0004");
  std::ostringstream out;
  RenderReportChecks(report, /*color=*/false, out);
  EXPECT_THAT(out.str(), HasSubstr("锁定人    王科员\n"
                                   "锁定时间  2023-01-10 09:30\n"
                                   "与锁定数字不同的单元格（1 个）：\n"
                                   "  表三 disclosed × natural_person：锁定 "
                                   "12，现在 11；移出 2022-0004\n"));
  // Differences are what a lock is for: the report still passes.
  EXPECT_TRUE(ReportPasses(report));
}

TEST(RenderCellTest, Table3RecordsWithTheirOutcome) {
  v1::CellAddress cell;
  cell.set_table(3);
  cell.set_row("unavailable_not_held");
  cell.set_column("natural_person");
  v1::GetCellResponse response;
  response.set_value(1);
  v1::CellRecord& r = *response.add_records();
  r.set_agency_code("lc-xzsp");
  r.set_case_number("2022-0009");
  r.set_applicant_name("刘建国");
  *r.mutable_receipt_date() = MakeDate(2022, 8, 15);
  *r.mutable_concluded() = MakeDate(2022, 9, 2);
  r.set_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  std::ostringstream out;
  RenderCell(2022, cell, response, /*color=*/false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "2022 年 表三 unavailable_not_held × natural_person：1");
  EXPECT_THAT(lines[1], HasSubstr("案件编号   申请人  收到日期    办结日期"));
  EXPECT_THAT(lines[2], HasSubstr("2022-0009  刘建国  2022-08-15  2022-09-02"));
  EXPECT_THAT(lines[2], HasSubstr("本机关不掌握相关政府信息"));
  EXPECT_EQ(lines[3], "共 1 件");
}

TEST(RenderCellTest, CarriedOverCasesAreNotConcluded) {
  v1::CellAddress cell;
  cell.set_table(3);
  cell.set_row("carried_out");
  cell.set_column("total");
  v1::GetCellResponse response;
  response.set_value(1);
  v1::CellRecord& r = *response.add_records();
  r.set_case_number("2022-0013");
  r.set_applicant_name("张敏");
  *r.mutable_receipt_date() = MakeDate(2022, 12, 26);
  std::ostringstream out;
  RenderCell(2022, cell, response, /*color=*/false, out);
  EXPECT_THAT(Lines(out.str())[2], ::testing::EndsWith("2022-12-26  未办结"));
}

TEST(RenderCellTest, Table4RecordsAcrossAgencies) {
  v1::CellAddress cell;
  cell.set_table(4);
  cell.set_row("review");
  cell.set_column("upheld");
  v1::GetCellResponse response;
  response.set_value(2);
  for (const auto& [agency, id] :
       {std::pair<std::string, std::string>{"lc-xzsp", "2022-0005-R1"},
        {"lc-gaj", "2022-0002-R1"}}) {
    v1::CellRecord& r = *response.add_records();
    r.set_agency_code(agency);
    r.set_proceeding_id(id);
    r.set_case_number(id.substr(0, 9));
    r.set_applicant_name("孙立平");
    *r.mutable_filed() = MakeDate(2022, 10, 11);
    r.set_column_label("结果维持");
  }
  std::ostringstream out;
  RenderCell(2022, cell, response, /*color=*/false, out);
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre(
          "2022 年 表四 review × upheld：2",
          "机关     编号          案件编号   申请人  提起日期    结果",
          "lc-xzsp  2022-0005-R1  2022-0005  孙立平  2022-10-11  结果维持",
          "lc-gaj   2022-0002-R1  2022-0002  孙立平  2022-10-11  结果维持",
          "共 2 件"));
}

TEST(RenderCellTest, TheFeeAmountInWanYuan) {
  v1::CellAddress cell;
  cell.set_table(2);
  cell.set_row("fees");
  cell.set_column("amount");
  v1::GetCellResponse response;
  response.set_value(128720600);
  std::ostringstream out;
  RenderCell(2022, cell, response, /*color=*/false, out);
  EXPECT_EQ(out.str(),
            "2022 年 表二 fees × amount：12872.06 万元（128720600.00 元）\n"
            "没有明细记录\n");
}

TEST(RenderFiguresTest, EveryRowOfTable2) {
  v1::Table2 figures;
  figures.set_licensing_decisions(32866);
  figures.set_fees_wan_yuan("12872.06");
  figures.mutable_normative_documents()->set_issued(2);
  figures.mutable_normative_documents()->set_in_force(15);
  figures.set_normative_documents_from_register(true);
  figures.set_rules_source(v1::DOCUMENT_COUNT_SOURCE_ENTERED);
  std::ostringstream out;
  RenderFigures(figures, /*color=*/false, out);
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre("规章                本年制发 0，本年废止 0，现行有效 0",
                  "行政规范性文件      本年制发 2，本年废止 0，现行有效 15",
                  "行政许可            本年处理决定 32866",
                  "行政处罚            本年处理决定 0",
                  "行政强制            本年处理决定 0",
                  "行政事业性收费      12872.06 万元",
                  "规章来源            用输入的数字（来源：entered）",
                  "行政规范性文件来源  按登记簿统计（来源：auto，登记簿中有该类"
                  "文件）"));
  // Money with two decimals, whatever was stored.
  figures.set_fees_wan_yuan("13105.4");
  std::ostringstream again;
  RenderFigures(figures, /*color=*/false, again);
  EXPECT_THAT(again.str(), HasSubstr("行政事业性收费      13105.40 万元\n"));
}

TEST(ReportChecksTest, NotesComeAfterTheChecksAndDoNotFailTheReport) {
  v1::Report report = PassingReport();
  report.add_notes("前言：使用系统生成的默认文字");
  report.add_notes("五、存在的主要问题及改进情况：尚未填写");
  EXPECT_TRUE(ReportPasses(report));
  std::ostringstream out;
  RenderReportChecks(report, /*color=*/false, out);
  EXPECT_THAT(
      out.str(),
      HasSubstr("\n提示（2 条，不妨碍发布）：\n  前言：使用系统生成的默认文字\n"
                "  五、存在的主要问题及改进情况：尚未填写\n"));
}

TEST(OverrideWarningsTest, OneLinePerOverriddenFigure) {
  v1::Table2 figures;
  EXPECT_THAT(OverrideWarnings(figures, 2026), ::testing::IsEmpty());
  v1::FigureOverride& rules = *figures.add_overridden();
  rules.set_figure("rules.issued");
  rules.set_label("规章 本年制发件数");
  rules.set_entered(2);
  rules.set_counted(0);
  v1::FigureOverride& normative = *figures.add_overridden();
  normative.set_figure("normative_documents.in_force");
  normative.set_label("行政规范性文件 现行有效件数");
  normative.set_entered(3);
  normative.set_counted(1);
  EXPECT_THAT(
      OverrideWarnings(figures, 2026),
      ElementsAre(
          "表二 规章 本年制发件数 输入的是 2，报告采用登记簿统计的 0；如应"
          "采用输入的数字：ogi report figures set 2026 --rules-source "
          "entered",
          "表二 行政规范性文件 现行有效件数 输入的是 3，报告采用登记簿统计"
          "的 1；如应采用输入的数字：ogi report figures set 2026 "
          "--normative-source entered"));
}

TEST(RenderDocumentsTest, TheRegister) {
  v1::ListDocumentsResponse response;
  v1::RegisteredDocument& d = *response.add_documents();
  d.set_id(3);
  d.set_kind(v1::DOCUMENT_KIND_NORMATIVE_DOCUMENT);
  d.set_title("聊城市行政审批服务局行政许可容缺受理办法");
  d.set_document_number("聊审批发〔2022〕4号");
  *d.mutable_issued() = MakeDate(2022, 3, 1);
  *d.mutable_repealed() = MakeDate(2022, 11, 30);
  std::ostringstream out;
  RenderDocuments(response, /*color=*/false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], HasSubstr("编号  类别            标题"));
  EXPECT_THAT(lines[1],
              HasSubstr("3     行政规范性文件  聊城市行政审批服务局行政许可容缺"
                        "受理办法  聊审批发〔2022〕4号  2022-03-01  "
                        "2022-11-30"));
  EXPECT_EQ(lines[2], "共 1 件");
}

}  // namespace
}  // namespace ogi::cli
