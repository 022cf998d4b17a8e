// What a user reads when something goes wrong, through the real ogi-server and
// the real ogi CLI: Chinese messages that name the flags the user typed, every
// missing required flag at once (exit 2, nothing sent), the nearest command
// for a typo, and whoami naming the agency.

#include <memory>
#include <string>
#include <vector>

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
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

class MessagesEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start(tmp_.File("data/ogi.db"),
                                       {"--agency_name=聊城市行政审批服务局"});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
  }

  CommandResult Ogi(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCli(*server_, args);
  }

  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  // Expects exit `code`, one line on stderr containing `message`, nothing on
  // stdout; returns the line.
  std::string OgiFails(const std::vector<std::string>& args, int code,
                       const std::string& message) {
    ::ogi::testing::RunOgiCliFails(*server_, args, code, message);
    return Ogi(args).err;
  }

  // Logs an application received in person on 2022-03-01; returns its
  // number.
  std::string CreateCase() {
    std::string number =
        OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
               "natural_person", "--channel", "in_person", "--received",
               "2022-03-01", "--description", "2021年度行政许可办理情况"});
    if (!number.empty() && number.back() == '\n') number.pop_back();
    return number;
  }

  // The server's data directory, removed after the server stops.
  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
};

// The acceptance of the issue: a partial disclosure without its details is
// refused with one Chinese message naming both flags the user must add.
TEST_F(MessagesEndToEndTest, ConcludeNamesEveryMissingDetailAsItsFlag) {
  const std::string number = CreateCase();
  ASSERT_EQ(number, "2022-0001");
  const std::string line =
      OgiFails({"case", "conclude", number, "--outcome", "partially_disclosed",
                "--served", "2022-03-20"},
               1, "--provided, --withheld: ");
  EXPECT_THAT(line, AllOf(HasSubstr("部分公开须写明"),
                          EndsWith("（INVALID_ARGUMENT）\n")));
  EXPECT_THAT(line, Not(HasSubstr("_summary")));
  // Only the missing one is named once the other is given.
  EXPECT_THAT(
      OgiFails({"case", "conclude", number, "--outcome", "partially_disclosed",
                "--served", "2022-03-20", "--provided", "第1项"},
               1, "--withheld: "),
      Not(HasSubstr("--provided")));
  // Nothing was recorded; with both details the case concludes.
  EXPECT_THAT(OgiOk({"case", "show", number}), Not(HasSubstr("办理结果")));
  EXPECT_THAT(OgiOk({"case", "conclude", number, "--outcome",
                     "partially_disclosed", "--served", "2022-03-20",
                     "--provided", "第1项", "--withheld", "第2项"}),
              HasSubstr("已办结"));
}

// Server errors about other fields come back under the flags typed, for
// conclude, withdraw (--date fills "withdrawn") and create (--received fills
// "arrival_date").
TEST_F(MessagesEndToEndTest, ServerFieldErrorsNameTheUsersFlags) {
  const std::string number = CreateCase();
  EXPECT_THAT(OgiFails({"case", "conclude", number, "--outcome",
                        "unavailable_not_held", "--served", "2022-03-20"},
                       1, "ogi: --not-held-reason: "),
              Not(HasSubstr("not_held_reason")));
  EXPECT_THAT(OgiFails({"case", "withdraw", number, "--date", "2099-01-01"}, 1,
                       "ogi: --date: 2099-01-01 "),
              Not(HasSubstr("withdrawn")));
  EXPECT_THAT(
      OgiFails({"case", "create", "--applicant-name", "李四",
                "--applicant-type", "natural_person", "--channel", "in_person",
                "--received", "2099-01-01", "--description", "x"},
               1, "ogi: --received: 2099-01-01 "),
      AllOf(Not(HasSubstr("arrival_date")),
            EndsWith("（INVALID_ARGUMENT）\n")));
  // A state the case is in reads as such, with the code in brackets.
  OgiOk({"case", "conclude", number, "--outcome", "disclosed", "--served",
         "2022-03-20"});
  EXPECT_THAT(OgiFails({"case", "conclude", number, "--outcome", "disclosed",
                        "--served", "2022-03-21"},
                       1, "ogi: 当前状态下不能办理："),
              EndsWith("（FAILED_PRECONDITION）\n"));
}

// Every missing required flag is named in one usage error (exit 2) before
// anything is sent.
TEST_F(MessagesEndToEndTest, MissingRequiredFlagsAreListedTogether) {
  OgiFails({"case", "create", "--received", "2022-03-01"}, 2,
           "ogi: 缺少必需的选项：--applicant-name、--applicant-type、"
           "--channel、--description（见 \"ogi case create --help\"）");
  OgiFails({"case", "create", "--applicant-type", "natural_person",
            "--description", "x"},
           2, "缺少必需的选项：--applicant-name、--channel（");
  OgiFails({"case", "conclude", "2022-0001"}, 2,
           "缺少必需的选项：--served、--outcome 或 --item（");
  OgiFails({"review", "file", "--organ", "聊城市人民政府"}, 2,
           "缺少必需的选项：--case、--filed（");
  // Nothing reached the server.
  EXPECT_THAT(OgiOk({"case", "list"}), HasSubstr("共 0 件"));
}

TEST_F(MessagesEndToEndTest, UnknownCommandSuggestsTheNearest) {
  OgiFails({"case", "shwo", "2022-0001"}, 2,
           "ogi: 未知命令 \"case shwo\"，是否要输入 \"ogi case show\"？");
  OgiFails({"deadlnes"}, 2, "是否要输入 \"ogi deadlines\"？");
  OgiFails({"case", "conclude", "2022-0001", "--outcome", "disclosed",
            "--served", "2022-03-20", "--provded", "x"},
           2, "未知选项 --provded，是否要输入 --provided？");
  OgiFails({"frobnicate"}, 2, "未知命令 \"frobnicate\"；可用的命令：case, ");
}

TEST_F(MessagesEndToEndTest, WhoAmINamesTheAgency) {
  const std::string card = OgiOk({"whoami"});
  EXPECT_THAT(card, HasSubstr("机关        聊城市行政审批服务局 (default)\n"));
  EXPECT_THAT(card, HasSubstr("可查阅机关  聊城市行政审批服务局 (default)"));
}

}  // namespace
}  // namespace ogi
