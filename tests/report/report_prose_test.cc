#include "services/report/report_prose.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/report/report_notes.h"

// The prose sections of the report and the notes a statistician reads before
// publishing: the preface's default, empty sections, section 六's fee
// sentence against the office's own fee text, overridden table-二 figures.

namespace ogi {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

TEST(ReportProseTest, SectionsInPrintOrderAndWhichMustNotBeEmpty) {
  std::vector<std::string> keys;
  for (const ProseSectionSpec& section : ProseSections()) {
    keys.emplace_back(section.key);
    EXPECT_EQ(section.required, section.key != "preface") << section.key;
  }
  EXPECT_THAT(keys,
              ElementsAre("preface", "overview", "problems", "other_matters"));
  EXPECT_EQ(FindProseSection("problems")->title,
            "五、存在的主要问题及改进情况");
  EXPECT_EQ(FindProseSection("summary"), nullptr);
}

TEST(ReportProseTest, BlankSectionsAreEmpty) {
  v1::ReportProse prose;
  EXPECT_THAT(EmptyProseSections(prose),
              ElementsAre("overview", "problems", "other_matters"));
  prose.set_overview("  \n\t ");
  prose.set_problems("政策解读工作方面存在不足。");
  prose.set_preface("");  // has a default: never listed
  EXPECT_THAT(EmptyProseSections(prose),
              ElementsAre("overview", "other_matters"));
}

TEST(ReportProseTest, TheFeeSentenceStandsAsideForTheOfficesOwnFeeText) {
  v1::ReportProse prose;
  EXPECT_TRUE(GeneratesFeeSentence(prose));
  prose.set_other_matters("本机关未向申请人收取信息处理费。");
  EXPECT_FALSE(GeneratesFeeSentence(prose));
  prose.set_other_matters("依申请公开不收取任何费用。");
  EXPECT_FALSE(GeneratesFeeSentence(prose));
  prose.set_other_matters("本年度依据《政府信息公开信息处理费管理办法》收费。");
  EXPECT_FALSE(GeneratesFeeSentence(prose));
  prose.set_other_matters("人大代表建议和政协提案均已按期办结。");
  EXPECT_TRUE(GeneratesFeeSentence(prose));
}

TEST(ReportProseTest, FeeSentencePrintsMoneyWithTwoDecimals) {
  v1::FeeSummary fees;
  EXPECT_EQ(FeeSentence(fees), "本年度未收取政府信息公开信息处理费。");
  fees.set_notices_issued(2);
  fees.set_amount_billed_yuan(300);
  fees.set_amount_collected_yuan(100);
  EXPECT_EQ(FeeSentence(fees),
            "本年度共发出收费通知2件，应收信息处理费300.00元，实收100.00元。");
}

TEST(ReportProseTest, TheDefaultPrefaceNamesBasisPeriodPlaceAndContact) {
  const std::string preface = DefaultPreface("聊城市行政审批服务局", 2026);
  EXPECT_THAT(
      preface,
      AllOf(StartsWith("本报告根据《中华人民共和国政府信息公开条例》"),
            HasSubstr("国办公开办函〔2021〕30号"),
            HasSubstr("由聊城市行政审批服务局编制"),
            HasSubstr("自2026年1月1日起至2026年12月31日止"),
            HasSubstr("聊城市行政审批服务局门户网站"),
            HasSubstr("请与聊城市行政审批服务局政府信息公开工作机构联系")));
  EXPECT_THAT(DefaultPreface("", 2026), HasSubstr("由本机关编制"));

  v1::Report report;
  report.set_title_agency("聊城市行政审批服务局");
  report.set_year(2026);
  EXPECT_EQ(PrefaceText(report), preface);
  report.mutable_prose()->set_preface("本报告依据《条例》编制。");
  EXPECT_EQ(PrefaceText(report), "本报告依据《条例》编制。");
}

TEST(ReportNotesTest, NameEveryOverrideEmptySectionAndTheDefaultPreface) {
  v1::Report report;
  report.set_year(2026);
  report.add_agency_codes("lc-xzsp");
  v1::FigureOverride& override = *report.mutable_table2()->add_overridden();
  override.set_agency_code("lc-xzsp");
  override.set_figure("normative_documents.in_force");
  override.set_label("行政规范性文件 现行有效件数");
  override.set_entered(3);
  override.set_counted(1);
  report.mutable_prose()->set_overview("2026年，本局……");
  const std::vector<std::string> notes = ReportNotes(report);
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_EQ(notes[0],
            "表二 行政规范性文件 现行有效件数：输入的数字 3 已被登记簿统计的 1 "
            "取代，报告采用登记簿的数字；如应采用输入的数字，请把该行的来源设为"
            "输入（ogi report figures set 2026 --normative-source entered）");
  EXPECT_THAT(notes[1], StartsWith("前言：使用系统生成的默认文字"));
  EXPECT_THAT(notes[2],
              AllOf(StartsWith("五、存在的主要问题及改进情况：尚未填写"),
                    HasSubstr("--allow-empty problems")));
  EXPECT_THAT(notes[3], StartsWith("六、其他需要报告的事项：尚未填写"));
}

TEST(ReportNotesTest, ASectionSixThatSpeaksOfFeesIsCheckedAgainstTheRecords) {
  v1::Report report;
  report.set_year(2026);
  report.mutable_prose()->set_preface("本报告依据《条例》编制。");
  report.mutable_prose()->set_overview("一");
  report.mutable_prose()->set_problems("五");
  report.mutable_prose()->set_other_matters("本年度未收取任何费用。");
  report.mutable_fees()->set_notices_issued(1);
  report.mutable_fees()->set_amount_billed_yuan(200);
  EXPECT_THAT(ReportNotes(report),
              ElementsAre(AllOf(
                  StartsWith("六、其他需要报告的事项：本机关的文字已提及收费"),
                  HasSubstr("本年度共发出收费通知1件，应收信息处理费200."
                            "00元，实收0.00元。"))));

  report.mutable_prose()->set_other_matters("无。");
  EXPECT_THAT(ReportNotes(report), IsEmpty());
}

TEST(ReportNotesTest, AConsolidationNamesTheAgencyOfAnOverride) {
  v1::Report report;
  report.set_year(2026);
  report.add_agency_codes("a");
  report.add_agency_codes("b");
  v1::FigureOverride& override = *report.mutable_table2()->add_overridden();
  override.set_agency_code("b");
  override.set_figure("rules.issued");
  override.set_label("规章 本年制发件数");
  EXPECT_THAT(ReportNotes(report),
              Contains(AllOf(StartsWith("表二 b 规章 本年制发件数："),
                             HasSubstr("--rules-source entered"))));
  EXPECT_THAT(ReportNotes(report), Not(Contains(HasSubstr("表二 a "))));
}

}  // namespace
}  // namespace ogi
