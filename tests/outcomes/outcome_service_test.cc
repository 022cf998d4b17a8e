// OutcomeService through an in-process gRPC channel: routing of every RPC,
// the actor taken from the bearer token and the status codes at the edge.

#include "services/outcomes/outcome_service.h"

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/common/test_access.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::TestAccess;
using ::testing::HasSubstr;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

class OutcomeServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "default");
    manager_ = std::make_unique<OutcomeManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    access_ = std::make_unique<TestAccess>(store_.get(), &clock_, &pool_);
    service_ =
        std::make_unique<OutcomeServiceImpl>(manager_.get(), access_->edge());
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::OutcomeService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));

    // Received Fri 2025-09-26: answer due 2025-10-30.
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    *request.mutable_case_()->mutable_arrival_date() =
        ToProtoDate(D(2025, 9, 26));
    auto created = cases_->CreateCase(request, "王科员");
    ASSERT_THAT(created, IsOk());
    ASSERT_EQ(created->case_().number(), "2025-0001");
  }

  void TearDown() override { server_->Shutdown(); }

  v1::ConcludeCaseRequest Answer() {
    v1::ConcludeCaseRequest r;
    r.set_number("2025-0001");
    r.set_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
    v1::Conclusion* k = r.mutable_conclusion();
    k->set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
    k->set_service_method(v1::SERVICE_METHOD_SIGNED_BY_ENTRUSTED);
    *k->mutable_served() = ToProtoDate(D(2025, 10, 23));
    return r;
  }

  // Concludes as the user shown as `actor` (no token when empty).
  grpc::Status Conclude(const v1::ConcludeCaseRequest& r,
                        const std::string& actor,
                        v1::OutcomeResponse* response) {
    grpc::ClientContext context;
    if (!actor.empty()) access_->SignIn(&context, actor);
    return stub_->ConcludeCase(&context, r, response);
  }

  ManualClock clock_{absl::FromCivil(absl::CivilSecond(2025, 10, 23, 10, 0, 0),
                                     ChinaTimeZone())};
  ThreadPool pool_{2};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<TestAccess> access_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<OutcomeManager> manager_;
  std::unique_ptr<OutcomeServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::OutcomeService::Stub> stub_;
};

TEST_F(OutcomeServiceTest, ConclusionRecordsTheChineseActor) {
  v1::OutcomeResponse response;
  const grpc::Status status = Conclude(Answer(), "李科长", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.case_().status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_EQ(response.case_().conclusion().outcome(),
            v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  EXPECT_EQ(response.case_().deadlines().state(), v1::CLOCK_STATE_STOPPED);

  auto events = store_->ListCaseEvents("default", "2025-0001");
  ASSERT_THAT(events, IsOk());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->back().type(), v1::CASE_EVENT_TYPE_CONCLUDED);
  EXPECT_EQ(events->back().actor(), "李科长");
}

TEST_F(OutcomeServiceTest, ErrorsKeepTheirCode) {
  v1::OutcomeResponse response;
  v1::ConcludeCaseRequest missing = Answer();
  missing.mutable_conclusion()->clear_not_held_reason();
  grpc::Status status = Conclude(missing, "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "conclusion.not_held_reason: 本机关不掌握相关政府信息须写明原因"
            "（可选值：does_not_exist, other_agency）");

  ASSERT_TRUE(Conclude(Answer(), "李科长", &response).ok());
  status = Conclude(Answer(), "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("已办结"));

  v1::ConcludeCaseRequest unknown = Answer();
  unknown.set_number("2025-0042");
  status = Conclude(unknown, "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

// Each RPC passes the edge: without a token each is refused as
// unauthenticated; signed in, it reaches the manager (the answer concludes the
// case; the empty requests are refused there for their missing number).
// Clients built from the .proto before issue 13 send the flat (deprecated)
// fields; they keep working, with the errors naming them as before.
TEST_F(OutcomeServiceTest, TheFlatFieldsOfEarlierClientsStillConclude) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  v1::ConcludeCaseRequest flat;
  flat.set_number("2025-0001");
  flat.set_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  flat.set_service_method(v1::SERVICE_METHOD_SIGNED_BY_ENTRUSTED);
  *flat.mutable_served() = ToProtoDate(D(2025, 10, 23));
  v1::OutcomeResponse response;
  grpc::Status status = Conclude(flat, "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "not_held_reason: 本机关不掌握相关政府信息须写明原因（可选值："
            "does_not_exist, other_agency）");

  // Both forms at once: refused, naming the flat field.
  v1::ConcludeCaseRequest both = Answer();
  *both.mutable_served() = ToProtoDate(D(2025, 10, 23));
  status = Conclude(both, "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "served: 与 conclusion 只能填写其一（served 已弃用，请改填 "
            "conclusion.served）");

  flat.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
#pragma GCC diagnostic pop
  status = Conclude(flat, "李科长", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const v1::Conclusion& k = response.case_().conclusion();
  EXPECT_EQ(k.outcome(), v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  EXPECT_EQ(k.not_held_reason(), v1::NOT_HELD_REASON_DOES_NOT_EXIST);
  EXPECT_EQ(k.service_method(), v1::SERVICE_METHOD_SIGNED_BY_ENTRUSTED);
  EXPECT_EQ(FormatIsoDate(k.served()), "2025-10-23");
}

TEST_F(OutcomeServiceTest, EveryRpcIsRouted) {
  using Call = std::function<grpc::Status(grpc::ClientContext*)>;
  v1::OutcomeResponse r;
  const std::vector<std::pair<const char*, Call>> calls = {
      {"ConcludeCase",
       [&](grpc::ClientContext* c) {
         return stub_->ConcludeCase(c, Answer(), &r);
       }},
      {"WithdrawCase",
       [&](grpc::ClientContext* c) {
         return stub_->WithdrawCase(c, v1::WithdrawCaseRequest(), &r);
       }},
      {"ConfirmLapse",
       [&](grpc::ClientContext* c) {
         return stub_->ConfirmLapse(c, v1::ConfirmLapseRequest(), &r);
       }},
      {"CorrectConclusion",
       [&](grpc::ClientContext* c) {
         return stub_->CorrectConclusion(c, v1::CorrectConclusionRequest(), &r);
       }},
      {"RecordReAnswer",
       [&](grpc::ClientContext* c) {
         return stub_->RecordReAnswer(c, v1::RecordReAnswerRequest(), &r);
       }},
  };
  for (const auto& [name, call] : calls) {
    grpc::ClientContext context;
    const grpc::Status status = call(&context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << name;
    EXPECT_THAT(status.error_message(), HasSubstr("authorization")) << name;
  }
  for (const auto& [name, call] : calls) {
    grpc::ClientContext context;
    access_->SignIn(&context, "clerk01");
    const grpc::Status status = call(&context);
    if (std::string(name) == "ConcludeCase") {
      EXPECT_TRUE(status.ok()) << status.error_message();
      continue;
    }
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_THAT(status.error_message(), HasSubstr("number: ")) << name;
  }
}

}  // namespace
}  // namespace ogi
