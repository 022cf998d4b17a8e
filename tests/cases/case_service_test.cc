// CaseService and AgencyService through an in-process gRPC channel: the
// adapters, the status edge and the actor taken from the bearer token.

#include "services/cases/case_service.h"

#include <grpcpp/grpcpp.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "services/agencies/agency_service.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/common/test_access.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::TestAccess;
using ::ogi::testing::ValidNewCase;
using ::testing::HasSubstr;

class CaseServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        ::ogi::testing::OpenStoreWithAgency("default", "聊城市行政审批服务局");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    manager_ = std::make_unique<CaseManager>(store_.get(), &clock_,
                                             &case_clock_, nullptr, "default");
    access_ = std::make_unique<TestAccess>(store_.get(), &clock_, &pool_);
    case_service_ =
        std::make_unique<CaseServiceImpl>(manager_.get(), access_->edge());
    agency_service_ =
        std::make_unique<AgencyServiceImpl>(store_.get(), access_->edge());
    grpc::ServerBuilder builder;
    builder.RegisterService(case_service_.get());
    builder.RegisterService(agency_service_.get());
    server_ = builder.BuildAndStart();
    auto channel = server_->InProcessChannel(grpc::ChannelArguments());
    cases_ = v1::CaseService::NewStub(channel);
    agencies_ = v1::AgencyService::NewStub(channel);
  }

  void TearDown() override { server_->Shutdown(); }

  // Creates `c` as the user shown as `actor` (no token when empty).
  grpc::Status Create(const v1::Case& c, const std::string& actor,
                      v1::CreateCaseResponse* response) {
    grpc::ClientContext context;
    if (!actor.empty()) access_->SignIn(&context, actor);
    v1::CreateCaseRequest request;
    *request.mutable_case_() = c;
    return cases_->CreateCase(&context, request, response);
  }

  ManualClock clock_{absl::FromCivil(absl::CivilSecond(2022, 3, 10, 9, 0, 0),
                                     ChinaTimeZone())};
  ThreadPool pool_{4};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<TestAccess> access_;
  std::unique_ptr<CaseManager> manager_;
  std::unique_ptr<CaseServiceImpl> case_service_;
  std::unique_ptr<AgencyServiceImpl> agency_service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::AgencyService::Stub> agencies_;
};

TEST_F(CaseServiceTest, CreateRecordsTheChineseDisplayNameOfTheTokenUser) {
  v1::CreateCaseResponse created;
  ASSERT_TRUE(Create(ValidNewCase(), "王科员", &created).ok());
  EXPECT_EQ(created.case_().number(), "2022-0001");

  grpc::ClientContext context;
  access_->SignIn(&context);
  v1::ListCaseHistoryRequest request;
  request.set_number("2022-0001");
  v1::ListCaseHistoryResponse history;
  ASSERT_TRUE(cases_->ListCaseHistory(&context, request, &history).ok());
  ASSERT_EQ(history.events_size(), 1);
  EXPECT_EQ(history.events(0).actor(), "王科员");
}

TEST_F(CaseServiceTest, AsciiDisplayNameIsRecordedToo) {
  grpc::ClientContext context;
  access_->SignIn(&context, "clerk01");
  v1::CreateCaseRequest request;
  *request.mutable_case_() = ValidNewCase();
  v1::CreateCaseResponse response;
  ASSERT_TRUE(cases_->CreateCase(&context, request, &response).ok());
  auto events = store_->ListCaseEvents("default", response.case_().number());
  ASSERT_THAT(events, IsOk());
  EXPECT_EQ((*events)[0].actor(), "clerk01");
}

TEST_F(CaseServiceTest, OldActorMetadataIsIgnored) {
  grpc::ClientContext context;
  access_->SignIn(&context, "clerk01");
  context.AddMetadata("ogi-actor", "someone-else");
  context.AddMetadata("ogi-actor-bin", "张科员");
  v1::CreateCaseRequest request;
  *request.mutable_case_() = ValidNewCase();
  v1::CreateCaseResponse response;
  ASSERT_TRUE(cases_->CreateCase(&context, request, &response).ok());
  auto events = store_->ListCaseEvents("default", response.case_().number());
  ASSERT_THAT(events, IsOk());
  EXPECT_EQ((*events)[0].actor(), "clerk01");
}

TEST_F(CaseServiceTest, ErrorsKeepTheirCodeAndFieldMessage) {
  v1::Case bad = ValidNewCase();
  bad.mutable_applicant()->set_type(v1::APPLICANT_TYPE_UNSPECIFIED);
  v1::CreateCaseResponse response;
  grpc::Status status = Create(bad, "王科员", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("applicant.type"));

  grpc::ClientContext context;
  access_->SignIn(&context);
  v1::GetCaseRequest get;
  get.set_number("2022-0042");
  v1::GetCaseResponse got;
  status = cases_->GetCase(&context, get, &got);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("2022-0042"));
}

TEST_F(CaseServiceTest, CallsWithoutATokenAreUnauthenticated) {
  v1::CreateCaseResponse response;
  grpc::Status status = Create(ValidNewCase(), "", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("authorization"));

  grpc::ClientContext context;
  v1::GetCaseRequest get;
  get.set_number("2022-0001");
  v1::GetCaseResponse got;
  EXPECT_EQ(cases_->GetCase(&context, get, &got).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(CaseServiceTest, AgenciesListTheDefault) {
  grpc::ClientContext context;
  access_->SignIn(&context);
  v1::ListAgenciesResponse response;
  ASSERT_TRUE(agencies_->ListAgencies(&context, {}, &response).ok());
  ASSERT_EQ(response.agencies_size(), 1);
  EXPECT_EQ(response.agencies(0).name(), "聊城市行政审批服务局");
  EXPECT_EQ(response.default_agency_code(), "default");

  grpc::ClientContext get_context;
  access_->SignIn(&get_context);
  v1::GetAgencyRequest request;
  request.set_code("elsewhere");
  v1::GetAgencyResponse agency;
  EXPECT_EQ(agencies_->GetAgency(&get_context, request, &agency).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace ogi
