#include "cli/render.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "ogi/v1/case.pb.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Spaces(size_t n) { return std::string(n, ' '); }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  EXPECT_EQ(lines.back(), "") << "output must end with a newline";
  lines.pop_back();
  return lines;
}

// Display column at which `needle` starts in `line`.
size_t ColumnOf(const std::string& line, const std::string& needle) {
  const size_t pos = line.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle << " not in " << line;
  return DisplayWidth(line.substr(0, pos));
}

TEST(TableTest, AlignsColumnsByDisplayWidth) {
  Table table({"编号", "申请人", "备注"});
  table.AddRow({"2022-0001", "张三", "x"});
  table.AddRow({"2022-0002", "Zhang San Ltd", "两行\n第二行"});
  std::ostringstream out;
  table.Render(out, /*color=*/false);
  // Column widths: 9 ("2022-0001") and 13 ("Zhang San Ltd"); "编号" is 4
  // columns wide and "申请人" 6, "张三" 4.
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre("编号" + Spaces(5 + 2) + "申请人" + Spaces(7 + 2) + "备注",
                  "2022-0001  张三" + Spaces(9 + 2) + "x",
                  "2022-0002  Zhang San Ltd  两行",
                  Spaces(9 + 2 + 13 + 2) + "第二行"));
  for (const std::string& line : Lines(out.str())) {
    EXPECT_NE(line.back(), ' ') << "trailing space in: " << line;
  }
}

TEST(TableTest, ColumnsStartAtTheSameDisplayColumn) {
  Table table({"名称", "值"});
  table.AddRow({"聊城市行政审批服务局", "a"});
  table.AddRow({"ASCII", "b"});
  table.AddRow({"混合mixed文字", "c"});
  std::ostringstream out;
  table.Render(out, false);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 4u);
  const size_t column = ColumnOf(lines[0], "值");
  EXPECT_EQ(column, DisplayWidth("聊城市行政审批服务局") + 2);
  EXPECT_EQ(ColumnOf(lines[1], "a"), column);
  EXPECT_EQ(ColumnOf(lines[2], "b"), column);
  EXPECT_EQ(ColumnOf(lines[3], "c"), column);
}

TEST(TableTest, ColorOnlyAddsBoldToTheHeader) {
  Table table({"编号", "状态"});
  table.AddRow({"2022-0001", "办理中"});
  std::ostringstream plain, colored;
  table.Render(plain, false);
  table.Render(colored, true);
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_THAT(colored.str(), HasSubstr("\x1b[1m编号\x1b[0m"));
  // Without the escape codes, the layout is identical.
  EXPECT_EQ(
      absl::StrReplaceAll(colored.str(), {{"\x1b[1m", ""}, {"\x1b[0m", ""}}),
      plain.str());
}

TEST(CardTest, AlignsValuesAndIndentsContinuationLines) {
  Card card;
  card.Add("案件编号", "2022-0001");
  card.AddIfPresent("联系电话", "");  // skipped
  card.Add("收到申请日期", "待确认");
  card.Add("所需信息", "1. 第一项\n2. 第二项");
  std::ostringstream out;
  card.Render(out, false);
  // The widest label, 收到申请日期, is 12 columns; values start at 14.
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre("案件编号" + Spaces(6) + "2022-0001", "收到申请日期  待确认",
                  "所需信息" + Spaces(6) + "1. 第一项",
                  Spaces(14) + "2. 第二项"));
}

TEST(CardTest, BoldLabelsKeepAlignment) {
  Card card;
  card.Add("状态", "办理中");
  card.Add("申请人类型", "自然人");
  std::ostringstream out;
  card.Render(out, true);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "\x1b[1m状态\x1b[0m" + Spaces(6 + 2) + "办理中");
  EXPECT_EQ(lines[1], "\x1b[1m申请人类型\x1b[0m  自然人");
}

TEST(BoldTest, OnlyWithColor) {
  EXPECT_EQ(Bold("编号", false), "编号");
  EXPECT_EQ(Bold("编号", true), "\x1b[1m编号\x1b[0m");
}

TEST(ToJsonTest, UsesProtoNamesEnumNamesAndDefaults) {
  v1::Case c;
  c.set_number("2022-0001");
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.set_channel(v1::CHANNEL_IN_PERSON);
  c.mutable_arrival_date()->set_year(2022);
  c.mutable_arrival_date()->set_month(3);
  c.mutable_arrival_date()->set_day(1);
  absl::StatusOr<std::string> json = ToJson(c);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"arrival_date\""));
  EXPECT_THAT(*json, HasSubstr("\"CHANNEL_IN_PERSON\""));
  EXPECT_THAT(*json, HasSubstr("\"APPLICANT_TYPE_NATURAL_PERSON\""));
  // Default-valued primitives are printed too.
  EXPECT_THAT(*json, HasSubstr("\"agency_code\": \"\""));
  EXPECT_THAT(*json,
              HasSubstr("\"requested_form\": \"REQUESTED_FORM_UNSPECIFIED\""));
  EXPECT_NE(json->back(), '\n');

  v1::Case parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(parsed, c));
}

google::protobuf::Timestamp Utc(int y, int m, int d, int hh, int mm) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(absl::FromCivil(
      absl::CivilSecond(y, m, d, hh, mm, 0), absl::UTCTimeZone())));
  return ts;
}

TEST(FormatChinaTimeTest, ShowsUtcPlusEight) {
  EXPECT_EQ(FormatChinaTime(Utc(2022, 3, 1, 2, 30)), "2022-03-01 10:30");
  // 16:05 UTC is already the next day in China.
  EXPECT_EQ(FormatChinaTime(Utc(2022, 2, 28, 16, 5)), "2022-03-01 00:05");
  EXPECT_EQ(FormatChinaTime(google::protobuf::Timestamp()), "");
}

}  // namespace
}  // namespace ogi::cli
