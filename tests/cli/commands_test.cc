#include "cli/commands.h"

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/fake_stubs.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class RunOgiTest : public ::testing::Test {
 protected:
  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions& options) {
          servers_.push_back(options.server);
          return std::make_unique<FakeStubs>(&cases_, &agencies_);
        },
        out_, err_);
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  Environment env_;
  std::vector<std::string> servers_;
  std::ostringstream out_, err_;
};

TEST_F(RunOgiTest, CreateExampleFromTheManual) {
  cases_.create_response.mutable_case_()->set_number("2022-0001");
  env_.ogi_token = "ogi_tk-clerk_secret";
  EXPECT_EQ(
      Run({"case", "create", "--applicant-name", "张三", "--applicant-type",
           "natural_person", "--channel", "in_person", "--received",
           "2022-03-01", "--description", "2021年度行政许可办理情况"}),
      0);
  EXPECT_EQ(out_.str(), "2022-0001\n");
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(servers_, std::vector<std::string>{"127.0.0.1:50051"});
  ASSERT_EQ(cases_.calls.size(), 1u);
  EXPECT_EQ(cases_.calls[0].metadata.find("authorization")->second,
            "Bearer ogi_tk-clerk_secret");
}

TEST_F(RunOgiTest, UsageErrorsExitTwoWithoutCalling) {
  for (const auto& [args, message] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"case", "create", "--received", "2022-13-01", "--applicant-name",
             "张三", "--applicant-type", "natural_person", "--channel",
             "in_person", "--description", "x"},
            "ogi: --received: \"2022-13-01\" 不是有效日期（格式为 "
            "YYYY-MM-DD）\n"},
           {{"case", "create", "--received", "2022-03-01"},
            "ogi: "
            "缺少必需的选项：--applicant-name、--applicant-type、--channel、"
            "--description（见 \"ogi case create --help\"）\n"},
           {{"case", "create", "--bogus"},
            "ogi: 未知选项 --bogus；见 \"ogi case create --help\"\n"},
           {{"case", "show"}, "ogi: 缺少 NUMBER；用法：ogi case show NUMBER\n"},
           {{"cases"}, "ogi: 未知命令 \"cases\"，是否要输入 \"ogi case\"？\n"},
           {{"case", "shwo", "2022-0001"},
            "ogi: 未知命令 \"case shwo\"，是否要输入 \"ogi case show\"？\n"},
           {{}, "ogi: 未给出命令；见 \"ogi help\"\n"},
           {{"case", "update", "2022-0001", "--phone", "1"},
            "ogi: 缺少必需的选项：--reason（见 \"ogi case update --help\"）\n"},
       }) {
    EXPECT_EQ(Run(args), 2) << message;
    EXPECT_EQ(err_.str(), message);
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(cases_.calls.empty());
}

TEST_F(RunOgiTest, ServerErrorsExitOne) {
  // The server names the request field; the user reads the flag.
  cases_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                              "applicant.name: 不能只含空白");
  EXPECT_EQ(
      Run({"case", "create", "--channel", "in_person", "--applicant-name", " x",
           "--applicant-type", "natural_person", "--description", "x"}),
      1);
  EXPECT_EQ(err_.str(),
            "ogi: --applicant-name: 不能只含空白（INVALID_ARGUMENT）\n");
  EXPECT_EQ(out_.str(), "");

  // Every field of a multi-field message; one the command has no flag for
  // stays as it is.
  cases_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                              "items[1].description, applicant.phone, "
                              "applicant.fax: 格式不对");
  EXPECT_EQ(
      Run({"case", "update", "2022-0001", "--reason", "r", "--phone", "1"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: --description（第 2 项）, --phone, applicant.fax: "
            "格式不对（INVALID_ARGUMENT）\n");

  // Not only INVALID_ARGUMENT names fields.
  cases_.error = grpc::Status(grpc::StatusCode::ABORTED,
                              "expected_version: 案件已是第 3 版，不是第 2 版");
  EXPECT_EQ(Run({"case", "update", "2022-0001", "--reason", "r", "--phone", "1",
                 "--expected-version", "2"}),
            1);
  EXPECT_EQ(err_.str(),
            "ogi: 未执行，记录已有变化：--expected-version: 案件已是第 3 "
            "版，不是第 2 版（ABORTED）\n");

  cases_.error = grpc::Status(grpc::StatusCode::UNAVAILABLE, "refused");
  EXPECT_EQ(Run({"case", "list", "--server=db.local:1"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: 无法连接服务器 db.local:1；请确认 ogi-server 已启动、"
            "地址无误（--server 或 OGI_SERVER）（refused）（UNAVAILABLE）\n");
  EXPECT_EQ(out_.str(), "");
}

TEST_F(RunOgiTest, HelpNeedsNoServer) {
  EXPECT_EQ(Run({"help"}), 0);
  EXPECT_THAT(out_.str(), StartsWith("ogi: log and track applications"));
  EXPECT_THAT(out_.str(), HasSubstr("  case create   "));
  EXPECT_THAT(out_.str(), HasSubstr("  agency list   "));
  const std::string overview = out_.str();
  EXPECT_EQ(Run({"--help"}), 0);
  EXPECT_EQ(out_.str(), overview);

  EXPECT_EQ(Run({"case", "create", "-h"}), 0);
  EXPECT_THAT(out_.str(), StartsWith("Usage: ogi case create [flags]\n"));
  EXPECT_THAT(out_.str(), HasSubstr("--description TEXT"));
  const std::string create_help = out_.str();
  EXPECT_EQ(Run({"help", "case", "create"}), 0);
  EXPECT_EQ(out_.str(), create_help);

  EXPECT_EQ(Run({"case", "--help"}), 0);
  EXPECT_THAT(out_.str(), StartsWith("Usage: ogi case COMMAND [flags]\n"));
  EXPECT_THAT(out_.str(), HasSubstr("  history  "));
  EXPECT_THAT(out_.str(), Not(HasSubstr("List the agencies")));

  EXPECT_EQ(Run({"help", "nothing"}), 2);
  EXPECT_EQ(err_.str(), "ogi: 未知命令 \"nothing\"；见 \"ogi help\"\n");
  EXPECT_EQ(Run({"help", "case", "shwo"}), 2);
  EXPECT_EQ(err_.str(),
            "ogi: 未知命令 \"case shwo\"，是否要输入 \"ogi case show\"？\n");
  EXPECT_TRUE(servers_.empty());
}

TEST_F(RunOgiTest, EnvironmentSuppliesServerAndToken) {
  env_.ogi_server = "ogi.internal:9000";
  env_.ogi_token = "ogi_tk-wang_secret";
  EXPECT_EQ(Run({"agency", "list"}), 0);
  EXPECT_EQ(servers_, std::vector<std::string>{"ogi.internal:9000"});
  ASSERT_EQ(agencies_.calls.size(), 1u);
  EXPECT_EQ(agencies_.calls[0].metadata.find("authorization")->second,
            "Bearer ogi_tk-wang_secret");
  EXPECT_EQ(Run({"case", "show", "2022-0001"}), 0);
  ASSERT_EQ(cases_.calls.size(), 1u);
  EXPECT_EQ(cases_.calls[0].metadata.find("authorization")->second,
            "Bearer ogi_tk-wang_secret");
}

TEST_F(RunOgiTest, TheActorFlagIsGone) {
  EXPECT_EQ(Run({"case", "show", "2022-0001", "--actor", "li"}), 2);
  EXPECT_THAT(err_.str(), StartsWith("ogi: 未知选项 --actor；"));
  EXPECT_TRUE(cases_.calls.empty());
}

TEST_F(RunOgiTest, AgencyListMarksTheDefault) {
  v1::Agency* a = agencies_.list_response.add_agencies();
  a->set_code("default");
  a->set_name("默认机关");
  v1::Agency* b = agencies_.list_response.add_agencies();
  b->set_code("lc-xzsp");
  b->set_name("聊城市行政审批服务局");
  b->set_supervisor_code("default");
  agencies_.list_response.set_default_agency_code("lc-xzsp");
  EXPECT_EQ(Run({"agency", "list"}), 0);
  EXPECT_EQ(out_.str(),
            "代码       名称                  上级机关\n"
            "default    默认机关\n"
            "lc-xzsp *  聊城市行政审批服务局  default\n"
            "* 默认机关\n");
  EXPECT_EQ(Run({"agency", "list", "--json"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("\"default_agency_code\": \"lc-xzsp\""));
}

TEST_F(RunOgiTest, ColorOnlyOnATerminal) {
  cases_.get_response.mutable_case_()->set_number("2022-0001");
  env_.stdout_is_tty = true;
  EXPECT_EQ(Run({"case", "show", "2022-0001"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("\x1b[1m案件编号\x1b[0m"));
  EXPECT_EQ(Run({"case", "show", "2022-0001", "--json"}), 0);
  EXPECT_THAT(out_.str(), Not(HasSubstr("\x1b")));
  env_.no_color = true;
  EXPECT_EQ(Run({"case", "show", "2022-0001"}), 0);
  EXPECT_THAT(out_.str(), Not(HasSubstr("\x1b")));
}

}  // namespace
}  // namespace ogi::cli
