#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/report/render/report_render.h"
#include "tests/report_render/report_fixture.h"

namespace ogi {
namespace {

using ::ogi::testing::ReferenceLikeReport;

// The reference report's tables 二, 三 and 四, typed from the published
// document, with their headings and header rows as the national template
// prints them, after the UTF-8 byte order mark and the title.
constexpr absl::string_view kReferenceCsv =
    "\xEF\xBB\xBF"
    "聊城市行政审批服务局2022年政府信息公开工作年度报告\r\n"
    "二、主动公开政府信息情况\r\n"
    "第二十条第（一）项\r\n"
    "信息内容,本年制发件数,本年废止件数,现行有效件数\r\n"
    "规章,0,0,0\r\n"
    "行政规范性文件,0,0,0\r\n"
    "第二十条第（五）项\r\n"
    "信息内容,本年处理决定数量\r\n"
    "行政许可,32866\r\n"
    "第二十条第（六）项\r\n"
    "信息内容,本年处理决定数量\r\n"
    "行政处罚,0\r\n"
    "行政强制,0\r\n"
    "第二十条第（八）项\r\n"
    "信息内容,本年收费金额（单位：万元）\r\n"
    "行政事业性收费,12872.06\r\n"
    "三、收到和处理政府信息公开申请情况\r\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,"
    "自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\r\n"
    "一、本年新收政府信息公开申请数量,13,0,0,0,0,0,13\r\n"
    "二、上年结转政府信息公开申请数量,0,0,0,0,0,0,0\r\n"
    "（一）予以公开,12,0,0,0,0,0,12\r\n"
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）,0,0,0,0,0,0,0\r\n"
    "1.属于国家秘密,0,0,0,0,0,0,0\r\n"
    "2.其他法律行政法规禁止公开,0,0,0,0,0,0,0\r\n"
    "3.危及“三安全一稳定”,0,0,0,0,0,0,0\r\n"
    "4.保护第三方合法权益,0,0,0,0,0,0,0\r\n"
    "5.属于三类内部事务信息,0,0,0,0,0,0,0\r\n"
    "6.属于四类过程性信息,0,0,0,0,0,0,0\r\n"
    "7.属于行政执法案卷,0,0,0,0,0,0,0\r\n"
    "8.属于行政查询事项,0,0,0,0,0,0,0\r\n"
    "1.本机关不掌握相关政府信息,1,0,0,0,0,0,1\r\n"
    "2.没有现成信息需要另行制作,0,0,0,0,0,0,0\r\n"
    "3.补正后申请内容仍不明确,0,0,0,0,0,0,0\r\n"
    "1.信访举报投诉类申请,0,0,0,0,0,0,0\r\n"
    "2.重复申请,0,0,0,0,0,0,0\r\n"
    "3.要求提供公开出版物,0,0,0,0,0,0,0\r\n"
    "4.无正当理由大量反复申请,0,0,0,0,0,0,0\r\n"
    "5.要求行政机关确认或重新出具已获取信息,0,0,0,0,0,0,0\r\n"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,"
    "0,0,0,0,0,0,0\r\n"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,"
    "0,0,0,0,0,0,0\r\n"
    "3.其他,0,0,0,0,0,0,0\r\n"
    "（七）总计,13,0,0,0,0,0,13\r\n"
    "四、结转下年度继续办理,0,0,0,0,0,0,0\r\n"
    "四、政府信息公开行政复议、行政诉讼情况\r\n"
    "行政复议,,,,,行政诉讼（未经复议直接起诉）,,,,,行政诉讼（复议后起诉）,,,,"
    "\r\n"
    "结果维持,结果纠正,其他结果,尚未审结,总计,"
    "结果维持,结果纠正,其他结果,尚未审结,总计,"
    "结果维持,结果纠正,其他结果,尚未审结,总计\r\n"
    "1,0,0,0,1,0,0,0,0,0,0,0,0,0,0\r\n";

TEST(ReportCsvTest, ReproducesTheReferenceTables) {
  EXPECT_EQ(RenderReportCsv(ReferenceLikeReport()), kReferenceCsv);
  EXPECT_EQ(RenderReport(ReferenceLikeReport(), v1::REPORT_FORMAT_CSV),
            kReferenceCsv);
}

TEST(ReportCsvTest, EveryNumberInItsOfficialColumn) {
  v1::Report report = ReferenceLikeReport();
  // Distinct numbers, so a swapped column shows.
  v1::Table2& table2 = *report.mutable_table2();
  table2.mutable_rules()->set_issued(1);
  table2.mutable_rules()->set_repealed(2);
  table2.mutable_rules()->set_in_force(3);
  table2.mutable_normative_documents()->set_issued(4);
  table2.mutable_normative_documents()->set_repealed(5);
  table2.mutable_normative_documents()->set_in_force(6);
  table2.set_penalty_decisions(7);
  table2.set_enforcement_decisions(8);
  table2.set_fees_wan_yuan("");
  v1::Table3Row& carried_out = *report.mutable_table3()->mutable_rows(24);
  for (int c = 0; c < 7; ++c) carried_out.set_cells(c, 10 + c);
  auto set = [](v1::ResultCounts& counts, int64_t first) {
    counts.set_upheld(first);
    counts.set_corrected(first + 1);
    counts.set_other(first + 2);
    counts.set_pending(first + 3);
    counts.set_total(first + 4);
  };
  set(*report.mutable_table4()->mutable_review(), 101);
  set(*report.mutable_table4()->mutable_direct_suit(), 201);
  set(*report.mutable_table4()->mutable_suit_after_review(), 301);

  const std::string csv = RenderReportCsv(report);
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n规章,1,2,3\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n行政规范性文件,4,5,6\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n行政处罚,7\r\n行政强制,8\r\n"));
  // No amount entered: 0.00, never blank.
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n行政事业性收费,0.00\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr(
                       "\r\n四、结转下年度继续办理,10,11,12,13,14,15,16\r\n"));
  EXPECT_THAT(csv,
              ::testing::EndsWith("\r\n101,102,103,104,105,201,202,203,204,205,"
                                  "301,302,303,304,305\r\n"));
}

TEST(ReportCsvTest, StartsWithTheByteOrderMarkExcelNeeds) {
  const std::string csv = RenderReportCsv(ReferenceLikeReport());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(0, 3), kUtf8ByteOrderMark);
  // Only at the start.
  EXPECT_EQ(csv.find("\xEF\xBB\xBF", 3), std::string::npos);
}

TEST(ReportCsvTest, MoneyHasTwoDecimals) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_table2()->set_fees_wan_yuan("13105.4");
  EXPECT_THAT(RenderReportCsv(report),
              ::testing::HasSubstr("\r\n行政事业性收费,13105.40\r\n"));
  report.mutable_table2()->set_fees_wan_yuan("7");
  EXPECT_THAT(RenderReportCsv(report),
              ::testing::HasSubstr("\r\n行政事业性收费,7.00\r\n"));
  // Exact to the yuan: all four places stay.
  report.mutable_table2()->set_fees_wan_yuan("0.0005");
  EXPECT_THAT(RenderReportCsv(report),
              ::testing::HasSubstr("\r\n行政事业性收费,0.0005\r\n"));
}

TEST(ReportCsvTest, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_table3()->mutable_rows(0)->set_label("a,b");
  report.mutable_table3()->mutable_rows(1)->set_label("say \"x\"");
  report.mutable_table3()->mutable_rows(2)->set_label("two\nlines");
  const std::string csv = RenderReportCsv(report);
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n\"a,b\",13,0,0,0,0,0,13\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n\"say \"\"x\"\"\",0,"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n\"two\nlines\",12,"));
}

}  // namespace
}  // namespace ogi
