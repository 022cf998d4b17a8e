#include "cli/agency_commands.h"

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/fake_stubs.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeStubs;
using ::testing::ElementsAre;

class AgencyRunTest : public ::testing::Test {
 protected:
  AgencyRunTest() { env_.ogi_token = "ogi_tk-admin_secret"; }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases_, &agencies_);
        },
        out_, err_);
  }

  Environment env_;
  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  std::ostringstream out_, err_;
};

TEST_F(AgencyRunTest, AddChecksTheCodeIsFreeThenPuts) {
  agencies_.get_error =
      grpc::Status(grpc::StatusCode::NOT_FOUND, "agency_code: no agency");
  ASSERT_EQ(Run({"agency", "add", "lc-xzsp", "--name", "聊城市行政审批服务局",
                 "--supervisor", "lc-gov"}),
            0)
      << err_.str();
  EXPECT_EQ(agencies_.Methods(),
            (std::vector<std::string>{"GetAgency", "PutAgency"}));
  EXPECT_EQ(agencies_.get_requests.at(0).code(), "lc-xzsp");
  ASSERT_EQ(agencies_.put_requests.size(), 1u);
  const v1::Agency& sent = agencies_.put_requests[0].agency();
  EXPECT_EQ(sent.code(), "lc-xzsp");
  EXPECT_EQ(sent.name(), "聊城市行政审批服务局");
  EXPECT_EQ(sent.supervisor_code(), "lc-gov");
  EXPECT_EQ(out_.str(),
            "added agency lc-xzsp (聊城市行政审批服务局), under lc-gov\n");
  EXPECT_EQ(agencies_.calls[1].metadata.find("authorization")->second,
            "Bearer ogi_tk-admin_secret");

  ASSERT_EQ(Run({"agency", "add", "top", "--name", "省政府"}), 0) << err_.str();
  EXPECT_EQ(agencies_.put_requests.back().agency().supervisor_code(), "");
  EXPECT_EQ(out_.str(), "added agency top (省政府)\n");
}

TEST_F(AgencyRunTest, AddRefusesAnExistingCode) {
  agencies_.get_response.mutable_agency()->set_code("lc-xzsp");
  agencies_.get_response.mutable_agency()->set_name("聊城市行政审批服务局");
  EXPECT_EQ(Run({"agency", "add", "lc-xzsp", "--name", "别的名字"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: 机关 lc-xzsp (聊城市行政审批服务局) 已存在；修改请用 "
            "\"ogi agency update lc-xzsp\"（ALREADY_EXISTS）\n");
  EXPECT_TRUE(agencies_.put_requests.empty());
}

TEST_F(AgencyRunTest, UpdateChangesOnlyTheFieldsGiven) {
  v1::Agency* current = agencies_.get_response.mutable_agency();
  current->set_code("lc-xzsp");
  current->set_name("聊城市行政审批服务局");
  current->set_supervisor_code("lc-gov");
  current->set_etag("etag-read");
  ASSERT_EQ(Run({"agency", "update", "lc-xzsp", "--name", "聊城市审批局"}), 0)
      << err_.str();
  EXPECT_EQ(agencies_.Methods(),
            (std::vector<std::string>{"GetAgency", "PutAgency"}));
  const v1::PutAgencyRequest& rename = agencies_.put_requests.back();
  const v1::Agency& renamed = rename.agency();
  EXPECT_EQ(renamed.code(), "lc-xzsp");
  EXPECT_EQ(renamed.name(), "聊城市审批局");
  // Only the name, by mask, against the version read.
  EXPECT_EQ(renamed.supervisor_code(), "");
  EXPECT_THAT(rename.update_mask().paths(), ElementsAre("name"));
  EXPECT_EQ(rename.etag(), "etag-read");
  // The fake echoes the request; the line shows whatever the server answers.
  EXPECT_EQ(out_.str(), "updated agency lc-xzsp (聊城市审批局)\n");

  ASSERT_EQ(Run({"agency", "update", "lc-xzsp", "--supervisor", ""}), 0)
      << err_.str();
  const v1::PutAgencyRequest& move = agencies_.put_requests.back();
  EXPECT_EQ(move.agency().supervisor_code(), "");
  EXPECT_THAT(move.update_mask().paths(), ElementsAre("supervisor_code"));
}

TEST_F(AgencyRunTest, UpdateErrors) {
  EXPECT_EQ(Run({"agency", "update", "lc-xzsp"}), 2);
  EXPECT_EQ(err_.str(),
            "ogi: 缺少必需的选项：--name 或 --supervisor（见 \"ogi agency "
            "update --help\"）\n");
  EXPECT_EQ(Run({"agency", "update", "", "--name", "x"}), 2);
  EXPECT_EQ(err_.str(), "ogi: CODE: 不能为空\n");
  EXPECT_EQ(Run({"agency", "update", "lc-xzsp", "--name", " "}), 2);
  EXPECT_EQ(err_.str(), "ogi: --name: 不能为空\n");
  EXPECT_TRUE(agencies_.calls.empty());

  agencies_.get_error =
      grpc::Status(grpc::StatusCode::NOT_FOUND, "agency_code: no agency \"x\"");
  EXPECT_EQ(Run({"agency", "update", "x", "--name", "某局"}), 1);
  // The server names the field; the user typed the CODE argument.
  EXPECT_EQ(err_.str(), "ogi: 未找到：CODE: no agency \"x\"（NOT_FOUND）\n");
  EXPECT_TRUE(agencies_.put_requests.empty());

  agencies_.get_error = grpc::Status::OK;
  agencies_.put_error =
      grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                   "agency.supervisor_code: lc-xzsp would come under itself");
  EXPECT_EQ(Run({"agency", "update", "lc-gov", "--supervisor", "lc-xzsp"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: --supervisor: lc-xzsp would come under "
            "itself（INVALID_ARGUMENT）\n");
  EXPECT_EQ(out_.str(), "");
}

}  // namespace
}  // namespace ogi::cli
