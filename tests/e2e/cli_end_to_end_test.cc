// The real ogi-server on a free loopback port with a temporary database,
// driven by the real ogi binary, as staff would use them.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CliBinary;
using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class CliEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = tmp_.File("data/ogi.db");
    StartServer();
  }

  void StartServer() {
    auto server =
        ServerProcess::Start(db_path_, {"--agency_name=聊城市行政审批服务局"});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
  }

  // Runs `ogi <args>` against the server as clerk 王科员.
  CommandResult Ogi(std::vector<std::string> args) {
    return ::ogi::testing::RunOgiCli(*server_, std::move(args));
  }

  // Expects success with nothing on stderr; returns stdout.
  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  // Expects exit `code` with one line on stderr containing `message`.
  void OgiFails(const std::vector<std::string>& args, int code,
                const std::string& message) {
    ::ogi::testing::RunOgiCliFails(*server_, args, code, message);
  }

  ::ogi::testing::TempDir tmp_;  // holds db_path_; outlives the server
  std::string db_path_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(CliEndToEndTest, LogListCorrectAndSurviveARestart) {
  // The exact form of the quick start prints the new number and nothing else.
  EXPECT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2022-03-01", "--description", "2021年度行政许可办理情况"}),
      "2022-0001\n");
  EXPECT_EQ(OgiOk({"case",
                   "create",
                   "--applicant-name",
                   "聊城某某商贸有限公司",
                   "--applicant-type",
                   "commercial_enterprise",
                   "--channel",
                   "online",
                   "--received",
                   "2022-04-02",
                   "--confirmed",
                   "2022-04-06",
                   "--description",
                   "招标文件",
                   "--description",
                   "中标结果",
                   "--id-type",
                   "unified_social_credit_code",
                   "--id-number",
                   "91350100M000100Y43"}),
            "2022-0002\n");
  EXPECT_EQ(
      OgiOk({"case", "create", "--applicant-name", "李四", "--applicant-type",
             "natural_person", "--channel", "ordinary_mail", "--received",
             "2022-05-09", "--description", "道路规划图"}),
      "2022-0003\n");

  const std::string card = OgiOk({"case", "show", "2022-0001"});
  EXPECT_THAT(card, AllOf(HasSubstr("2022-0001"), HasSubstr("张三"),
                          HasSubstr("自然人"), HasSubstr("当面提交"),
                          HasSubstr("2022-03-01"), HasSubstr("办理中"),
                          HasSubstr("2021年度行政许可办理情况")));
  // Online: the receipt date is the confirmation date (Art. 31).
  EXPECT_THAT(OgiOk({"case", "show", "2022-0002"}),
              AllOf(HasSubstr("商业企业"), HasSubstr("2022-04-06"),
                    HasSubstr("中标结果")));
  EXPECT_THAT(OgiOk({"case", "show", "2022-0003"}), HasSubstr("待确认收到"));

  // Filters.
  std::string list =
      OgiOk({"case", "list", "--applicant-type", "natural_person"});
  EXPECT_THAT(list, AllOf(HasSubstr("2022-0001"), HasSubstr("2022-0003"),
                          Not(HasSubstr("2022-0002")), HasSubstr("共 2 件")));
  list = OgiOk({"case", "list", "--status", "pending_confirmation"});
  EXPECT_THAT(list, AllOf(HasSubstr("2022-0003"), Not(HasSubstr("2022-0001")),
                          HasSubstr("共 1 件")));
  list = OgiOk({"case", "list", "--from", "2022-04-01", "--to", "2022-12-31"});
  EXPECT_THAT(list, AllOf(HasSubstr("2022-0002"), Not(HasSubstr("2022-0001")),
                          HasSubstr("共 1 件")));
  list = OgiOk({"case", "list", "--text", "许可"});
  EXPECT_THAT(list, AllOf(HasSubstr("2022-0001"), HasSubstr("共 1 件")));
  EXPECT_THAT(OgiOk({"--json", "case", "list"}),
              HasSubstr("\"total_count\": 3"));

  // Correction with a reason, then the history shows who, what and why.
  EXPECT_THAT(OgiOk({"case", "update", "2022-0001", "--phone", "0635-8902700",
                     "--reason", "补充联系电话"}),
              HasSubstr("0635-8902700"));
  EXPECT_THAT(OgiOk({"case", "update", "2022-0003", "--confirmed", "2022-05-10",
                     "--reason", "电话确认收到"}),
              HasSubstr("办理中"));
  const std::string history = OgiOk({"case", "history", "2022-0001"});
  EXPECT_THAT(history,
              AllOf(HasSubstr("登记"), HasSubstr("更正"), HasSubstr("王科员"),
                    HasSubstr("补充联系电话"), HasSubstr("0635-8902700")));

  // A clean stop, a restart on the same database, and everything is there.
  auto stopped = server_->Stop();
  ASSERT_THAT(stopped, IsOk());
  EXPECT_EQ(*stopped, 0);
  EXPECT_THAT(server_->Log(), HasSubstr("closed cleanly"));
  StartServer();
  EXPECT_THAT(OgiOk({"case", "show", "2022-0001"}), HasSubstr("0635-8902700"));
  EXPECT_THAT(OgiOk({"case", "show", "2022-0003"}), HasSubstr("2022-05-10"));
  // The same history; the reads of the full record (listed last, oldest
  // first) gain the two of this restart.
  EXPECT_THAT(OgiOk({"case", "history", "2022-0001"}), StartsWith(history));
  EXPECT_THAT(OgiOk({"case", "list"}), HasSubstr("共 3 件"));
  EXPECT_EQ(
      OgiOk({"case", "create", "--applicant-name", "王五", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2022-06-01", "--description", "项目批复"}),
      "2022-0004\n");
  EXPECT_THAT(OgiOk({"agency", "list"}), HasSubstr("聊城市行政审批服务局"));
}

TEST_F(CliEndToEndTest, InvalidInputIsRejectedAndStoresNothing) {
  const std::vector<std::string> good = {
      "case",       "create",           "--applicant-name",
      "张三",       "--applicant-type", "natural_person",
      "--channel",  "in_person",        "--received",
      "2022-03-01", "--description",    "2021年度行政许可办理情况"};
  auto with = [&](const std::string& flag, const std::string& value) {
    std::vector<std::string> args = good;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == flag) {
        args[i + 1] = value;
        return args;
      }
    }
    args.push_back(flag);
    args.push_back(value);
    return args;
  };
  // Rejected by the server, naming the flag of the field.
  OgiFails(with("--received", "2099-01-01"), 1,
           "--received: 2099-01-01 晚于今天");
  OgiFails(with("--confirmed", "2022-03-02"), 1,
           "--confirmed: 渠道 in_person 不使用确认日期");
  OgiFails(with("--id-number", "123"), 1, "填写 id_number 时必须填写");
  OgiFails(with("--email", "not-an-address"), 1,
           "--email: \"not-an-address\" 不是有效的电子邮件地址");
  // Rejected by the CLI before any call.
  OgiFails(with("--applicant-name", " "), 2, "--applicant-name");
  OgiFails(with("--received", "2022-02-30"), 2,
           "--received: \"2022-02-30\" 不是有效日期（格式为 YYYY-MM-DD）");
  OgiFails(with("--applicant-type", "company"), 2, "company");
  OgiFails({"case", "update", "2022-0001", "--phone", "1"}, 2, "--reason");
  // Unknown numbers.
  OgiFails({"case", "show", "2022-0999"}, 1, "2022-0999");
  // Nothing was stored by any of it.
  EXPECT_THAT(OgiOk({"case", "list"}), HasSubstr("共 0 件"));
  EXPECT_EQ(OgiOk(good), "2022-0001\n");
}

TEST_F(CliEndToEndTest, UnreachableServerIsOneClearLine) {
  auto result = ::ogi::testing::RunCommand(
      {CliBinary(), "--server", "127.0.0.1:1", "case", "list"},
      {{"OGI_TOKEN", "ogi_0"}});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->exit_code, 1);
  EXPECT_THAT(result->err, HasSubstr("127.0.0.1:1"));
}

}  // namespace
}  // namespace ogi
