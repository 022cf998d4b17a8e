// ProceedingService through an in-process gRPC channel: routing of every RPC,
// the actor taken from the bearer token and the status codes at the edge.

#include "services/proceedings/proceeding_service.h"

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/clock_test_util.h"
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

class ProceedingServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    auto created = store_->CreateCase(
        ::ogi::testing::MakeStoredCase("default", "张三", D(2024, 8, 1)),
        ::ogi::testing::MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "王科员"));
    ASSERT_THAT(created, IsOk());
    ASSERT_EQ(created->number(), "2024-0001");
    manager_ = std::make_unique<ProceedingManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    access_ = std::make_unique<TestAccess>(store_.get(), &clock_, &pool_);
    service_ = std::make_unique<ProceedingServiceImpl>(manager_.get(),
                                                       access_->edge());
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::ProceedingService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));
  }

  void TearDown() override { server_->Shutdown(); }

  // A context carrying the token of the user shown as `actor` unless it is
  // empty.
  std::unique_ptr<grpc::ClientContext> As(const std::string& actor) {
    auto context = std::make_unique<grpc::ClientContext>();
    if (!actor.empty()) access_->SignIn(context.get(), actor);
    return context;
  }

  ManualClock clock_{::ogi::testing::BeijingAt(D(2024, 12, 31), 10)};
  ThreadPool pool_{2};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<TestAccess> access_;
  std::unique_ptr<ProceedingManager> manager_;
  std::unique_ptr<ProceedingServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::ProceedingService::Stub> stub_;
};

TEST_F(ProceedingServiceTest, AReviewAndALawsuitFromFilingToTheLists) {
  v1::ProceedingResponse response;
  v1::FileReviewRequest file;
  file.set_number("2024-0001");
  file.mutable_review()->set_organ("聊城市人民政府");
  *file.mutable_review()->mutable_filed() = ToProtoDate(D(2024, 9, 10));
  grpc::Status status = stub_->FileReview(As("李法务").get(), file, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.review().id(), "2024-0001-R1");
  EXPECT_EQ(response.case_().version(), 2);

  v1::RecordReviewProgressRequest progress;
  progress.set_id("2024-0001-R1");
  *progress.mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  status = stub_->RecordReviewProgress(As("李法务").get(), progress, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(FormatIsoDate(response.review().defence_due()), "2024-10-16");

  v1::DecideReviewRequest decide;
  decide.set_id("2024-0001-R1");
  decide.set_decision(v1::PROCEEDING_DECISION_UPHELD);
  *decide.mutable_decided() = ToProtoDate(D(2024, 10, 25));
  status = stub_->DecideReview(As("李法务").get(), decide, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.review().column(), v1::RESULT_COLUMN_UPHELD);

  v1::FileLawsuitRequest sue;
  sue.set_number("2024-0001");
  sue.mutable_lawsuit()->set_court("聊城市东昌府区人民法院");
  *sue.mutable_lawsuit()->mutable_filed() = ToProtoDate(D(2024, 11, 1));
  sue.mutable_lawsuit()->set_after_review_id("2024-0001-R1");
  status = stub_->FileLawsuit(As("李法务").get(), sue, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.lawsuit().id(), "2024-0001-L1");
  EXPECT_EQ(response.lawsuit().route(), v1::LAWSUIT_ROUTE_AFTER_REVIEW);

  v1::RecordLawsuitProgressRequest lawsuit_progress;
  lawsuit_progress.set_id("2024-0001-L1");
  lawsuit_progress.set_simplified(true);
  status = stub_->RecordLawsuitProgress(As("李法务").get(), lawsuit_progress,
                                        &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(FormatIsoDate(response.lawsuit().judgment_expected()),
            "2024-12-16");

  v1::JudgeLawsuitRequest judge;
  judge.set_id("2024-0001-L1");
  judge.set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *judge.mutable_date() = ToProtoDate(D(2024, 12, 10));
  status = stub_->JudgeLawsuit(As("李法务").get(), judge, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  v1::AppealLawsuitRequest appeal;
  appeal.set_id("2024-0001-L1");
  *appeal.mutable_filed() = ToProtoDate(D(2024, 12, 20));
  appeal.set_appellant("本机关");
  status = stub_->AppealLawsuit(As("李法务").get(), appeal, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  v1::DecideAppealRequest appeal_decided;
  appeal_decided.set_id("2024-0001-L1");
  appeal_decided.set_decision(v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
  *appeal_decided.mutable_date() = ToProtoDate(D(2024, 12, 30));
  status = stub_->DecideAppeal(As("李法务").get(), appeal_decided, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.lawsuit().column(), v1::RESULT_COLUMN_UPHELD);

  auto history = store_->ListCaseEvents("default", "2024-0001");
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->size(), 9u);
  EXPECT_EQ(history->back().actor(), "李法务");

  v1::ListReviewsResponse reviews;
  grpc::ClientContext list_context;
  access_->SignIn(&list_context);
  status = stub_->ListReviews(&list_context, {}, &reviews);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(reviews.reviews_size(), 1);
  EXPECT_EQ(reviews.reviews(0).applicant_name(), "张三");

  v1::ListLawsuitsResponse lawsuits;
  grpc::ClientContext lawsuits_context;
  access_->SignIn(&lawsuits_context);
  v1::ListProceedingsRequest open;
  open.set_open_only(true);
  status = stub_->ListLawsuits(&lawsuits_context, open, &lawsuits);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(lawsuits.lawsuits_size(), 0);  // decided on appeal
}

TEST_F(ProceedingServiceTest, ErrorsKeepTheirCode) {
  v1::ProceedingResponse response;
  v1::DecideReviewRequest decide;
  decide.set_id("2024-0001-R1");
  decide.set_decision(v1::PROCEEDING_DECISION_UPHELD);
  *decide.mutable_decided() = ToProtoDate(D(2024, 10, 25));
  grpc::Status status =
      stub_->DecideReview(As("李法务").get(), decide, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "案件 2024-0001 没有行政复议 2024-0001-R1");

  v1::AppealLawsuitRequest appeal;
  appeal.set_id("2024-0001-L1");
  status = stub_->AppealLawsuit(As("李法务").get(), appeal, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);

  v1::FileReviewRequest file;
  file.set_number("2024-0001");
  file.mutable_review()->set_organ("聊城市人民政府");
  *file.mutable_review()->mutable_filed() = ToProtoDate(D(2024, 7, 1));
  status = stub_->FileReview(As("李法务").get(), file, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(),
              HasSubstr("早于案件 2024-0001 的收到申请日期"));

  v1::ListProceedingsRequest bad;
  *bad.mutable_filed_from() = ToProtoDate(D(2024, 2, 1));
  *bad.mutable_filed_to() = ToProtoDate(D(2024, 1, 1));
  v1::ListReviewsResponse reviews;
  grpc::ClientContext context;
  access_->SignIn(&context);
  status = stub_->ListReviews(&context, bad, &reviews);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

// Each changing RPC passes the edge: without a token each is refused as
// unauthenticated; signed in, it reaches the manager, where an empty request
// names its case number or id.
TEST_F(ProceedingServiceTest, EveryRpcIsRouted) {
  using Call = std::function<grpc::Status(grpc::ClientContext*)>;
  v1::ProceedingResponse r;
  const std::vector<std::pair<const char*, Call>> calls = {
      {"FileReview",
       [&](grpc::ClientContext* c) { return stub_->FileReview(c, {}, &r); }},
      {"RecordReviewProgress",
       [&](grpc::ClientContext* c) {
         return stub_->RecordReviewProgress(c, {}, &r);
       }},
      {"DecideReview",
       [&](grpc::ClientContext* c) { return stub_->DecideReview(c, {}, &r); }},
      {"FileLawsuit",
       [&](grpc::ClientContext* c) { return stub_->FileLawsuit(c, {}, &r); }},
      {"RecordLawsuitProgress",
       [&](grpc::ClientContext* c) {
         return stub_->RecordLawsuitProgress(c, {}, &r);
       }},
      {"JudgeLawsuit",
       [&](grpc::ClientContext* c) { return stub_->JudgeLawsuit(c, {}, &r); }},
      {"AppealLawsuit",
       [&](grpc::ClientContext* c) { return stub_->AppealLawsuit(c, {}, &r); }},
      {"DecideAppeal",
       [&](grpc::ClientContext* c) { return stub_->DecideAppeal(c, {}, &r); }},
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
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_THAT(status.error_message(),
                ::testing::AnyOf(HasSubstr("number: "), HasSubstr("id: ")))
        << name;
  }
}

}  // namespace
}  // namespace ogi
