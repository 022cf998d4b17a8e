// The table-driven CLI (issue 13) through the real ogi binary against the
// real ogi-server (temporary database, free loopback port, fake clock at
// 2023-03-01 so that the 2022 dates lie in the past):
//  - a server refusal about the embedded conclusion's fields is shown under
//    the flags the user typed;
//  - `ogi case --help` and `ogi report --help` list their sub-commands;
//  - one ordinary command of each area still runs through its table entry.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

class CliTableEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start(
        tmp_.File("ogi.db"), {"--agency_name=聊城市行政审批服务局",
                              "--fake_clock_start=2023-03-01T10:00:00+08:00"});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
  }

  CommandResult Ogi(std::vector<std::string> args) {
    return ::ogi::testing::RunOgiCli(*server_, std::move(args));
  }
  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  // Logs an application received in person on 2022-03-01 with two items;
  // returns its number.
  std::string LogCase() {
    std::string number = OgiOk(
        {"case", "create", "--applicant-name", "张三", "--applicant-type",
         "natural_person", "--channel", "in_person", "--received", "2022-03-01",
         "--description", "第1项信息", "--description", "第2项信息"});
    if (!number.empty() && number.back() == '\n') number.pop_back();
    return number;
  }

  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
};

// The acceptance case of issue 13: the server names
// conclusion.provided_summary and conclusion.withheld_summary; the user reads
// the flags.
TEST_F(CliTableEndToEndTest, ConcludeWithoutDetailsNamesTheFlags) {
  const std::string number = LogCase();
  ASSERT_FALSE(number.empty());
  const CommandResult r =
      Ogi({"case", "conclude", number, "--outcome", "partially_disclosed",
           "--served", "2022-03-20"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, AllOf(HasSubstr("--provided"), HasSubstr("--withheld"),
                           Not(HasSubstr("provided_summary")),
                           Not(HasSubstr("withheld_summary"))));
  // Nothing was recorded: the same command with the details concludes.
  const std::string done =
      OgiOk({"case", "conclude", number, "--outcome", "partially_disclosed",
             "--served", "2022-03-20", "--provided", "甲", "--withheld", "乙"});
  EXPECT_THAT(done, AllOf(HasSubstr(absl::StrCat("已办结：", number)),
                          HasSubstr("公开部分      甲"),
                          HasSubstr("不予公开部分  乙")));
}

TEST_F(CliTableEndToEndTest, GroupHelpListsTheSubcommands) {
  const std::string cases = OgiOk({"case", "--help"});
  EXPECT_THAT(cases, HasSubstr("Usage: ogi case COMMAND [flags]"));
  for (const char* sub :
       {"create", "show", "list", "update", "history", "explain",
        "correction-notice", "fee-notice", "extend", "conclude", "withdraw",
        "lapse", "correct-conclusion", "reanswer"}) {
    EXPECT_THAT(cases, HasSubstr(absl::StrCat("\n  ", sub, " "))) << sub;
  }
  const std::string report = OgiOk({"report", "--help"});
  EXPECT_THAT(report, HasSubstr("Usage: ogi report COMMAND [flags]"));
  for (const char* sub :
       {"show", "check", "cell", "lock", "figures set", "figures show",
        "text set", "documents add", "documents repeal", "documents list"}) {
    EXPECT_THAT(report, HasSubstr(absl::StrCat("\n  ", sub, " "))) << sub;
  }
  // A command's own help comes from its entry: usage, flags, summary.
  EXPECT_THAT(
      OgiOk({"case", "conclude", "--help"}),
      AllOf(HasSubstr("ogi case conclude NUMBER"), HasSubstr("--provided TEXT"),
            HasSubstr("--withheld TEXT"), HasSubstr("--served DATE")));
}

// One command of each area's table runs end to end.
TEST_F(CliTableEndToEndTest, OneCommandPerAreaRuns) {
  const std::string number = LogCase();
  ASSERT_FALSE(number.empty());
  EXPECT_THAT(OgiOk({"case", "show", number}), HasSubstr("张三"));
  EXPECT_THAT(OgiOk({"case", "explain", number}), HasSubstr("2022-03-29"));
  EXPECT_THAT(OgiOk({"case", "extend", number, "--days", "20", "--approver",
                     "李局长", "--notified", "2022-03-20"}),
              HasSubstr(number));
  EXPECT_THAT(OgiOk({"case", "conclude", number, "--outcome", "disclosed",
                     "--served", "2022-03-25"}),
              HasSubstr(absl::StrCat("已办结：", number)));
  const std::string review =
      OgiOk({"review", "file", "--case", number, "--filed", "2022-04-20",
             "--organ", "聊城市人民政府"});
  EXPECT_FALSE(review.empty());
  EXPECT_THAT(OgiOk({"review", "list"}), HasSubstr(number));
  EXPECT_EQ(Ogi({"deadlines"}).exit_code, 0);
  EXPECT_THAT(OgiOk({"calendar", "add-working-days", "2022-03-01", "20"}),
              HasSubstr("2022-03-29"));
  EXPECT_THAT(OgiOk({"agency", "list"}), HasSubstr("聊城市行政审批服务局"));
  EXPECT_EQ(Ogi({"report", "figures", "show", "2022"}).exit_code, 0);
  EXPECT_THAT(OgiOk({"whoami"}), HasSubstr("王科员"));
}

}  // namespace
}  // namespace ogi
