// Deadlines, cancellation and shutdown through the real binaries: ogi-server
// on a free loopback port with a temporary database and a manual clock
// (2025-10-20), loaded with a few thousand cases so that an annual report
// takes a while, and gRPC clients that keep its workers busy. SIGTERM with
// slow calls in flight stops the server within its grace (plus the time the
// running work takes to notice); a call whose deadline passes while it waits
// for a worker is answered DEADLINE_EXCEEDED at its deadline and its work
// never runs.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::HasSubstr;

constexpr char kFakeNow[] = "--fake_clock_start=2025-10-20T09:00:00+08:00";
constexpr int kCases = 3000;
constexpr int kGraceSeconds = 2;

// Slow calls started without waiting, their outcomes gathered as they end.
class CallBatch {
 public:
  ~CallBatch() { WaitAll(); }

  // A fresh context for one more call; `deadline` from now.
  grpc::ClientContext* NewCall(const std::string& bearer,
                               absl::Duration deadline) {
    absl::MutexLock lock(&mu_);
    auto& call = calls_.emplace_back(std::make_unique<Call>());
    call->context.AddMetadata("authorization", bearer);
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    ++started_;
    return &call->context;
  }
  v1::Report* LastResponse() {
    absl::MutexLock lock(&mu_);
    return &calls_.back()->report;
  }
  void Done(const grpc::Status& status) {
    absl::MutexLock lock(&mu_);
    ++(status.ok() ? ok_ : failed_);
    codes_.push_back(status.error_code());
  }
  // Blocks until at least `n` calls have ended.
  void WaitEnded(int n) {
    struct Target {
      CallBatch* batch;
      int n;
    } target{this, n};
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](Target* t) ABSL_NO_THREAD_SAFETY_ANALYSIS {
          return t->batch->ok_ + t->batch->failed_ >= t->n;
        },
        &target));
  }
  void WaitAll() { WaitEnded(started()); }
  int started() {
    absl::MutexLock lock(&mu_);
    return started_;
  }
  int ok() {
    absl::MutexLock lock(&mu_);
    return ok_;
  }
  int failed() {
    absl::MutexLock lock(&mu_);
    return failed_;
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::Report report;
  };
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Call>> calls_ ABSL_GUARDED_BY(mu_);
  std::vector<grpc::StatusCode> codes_ ABSL_GUARDED_BY(mu_);
  int started_ ABSL_GUARDED_BY(mu_) = 0;
  int ok_ ABSL_GUARDED_BY(mu_) = 0;
  int failed_ ABSL_GUARDED_BY(mu_) = 0;
};

class CallCancellationEndToEndTest : public ::testing::Test {
 protected:
  void StartServer(int worker_threads) {
    db_path_ = tmp_.File("ogi.db");
    auto server = ServerProcess::Start(
        db_path_, {kFakeNow, absl::StrCat("--worker_threads=", worker_threads),
                   absl::StrCat("--shutdown_grace_seconds=", kGraceSeconds)});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    cases_ = v1::CaseService::NewStub(channel_);
    reports_ = v1::ReportService::NewStub(channel_);
  }

  void Prepare(grpc::ClientContext& context, absl::Duration deadline) const {
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }

  static v1::CreateCaseRequest CreateRequest(const std::string& name) {
    v1::CreateCaseRequest request;
    v1::Case* c = request.mutable_case_();
    c->mutable_applicant()->set_name(name);
    c->mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
    c->set_channel(v1::CHANNEL_IN_PERSON);
    *c->mutable_arrival_date() = ToProtoDate(absl::CivilDay(2025, 3, 17));
    c->add_items()->set_description("2024年度行政许可办理情况");
    return request;
  }

  // `n` cases received this year, created by eight clients at once.
  void CreateCases(int n) {
    const absl::Time start = absl::Now();
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t) {
      clients.emplace_back([this, t, n] {
        for (int i = t; i < n; i += 8) {
          grpc::ClientContext context;
          Prepare(context, absl::Seconds(60));
          v1::CreateCaseResponse response;
          const grpc::Status status = cases_->CreateCase(
              &context, CreateRequest(absl::StrCat("申请人", i)), &response);
          ASSERT_TRUE(status.ok()) << status.error_message();
        }
      });
    }
    for (std::thread& client : clients) client.join();
    std::printf("created %d cases in %s\n", n,
                absl::FormatDuration(absl::Now() - start).c_str());
  }

  // This year's report, as a blocking call.
  absl::Duration TimeOneReport() {
    grpc::ClientContext context;
    Prepare(context, absl::Seconds(60));
    v1::GetReportRequest request;
    request.set_year(2025);
    v1::Report report;
    const absl::Time start = absl::Now();
    const grpc::Status status = reports_->GetReport(&context, request, &report);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return absl::Now() - start;
  }

  // Starts `n` reports of this year without waiting for them.
  void StartReports(CallBatch& batch, int n) {
    v1::GetReportRequest request;
    request.set_year(2025);
    for (int i = 0; i < n; ++i) {
      grpc::ClientContext* context =
          batch.NewCall(server_->BearerHeader(), absl::Seconds(120));
      reports_->async()->GetReport(
          context, &request, batch.LastResponse(),
          [&batch](grpc::Status status) { batch.Done(status); });
    }
  }

  ::ogi::testing::TempDir tmp_;  // holds db_path_; outlives the server
  std::string db_path_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
};

TEST_F(CallCancellationEndToEndTest,
       ShutdownEndsWithinItsGraceWhateverIsQueued) {
  StartServer(/*worker_threads=*/2);
  CreateCases(kCases);
  const absl::Duration one = TimeOneReport();
  // Enough reports to keep both workers busy for half a minute, as many
  // clients asking at once would: drained one by one, the shutdown would
  // take that long.
  const int n = static_cast<int>(
      std::min<int64_t>(10000, absl::Seconds(30) * 2 / one + 4));
  std::printf("one report of %d cases: %s; starting %d at once\n", kCases,
              absl::FormatDuration(one).c_str(), n);
  CallBatch batch;
  StartReports(batch, n);
  batch.WaitEnded(1);  // the workers are at it

  const int in_flight = n - batch.ok() - batch.failed();
  const absl::Time signalled = absl::Now();
  absl::StatusOr<int> exit_code = server_->Stop(absl::Seconds(60));
  const absl::Duration took = absl::Now() - signalled;
  std::printf(
      "SIGTERM with %d reports in flight: stopped after %s "
      "(--shutdown_grace_seconds=%d)\n",
      in_flight, absl::FormatDuration(took).c_str(), kGraceSeconds);
  EXPECT_GT(in_flight, n / 2);
  ASSERT_THAT(exit_code, IsOk());
  EXPECT_EQ(*exit_code, 0) << server_->Log();
  EXPECT_LT(took, absl::Seconds(kGraceSeconds + 3));
  EXPECT_THAT(server_->Log(), HasSubstr("database closed cleanly"));
  batch.WaitAll();
  std::printf("%d reports answered, %d cancelled or refused\n", batch.ok(),
              batch.failed());
  EXPECT_GT(batch.failed(), 0);

  // The database opens again and holds every case.
  auto again = ServerProcess::Start(db_path_, {kFakeNow});
  ASSERT_THAT(again, IsOk());
  server_ = std::make_unique<ServerProcess>(std::move(*again));
  cases_ = v1::CaseService::NewStub(grpc::CreateChannel(
      server_->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  Prepare(context, absl::Seconds(30));
  v1::GetCaseRequest get;
  get.set_number(absl::StrCat("2025-", kCases));
  v1::GetCaseResponse got;
  const grpc::Status status = cases_->GetCase(&context, get, &got);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(CallCancellationEndToEndTest,
       ACallWhoseDeadlinePassesWhileQueuedEndsThenAndNeverRuns) {
  StartServer(/*worker_threads=*/1);
  CreateCases(kCases / 3);
  const absl::Duration one = TimeOneReport();
  // The only worker is busy for at least three seconds.
  const int n = static_cast<int>(absl::Seconds(3) / one) + 3;
  CallBatch batch;
  StartReports(batch, n);
  batch.WaitEnded(1);  // the worker is at the others

  grpc::ClientContext context;
  const absl::Duration deadline = absl::Milliseconds(500);
  Prepare(context, deadline);
  v1::CreateCaseResponse created;
  const absl::Time start = absl::Now();
  const grpc::Status status =
      cases_->CreateCase(&context, CreateRequest("迟到的申请人"), &created);
  const absl::Duration took = absl::Now() - start;
  std::printf("CreateCase with a %s deadline behind %d reports: %s after %s\n",
              absl::FormatDuration(deadline).c_str(), n,
              status.error_message().c_str(),
              absl::FormatDuration(took).c_str());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(took, deadline + absl::Seconds(1));

  batch.WaitAll();
  EXPECT_EQ(batch.ok(), n);
  grpc::ClientContext list_context;
  Prepare(list_context, absl::Seconds(30));
  v1::ListCasesRequest list;
  list.set_text("迟到的申请人");
  v1::ListCasesResponse listed;
  ASSERT_TRUE(cases_->ListCases(&list_context, list, &listed).ok());
  EXPECT_EQ(listed.cases_size(), 0);
}

}  // namespace
}  // namespace ogi
