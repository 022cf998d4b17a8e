#include "services/calendar/calendar_loader.h"

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/calendar/json_bounds.h"
#include "services/common/civil_date.h"
#include "tests/calendar/calendar_test_util.h"

namespace ogi {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A made-up 2027 in the file format. Feb 6 2027 is a Saturday: Feb 8–12 are
// the weekday days off; Jan 30 and Feb 20 are Saturdays.
constexpr char kValid2027[] = R"json({
  "2027": {
    "notices": ["测试通知"],
    "holidays": [
      {"name": "春节", "from": "2027-02-06", "to": "2027-02-14", "days": 9}
    ],
    "off_days": ["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                 "2027-02-10", "2027-02-11", "2027-02-12", "2027-02-13",
                 "2027-02-14"],
    "makeup_workdays": ["2027-01-30", "2027-02-20"],
    "weekday_off_days": ["2027-02-08", "2027-02-09", "2027-02-10",
                         "2027-02-11", "2027-02-12"]
  }
})json";

constexpr char kExpected2027[] = R"pb(
  year: 2027
  notices: "测试通知"
  holidays {
    name: "春节"
    first_day { year: 2027 month: 2 day: 6 }
    last_day { year: 2027 month: 2 day: 14 }
    days: 9
  }
  off_days { year: 2027 month: 2 day: 6 }
  off_days { year: 2027 month: 2 day: 7 }
  off_days { year: 2027 month: 2 day: 8 }
  off_days { year: 2027 month: 2 day: 9 }
  off_days { year: 2027 month: 2 day: 10 }
  off_days { year: 2027 month: 2 day: 11 }
  off_days { year: 2027 month: 2 day: 12 }
  off_days { year: 2027 month: 2 day: 13 }
  off_days { year: 2027 month: 2 day: 14 }
  makeup_workdays { year: 2027 month: 1 day: 30 }
  makeup_workdays { year: 2027 month: 2 day: 20 }
)pb";

v1::CalendarYear Expected2027() {
  v1::CalendarYear year;
  EXPECT_TRUE(
      google::protobuf::TextFormat::ParseFromString(kExpected2027, &year));
  return year;
}

std::string Diff(const v1::CalendarYear& a, const v1::CalendarYear& b) {
  std::string diff;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  return differencer.Compare(a, b) ? "" : diff;
}

TEST(ParseCalendarJsonTest, ParsesAHandWrittenYear) {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(kValid2027);
  ASSERT_TRUE(years.ok()) << years.status();
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ(Diff((*years)[0], Expected2027()), "");
}

TEST(ParseCalendarJsonTest, WeekdayOffDaysAreOptional) {
  const std::string without = absl::StrReplaceAll(kValid2027, {{R"(,
    "weekday_off_days": ["2027-02-08", "2027-02-09", "2027-02-10",
                         "2027-02-11", "2027-02-12"])",
                                                                ""}});
  ASSERT_EQ(without.find("weekday_off_days"), std::string::npos);
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(without);
  ASSERT_TRUE(years.ok()) << years.status();
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ(Diff((*years)[0], Expected2027()), "");
}

TEST(ParseCalendarJsonTest, ParsesTheProjectFile) {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(ReadProjectHolidayFile());
  ASSERT_TRUE(years.ok()) << years.status();
  ASSERT_EQ(years->size(), 8u);

  // Entries counted in the file: {year, notices, holidays, off days,
  // make-up days}.
  const int counts[8][5] = {{2019, 2, 7, 30, 7}, {2020, 2, 6, 30, 6},
                            {2021, 1, 7, 31, 7}, {2022, 1, 7, 31, 7},
                            {2023, 1, 6, 27, 7}, {2024, 1, 7, 32, 8},
                            {2025, 1, 6, 28, 5}, {2026, 1, 7, 33, 6}};
  for (int i = 0; i < 8; ++i) {
    const v1::CalendarYear& year = (*years)[i];
    EXPECT_EQ(year.year(), counts[i][0]);
    EXPECT_EQ(year.notices_size(), counts[i][1]) << year.year();
    EXPECT_EQ(year.holidays_size(), counts[i][2]) << year.year();
    EXPECT_EQ(year.off_days_size(), counts[i][3]) << year.year();
    EXPECT_EQ(year.makeup_workdays_size(), counts[i][4]) << year.year();
  }

  // 2019's arrangement starts in 2018: 元旦 from Sun 2018-12-30, make-up Sat
  // 2018-12-29.
  const v1::CalendarYear& y2019 = (*years)[0];
  EXPECT_EQ(FormatIsoDate(y2019.off_days(0)), "2018-12-30");
  EXPECT_EQ(FormatIsoDate(y2019.makeup_workdays(0)), "2018-12-29");
  EXPECT_EQ(FormatIsoDate(y2019.holidays(0).first_day()), "2018-12-30");

  // 2020: the Spring Festival extended to Feb 2; Feb 1 no longer a make-up
  // day; the amending notice is listed second.
  const v1::CalendarYear& y2020 = (*years)[1];
  EXPECT_EQ(y2020.holidays(1).name(), "春节(含延长)");
  EXPECT_EQ(FormatIsoDate(y2020.holidays(1).first_day()), "2020-01-24");
  EXPECT_EQ(FormatIsoDate(y2020.holidays(1).last_day()), "2020-02-02");
  EXPECT_EQ(y2020.holidays(1).days(), 10);
  for (const v1::Date& date : y2020.makeup_workdays()) {
    EXPECT_NE(FormatIsoDate(date), "2020-02-01");
  }
  EXPECT_THAT(y2020.notices(1), HasSubstr("国办发明电〔2020〕1号"));
}

TEST(FormatCalendarJsonTest, RoundTripsTheProjectFile) {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(ReadProjectHolidayFile());
  ASSERT_TRUE(years.ok()) << years.status();
  const std::string text = FormatCalendarJson(*years);
  // The writer fills weekday_off_days, which the parser cross-checks.
  EXPECT_THAT(text, HasSubstr("\"weekday_off_days\""));
  EXPECT_THAT(text, HasSubstr("国办发明电〔2018〕15号"));
  absl::StatusOr<std::vector<v1::CalendarYear>> again = ParseCalendarJson(text);
  ASSERT_TRUE(again.ok()) << again.status() << "\n" << text;
  ASSERT_EQ(again->size(), years->size());
  for (size_t i = 0; i < years->size(); ++i) {
    EXPECT_EQ(Diff((*again)[i], (*years)[i]), "") << (*years)[i].year();
  }
}

TEST(FormatCalendarJsonTest, SortsByYear) {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(ReadProjectHolidayFile());
  ASSERT_TRUE(years.ok()) << years.status();
  const std::vector<v1::CalendarYear> reversed(years->rbegin(), years->rend());
  const std::string text = FormatCalendarJson(reversed);
  EXPECT_LT(text.find("\"2019\""), text.find("\"2020\""));
  EXPECT_LT(text.find("\"2025\""), text.find("\"2026\""));
}

struct ErrorCase {
  const char* name;
  std::string json;
  const char* message;  // exact, unless `substring`
  bool substring = false;
};

// kValid2027 with `from` replaced by `to` (which must occur).
std::string Mutated(absl::string_view from, absl::string_view to) {
  const std::string text(kValid2027);
  EXPECT_NE(text.find(std::string(from)), std::string::npos) << from;
  return absl::StrReplaceAll(text, {{from, to}});
}

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class ParseCalendarJsonErrorTest : public ::testing::TestWithParam<ErrorCase> {
};

TEST_P(ParseCalendarJsonErrorTest, ExplainsTheProblem) {
  const ErrorCase& c = GetParam();
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(c.json);
  ASSERT_FALSE(years.ok()) << c.name;
  EXPECT_EQ(years.status().code(), absl::StatusCode::kInvalidArgument);
  if (c.substring) {
    EXPECT_THAT(std::string(years.status().message()), HasSubstr(c.message))
        << c.name;
  } else {
    EXPECT_EQ(std::string(years.status().message()), c.message) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseCalendarJsonErrorTest,
    ::testing::Values(
        ErrorCase{"not_json", "not json", "日历文件：不是有效的 JSON：", true},
        ErrorCase{"truncated", std::string(kValid2027).substr(0, 100),
                  "日历文件：不是有效的 JSON：", true},
        ErrorCase{"trailing_garbage", std::string(kValid2027) + " x",
                  "日历文件：不是有效的 JSON：", true},
        ErrorCase{"repeated_key", R"({"2027": {}, "2027": {}})",
                  "Repeated map key", true},
        ErrorCase{"array", "[]",
                  "日历文件：顶层须为以年份为键的对象，例如 {\"2025\": {...}}"},
        ErrorCase{"empty", "{}", "日历文件：未包含任何年份"},
        ErrorCase{"short_key", Mutated(R"("2027": {)", R"("27": {)"),
                  "日历文件：键 \"27\" 不是四位数的年份"},
        ErrorCase{"word_key", Mutated(R"("2027": {)", R"("year": {)"),
                  "日历文件：键 \"year\" 不是四位数的年份"},
        // A long key is quoted by its first 16 characters and its length.
        ErrorCase{"long_key", "{\"" + std::string(100000, 'a') + "\": {}}",
                  "日历文件：键 \"aaaaaaaaaaaaaaaa…\"（共 100000 个字符） "
                  "不是四位数的年份"},
        // Bounded before parsing: 10,000 '[' are refused at the 17th.
        ErrorCase{"deep_nesting",
                  std::string(10000, '[') + std::string(10000, ']'),
                  "日历文件：嵌套超过 16 层（第 17 层始于第 16 字节）"},
        ErrorCase{"too_large", std::string(kMaxCalendarJsonBytes + 1, ' '),
                  "日历文件：超过上限 1 MiB（共 1048577 字节）"},
        // A value the file gives is quoted by its first 32 characters.
        ErrorCase{"long_date",
                  Mutated(R"("from": "2027-02-06")",
                          "\"from\": \"" + std::string(5000, 'x') + "\""),
                  "2027.holidays[0].from: "
                  "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\"（共 5000 个字符） "
                  "不是 YYYY-MM-DD 格式的日期"},
        ErrorCase{"long_unknown_field",
                  Mutated(R"("makeup_workdays")",
                          "\"" + std::string(5000, 'z') + "\""),
                  // 63 characters and the ellipsis.
                  "2027.zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
                  "zzzzzzzzzzzzzzzzzzzzzzz…: 不是日历文件中的字段"},
        ErrorCase{"value_not_object", R"({"2027": []})", "2027: 须为对象"},
        ErrorCase{"empty_entry", R"({"2027": {}})",
                  "2027.notices: 至少须有一份通知"},
        ErrorCase{"unknown_field",
                  Mutated(R"("makeup_workdays")", R"("makeup_workday")"),
                  "2027.makeup_workday: 不是日历文件中的字段"},
        ErrorCase{"nested_unknown_field",
                  Mutated(R"({"name": "春节")", R"({"nam": "春节")"),
                  "2027.holidays[0].nam: 不是日历文件中的字段"},
        ErrorCase{"wrong_type", Mutated(R"("days": 9)", R"("days": "nine")"),
                  "2027.holidays[0].days: 无法读取（invalid value \"nine\" for "
                  "type TYPE_INT32）"},
        ErrorCase{"fractional_days", Mutated(R"("days": 9)", R"("days": 9.5)"),
                  "2027.holidays[0].days: 无法读取（invalid value 9.5 for type "
                  "TYPE_INT32）"},
        ErrorCase{"malformed_date",
                  Mutated(R"("from": "2027-02-06")", R"("from": "2027-2-06")"),
                  "2027.holidays[0].from: \"2027-2-06\" 不是 YYYY-MM-DD "
                  "格式的日期"},
        ErrorCase{"impossible_date",
                  Mutated(R"("off_days": ["2027-02-06")",
                          R"("off_days": ["2027-02-30")"),
                  "2027.off_days[0]: 2027-02-30 不是有效的日期"},
        ErrorCase{"makeup_is_off",
                  Mutated(R"(["2027-01-30", "2027-02-20"])",
                          R"(["2027-01-30", "2027-02-14"])"),
                  "2027.makeup_workdays[1]: 2027-02-14 同时被列为放假日"},
        ErrorCase{"days_mismatch", Mutated(R"("days": 9)", R"("days": 7)"),
                  "2027.holidays[0].days: 7 与 2027-02-06 至 2027-02-14 不符"
                  "（共 9 天）"},
        ErrorCase{
            "weekday_off_missing",
            Mutated(R"("2027-02-11", "2027-02-12"])", R"("2027-02-11"])"),
            "2027.weekday_off_days: 缺少 2027-02-12（周一至周五的放假日）"},
        ErrorCase{
            "weekday_off_weekend",
            Mutated(R"("weekday_off_days": ["2027-02-08")",
                    R"("weekday_off_days": ["2027-02-07", "2027-02-08")"),
            "2027.weekday_off_days[0]: 2027-02-07 是周末，不是周一至周五"},
        ErrorCase{"weekday_off_not_off",
                  Mutated(R"("weekday_off_days": ["2027-02-08")",
                          R"("weekday_off_days": ["2027-02-15", "2027-02-08")"),
                  "2027.weekday_off_days[0]: 2027-02-15 不在 off_days 中"},
        ErrorCase{"weekday_off_twice",
                  Mutated(R"("weekday_off_days": ["2027-02-08")",
                          R"("weekday_off_days": ["2027-02-08", "2027-02-08")"),
                  "2027.weekday_off_days[1]: 2027-02-08 重复列出（另见 "
                  "weekday_off_days[0]）"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) {
      return std::string(info.param.name);
    });

// Remarks for the data's maintainers are not shown; the rest is.
TEST(DisplayNoticeTest, LeavesOutTheMaintainersRemarks) {
  EXPECT_EQ(DisplayNotice("国务院办公厅关于2026年部分节假日安排的通知 "
                          "(2025-11-04; 文号未核实)"),
            "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)");
  EXPECT_EQ(DisplayNotice("某通知（2025-11-04；文号未核实）"),
            "某通知（2025-11-04）");
  EXPECT_EQ(DisplayNotice("某通知 (; 文号未核实)"), "某通知");
  // Public remarks after a comma stay.
  EXPECT_EQ(DisplayNotice("国办发明电〔2019〕3号 (2019-03-22, 劳动节调整)"),
            "国办发明电〔2019〕3号 (2019-03-22, 劳动节调整)");
  EXPECT_EQ(DisplayNotice("国办发明电〔2024〕12号 (2024-11-12)"),
            "国办发明电〔2024〕12号 (2024-11-12)");
  EXPECT_EQ(DisplayNotice("测试通知"), "测试通知");
}

// The shipped 2026 notice carries such a remark; the data keeps it.
TEST(DisplayNoticeTest, TheShipped2026NoticeKeepsItsRemarkInTheData) {
  absl::StatusOr<std::vector<v1::CalendarYear>> years =
      ParseCalendarJson(ReadProjectHolidayFile());
  ASSERT_TRUE(years.ok()) << years.status();
  const v1::CalendarYear& y2026 = years->back();
  ASSERT_EQ(y2026.year(), 2026);
  EXPECT_THAT(y2026.notices(0), HasSubstr("文号未核实"));
  EXPECT_THAT(DisplayNotice(y2026.notices(0)), Not(HasSubstr("文号未核实")));
}

}  // namespace
}  // namespace ogi
