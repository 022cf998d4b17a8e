// Issue 13: ConcludeCaseRequest embeds Conclusion, through the real
// binaries (ogi-server on a free loopback port with a temporary database,
// cases logged with the real `ogi` CLI, conclusions sent by a gRPC client).
// The embedded form concludes exactly as the deprecated flat fields do, its
// errors name "conclusion.<field>", the flat fields of clients built from
// the earlier .proto still work, and both forms at once are refused.
//
// The server runs on a fake clock: "today" is 2023-03-01.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;

class ConclusionRequestEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start(
        tmp_.File("ogi.db"), {"--fake_clock_start=2023-03-01T10:00:00+08:00"});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    auto channel = grpc::CreateChannel(server_->address(),
                                       grpc::InsecureChannelCredentials());
    cases_ = v1::CaseService::NewStub(channel);
    outcomes_ = v1::OutcomeService::NewStub(channel);
  }

  // Logs an application received on 2022-03-01, asking for the answer by
  // post, through the CLI; returns its number.
  std::string LogCase() {
    std::string out = ::ogi::testing::RunOgiCliOk(
        *server_,
        {"case", "create", "--applicant-name", "张三", "--applicant-type",
         "natural_person", "--channel", "in_person", "--received", "2022-03-01",
         "--description", "2021年度行政许可办理情况", "--delivery", "post"});
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  grpc::Status Conclude(const v1::ConcludeCaseRequest& request,
                        v1::OutcomeResponse* response) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return outcomes_->ConcludeCase(&context, request, response);
  }

  // The server's data directory, removed after the server stops.
  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::OutcomeService::Stub> outcomes_;
};

// A partly disclosed answer, served 2022-03-20, in the embedded form.
v1::ConcludeCaseRequest EmbeddedAnswer(const std::string& number) {
  v1::ConcludeCaseRequest r;
  r.set_number(number);
  r.set_outcome(v1::OUTCOME_PARTIALLY_DISCLOSED);
  v1::Conclusion* k = r.mutable_conclusion();
  k->set_provided_summary("2021年度行政许可目录");
  k->set_withheld_summary("涉及个人信息的部分");
  *k->mutable_answer_date() = ToProtoDate(absl::CivilDay(2022, 3, 18));
  *k->mutable_served() = ToProtoDate(absl::CivilDay(2022, 3, 20));
  return r;
}

// The same answer in the deprecated flat fields.
v1::ConcludeCaseRequest FlatAnswer(const std::string& number) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  v1::ConcludeCaseRequest r;
  r.set_number(number);
  r.set_outcome(v1::OUTCOME_PARTIALLY_DISCLOSED);
  r.set_provided_summary("2021年度行政许可目录");
  r.set_withheld_summary("涉及个人信息的部分");
  *r.mutable_answer_date() = ToProtoDate(absl::CivilDay(2022, 3, 18));
  *r.mutable_served() = ToProtoDate(absl::CivilDay(2022, 3, 20));
  return r;
#pragma GCC diagnostic pop
}

TEST_F(ConclusionRequestEndToEndTest, EmbeddedAndFlatFormsConcludeAlike) {
  const std::string embedded_case = LogCase();
  const std::string flat_case = LogCase();
  ASSERT_NE(embedded_case, flat_case);

  v1::OutcomeResponse by_embedded;
  grpc::Status status = Conclude(EmbeddedAnswer(embedded_case), &by_embedded);
  ASSERT_TRUE(status.ok()) << status.error_message();
  v1::OutcomeResponse by_flat;
  status = Conclude(FlatAnswer(flat_case), &by_flat);
  ASSERT_TRUE(status.ok()) << status.error_message();

  const v1::Conclusion& k = by_embedded.case_().conclusion();
  EXPECT_EQ(by_embedded.case_().status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_EQ(k.outcome(), v1::OUTCOME_PARTIALLY_DISCLOSED);
  EXPECT_EQ(k.provided_summary(), "2021年度行政许可目录");
  EXPECT_EQ(FormatIsoDate(k.served()), "2022-03-20");
  // The default the server applies for both forms: the applicant asked
  // for the answer by post.
  EXPECT_EQ(k.service_method(), v1::SERVICE_METHOD_POSTED);
  EXPECT_FALSE(k.legal_basis().empty());
  EXPECT_EQ(k.SerializeAsString(),
            by_flat.case_().conclusion().SerializeAsString());
}

TEST_F(ConclusionRequestEndToEndTest, ErrorsNameTheFormTheClientUsed) {
  const std::string number = LogCase();
  v1::OutcomeResponse response;

  v1::ConcludeCaseRequest embedded = EmbeddedAnswer(number);
  embedded.mutable_conclusion()->clear_provided_summary();
  embedded.mutable_conclusion()->clear_withheld_summary();
  grpc::Status status = Conclude(embedded, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "conclusion.provided_summary, conclusion.withheld_summary: "
            "部分公开须写明提供的信息和不予公开的信息");

  v1::ConcludeCaseRequest flat = FlatAnswer(number);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  flat.clear_provided_summary();
  flat.clear_withheld_summary();
#pragma GCC diagnostic pop
  status = Conclude(flat, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "provided_summary, withheld_summary: "
            "部分公开须写明提供的信息和不予公开的信息");

  v1::ConcludeCaseRequest both = EmbeddedAnswer(number);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  both.set_note("平铺字段");
#pragma GCC diagnostic pop
  status = Conclude(both, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "note: 与 conclusion 只能填写其一（note 已弃用，请改填 "
            "conclusion.note）");

  // Nothing was recorded by the refused calls.
  v1::GetCaseRequest get;
  get.set_number(number);
  v1::GetCaseResponse got;
  grpc::ClientContext context;
  context.AddMetadata("authorization", server_->BearerHeader());
  ASSERT_TRUE(cases_->GetCase(&context, get, &got).ok());
  EXPECT_NE(got.case_().status(), v1::CASE_STATUS_CONCLUDED);
}

}  // namespace
}  // namespace ogi
