// ProcedureService through an in-process gRPC channel: routing of every RPC,
// the actor taken from the bearer token and the status codes at the edge.

#include "services/procedure/procedure_service.h"

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
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

class ProcedureServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "default");
    manager_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    access_ = std::make_unique<TestAccess>(store_.get(), &clock_, &pool_);
    service_ =
        std::make_unique<ProcedureServiceImpl>(manager_.get(), access_->edge());
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::ProcedureService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));

    // Received Fri 2025-09-26: answer due 2025-10-30 (20th working day;
    // 国庆节 10-01..10-08 skipped, make-up days 09-28 and 10-11 counted),
    // 2025-11-27 with a 20-day extension (40th).
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    *request.mutable_case_()->mutable_arrival_date() =
        ToProtoDate(D(2025, 9, 26));
    auto created = cases_->CreateCase(request, "王科员");
    ASSERT_THAT(created, IsOk());
    ASSERT_EQ(created->case_().number(), "2025-0001");
  }

  void TearDown() override { server_->Shutdown(); }

  v1::ExtendDeadlineRequest Extension() {
    v1::ExtendDeadlineRequest r;
    r.set_number("2025-0001");
    r.set_working_days(20);
    r.set_approver("李主任");
    *r.mutable_notified() = ToProtoDate(D(2025, 10, 23));
    return r;
  }

  // Extends as the user shown as `actor` (no token when empty).
  grpc::Status Extend(const v1::ExtendDeadlineRequest& r,
                      const std::string& actor,
                      v1::ProcedureStepResponse* response) {
    grpc::ClientContext context;
    if (!actor.empty()) access_->SignIn(&context, actor);
    return stub_->ExtendDeadline(&context, r, response);
  }

  ManualClock clock_{absl::FromCivil(absl::CivilSecond(2025, 10, 23, 10, 0, 0),
                                     ChinaTimeZone())};
  ThreadPool pool_{2};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<TestAccess> access_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> manager_;
  std::unique_ptr<ProcedureServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::ProcedureService::Stub> stub_;
};

TEST_F(ProcedureServiceTest, ExtensionRecordsTheChineseActorAndMovesTheDate) {
  v1::ProcedureStepResponse response;
  const grpc::Status status = Extend(Extension(), "李科长", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(FormatIsoDate(response.case_().deadlines().answer_due()),
            "2025-11-27");
  EXPECT_EQ(response.case_().version(), 2);

  auto events = store_->ListCaseEvents("default", "2025-0001");
  ASSERT_THAT(events, IsOk());
  ASSERT_EQ(events->size(), 2u);
  const v1::CaseEvent& e = events->back();
  EXPECT_EQ(e.type(), v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED);
  EXPECT_EQ(e.actor(), "李科长");
  ASSERT_GT(e.changes_size(), 0);
  const v1::FieldChange& moved = e.changes(e.changes_size() - 1);
  EXPECT_EQ(moved.field(), "deadlines.answer_due");
  EXPECT_EQ(moved.old_value(), "2025-10-30");
  EXPECT_EQ(moved.new_value(), "2025-11-27");
}

TEST_F(ProcedureServiceTest, ErrorsKeepTheirCode) {
  v1::ProcedureStepResponse response;
  grpc::Status status = Extend(Extension(), "", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("authorization"));

  ASSERT_TRUE(Extend(Extension(), "李科长", &response).ok());
  status = Extend(Extension(), "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("第三十三条只允许延长一次"));

  v1::ExtendDeadlineRequest unknown = Extension();
  unknown.set_number("2025-0042");
  status = Extend(unknown, "李科长", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);

  auto stored = store_->GetCase("default", "2025-0001");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->version(), 2);  // only the one extension
}

// Each RPC passes the edge: without a token each is refused as
// unauthenticated; with one, it reaches the manager, whose message names the
// missing case number.
TEST_F(ProcedureServiceTest, EveryRpcIsRouted) {
  using Call = std::function<grpc::Status(grpc::ClientContext*)>;
  v1::ProcedureStepResponse r;
  const std::vector<std::pair<const char*, Call>> calls = {
      {"SendCorrectionNotice",
       [&](grpc::ClientContext* c) {
         return stub_->SendCorrectionNotice(c, {}, &r);
       }},
      {"ReceiveSupplement",
       [&](grpc::ClientContext* c) {
         return stub_->ReceiveSupplement(c, {}, &r);
       }},
      {"SendConsultation",
       [&](grpc::ClientContext* c) {
         return stub_->SendConsultation(c, {}, &r);
       }},
      {"ReceiveConsultationReply",
       [&](grpc::ClientContext* c) {
         return stub_->ReceiveConsultationReply(c, {}, &r);
       }},
      {"IssueFeeNotice",
       [&](grpc::ClientContext* c) {
         return stub_->IssueFeeNotice(c, {}, &r);
       }},
      {"ReceiveFeePayment",
       [&](grpc::ClientContext* c) {
         return stub_->ReceiveFeePayment(c, {}, &r);
       }},
      {"ExtendDeadline",
       [&](grpc::ClientContext* c) {
         return stub_->ExtendDeadline(c, {}, &r);
       }},
      {"DeferDeadline",
       [&](grpc::ClientContext* c) { return stub_->DeferDeadline(c, {}, &r); }},
  };
  for (const auto& [name, call] : calls) {
    grpc::ClientContext context;
    const grpc::Status status = call(&context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << name;
    EXPECT_THAT(status.error_message(), HasSubstr("authorization")) << name;
  }
  // Signed in, an empty request names the case number.
  for (const auto& [name, call] : calls) {
    grpc::ClientContext context;
    access_->SignIn(&context, "clerk01");
    const grpc::Status status = call(&context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_THAT(status.error_message(), HasSubstr("number")) << name;
  }
}

}  // namespace
}  // namespace ogi
