// Issue 12, faults 5 and 6, through the real binaries: the defaults the
// README states are the server's (a client that leaves service_method or a
// date out gets the same answer the CLI gets), and every Put/Set method
// changes only what it is asked to change, refuses a write based on a stale
// read (etag) with nothing changed, and can clear a value (update_mask).
//
// The server runs on a fake clock: "today" is 2023-03-01, so a date the
// server fills in is told apart from this machine's date.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::HasSubstr;

constexpr char kFakeToday[] = "2023-03-01T10:00:00+08:00";
constexpr char kStale[] = "etag: 记录已被他人修改，请重新读取后再改";

class UpdatesEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start(
        tmp_.File("ogi.db"), {"--agency_name=聊城市行政审批服务局",
                              absl::StrCat("--fake_clock_start=", kFakeToday)});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    access_ = v1::AccessService::NewStub(channel);
    agencies_ = v1::AgencyService::NewStub(channel);
    cases_ = v1::CaseService::NewStub(channel);
    outcomes_ = v1::OutcomeService::NewStub(channel);
    reports_ = v1::ReportService::NewStub(channel);
  }

  // Runs `rpc` as the tester (every role).
  grpc::Status Call(
      const std::function<grpc::Status(grpc::ClientContext*)>& rpc) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return rpc(&context);
  }

  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  // Logs an application received on 2022-03-01 asking for `delivery`
  // ("" for none) through the CLI; returns its number.
  std::string LogCase(const std::string& delivery) {
    std::vector<std::string> args = {
        "case",       "create",           "--applicant-name",
        "张三",       "--applicant-type", "natural_person",
        "--channel",  "in_person",        "--received",
        "2022-03-01", "--description",    "2021年度行政许可办理情况"};
    if (!delivery.empty()) {
      args.push_back("--delivery");
      args.push_back(delivery);
    }
    std::string out = OgiOk(args);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  v1::Case GetCase(const std::string& number) {
    v1::GetCaseRequest request;
    request.set_number(number);
    v1::GetCaseResponse response;
    EXPECT_TRUE(Call([&](grpc::ClientContext* c) {
                  return cases_->GetCase(c, request, &response);
                }).ok());
    return response.case_();
  }

  v1::Report GetReport() {
    v1::GetReportRequest request;
    request.set_year(2022);
    v1::Report report;
    const grpc::Status status = Call([&](grpc::ClientContext* c) {
      return reports_->GetReport(c, request, &report);
    });
    EXPECT_TRUE(status.ok()) << status.error_message();
    return report;
  }

  grpc::Status SetFigures(const v1::SetFiguresRequest& request,
                          v1::Table2* out) {
    return Call([&](grpc::ClientContext* c) {
      return reports_->SetFigures(c, request, out);
    });
  }

  grpc::Status PutUser(const v1::PutUserRequest& request, v1::User* out) {
    return Call([&](grpc::ClientContext* c) {
      return access_->PutUser(c, request, out);
    });
  }

  // The server's data directory, removed after the server stops.
  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::AccessService::Stub> access_;
  std::unique_ptr<v1::AgencyService::Stub> agencies_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::OutcomeService::Stub> outcomes_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

// Fault 5: ConcludeCase without service_method was refused; now the answer
// counts as served the way the applicant asked, for every client.
TEST_F(UpdatesEndToEndTest, ConcludeWithoutServiceMethodFollowsTheDelivery) {
  const std::string emailed = LogCase("email");
  v1::ConcludeCaseRequest conclude;
  conclude.set_number(emailed);
  conclude.set_outcome(v1::OUTCOME_DISCLOSED);
  *conclude.mutable_conclusion()->mutable_served() =
      ToProtoDate(absl::CivilDay(2022, 3, 20));
  v1::OutcomeResponse concluded;
  const grpc::Status status = Call([&](grpc::ClientContext* c) {
    return outcomes_->ConcludeCase(c, conclude, &concluded);
  });
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(concluded.case_().conclusion().service_method(),
            v1::SERVICE_METHOD_ELECTRONIC);

  // The CLI sends no method either and gets the same rule.
  const std::string posted = LogCase("post");
  const std::string answer = OgiOk({"case", "conclude", posted, "--outcome",
                                    "disclosed", "--served", "2022-03-20"});
  EXPECT_THAT(answer, HasSubstr("2022-03-20 邮寄"));
  EXPECT_EQ(GetCase(posted).conclusion().service_method(),
            v1::SERVICE_METHOD_POSTED);
  const std::string asked_nothing = LogCase("");
  OgiOk({"case", "conclude", asked_nothing, "--outcome", "disclosed",
         "--served", "2022-03-20"});
  EXPECT_EQ(GetCase(asked_nothing).conclusion().service_method(),
            v1::SERVICE_METHOD_SIGNED_IN_PERSON);
}

// "Default today" is the server's today: a withdrawal without a date, over
// gRPC or from the CLI, is dated by the server's clock (2023-03-01 here),
// not by the client machine's.
TEST_F(UpdatesEndToEndTest, AWithdrawalWithoutADateIsDatedByTheServer) {
  const std::string by_grpc = LogCase("");
  v1::WithdrawCaseRequest withdraw;
  withdraw.set_number(by_grpc);
  v1::OutcomeResponse withdrawn;
  const grpc::Status status = Call([&](grpc::ClientContext* c) {
    return outcomes_->WithdrawCase(c, withdraw, &withdrawn);
  });
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(FormatIsoDate(withdrawn.case_().conclusion().served()),
            "2023-03-01");

  const std::string by_cli = LogCase("");
  EXPECT_THAT(OgiOk({"case", "withdraw", by_cli}),
              HasSubstr("办结日期  2023-03-01"));
}

// Fault 6 for table 二: one figure never zeroes the others; a stale etag is
// ABORTED with nothing changed; a masked figure given empty is cleared.
TEST_F(UpdatesEndToEndTest, SetFiguresChangesOnlyWhatItIsAskedTo) {
  v1::SetFiguresRequest all;
  all.set_year(2022);
  all.mutable_figures()->set_licensing_decisions(32866);
  all.mutable_figures()->set_penalty_decisions(1250);
  all.mutable_figures()->set_fees_wan_yuan("12872.06");
  v1::Table2 stored;
  ASSERT_TRUE(SetFigures(all, &stored).ok());
  const std::string first_etag = GetReport().entered_figures().etag();
  EXPECT_EQ(first_etag, stored.etag());

  v1::SetFiguresRequest one;
  one.set_year(2022);
  one.mutable_figures()->set_penalty_decisions(1300);
  one.set_etag(first_etag);
  ASSERT_TRUE(SetFigures(one, &stored).ok());
  v1::Report report = GetReport();
  EXPECT_EQ(report.entered_figures().licensing_decisions(), 32866);
  EXPECT_EQ(report.entered_figures().penalty_decisions(), 1300);
  EXPECT_EQ(report.entered_figures().fees_wan_yuan(), "12872.06");

  // A second editor still holding the first read.
  v1::SetFiguresRequest stale = one;
  stale.mutable_figures()->set_penalty_decisions(9);
  const grpc::Status aborted = SetFigures(stale, &stored);
  EXPECT_EQ(aborted.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(aborted.error_message(), kStale);
  EXPECT_EQ(GetReport().entered_figures().penalty_decisions(), 1300);

  v1::SetFiguresRequest clear;
  clear.set_year(2022);
  clear.mutable_update_mask()->add_paths("fees_wan_yuan");
  clear.set_etag(report.entered_figures().etag());
  ASSERT_TRUE(SetFigures(clear, &stored).ok());
  EXPECT_EQ(GetReport().entered_figures().fees_wan_yuan(), "0.00");
  EXPECT_EQ(GetReport().entered_figures().licensing_decisions(), 32866);

  v1::SetFiguresRequest unknown;
  unknown.set_year(2022);
  unknown.mutable_update_mask()->add_paths("overridden");
  const grpc::Status refused = SetFigures(unknown, &stored);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(),
              HasSubstr("update_mask: 未知字段 \"overridden\""));
}

// Fault 6 for users: PutUser without `disabled` keeps a user disabled; a
// stale etag changes nothing.
TEST_F(UpdatesEndToEndTest, PutUserKeepsWhatItIsNotGiven) {
  v1::PutUserRequest create;
  create.mutable_user()->set_name("wang");
  create.mutable_user()->set_display_name("王科员");
  create.mutable_user()->add_roles(v1::ROLE_CLERK);
  create.mutable_user()->set_disabled(true);
  v1::User created;
  ASSERT_TRUE(PutUser(create, &created).ok());
  ASSERT_FALSE(created.etag().empty());

  v1::PutUserRequest rename;
  rename.mutable_user()->set_name("wang");
  rename.mutable_user()->set_display_name("王科长");
  v1::User renamed;
  ASSERT_TRUE(PutUser(rename, &renamed).ok());
  EXPECT_TRUE(renamed.disabled());
  EXPECT_EQ(renamed.display_name(), "王科长");

  v1::PutUserRequest stale;
  stale.mutable_user()->set_name("wang");
  stale.mutable_update_mask()->add_paths("disabled");  // enable
  stale.set_etag(created.etag());
  v1::User ignored;
  const grpc::Status aborted = PutUser(stale, &ignored);
  EXPECT_EQ(aborted.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(aborted.error_message(), kStale);
  v1::ListUsersResponse users;
  ASSERT_TRUE(Call([&](grpc::ClientContext* c) {
                return access_->ListUsers(c, v1::ListUsersRequest(), &users);
              }).ok());
  for (const v1::User& user : users.users()) {
    if (user.name() != "wang") continue;
    EXPECT_TRUE(user.disabled());
    EXPECT_EQ(user.etag(), renamed.etag());
  }
}

// The CLI's update commands send masks: only the flags given change, and a
// value can be cleared.
TEST_F(UpdatesEndToEndTest, CliUpdateCommandsChangeOnlyTheFlagsGiven) {
  OgiOk({"user", "add", "li", "--display-name", "李科员", "--roles", "clerk"});
  OgiOk({"user", "update", "li", "--disable"});
  EXPECT_THAT(OgiOk({"user", "update", "li", "--display-name", "李科长"}),
              HasSubstr("disabled"));
  EXPECT_THAT(OgiOk({"user", "update", "li", "--enable"}),
              ::testing::Not(HasSubstr("disabled")));

  OgiOk({"agency", "add", "town", "--name", "某镇人民政府", "--supervisor",
         "default"});
  EXPECT_EQ(OgiOk({"agency", "update", "town", "--name", "某镇政府"}),
            "updated agency town (某镇政府), under default\n");
  EXPECT_EQ(OgiOk({"agency", "update", "town", "--supervisor", ""}),
            "updated agency town (某镇政府)\n");

  OgiOk({"report", "figures", "set", "2022", "--licensing", "32866",
         "--penalty", "1250"});
  const std::string figures =
      OgiOk({"report", "figures", "set", "2022", "--penalty", "1300"});
  EXPECT_THAT(figures, HasSubstr("本年处理决定 32866"));
  EXPECT_THAT(figures, HasSubstr("本年处理决定 1300"));

  OgiOk({"report", "text", "set", "2022", "--section", "overview", "--text",
         "2022年，本局深入贯彻落实《条例》。"});
  OgiOk({"report", "text", "set", "2022", "--section", "problems", "--text",
         "政策解读工作方面存在不足。"});
  EXPECT_EQ(OgiOk({"report", "text", "set", "2022", "--section", "problems",
                   "--clear"}),
            "2022 年度报告 五、存在的主要问题及改进情况 已清空\n");
  const v1::Report report = GetReport();
  EXPECT_EQ(report.prose().problems(), "");
  EXPECT_EQ(report.prose().overview(), "2022年，本局深入贯彻落实《条例》。");

  OgiOk({"report", "documents", "add", "--kind", "rule", "--title",
         "聊城市政务服务管理办法", "--number", "聊政发〔2020〕6号", "--issued",
         "2020-05-06"});
  EXPECT_EQ(
      OgiOk({"report", "documents", "repeal", "1", "--date", "2022-11-30"}),
      "已记录废止 1：聊城市政务服务管理办法，废止日期 2022-11-30\n");
  v1::ListDocumentsResponse documents;
  ASSERT_TRUE(Call([&](grpc::ClientContext* c) {
                return reports_->ListDocuments(c, v1::ListDocumentsRequest(),
                                               &documents);
              }).ok());
  ASSERT_EQ(documents.documents_size(), 1);
  EXPECT_EQ(documents.documents(0).document_number(), "聊政发〔2020〕6号");
  EXPECT_EQ(FormatIsoDate(documents.documents(0).repealed()), "2022-11-30");
}

}  // namespace
}  // namespace ogi
