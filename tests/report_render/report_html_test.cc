#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/report/render/report_render.h"
#include "tests/report_render/in_order.h"
#include "tests/report_render/report_fixture.h"

namespace ogi {
namespace {

using ::ogi::testing::AppearInOrder;
using ::ogi::testing::ReferenceLikeReport;
using ::testing::HasSubstr;
using ::testing::Not;

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos;
       at = text.find(part, at + part.size())) {
    ++count;
  }
  return count;
}

// The text between the n-th (0-based) "<table" and its "</table>".
std::string NthTable(const std::string& html, int n) {
  size_t at = 0;
  for (int i = 0; i <= n; ++i) {
    at = html.find("<table", i == 0 ? 0 : at + 1);
    if (at == std::string::npos) return "";
  }
  return html.substr(at, html.find("</table>", at) - at);
}

TEST(ReportHtmlTest, IsACompleteDocumentWithTheSixSectionsInOrder) {
  const std::string html = RenderReportHtml(ReferenceLikeReport());
  EXPECT_THAT(html,
              ::testing::StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, ::testing::EndsWith("</body>\n</html>\n"));
  EXPECT_TRUE(AppearInOrder(
      html,
      {"<title>聊城市行政审批服务局2022年政府信息公开工作年度报告</title>",
       "<h1><span>聊城市行政审批服务局</"
       "span><span>2022年政府信息公开工作年度报告"
       "</span></h1>",
       "<h2>一、总体情况</h2>", "<p>2022年，聊城市行政审批服务局深入贯彻落实",
       "<p>（二）依申请公开</p>", "<p>本年度共收到政府信息公开申请13件",
       "<h2>二、主动公开政府信息情况</h2>", "<table class=\"table2\">",
       "<h2>三、收到和处理政府信息公开申请情况</h2>",
       "<table class=\"table3\">",
       "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>",
       "<table class=\"table4\">", "<h2>五、存在的主要问题及改进情况</h2>",
       "<p>存在问题：政策解读工作方面存在不足。</p>",
       "<p>改进措施：一是强化政策解读；二是丰富解读形式。</p>",
       "<h2>六、其他需要报告的事项</h2>",
       "<p>本年度未收取政府信息公开信息处理费。</p>",
       "<p>（二）人大代表建议和政协提案办理结果公开情况</p>"}));
  EXPECT_EQ(Count(html, "<table"), 3u);
  // Blank lines of the prose make no empty paragraphs.
  EXPECT_THAT(html, Not(HasSubstr("<p></p>")));
}

TEST(ReportHtmlTest, Table2HasTheFourBlocksOfTheTemplate) {
  const std::string table =
      NthTable(RenderReportHtml(ReferenceLikeReport()), 0);
  EXPECT_TRUE(AppearInOrder(
      table,
      {"<tr><th colspan=\"4\" class=\"heading\">第二十条第（一）项</th></tr>",
       "<tr><th class=\"heading\">信息内容</th><th "
       "class=\"heading\">本年制发件数"
       "</th><th class=\"heading\">本年废止件数</th><th class=\"heading\">"
       "现行有效件数</th></tr>",
       "<tr><th>规章</th><td>0</td><td>0</td><td>0</td></tr>",
       "<tr><th>行政规范性文件</th><td>0</td><td>0</td><td>0</td></tr>",
       "<tr><th colspan=\"4\" class=\"heading\">第二十条第（五）项</th></tr>",
       "<th colspan=\"3\" class=\"heading\">本年处理决定数量</th>",
       "<tr><th>行政许可</th><td colspan=\"3\">32866</td></tr>",
       "<tr><th colspan=\"4\" class=\"heading\">第二十条第（六）项</th></tr>",
       "<tr><th>行政处罚</th><td colspan=\"3\">0</td></tr>",
       "<tr><th>行政强制</th><td colspan=\"3\">0</td></tr>",
       "<tr><th colspan=\"4\" class=\"heading\">第二十条第（八）项</th></tr>",
       "<th colspan=\"3\" class=\"heading\">本年收费金额（单位：万元）</th>",
       "<tr><th>行政事业性收费</th><td colspan=\"3\">12872.06</td></tr>"}));
}

TEST(ReportHtmlTest, Table3HasTheMergedHeaderAndRowCellsOfTheTemplate) {
  const std::string table =
      NthTable(RenderReportHtml(ReferenceLikeReport()), 1);
  EXPECT_TRUE(AppearInOrder(
      table,
      {// Header: three rows.
       "<tr><th rowspan=\"3\" colspan=\"3\" class=\"corner\">"
       "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
       "</th><th colspan=\"7\">申请人情况</th></tr>",
       "<tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th>"
       "<th rowspan=\"2\">总计</th></tr>",
       "<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th>"
       "<th>法律服务机构</th><th>其他</th></tr>",
       // Rows outside the block span the three label columns.
       "<tr><th colspan=\"3\">一、本年新收政府信息公开申请数量</th><td>13</td>"
       "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>13</td></tr>",
       "<tr><th colspan=\"3\">二、上年结转政府信息公开申请数量</th>",
       // The block spans its 22 rows: 21 outcomes and （七）总计.
       "<tr><th rowspan=\"22\" class=\"block\"><span class=\"vertical\">"
       "三、本年度办理结果</span></th><th colspan=\"2\">（一）予以公开</th>"
       "<td>12</td>",
       "<tr><th colspan=\"2\">（二）部分公开（区分处理的，只计这一情形，"
       "不计其他情形）</th>",
       "<tr><th rowspan=\"8\" class=\"block\">（三）不予公开</th>"
       "<th>1.属于国家秘密</th>",
       "<tr><th>2.其他法律行政法规禁止公开</th>",
       "<tr><th>8.属于行政查询事项</th>",
       "<tr><th rowspan=\"3\" class=\"block\">（四）无法提供</th>"
       "<th>1.本机关不掌握相关政府信息</th><td>1</td>",
       "<tr><th rowspan=\"5\" class=\"block\">（五）不予处理</th>"
       "<th>1.信访举报投诉类申请</th>",
       "<tr><th rowspan=\"3\" class=\"block\">（六）其他处理</th>"
       "<th>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</"
       "th>",
       "<tr><th>3.其他</th>",
       "<tr><th colspan=\"2\">（七）总计</th><td>13</td>",
       "<tr><th colspan=\"3\">四、结转下年度继续办理</th><td>0</td>"}));
  // 25 rows of 7 numbers, every one printed.
  EXPECT_EQ(Count(table, "<td>"), 25u * 7u);
  EXPECT_EQ(Count(table, "<td>0</td>"), 25u * 7u - 8u);
  EXPECT_EQ(Count(table, "<tr>"), 3u + 25u);
}

TEST(ReportHtmlTest, Table4HasTheTwoLevelHeaderOfTheTemplate) {
  const std::string table =
      NthTable(RenderReportHtml(ReferenceLikeReport()), 2);
  const std::string results =
      "<th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th>"
      "<th>总计</th>";
  EXPECT_TRUE(AppearInOrder(
      table,
      {"<tr><th colspan=\"5\">行政复议</th><th "
       "colspan=\"10\">行政诉讼</th></tr>",
       "<tr><th rowspan=\"2\">结果维持</th><th rowspan=\"2\">结果纠正</th>"
       "<th rowspan=\"2\">其他结果</th><th rowspan=\"2\">尚未审结</th>"
       "<th rowspan=\"2\">总计</th><th colspan=\"5\">未经复议直接起诉</th>"
       "<th colspan=\"5\">复议后起诉</th></tr>",
       absl::StrCat("<tr>", results, results, "</tr>"),
       "<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>"
       "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
       "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"}));
}

TEST(ReportHtmlTest, ARowOfUnknownKeyStandsOnItsOwn) {
  v1::Report report = ReferenceLikeReport();
  v1::Table3Row& extra = *report.mutable_table3()->add_rows();
  extra.set_key("bogus");
  extra.set_label("未知行");
  extra.add_cells(5);
  const std::string table = NthTable(RenderReportHtml(report), 1);
  EXPECT_THAT(table,
              HasSubstr("<tr><th colspan=\"3\">未知行</th><td>5</td></tr>"));
  // The block's span is unchanged.
  EXPECT_THAT(table, HasSubstr("<th rowspan=\"22\" class=\"block\">"));
}

TEST(ReportHtmlTest, EscapesEveryTextFromTheMessage) {
  v1::Report report = ReferenceLikeReport();
  report.set_title_agency("A&B<局>");
  report.mutable_prose()->set_overview("<script>alert(\"x\")</script> & 'y'");
  report.mutable_prose()->set_problems("a < b > c");
  report.mutable_prose()->set_other_matters("<b>粗</b>");
  report.mutable_table2()->set_fees_wan_yuan("1<2");
  report.mutable_table3()->mutable_rows(0)->set_label("<i>新收</i>");
  const std::string html = RenderReportHtml(report);
  EXPECT_THAT(html, HasSubstr("<title>A&amp;B&lt;局&gt;2022年"));
  EXPECT_THAT(html, HasSubstr("<h1><span>A&amp;B&lt;局&gt;</span>"));
  EXPECT_THAT(html,
              HasSubstr("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
                        " &amp; &#39;y&#39;</p>"));
  EXPECT_THAT(html, HasSubstr("<p>a &lt; b &gt; c</p>"));
  EXPECT_THAT(html, HasSubstr("<p>&lt;b&gt;粗&lt;/b&gt;</p>"));
  EXPECT_THAT(html, HasSubstr("<td colspan=\"3\">1&lt;2</td>"));
  EXPECT_THAT(html,
              HasSubstr("<th colspan=\"3\">&lt;i&gt;新收&lt;/i&gt;</th>"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<i>")));
}

TEST(ReportHtmlTest, IsSelfContainedAndPrintableOnA4WithChineseFonts) {
  const std::string html = RenderReportHtml(ReferenceLikeReport());
  for (const char* external :
       {"http:", "https:", "src=", "<link", "<script", "url(", "@import"}) {
    EXPECT_THAT(html, Not(HasSubstr(external))) << external;
  }
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("page-break-inside: avoid"));
  EXPECT_THAT(html, HasSubstr("table-layout: fixed"));
  EXPECT_THAT(html, HasSubstr("\"Noto Serif CJK SC\""));
  EXPECT_THAT(html, HasSubstr("\"SimSun\""));
}

TEST(ReportHtmlTest, StatesTheFeesOfTheYearInSectionSix) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_fees()->set_notices_issued(3);
  report.mutable_fees()->set_amount_billed_yuan(300);
  report.mutable_fees()->set_amount_collected_yuan(200);
  const std::string html = RenderReportHtml(report);
  EXPECT_TRUE(AppearInOrder(
      html, {"<h2>六、其他需要报告的事项</h2>",
             "<p>本年度共发出收费通知3件，应收信息处理费300.00元，"
             "实收200.00元。</p>"}));

  // Billed but nothing paid is still a fee to report.
  report.mutable_fees()->set_amount_collected_yuan(0);
  EXPECT_THAT(RenderReportHtml(report),
              HasSubstr("<p>本年度共发出收费通知3件，应收信息处理费300.00元，"
                        "实收0.00元。</p>"));
}

TEST(ReportHtmlTest, TheOfficesOwnFeeTextIsNotDoubledByTheGeneratedSentence) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_fees()->set_notices_issued(1);
  report.mutable_fees()->set_amount_billed_yuan(200);
  report.mutable_prose()->set_other_matters(
      "本年度发出收费通知1件，收取信息处理费200.00元。");
  const std::string html = RenderReportHtml(report);
  EXPECT_THAT(html,
              HasSubstr("<p>本年度发出收费通知1件，收取信息处理费200.00元。"
                        "</p>"));
  EXPECT_THAT(html, Not(HasSubstr("本年度共发出收费通知")));

  // Text on other matters that says nothing of fees: the sentence comes first.
  report.mutable_prose()->set_other_matters("人大代表建议办理情况良好。");
  EXPECT_TRUE(AppearInOrder(
      RenderReportHtml(report),
      {"<h2>六、其他需要报告的事项</h2>",
       "<p>本年度共发出收费通知1件，应收信息处理费200.00元，实收0.00元。</p>",
       "<p>人大代表建议办理情况良好。</p>"}));
}

TEST(ReportHtmlTest, OpensWithThePrefaceOrItsDefault) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_prose()->clear_preface();
  std::string html = RenderReportHtml(report);
  // The default names the agency, the legal basis and the statistics period.
  EXPECT_TRUE(AppearInOrder(
      html,
      {"</h1>",
       "<p class=\"preface\">本报告根据《中华人民共和国政府信息公开条例》",
       "由聊城市行政审批服务局编制", "自2022年1月1日起至2022年12月31日止",
       "<h2>一、总体情况</h2>"}));

  report.mutable_prose()->set_preface(
      "本报告依据《条例》编制。\n本报告电子版可在www.liaocheng.gov.cn查阅。");
  html = RenderReportHtml(report);
  EXPECT_TRUE(AppearInOrder(
      html,
      {"</h1>", "<p class=\"preface\">本报告依据《条例》编制。</p>",
       "<p class=\"preface\">本报告电子版可在www.liaocheng.gov.cn查阅。</p>",
       "<h2>一、总体情况</h2>"}));
  EXPECT_THAT(html, Not(HasSubstr("国办公开办函")));
}

TEST(ReportHtmlTest, PrintsPageNumbersAndLetsTheLongTableBreak) {
  const std::string html = RenderReportHtml(ReferenceLikeReport());
  // A margin box Chromium's print-to-PDF fills on every page.
  EXPECT_THAT(
      html,
      HasSubstr("@bottom-center { content: \"— \" counter(page) \" —\";"));
  // Table 四 stays whole; tables 二 and 三 may break between rows (cells do
  // not break, but the cell spanning 三、本年度办理结果's 21 rows may).
  EXPECT_THAT(
      html,
      HasSubstr(".table4 { page-break-inside: avoid; break-inside: avoid; }"));
  EXPECT_THAT(html, Not(HasSubstr(".table2, .table4")));
  EXPECT_THAT(html,
              HasSubstr("td, th:not([rowspan]) { page-break-inside: avoid;"));
  EXPECT_THAT(html, HasSubstr("thead { display: table-header-group; }"));
}

}  // namespace
}  // namespace ogi
