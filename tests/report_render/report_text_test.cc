#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "services/common/text.h"
#include "services/report/render/report_render.h"
#include "tests/report_render/report_fixture.h"

namespace ogi {
namespace {

using ::ogi::testing::ReferenceLikeReport;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n');
}

// The display columns at which each space-separated word of `line` ends.
std::vector<size_t> WordEnds(const std::string& line) {
  std::vector<size_t> ends;
  size_t column = 0;
  for (absl::string_view word : absl::StrSplit(line, ' ')) {
    if (!word.empty()) {
      column += DisplayWidth(word);
      ends.push_back(column);
    }
    ++column;  // the space after it
  }
  return ends;
}

// The lines of the block that starts with `title`, up to the next blank line.
std::vector<std::string> Block(const std::string& text,
                               const std::string& title) {
  std::vector<std::string> block;
  bool inside = false;
  for (const std::string& line : Lines(text)) {
    if (line == title) {
      inside = true;
    } else if (inside && line.empty()) {
      break;
    } else if (inside) {
      block.push_back(line);
    }
  }
  return block;
}

TEST(ReportTextTest, Table3NumbersEndUnderTheirColumnNames) {
  const std::vector<std::string> table =
      Block(RenderReportText(ReferenceLikeReport()),
            "三、收到和处理政府信息公开申请情况");
  ASSERT_GE(table.size(), 3u);
  // Line 0: 法人或其他组织 over the organisation columns; line 1: the names.
  const std::vector<size_t> header = WordEnds(table[1]);
  ASSERT_EQ(header.size(), 7u) << table[1];
  const std::vector<size_t> organisation = WordEnds(table[0]);
  ASSERT_EQ(organisation.size(), 1u);
  EXPECT_GT(organisation[0], header[0]);  // right of 自然人
  EXPECT_LT(organisation[0], header[5]);  // left of the end of 其他

  int data_rows = 0;
  for (size_t i = 2; i < table.size(); ++i) {
    const std::vector<size_t> ends = WordEnds(table[i]);
    if (ends.size() < 8) continue;  // headings and continued labels
    ++data_rows;
    EXPECT_EQ(std::vector<size_t>(ends.end() - 7, ends.end()), header)
        << table[i];
  }
  EXPECT_EQ(data_rows, 25);
}

TEST(ReportTextTest, Table3ShowsTheBlockAndGroupsAsIndentedHeadings) {
  const std::vector<std::string> table =
      Block(RenderReportText(ReferenceLikeReport()),
            "三、收到和处理政府信息公开申请情况");
  std::vector<std::string> labels;
  for (const std::string& line : table) {
    // The label without the numbers after it (no label ends in a digit).
    const size_t end = line.find_last_not_of("0123456789 ");
    labels.push_back(line.substr(0, end + 1));
  }
  const auto has = [&](const std::string& label) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
  };
  EXPECT_TRUE(has("一、本年新收政府信息公开申请数量"));
  EXPECT_TRUE(has("三、本年度办理结果"));
  EXPECT_TRUE(has("  （一）予以公开"));
  EXPECT_TRUE(has("  （三）不予公开"));
  EXPECT_TRUE(has("    1.属于国家秘密"));
  EXPECT_TRUE(has("  （六）其他处理"));
  EXPECT_TRUE(has("  （七）总计"));
  EXPECT_TRUE(has("四、结转下年度继续办理"));
  // Labels too long for the column go on in a second line at the same
  // indentation, broken after a 、 or ，.
  EXPECT_TRUE(has("  （二）部分公开（区分处理的，只计这一情形，"));
  EXPECT_TRUE(has("  不计其他情形）"));
  EXPECT_TRUE(has("    1.申请人无正当理由逾期不补正、"));
  EXPECT_TRUE(has("    2.申请人逾期未按收费通知要求缴纳费用、"));
  EXPECT_TRUE(has("    行政机关不再处理其政府信息公开申请"));
  for (const std::string& line : table) {
    EXPECT_THAT(line, Not(::testing::EndsWith(" "))) << line;
  }
}

TEST(ReportTextTest, Table4IsOneLinePerGroupUnderTheFiveResults) {
  const std::vector<std::string> table =
      Block(RenderReportText(ReferenceLikeReport()),
            "四、政府信息公开行政复议、行政诉讼情况");
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table[0],
            "                              结果维持  结果纠正  其他结果  "
            "尚未审结  总计");
  EXPECT_EQ(table[1],
            "行政复议                             1         0         0  "
            "       0     1");
  EXPECT_EQ(table[2],
            "行政诉讼（未经复议直接起诉）         0         0         0  "
            "       0     0");
  EXPECT_EQ(table[3],
            "行政诉讼（复议后起诉）               0         0         0  "
            "       0     0");
}

TEST(ReportTextTest, Table2BlocksShareTheLabelColumn) {
  const std::vector<std::string> table = Block(
      RenderReportText(ReferenceLikeReport()), "二、主动公开政府信息情况");
  EXPECT_THAT(
      table, ::testing::ElementsAre(
                 "第二十条第（一）项  本年制发件数  本年废止件数  现行有效件数",
                 "规章                           0             0             0",
                 "行政规范性文件                 0             0             0",
                 "第二十条第（五）项  本年处理决定数量",
                 "行政许可                       32866",
                 "第二十条第（六）项  本年处理决定数量",
                 "行政处罚                           0",
                 "行政强制                           0",
                 "第二十条第（八）项  本年收费金额（单位：万元）",
                 "行政事业性收费                        12872.06"));
}

TEST(ReportTextTest, ListsTheFeesChecksUncountableCasesAndTheLock) {
  v1::Report report = ReferenceLikeReport();
  v1::ReportCheck& ok = *report.add_checks();
  ok.set_identity("一+二=三（七）+四 (自然人)");
  ok.set_ok(true);
  ok.set_detail("13+0 = 13+0");
  v1::ReportCheck& failed = *report.add_checks();
  failed.set_identity("本年二=上年四 (总计)");
  failed.set_ok(false);
  failed.set_detail("0 ≠ 2");
  failed.add_case_numbers("2021-0031");
  failed.add_case_numbers("2021-0032");
  v1::UncountableCase& uncountable = *report.add_uncountable();
  uncountable.set_agency_code("lc-spj");
  uncountable.set_number("2022-0009");
  uncountable.set_reason("已办结但没有办理结果");
  v1::ReportLock& lock = *report.mutable_lock();
  // 2023-01-20 10:30 in China is 02:30 UTC.
  *lock.mutable_locked_at() =
      google::protobuf::util::TimeUtil::SecondsToTimestamp(1674181800);
  lock.set_locked_by("王科长");
  lock.set_content_hash("9f86d081884c");
  v1::CellDifference& difference = *report.add_differences();
  difference.mutable_cell()->set_table(3);
  difference.mutable_cell()->set_row("withheld_state_secret");
  difference.mutable_cell()->set_column("natural_person");
  difference.set_locked_value(0);
  difference.set_live_value(1);
  difference.add_cases_added("2022-0005");
  v1::CellDifference& moved = *report.add_differences();
  moved.mutable_cell()->set_table(4);
  moved.mutable_cell()->set_row("review");
  moved.mutable_cell()->set_column("upheld");
  moved.set_locked_value(1);
  moved.set_live_value(0);
  moved.add_cases_removed("2022-0011");

  const std::string text = RenderReportText(report);
  // Section 六: the generated fee sentence, then the office's own text.
  EXPECT_THAT(
      Block(text, "六、其他需要报告的事项"),
      ::testing::ElementsAre(
          "本年度未收取政府信息公开信息处理费。",
          "（二）人大代表建议和政协提案办理结果公开情况",
          "2022年共办理人大代表建议6件、政协提案7件，目前均已按期办结。"));
  // The title, then the preface (the default, as none was written).
  EXPECT_THAT(text, ::testing::StartsWith(
                        "聊城市行政审批服务局2022年政府信息公开工作年度报告\n\n"
                        "本报告根据《中华人民共和国政府信息公开条例》"));
  EXPECT_THAT(
      Block(text, "核对"),
      ::testing::ElementsAre(
          "✓ 一+二=三（七）+四 (自然人)  13+0 = 13+0",
          "✗ 本年二=上年四 (总计)  0 ≠ 2  涉及案件 2021-0031, 2021-0032"));
  EXPECT_THAT(Block(text, "无法统计的案件（1件）"),
              ::testing::ElementsAre("  2022-0009  已办结但没有办理结果"));
  EXPECT_THAT(
      text,
      ::testing::EndsWith(
          "已锁定：2023-01-20 10:30，王科长，内容摘要 9f86d081884c\n"
          "现在的记录与锁定的数字不同（2个单元格）：\n"
          "  表三 1.属于国家秘密 × 自然人  锁定 0，现在 1"
          "  新增 2022-0005\n"
          "  表四 行政复议 × 结果维持  锁定 1，现在 0  移出 2022-0011\n"));
}

TEST(ReportTextTest, ALockedYearWithoutChangesSaysSo) {
  v1::Report report = ReferenceLikeReport();
  report.mutable_lock()->set_locked_by("王科长");
  EXPECT_THAT(RenderReportText(report),
              ::testing::EndsWith("现在的记录与锁定的数字一致。\n"));
  EXPECT_THAT(RenderReportText(ReferenceLikeReport()), Not(HasSubstr("锁定")));
}

}  // namespace
}  // namespace ogi
