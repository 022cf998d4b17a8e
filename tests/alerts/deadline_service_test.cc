// DeadlineService through an in-process gRPC channel: ListDeadlines at the
// edge and the WatchAlerts write reactor fed by the hub.

#include "services/alerts/deadline_service.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/common/test_access.h"
#include "tests/storage/store_test_util.h"

// A case received Fri 2025-09-26 has its 补正 notice due 2025-10-13 and its
// answer due 2025-10-30 (国庆节 10-01..10-08 skipped; make-up days 09-28 and
// 10-11 counted). On Mon 10-27 it has 3 working days left (10-28, 29, 30) and
// its notice is late by (10-13, 10-27] = 10 working days.

namespace ogi {
namespace {

using ::ogi::testing::DescribeAlert;
using ::ogi::testing::IsOk;
using ::ogi::testing::TestAccess;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }
absl::Time NineAm(Day day) { return ::ogi::testing::BeijingAt(day, 9); }

// A WatchAlerts client signed in through `access` (as its default user):
// subscribed when constructed, reads on its own thread.
class Watcher {
 public:
  Watcher(v1::DeadlineService::Stub* stub, TestAccess* access,
          const std::string& agency) {
    access->SignIn(&context_);
    v1::WatchAlertsRequest request;
    request.set_agency_code(agency);
    reader_ = stub->WatchAlerts(&context_, request);
    // The server sends initial metadata once the watcher is subscribed.
    reader_->WaitForInitialMetadata();
    thread_ = std::thread([this] {
      v1::DeadlineAlert alert;
      while (reader_->Read(&alert)) {
        absl::MutexLock lock(&mu_);
        alerts_.push_back(DescribeAlert(alert));
      }
      const grpc::Status status = reader_->Finish();
      absl::MutexLock lock(&mu_);
      finished_ = true;
      status_ = status;
    });
  }

  ~Watcher() {
    context_.TryCancel();
    thread_.join();
  }

  void Cancel() { context_.TryCancel(); }

  // Waits (up to 30 s, not sleeping) until `n` alerts arrived; returns all.
  std::vector<std::string> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return alerts_.size() >= n || finished_;
    };
    mu_.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(30));
    return alerts_;
  }

  // Waits (up to 30 s) for the stream to end; returns its status.
  grpc::Status WaitForEnd() {
    absl::MutexLock lock(&mu_);
    if (!mu_.AwaitWithTimeout(absl::Condition(&finished_), absl::Seconds(30))) {
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "still open");
    }
    return status_;
  }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::DeadlineAlert>> reader_;
  absl::Mutex mu_;
  std::vector<std::string> alerts_ ABSL_GUARDED_BY(mu_);
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status status_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

class DeadlineServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    v1::Agency other;
    other.set_code("xzsp");
    other.set_name("行政审批服务局");
    // Under the default agency, so that its users may watch it too.
    other.set_supervisor_code("default");
    ASSERT_THAT(store_->UpsertAgency(other), IsOk());
    hub_ = std::make_unique<AlertHub>(store_.get(), &clock_, &case_clock_,
                                      std::vector<int>{5, 3, 1});
    ASSERT_THAT(hub_->Start(), IsOk());
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           hub_.get(), "default");
    manager_ = std::make_unique<DeadlineManager>(store_.get(), &clock_,
                                                 &case_clock_, "default");
    access_ = std::make_unique<TestAccess>(store_.get(), &clock_, &pool_);
    service_ = std::make_unique<DeadlineServiceImpl>(manager_.get(), hub_.get(),
                                                     access_->edge());
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    stub_ = v1::DeadlineService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));
  }

  void TearDown() override {
    hub_->Shutdown();  // ends the streams, which never end alone
    server_->Shutdown();
  }

  void Log(Day received, const std::string& agency) {
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    request.mutable_case_()->set_agency_code(agency);
    *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(received);
    ASSERT_THAT(cases_->CreateCase(request, "王科员"), IsOk());
  }

  ManualClock clock_{NineAm(D(2025, 10, 27))};
  ThreadPool pool_{2};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<TestAccess> access_;
  std::unique_ptr<AlertHub> hub_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<DeadlineManager> manager_;
  std::unique_ptr<DeadlineServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::DeadlineService::Stub> stub_;
};

TEST_F(DeadlineServiceTest, ListDeadlines) {
  Log(D(2025, 9, 26), "default");
  grpc::ClientContext context;
  access_->SignIn(&context);
  v1::ListDeadlinesRequest request;
  v1::ListDeadlinesResponse response;
  const grpc::Status status =
      stub_->ListDeadlines(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(FormatIsoDate(response.as_of()), "2025-10-27");
  ASSERT_EQ(response.alerts_size(), 1);
  EXPECT_EQ(DescribeAlert(response.alerts(0)),
            "ALERT_KIND_ANSWER_DUE_SOON default/2025-0001 2025-10-30 3");

  grpc::ClientContext bad_context;
  access_->SignIn(&bad_context);
  request.set_within_working_days(61);
  const grpc::Status bad =
      stub_->ListDeadlines(&bad_context, request, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), HasSubstr("within_working_days"));

  grpc::ClientContext unknown_context;
  access_->SignIn(&unknown_context);
  request.set_within_working_days(0);
  request.set_agency_code("nope");
  EXPECT_EQ(
      stub_->ListDeadlines(&unknown_context, request, &response).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

TEST_F(DeadlineServiceTest, WatchersReceiveTheirAgencysCrossingsUntilShutdown) {
  Watcher all(stub_.get(), access_.get(), "");
  Watcher xzsp(stub_.get(), access_.get(), "xzsp");
  Log(D(2025, 9, 26), "default");
  Log(D(2025, 9, 26), "xzsp");
  EXPECT_THAT(
      all.WaitFor(4),
      ElementsAre(
          "ALERT_KIND_ANSWER_DUE_SOON default/2025-0001 2025-10-30 3/3",
          "ALERT_KIND_CORRECTION_NOTICE_DUE default/2025-0001 2025-10-13 -10",
          "ALERT_KIND_ANSWER_DUE_SOON xzsp/2025-0001 2025-10-30 3/3",
          "ALERT_KIND_CORRECTION_NOTICE_DUE xzsp/2025-0001 2025-10-13 -10"));
  // The xzsp watcher saw only its own two (anything else would have come
  // first: alerts are written in the order they are raised).
  EXPECT_THAT(
      xzsp.WaitFor(2),
      ElementsAre(
          "ALERT_KIND_ANSWER_DUE_SOON xzsp/2025-0001 2025-10-30 3/3",
          "ALERT_KIND_CORRECTION_NOTICE_DUE xzsp/2025-0001 2025-10-13 -10"));

  // The next day's crossing (1 left on 10-29) reaches both.
  clock_.Set(NineAm(D(2025, 10, 29)));
  ASSERT_THAT(hub_->CheckDayRollover(), IsOk());
  EXPECT_THAT(all.WaitFor(6), ::testing::SizeIs(6));
  EXPECT_THAT(xzsp.WaitFor(3),
              ElementsAre(::testing::_, ::testing::_,
                          "ALERT_KIND_ANSWER_DUE_SOON xzsp/2025-0001 "
                          "2025-10-30 1/1"));

  hub_->Shutdown();
  EXPECT_TRUE(all.WaitForEnd().ok());
  EXPECT_TRUE(xzsp.WaitForEnd().ok());
}

TEST_F(DeadlineServiceTest, ACancelledWatcherLeavesTheOthersWorking) {
  auto gone = std::make_unique<Watcher>(stub_.get(), access_.get(), "");
  Watcher stays(stub_.get(), access_.get(), "");
  gone->Cancel();
  EXPECT_EQ(gone->WaitForEnd().error_code(), grpc::StatusCode::CANCELLED);
  gone.reset();
  Log(D(2025, 9, 26), "default");
  EXPECT_THAT(stays.WaitFor(2), ::testing::SizeIs(2));
  hub_->Shutdown();
  EXPECT_TRUE(stays.WaitForEnd().ok());
}

}  // namespace
}  // namespace ogi
