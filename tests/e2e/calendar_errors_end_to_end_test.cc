// Calendar errors through the real binaries: the server's reasons reach the
// user in Chinese, with every value the message names, after the argument
// the user gave (YEAR, FILE) and, for a file, the year and field inside it.

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/e2e/manual_clock_server.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

class CalendarErrorsEndToEndTest
    : public ::ogi::testing::ManualClockServerTest {
 protected:
  void SetUp() override { StartServer("2026-12-21"); }

  // Expects `ogi <args>` to exit 1 with exactly `message` on stderr.
  void ExpectRejected(const std::vector<std::string>& args,
                      const std::string& message) {
    const ::ogi::testing::CommandResult r =
        ::ogi::testing::RunOgiCli(*server_, args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.err, "ogi: " + message + "（INVALID_ARGUMENT）\n");
    EXPECT_EQ(r.out, "");
  }
};

TEST_F(CalendarErrorsEndToEndTest, AYearOutOfRangeIsExplainedInChinese) {
  ExpectRejected({"calendar", "show", "1900"},
                 "YEAR: 须在 1901 至 9998 之间，而不是 1900");
}

TEST_F(CalendarErrorsEndToEndTest, ABadCalendarFileIsExplainedInChinese) {
  ExpectRejected({"calendar", "load", WriteFile("empty.json", "{}")},
                 "FILE: 日历文件：未包含任何年份");
  ExpectRejected(
      {"calendar", "load", WriteFile("days.json", R"json({"2027": {
  "notices": ["测试用通知 (2026-11-20)"],
  "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "days": 4}],
  "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
  "makeup_workdays": []}})json")},
      "FILE: 2027.holidays[0].days: 4 与 2027-01-01 至 2027-01-03 不符（共 3 "
      "天）");
  // 2027-01-06 is a Wednesday.
  ExpectRejected(
      {"calendar", "load", WriteFile("makeup.json", R"json({"2027": {
  "notices": ["测试用通知 (2026-11-20)"],
  "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "days": 3}],
  "off_days": ["2027-01-01", "2027-01-02", "2027-01-03"],
  "makeup_workdays": ["2027-01-06"]}})json")},
      "FILE: 2027.makeup_workdays[0]: 2027-01-06 是星期三；调休上班日须为星期六"
      "或星期日");
}

}  // namespace
}  // namespace ogi
