// Provisional years through the real binaries: a year whose State Council
// arrangement is not loaded skips the statutory holidays of 《全国年节及纪念日
// 放假办法》 and says its 调休 is not yet published; a file that gives only
// some festivals leaves the year provisional and says which are missing;
// `calendar show` keeps the maintainers' remarks on a notice out of sight.

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/e2e/made_up_2027.h"
#include "tests/e2e/manual_clock_server.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

class ProvisionalCalendarEndToEndTest
    : public ::ogi::testing::ManualClockServerTest {
 protected:
  void SetUp() override { StartServer("2026-12-21"); }
};

// 2027 in the cn-holidays.json format with 元旦 only.
constexpr char kOnlyNewYear2027[] = R"json({"2027": {
  "notices": ["测试用通知 (2026-11-20)"],
  "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "days": 3}],
  "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
  "makeup_workdays": []}})json";

using ::ogi::testing::kComplete2027Json;

TEST_F(ProvisionalCalendarEndToEndTest,
       AProvisionalYearSkipsTheStatutoryHolidays) {
  // Received Sun 2026-12-20: 12-21..25 (5), 12-28..31 (9), Fri 2027-01-01
  // 元旦 skipped, 01-04..08 (14), 01-11..15 (19), Mon 01-18 (20).
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2026-12-20", "--description", "2026年度财政预算执行情况"}),
      "2026-0001\n");
  const std::string explained = OgiOk({"case", "explain", "2026-0001"});
  EXPECT_THAT(
      explained,
      AllOf(HasSubstr("2027-01-18"),
            HasSubstr("跳过 2027-01-01 元旦（法定节假日）"),
            HasSubstr("2027年调休安排尚未公布，日期暂定"),
            HasSubstr("暂定：2027 年调休安排尚未公布，已跳过法定节假日"),
            Not(HasSubstr("期间无节假日放假或调休上班日")),
            Not(HasSubstr("周一至周五"))));

  // The calendar agrees, and shows the computed holidays of 2027.
  const ::ogi::testing::CommandResult count = ::ogi::testing::RunOgiCli(
      *server_, {"calendar", "add-working-days", "2026-12-20", "20"});
  EXPECT_EQ(count.exit_code, 0);
  EXPECT_EQ(count.out, "2027-01-18\n");
  EXPECT_EQ(count.err, "暂定：2027 年调休安排尚未公布，已跳过法定节假日\n");
  const std::string shown = OgiOk({"calendar", "show", "2027"});
  EXPECT_THAT(shown,
              AllOf(HasSubstr("未加载节假日安排（暂定：已按《全国年节及纪念日"
                              "放假办法》跳过法定节假日，调休安排尚未公布）"),
                    HasSubstr("元旦    2027-01-01 至 2027-01-01  1 天"),
                    HasSubstr("春节    2027-02-05 至 2027-02-08  4 天"),
                    HasSubstr("劳动节  2027-05-01 至 2027-05-02  2 天"),
                    HasSubstr("国庆节  2027-10-01 至 2027-10-03  3 天")));
}

TEST_F(ProvisionalCalendarEndToEndTest,
       AFileWithSomeFestivalsLeavesTheYearProvisional) {
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2026-12-20", "--description", "2026年度财政预算执行情况"}),
      "2026-0001\n");

  const std::string partial =
      OgiOk({"calendar", "load", WriteFile("partial.json", kOnlyNewYear2027)});
  EXPECT_THAT(
      partial,
      HasSubstr("注意：2027 年的安排未包含春节、清明节、劳动节、端午节、"
                "中秋节、国庆节，该年仍为暂定；这些节日按《全国年节及"
                "纪念日放假办法》推算\n"));
  EXPECT_THAT(OgiOk({"calendar", "show", "2027"}),
              HasSubstr("状态  已加载的安排未包含春节、清明节、劳动节、端午节、"
                        "中秋节、国庆节（暂定：这些节日按《全国年节及纪念日"
                        "放假办法》推算）\n"));
  EXPECT_THAT(OgiOk({"case", "explain", "2026-0001"}),
              AllOf(HasSubstr("2027-01-18"), HasSubstr("暂定")));

  // The complete arrangement makes 2027 final; its Mon 01-04 off moves the
  // due date: 01-05..08 (13), 01-11..15 (18), 01-18 (19), Tue 01-19 (20).
  const std::string complete = OgiOk(
      {"calendar", "load", WriteFile("complete.json", kComplete2027Json)});
  EXPECT_THAT(complete, AllOf(Not(HasSubstr("注意")),
                              HasSubstr("2026-0001: 2027-01-18 → 2027-01-19")));
  EXPECT_THAT(
      OgiOk({"calendar", "show", "2027"}),
      AllOf(HasSubstr("状态  已加载节假日安排\n"), Not(HasSubstr("暂定"))));
  EXPECT_THAT(OgiOk({"case", "explain", "2026-0001"}),
              AllOf(HasSubstr("2027-01-19"), Not(HasSubstr("暂定"))));
}

TEST_F(ProvisionalCalendarEndToEndTest, ShowKeepsInternalRemarksOutOfSight) {
  const std::string shown = OgiOk({"calendar", "show", "2026"});
  EXPECT_THAT(shown,
              AllOf(HasSubstr("国务院办公厅关于2026年部分节假日安排的通知 "
                              "(2025-11-04)\n"),
                    Not(HasSubstr("文号未核实"))));
  // The data keeps the remark.
  EXPECT_THAT(OgiOk({"--json", "calendar", "show", "2026"}),
              HasSubstr("文号未核实"));
}

}  // namespace
}  // namespace ogi
