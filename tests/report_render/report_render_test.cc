// What every format shares: the official row labels in order, the JSON round
// trip, the Markdown document, format names and content types.

#include "services/report/render/report_render.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/report_render/in_order.h"
#include "tests/report_render/report_fixture.h"

namespace ogi {
namespace {

using ::ogi::testing::AppearInOrder;
using ::ogi::testing::OfficialTable3Labels;
using ::ogi::testing::ReferenceLikeReport;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

// The text rendering may continue a long label on a second line after a 、
// or ，: the label up to the first of them past its numbering ("一、").
std::string FirstPart(const std::string& label) {
  size_t cut = std::string::npos;
  for (const char* mark : {"，", "、"}) {
    cut = std::min(cut, label.find(mark, 4));
  }
  return label.substr(0, cut);
}

class EveryTableFormatTest : public ::testing::TestWithParam<v1::ReportFormat> {
};

TEST_P(EveryTableFormatTest, ShowsEveryOfficialRowLabelInOrder) {
  const std::string rendered = RenderReport(ReferenceLikeReport(), GetParam());
  std::vector<std::string> parts = {"二、主动公开政府信息情况",
                                    "规章",
                                    "行政规范性文件",
                                    "行政许可",
                                    "行政处罚",
                                    "行政强制",
                                    "行政事业性收费",
                                    "三、收到和处理政府信息公开申请情况"};
  for (const std::string& label : OfficialTable3Labels()) {
    parts.push_back(GetParam() == v1::REPORT_FORMAT_TEXT ? FirstPart(label)
                                                         : label);
  }
  parts.push_back("四、政府信息公开行政复议、行政诉讼情况");
  EXPECT_TRUE(AppearInOrder(rendered, parts));
}

INSTANTIATE_TEST_SUITE_P(
    Formats, EveryTableFormatTest,
    ::testing::Values(v1::REPORT_FORMAT_TEXT, v1::REPORT_FORMAT_CSV,
                      v1::REPORT_FORMAT_MARKDOWN, v1::REPORT_FORMAT_HTML),
    [](const ::testing::TestParamInfo<v1::ReportFormat>& info) {
      return v1::ReportFormat_Name(info.param);
    });

TEST(ReportJsonTest, RoundTripsToTheSameMessage) {
  v1::Report report = ReferenceLikeReport();
  v1::ReportCheck& check = *report.add_checks();
  check.set_identity("（七）=二十一项之和 (总计)");
  check.set_ok(true);
  report.add_uncountable()->set_number("2022-0009");
  report.mutable_lock()->set_locked_by("王科长");
  report.mutable_lock()->mutable_locked_at()->set_seconds(1674181800);
  v1::CellDifference& difference = *report.add_differences();
  difference.mutable_cell()->set_table(3);
  difference.mutable_cell()->set_row("disclosed");
  difference.set_live_value(13);
  difference.add_cases_added("2022-0014");

  const std::string json = RenderReport(report, v1::REPORT_FORMAT_JSON);
  v1::Report parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok())
      << json;
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(parsed, report))
      << parsed.DebugString();
  // Field names as in the .proto; zeros written out.
  EXPECT_THAT(json, HasSubstr("\"title_agency\": \"聊城市行政审批服务局\""));
  EXPECT_THAT(json, HasSubstr("\"pending\": \"0\""));
  EXPECT_THAT(json, HasSubstr("\"enforcement_decisions\": \"0\""));
}

TEST(ReportMarkdownTest, HasTheSixSectionsWithTheTablesAndProse) {
  const std::string markdown =
      RenderReport(ReferenceLikeReport(), v1::REPORT_FORMAT_MARKDOWN);
  EXPECT_TRUE(AppearInOrder(
      markdown,
      {"# 聊城市行政审批服务局2022年政府信息公开工作年度报告\n\n",
       "## 一、总体情况\n\n",
       "2022年，聊城市行政审批服务局深入贯彻落实",
       "\n\n（二）依申请公开\n\n本年度共收到政府信息公开申请13件",
       "## 二、主动公开政府信息情况\n\n",
       "**第二十条第（一）项**\n\n",
       "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
       "| --- | ---: | ---: | ---: |\n"
       "| 规章 | 0 | 0 | 0 |\n"
       "| 行政规范性文件 | 0 | 0 | 0 |\n",
       "| 行政许可 | 32866 |\n",
       "| 行政事业性收费 | 12872.06 |\n",
       "## 三、收到和处理政府信息公开申请情况\n\n",
       "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） "
       "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | "
       "总计 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
       "| 一、本年新收政府信息公开申请数量 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |\n",
       "| **三、本年度办理结果** |  |  |  |  |  |  |  |\n",
       "| （一）予以公开 | 12 | 0 | 0 | 0 | 0 | 0 | 12 |\n",
       "| **（三）不予公开** |  |  |  |  |  |  |  |\n",
       "| 1.属于国家秘密 | 0 |",
       "| **（四）无法提供** |",
       "| 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n",
       "| （七）总计 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |\n",
       "| 四、结转下年度继续办理 | 0 |",
       "## 四、政府信息公开行政复议、行政诉讼情况\n\n",
       "|  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n",
       "| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n",
       "| 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |\n",
       "| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |\n",
       "## 五、存在的主要问题及改进情况\n\n",
       "存在问题：政策解读工作方面存在不足。\n\n",
       "## 六、其他需要报告的事项\n\n",
       "本年度未收取政府信息公开信息处理费。\n\n",
       "（二）人大代表建议和政协提案办理结果公开情况\n\n"}));
  EXPECT_THAT(markdown, ::testing::EndsWith("目前均已按期办结。\n"));
}

TEST(ReportMarkdownTest, ProseNeverTurnsIntoMarkup) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_prose()->set_overview(
      "1. 创新政务公开形式\n# 不是标题\n- 不是列表\n<b>x</b> *y* a|b [z](u)");
  report.mutable_table3()->mutable_rows(0)->set_label("新收|申请");
  const std::string markdown = RenderReport(report, v1::REPORT_FORMAT_MARKDOWN);
  EXPECT_TRUE(AppearInOrder(
      markdown,
      {"1\\. 创新政务公开形式\n\n", "\\# 不是标题\n\n", "\\- 不是列表\n\n",
       "\\<b\\>x\\</b\\> \\*y\\* a\\|b \\[z\\](u)\n\n",
       "| 新收\\|申请 | 13 |"}));
}

TEST(ReportFormatTest, ParsesTheFormatNames) {
  EXPECT_EQ(*ParseReportFormat("text", "format"), v1::REPORT_FORMAT_TEXT);
  EXPECT_EQ(*ParseReportFormat("csv", "format"), v1::REPORT_FORMAT_CSV);
  EXPECT_EQ(*ParseReportFormat("JSON", "format"), v1::REPORT_FORMAT_JSON);
  EXPECT_EQ(*ParseReportFormat("markdown", "format"),
            v1::REPORT_FORMAT_MARKDOWN);
  EXPECT_EQ(*ParseReportFormat("html", "format"), v1::REPORT_FORMAT_HTML);
  EXPECT_THAT(ParseReportFormat("pdf", "format"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(::testing::StartsWith("format: "),
                                        HasSubstr("pdf"))));
}

TEST(ReportFormatTest, NamesTheContentTypeOfEachFormat) {
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_UNSPECIFIED),
            "text/plain; charset=utf-8");
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_TEXT),
            "text/plain; charset=utf-8");
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_CSV),
            "text/csv; charset=utf-8");
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_JSON), "application/json");
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_MARKDOWN),
            "text/markdown; charset=utf-8");
  EXPECT_EQ(ReportContentType(v1::REPORT_FORMAT_HTML),
            "text/html; charset=utf-8");
  // Unspecified renders as text.
  EXPECT_EQ(RenderReport(ReferenceLikeReport(), v1::REPORT_FORMAT_UNSPECIFIED),
            RenderReportText(ReferenceLikeReport()));
}

}  // namespace
}  // namespace ogi
