#ifndef OGI_TESTS_E2E_MANUAL_CLOCK_SERVER_H_
#define OGI_TESTS_E2E_MANUAL_CLOCK_SERVER_H_

// End-to-end tests of the statutory clock: the real ogi-server on a manual
// clock (--fake_clock_start), moved only through TestingClockService.SetTime,
// the real `ogi` CLI for what staff do, and a gRPC watcher on the alert
// stream.

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/test/v1/testing_clock.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi::testing {

// 08:00 in Beijing on `day` ("YYYY-MM-DD").
inline absl::Time BeijingMorning(const std::string& day) {
  absl::Time t;
  std::string error;
  EXPECT_TRUE(
      absl::ParseTime(absl::RFC3339_full, day + "T08:00:00+08:00", &t, &error))
      << error;
  return t;
}

// "kind number due left[/threshold]" for compact comparison.
inline std::string Describe(const v1::DeadlineAlert& a) {
  return absl::StrCat(
      v1::AlertKind_Name(a.kind()), " ", a.number(), " ",
      FormatIsoDate(a.due()), " ", a.working_days_left(),
      a.threshold() > 0 ? absl::StrCat("/", a.threshold()) : "");
}

// A test fixture owning a server on the manual clock.
class ManualClockServerTest : public ::testing::Test {
 protected:
  // Starts the server with "today" at 10:00 in Beijing on `start_day`, plus
  // `flags`; a fresh database in a fresh directory, dir_.
  void StartServer(const std::string& start_day,
                   std::vector<std::string> flags = {}) {
    dir_ = tmp_.path();
    flags.push_back("--fake_clock_start=" + start_day + "T10:00:00+08:00");
    auto server = ServerProcess::Start(dir_ + "/ogi.db", std::move(flags));
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
  }

  // Runs `ogi <args>` against the server as clerk 王科员.
  CommandResult Ogi(std::vector<std::string> args) {
    return RunOgiCli(*server_, std::move(args));
  }

  // Expects success with nothing on stderr; returns stdout.
  std::string OgiOk(const std::vector<std::string>& args) {
    return RunOgiCliOk(*server_, args);
  }

  // Moves the server's clock to 08:00 in Beijing on `day`.
  void SetDay(const std::string& day) {
    auto stub = test::v1::TestingClockService::NewStub(channel_);
    grpc::ClientContext context;
    context.AddMetadata("authorization", server_->BearerHeader());
    test::v1::SetTimeRequest request;
    request.mutable_time()->set_seconds(
        absl::ToUnixSeconds(BeijingMorning(day)));
    test::v1::SetTimeResponse response;
    const grpc::Status status = stub->SetTime(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  // Writes `text` to a file in dir_; returns its path.
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  TempDir tmp_;  // holds dir_; outlives the server
  std::string dir_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// Collects what arrives on a WatchAlerts stream, watched with the
// "authorization" metadata value `bearer`.
class Watcher {
 public:
  Watcher(const std::shared_ptr<grpc::Channel>& channel,
          const std::string& bearer)
      : stub_(v1::DeadlineService::NewStub(channel)) {
    context_.AddMetadata("authorization", bearer);
    reader_ = stub_->WatchAlerts(&context_, v1::WatchAlertsRequest());
    // The server sends initial metadata once the watcher is subscribed.
    reader_->WaitForInitialMetadata();
    thread_ = std::thread([this] {
      v1::DeadlineAlert alert;
      while (reader_->Read(&alert)) {
        absl::MutexLock lock(&mu_);
        alerts_.push_back(alert);
      }
    });
  }

  ~Watcher() {
    context_.TryCancel();
    thread_.join();
  }

  // Waits until `n` alerts have arrived (or 30 s) and returns all so far.
  std::vector<v1::DeadlineAlert> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return alerts_.size() >= n;
    };
    mu_.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(30));
    return alerts_;
  }

 private:
  std::unique_ptr<v1::DeadlineService::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::DeadlineAlert>> reader_;
  absl::Mutex mu_;
  std::vector<v1::DeadlineAlert> alerts_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace ogi::testing

#endif  // OGI_TESTS_E2E_MANUAL_CLOCK_SERVER_H_
