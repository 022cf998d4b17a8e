#include "cli/calendar_commands.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCalendarStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::MustParse;
using ::ogi::cli::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Spaces(size_t n) { return std::string(n, ' '); }

class CalendarCommandTest : public ::testing::Test {
 protected:
  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases_, &agencies_, nullptr,
                                             nullptr, &calendar_);
        },
        out_, err_);
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeCalendarStub calendar_;
  Environment env_;
  std::ostringstream out_, err_;
};

// --- add-working-days ------------------------------------------------------

// 2025-09-26 is a Friday; 20 working days later, skipping 10-01..10-08 and
// counting the make-up days 09-28 and 10-11, is 2025-10-30.
TEST_F(CalendarCommandTest, AddWorkingDaysPrintsOnlyTheDate) {
  *calendar_.add_response.mutable_end() = MakeDate(2025, 10, 30);
  calendar_.add_response.add_explanation(
      "2025-10-01 至 2025-10-08 国庆节、中秋节放假，不计");
  EXPECT_EQ(Run({"calendar", "add-working-days", "2025-09-26", "20"}), 0);
  EXPECT_EQ(out_.str(), "2025-10-30\n");
  EXPECT_EQ(err_.str(), "");
  ASSERT_EQ(calendar_.add_requests.size(), 1u);
  EXPECT_EQ(FormatIsoDate(calendar_.add_requests[0].start()), "2025-09-26");
  EXPECT_EQ(calendar_.add_requests[0].days(), 20);
}

TEST_F(CalendarCommandTest, AddWorkingDaysExplain) {
  *calendar_.add_response.mutable_end() = MakeDate(2025, 10, 30);
  calendar_.add_response.add_explanation("2025-09-28 调休上班，计入");
  calendar_.add_response.add_explanation(
      "2025-10-01 至 2025-10-08 国庆节、中秋节放假，不计入");
  EXPECT_EQ(
      Run({"calendar", "add-working-days", "2025-09-26", "20", "--explain"}),
      0);
  EXPECT_EQ(out_.str(),
            "2025-10-30\n"
            "2025-09-28 调休上班，计入\n"
            "2025-10-01 至 2025-10-08 国庆节、中秋节放假，不计入\n");
}

TEST_F(CalendarCommandTest, AddWorkingDaysProvisionalWarnsButSucceeds) {
  *calendar_.add_response.mutable_end() = MakeDate(2027, 1, 26);
  calendar_.add_response.set_provisional(true);
  calendar_.add_response.add_provisional_years(2027);
  EXPECT_EQ(Run({"calendar", "add-working-days", "2026-12-28", "20"}), 0);
  EXPECT_EQ(out_.str(), "2027-01-26\n");
  EXPECT_EQ(err_.str(), "暂定：2027 年调休安排尚未公布，已跳过法定节假日\n");
}

TEST_F(CalendarCommandTest, AddWorkingDaysJson) {
  *calendar_.add_response.mutable_end() = MakeDate(2025, 10, 30);
  EXPECT_EQ(Run({"calendar", "add-working-days", "2025-09-26", "20", "--json"}),
            0);
  v1::AddWorkingDaysResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok());
  EXPECT_EQ(FormatIsoDate(parsed.end()), "2025-10-30");
}

TEST_F(CalendarCommandTest, UsageErrors) {
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"calendar", "add-working-days", "2025-9-26", "20"},
            "DATE: \"2025-9-26\" 不是 YYYY-MM-DD 格式的日期"},
           {{"calendar", "add-working-days", "2025-02-29", "20"},
            "DATE: 2025-02-29 不是有效的日期"},
           {{"calendar", "add-working-days", "2025-09-26", "x"},
            "N: \"x\" 不是 0 到 3660 之间的整数"},
           {{"calendar", "add-working-days", "2025-09-26", "3661"},
            "N: \"3661\" 不是 0 到 3660 之间的整数"},
           {{"calendar", "add-working-days", "2025-09-26"},
            "缺少 N；用法：ogi calendar add-working-days DATE N [flags]"},
           {{"calendar", "show", "20x5"},
            "YEAR: \"20x5\" 不是 1900 到 9999 之间的整数"},
           {{"calendar", "show"}, "缺少 YEAR；用法：ogi calendar show YEAR"},
           {{"calendar", "load", "/nonexistent/cn-holidays.json"},
            "无法读取日历文件 \"/nonexistent/cn-holidays.json\"：No such file "
            "or directory"},
       }) {
    EXPECT_EQ(Run(args), 2) << message;
    EXPECT_EQ(err_.str(), "ogi: " + message + "\n");
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(calendar_.calls.empty());
}

// Issue 12: `ogi calendar load /dev/zero` ended in std::bad_alloc. A file
// that is not a regular file, or larger than the server accepts, is refused
// before reading (exit 1), and nothing is sent.
TEST_F(CalendarCommandTest, OnlyARegularFileWithinTheLimitIsRead) {
  for (const auto& [path, message] :
       std::vector<std::pair<std::string, std::string>>{
           {"/dev/zero",
            "日历文件 \"/dev/zero\" 不是普通文件（而是设备、管道或套接字），"
            "不能读取"},
           {"/", "日历文件 \"/\" 不是普通文件（而是目录），不能读取"},
       }) {
    out_.str("");
    err_.str("");
    EXPECT_EQ(Run({"calendar", "load", path}), 1) << path;
    EXPECT_EQ(err_.str(), "ogi: " + message + "\n");
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(calendar_.calls.empty());
}

TEST_F(CalendarCommandTest, RpcErrorExitsOne) {
  calendar_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 "days: 须在 0 至 3660 之间，而不是 4000");
  EXPECT_EQ(Run({"calendar", "add-working-days", "2025-09-26", "20"}), 1);
  // The server names the request field; the user typed the N argument.
  EXPECT_EQ(err_.str(),
            "ogi: N: 须在 0 至 3660 之间，而不是 4000（INVALID_ARGUMENT）\n");
  EXPECT_EQ(out_.str(), "");
}

// --- show ------------------------------------------------------------------

v1::GetCalendarYearResponse Year2025() {
  v1::GetCalendarYearResponse response;
  response.set_loaded(true);
  response.set_source("builtin");
  v1::CalendarYear* a = response.mutable_arrangement();
  a->set_year(2025);
  a->add_notices("国办发明电〔2024〕12号 (2024-11-12)");
  response.add_display_notices("国办发明电〔2024〕12号 (2024-11-12)");
  v1::Holiday* spring = a->add_holidays();
  spring->set_name("春节");
  *spring->mutable_first_day() = MakeDate(2025, 1, 28);
  *spring->mutable_last_day() = MakeDate(2025, 2, 4);
  spring->set_days(8);
  v1::Holiday* national = a->add_holidays();
  national->set_name("国庆节、中秋节");
  *national->mutable_first_day() = MakeDate(2025, 10, 1);
  *national->mutable_last_day() = MakeDate(2025, 10, 8);
  national->set_days(8);
  for (int day = 1; day <= 8; ++day) {
    *a->add_off_days() = MakeDate(2025, 10, day);
  }
  *a->add_makeup_workdays() = MakeDate(2025, 9, 28);
  *a->add_makeup_workdays() = MakeDate(2025, 10, 11);
  // The day-by-day answer decides over the arrangement's lists.
  v1::CalendarDay* day = response.add_days();
  *day->mutable_date() = MakeDate(2025, 12, 31);
  day->set_kind(v1::DAY_KIND_HOLIDAY);
  return response;
}

TEST(RenderCalendarYearTest, HeaderHolidaysAndGrid) {
  std::ostringstream out;
  RenderCalendarYear(2025, Year2025(), false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_GE(lines.size(), 11u);
  EXPECT_THAT(
      std::vector<std::string>(lines.begin(), lines.begin() + 11),
      ElementsAre("年份      2025",                                 //
                  "状态      已加载节假日安排",                     //
                  "来源      builtin",                              //
                  "依据      国办发明电〔2024〕12号 (2024-11-12)",  //
                  "调休上班  2025-09-28、2025-10-11",               //
                  "",                                               //
                  "节假日" + Spaces(10) + "放假" + Spaces(22) + "天数",
                  "春节" + Spaces(12) + "2025-01-28 至 2025-02-04  8 天",
                  "国庆节、中秋节  2025-10-01 至 2025-10-08  8 天",
                  "",  //
                  "月历（休 = 放假，班 = 调休上班）"));
  // The last row of months: October starts on a Wednesday, November on a
  // Saturday, December on a Monday.
  const std::string header = "一 二 三 四 五 六 日";
  const std::vector<std::string> q4 = {
      "10 月" + Spaces(15 + 4) + "11 月" + Spaces(15 + 4) + "12 月",
      header + Spaces(4) + header + Spaces(4) + header,
      Spaces(6) + "休 休 休 休 休" + Spaces(4) + Spaces(16) + "1  2" +
          Spaces(4) + " 1  2  3  4  5  6  7",
      "休 休 休  9 10 班 12     3  4  5  6  7  8  9     8  9 10 11 12 13 14",
      "13 14 15 16 17 18 19    10 11 12 13 14 15 16    15 16 17 18 19 20 21",
      "20 21 22 23 24 25 26    17 18 19 20 21 22 23    22 23 24 25 26 27 28",
      "27 28 29 30 31" + Spaces(6 + 4) + "24 25 26 27 28 29 30    29 30 休",
  };
  ASSERT_GE(lines.size(), q4.size());
  EXPECT_EQ(std::vector<std::string>(lines.end() - q4.size(), lines.end()), q4);
  // September's make-up Sunday, in the third row of months.
  EXPECT_THAT(out.str(), HasSubstr("22 23 24 25 26 27 班"));
  // Four rows of three months, seven lines each here, with blank lines
  // between the rows.
  EXPECT_THAT(out.str(), HasSubstr("\n1 月" + Spaces(16 + 4) + "2 月"));
}

// 2027 without an arrangement: the computed statutory holidays are listed
// and marked 休; nothing is marked 班 (no 调休 is known).
v1::GetCalendarYearResponse Provisional2027() {
  v1::GetCalendarYearResponse response;
  response.set_loaded(false);
  response.set_provisional(true);
  const struct {
    const char* name;
    int month, from, to;
  } kHolidays[] = {{"元旦", 1, 1, 1}, {"春节", 2, 5, 8}, {"国庆节", 10, 1, 3}};
  for (const auto& h : kHolidays) {
    v1::Holiday* holiday = response.add_statutory_holidays();
    holiday->set_name(h.name);
    *holiday->mutable_first_day() = MakeDate(2027, h.month, h.from);
    *holiday->mutable_last_day() = MakeDate(2027, h.month, h.to);
    holiday->set_days(h.to - h.from + 1);
    for (int day = h.from; day <= h.to; ++day) {
      v1::CalendarDay* out = response.add_days();
      *out->mutable_date() = MakeDate(2027, h.month, day);
      out->set_kind(v1::DAY_KIND_HOLIDAY);
      out->set_holiday_name(h.name);
      out->set_statutory_estimate(true);
    }
  }
  return response;
}

TEST(RenderCalendarYearTest, ProvisionalYearListsTheStatutoryHolidays) {
  std::ostringstream out;
  RenderCalendarYear(2027, Provisional2027(), false, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_GE(lines.size(), 10u);
  EXPECT_THAT(
      std::vector<std::string>(lines.begin(), lines.begin() + 10),
      ElementsAre("年份  2027",
                  "状态  未加载节假日安排（暂定：已按《全国年节及纪念日放假"
                  "办法》跳过法定节假日，调休安排尚未公布）",
                  "",
                  "法定节假日（按《全国年节及纪念日放假办法》推算，暂定；调休"
                  "安排尚未公布）",
                  "节假日  放假" + Spaces(22) + "天数",
                  "元旦    2027-01-01 至 2027-01-01  1 天",
                  "春节    2027-02-05 至 2027-02-08  4 天",
                  "国庆节  2027-10-01 至 2027-10-03  3 天",
                  "",  //
                  "月历（休 = 放假，班 = 调休上班）"));
  // January 1 2027 is a Friday: the first week reads "休  2  3".
  EXPECT_THAT(out.str(), HasSubstr(Spaces(12) + "休  2  3"));
  // 除夕 Fri Feb 5 to 初三 Mon Feb 8.
  EXPECT_THAT(out.str(), HasSubstr(" 1  2  3  4 休 休 休"));
  for (size_t i = 10; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].find("班"), std::string::npos) << lines[i];
  }
}

TEST(RenderCalendarYearTest, IncompleteYearNamesTheMissingFestivals) {
  v1::GetCalendarYearResponse response = Provisional2027();
  response.set_loaded(true);
  response.set_source("loaded by 管理员 at 2026-12-01 10:00");
  response.add_missing_holidays("春节");
  response.add_missing_holidays("国庆节");
  response.mutable_arrangement()->add_notices(
      "测试通知 (2026-11-30; 文号未核实)");
  response.add_display_notices("测试通知 (2026-11-30)");
  std::ostringstream out;
  RenderCalendarYear(2027, response, false, out);
  EXPECT_THAT(out.str(),
              HasSubstr("状态  已加载的安排未包含春节、国庆节（暂定：这些"
                        "节日按《全国年节及纪念日放假办法》推算）\n"));
  EXPECT_THAT(out.str(), HasSubstr("依据  测试通知 (2026-11-30)\n"));
  EXPECT_THAT(out.str(), Not(HasSubstr("文号未核实")));
}

TEST(RenderCalendarYearTest, ColourMarksDaysOff) {
  std::ostringstream out;
  RenderCalendarYear(2025, Year2025(), true, out);
  EXPECT_THAT(out.str(), HasSubstr("\x1b[31m休\x1b[0m \x1b[31m休\x1b[0m"));
  EXPECT_THAT(out.str(), HasSubstr("10 \x1b[33m班\x1b[0m 12"));
}

TEST_F(CalendarCommandTest, ShowAsksForTheYear) {
  calendar_.year_response = Year2025();
  EXPECT_EQ(Run({"calendar", "show", "2025"}), 0);
  ASSERT_EQ(calendar_.year_requests.size(), 1u);
  EXPECT_EQ(calendar_.year_requests[0].year(), 2025);
  EXPECT_THAT(out_.str(), StartsWith("年份      2025\n"));
  EXPECT_EQ(Run({"calendar", "show", "2025", "--json"}), 0);
  v1::GetCalendarYearResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok());
  EXPECT_EQ(parsed.arrangement().holidays_size(), 2);
}

// --- load ------------------------------------------------------------------

TEST_F(CalendarCommandTest, LoadSendsTheFileAndListsChangedCases) {
  const TempDir dir;
  const std::string path = dir.File("cn-holidays-2027.json");
  const std::string json =
      "{\"2027\": {\"notices\": [\"国办发明电〔2026〕1号\"], \"holidays\": "
      "[]}}";
  {
    std::ofstream file(path);
    file << json;
  }
  v1::RecomputedCase* changed = calendar_.load_response.add_changed_cases();
  changed->set_agency_code("default");
  changed->set_number("2026-0101");
  *changed->mutable_old_answer_due() = MakeDate(2027, 1, 5);
  *changed->mutable_new_answer_due() = MakeDate(2027, 1, 8);
  calendar_.load_response.add_years(2027);
  EXPECT_EQ(Run({"calendar", "load", path}), 0);
  ASSERT_EQ(calendar_.load_requests.size(), 1u);
  EXPECT_EQ(calendar_.load_requests[0].json(), json);
  EXPECT_EQ(out_.str(),
            "已加载：2027 年\n"
            "答复期限变化的案件（1 件）：\n"
            "  2026-0101: 2027-01-05 → 2027-01-08\n");
}

TEST(RenderLoadCalendarTest, NamesTheFestivalsAnIncompleteYearLeavesOut) {
  v1::LoadCalendarResponse response;
  response.add_years(2027);
  v1::IncompleteCalendarYear* incomplete = response.add_incomplete_years();
  incomplete->set_year(2027);
  incomplete->add_missing_holidays("春节");
  incomplete->add_missing_holidays("清明节");
  std::ostringstream out;
  RenderLoadCalendar(response, out);
  EXPECT_EQ(out.str(),
            "已加载：2027 年\n"
            "注意：2027 年的安排未包含春节、清明节，该年仍为暂定；这些节日按"
            "《全国年节及纪念日放假办法》推算\n"
            "没有案件的答复期限发生变化\n");
}

TEST(RenderLoadCalendarTest, SeveralAgenciesAndNoChanges) {
  v1::LoadCalendarResponse response;
  response.add_years(2027);
  response.add_years(2028);
  std::ostringstream out;
  RenderLoadCalendar(response, out);
  EXPECT_EQ(out.str(),
            "已加载：2027 年、2028 年\n"
            "没有案件的答复期限发生变化\n");

  v1::RecomputedCase* a = response.add_changed_cases();
  a->set_agency_code("default");
  a->set_number("2026-0101");
  *a->mutable_old_answer_due() = MakeDate(2027, 1, 5);
  *a->mutable_new_answer_due() = MakeDate(2027, 1, 8);
  v1::RecomputedCase* b = response.add_changed_cases();
  b->set_agency_code("lc-xzsp");
  b->set_number("2026-0101");
  *b->mutable_new_answer_due() = MakeDate(2027, 2, 1);
  out.str("");
  RenderLoadCalendar(response, out);
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre("已加载：2027 年、2028 年", "答复期限变化的案件（2 件）：",
                  "  default 2026-0101: 2027-01-05 → 2027-01-08",
                  "  lc-xzsp 2026-0101: （无） → 2027-02-01"));
}

}  // namespace
}  // namespace ogi::cli
