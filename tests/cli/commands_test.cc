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
           {{"case", "create", "--received", "2022-13-01"},
            "ogi: --received: 2022-13-01 is not a calendar date\n"},
           {{"case", "create", "--bogus"},
            "ogi: unknown flag --bogus; see \"ogi case create --help\"\n"},
           {{"case", "show"},
            "ogi: missing NUMBER; usage: ogi case show NUMBER\n"},
           {{"cases"},
            "ogi: unknown command \"cases\"; one of: case, review, lawsuit, "
            "deadlines, alerts, calendar, agency, report, login, logout, "
            "whoami, user, token, help\n"},
           {{}, "ogi: no command given; see \"ogi help\"\n"},
           {{"case", "update", "2022-0001", "--phone", "1"},
            "ogi: --reason: required; say why the record is corrected\n"},
       }) {
    EXPECT_EQ(Run(args), 2) << message;
    EXPECT_EQ(err_.str(), message);
    EXPECT_EQ(out_.str(), "");
  }
  EXPECT_TRUE(cases_.calls.empty());
}

TEST_F(RunOgiTest, ServerErrorsExitOne) {
  cases_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                              "applicant.name: must not be empty");
  EXPECT_EQ(Run({"case", "create", "--channel", "in_person"}), 1);
  EXPECT_EQ(err_.str(), "ogi: applicant.name: must not be empty\n");
  EXPECT_EQ(out_.str(), "");

  cases_.error = grpc::Status(grpc::StatusCode::UNAVAILABLE, "refused");
  EXPECT_EQ(Run({"case", "list", "--server=db.local:1"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: the server at db.local:1 cannot be reached (refused)\n");
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
  EXPECT_EQ(err_.str(),
            "ogi: unknown command \"ogi nothing\"; see \"ogi help\"\n");
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
  EXPECT_THAT(err_.str(), StartsWith("ogi: unknown flag --actor; "));
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
