#include "cli/deadline_commands.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "grpcpp/server_context.h"
#include "gtest/gtest.h"
#include "tests/cli/fake_stubs.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FakeAgencyStub;
using ::ogi::cli::testing::FakeCaseStub;
using ::ogi::cli::testing::FakeDeadlineStub;
using ::ogi::cli::testing::FakeStubs;
using ::ogi::cli::testing::kTestToken;
using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::ogi::cli::testing::MustParse;
using ::ogi::cli::testing::TestOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

v1::DeadlineAlert Alert(std::string number, std::string name,
                        v1::AlertKind kind, v1::Date due, int days_left) {
  v1::DeadlineAlert alert;
  alert.set_agency_code("lc-xzsp");
  alert.set_number(std::move(number));
  alert.set_applicant_name(std::move(name));
  alert.set_kind(kind);
  *alert.mutable_due() = due;
  alert.set_working_days_left(days_left);
  *alert.mutable_as_of() = MakeDate(2025, 10, 27);
  return alert;
}

// Most urgent first, as the server orders them.
v1::ListDeadlinesResponse SampleDeadlines() {
  v1::ListDeadlinesResponse response;
  *response.add_alerts() =
      Alert("2025-0001", "张三", v1::ALERT_KIND_ANSWER_OVERDUE,
            MakeDate(2025, 10, 24), -1);
  *response.add_alerts() =
      Alert("2025-0007", "某某律师事务所", v1::ALERT_KIND_ANSWER_DUE_TODAY,
            MakeDate(2025, 10, 27), 0);
  *response.add_alerts() =
      Alert("2025-0009", "李四", v1::ALERT_KIND_ANSWER_DUE_SOON,
            MakeDate(2025, 10, 30), 3);
  v1::DeadlineAlert lapsed =
      Alert("2025-0012", "王五", v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED,
            MakeDate(2025, 10, 20), -5);
  lapsed.set_proposal(v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED);
  *response.add_alerts() = lapsed;
  *response.mutable_as_of() = MakeDate(2025, 10, 27);
  return response;
}

std::string Spaces(size_t n) { return std::string(n, ' '); }

// --- deadlines -------------------------------------------------------------

TEST(BuildListDeadlinesRequestTest, WithinIsOptionalAndBounded) {
  absl::StatusOr<v1::ListDeadlinesRequest> request =
      BuildListDeadlinesRequest(MustParse({"deadlines"}), TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->agency_code(), "lc-xzsp");
  EXPECT_EQ(request->within_working_days(), 0);

  request = BuildListDeadlinesRequest(
      MustParse({"deadlines", "--within", "10"}), TestOptions());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->within_working_days(), 10);

  for (const char* bad : {"0", "61", "ten", ""}) {
    request = BuildListDeadlinesRequest(
        MustParse({"deadlines", "--within", bad}), TestOptions());
    ASSERT_FALSE(request.ok()) << bad;
    EXPECT_TRUE(IsUsageError(request.status()));
    EXPECT_EQ(request.status().message(),
              absl::StrCat("--within: \"", bad, "\" 不是 1 到 60 之间的整数"));
  }
}

TEST(RenderDeadlineTableTest, ColumnsOrderAndFooter) {
  std::ostringstream out;
  RenderDeadlineTable(SampleDeadlines(), false, out);
  // Column widths: 9 (numbers), 14 (某某律师事务所), 14 (申请人期限已过),
  // 10 (dates), 10 (剩余工作日).
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre(
          "编号" + Spaces(7) + "申请人" + Spaces(10) + "提醒" + Spaces(12) +
              "期限" + Spaces(8) + "剩余工作日  建议",
          "2025-0001  张三" + Spaces(12) + "答复已逾期" + Spaces(6) +
              "2025-10-24  -1",
          "2025-0007  某某律师事务所  今日到期" + Spaces(8) + "2025-10-27  0",
          "2025-0009  李四" + Spaces(12) + "即将到期" + Spaces(8) +
              "2025-10-30  3",
          "2025-0012  王五" + Spaces(12) + "申请人期限已过  2025-10-20  -5" +
              Spaces(10) + "逾期不补正，不再处理",
          "共 4 项，截至 2025-10-27"));
}

TEST(RenderDeadlineTableTest, ProvisionalDateAndEmptyList) {
  v1::ListDeadlinesResponse response = SampleDeadlines();
  response.mutable_alerts(2)->set_provisional(true);
  std::ostringstream out;
  RenderDeadlineTable(response, false, out);
  EXPECT_THAT(out.str(), HasSubstr("2025-10-30（暂定）"));
  EXPECT_THAT(out.str(), HasSubstr("\n暂定：该年调休安排尚未公布"));

  response.clear_alerts();
  out.str("");
  RenderDeadlineTable(response, false, out);
  EXPECT_EQ(out.str(), "无需提醒的案件（截至 2025-10-27）\n");
}

TEST(RenderDeadlineTableTest, ReceiptConfirmationSaysWhatToDo) {
  v1::ListDeadlinesResponse response;
  *response.mutable_as_of() = MakeDate(2026, 12, 7);
  v1::DeadlineAlert* a = response.add_alerts();
  a->set_number("2026-0004");
  a->set_applicant_name("赵六");
  a->set_kind(v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE);
  *a->mutable_due() = MakeDate(2026, 12, 3);
  a->set_working_days_left(-2);
  std::ostringstream out;
  RenderDeadlineTable(response, false, out);
  EXPECT_THAT(out.str(), HasSubstr("2026-0004  赵六"));
  EXPECT_THAT(out.str(), HasSubstr("待确认收到  2026-12-03  -2"));
  EXPECT_THAT(out.str(), HasSubstr("确认收到日期并登记"));
  EXPECT_THAT(out.str(),
              HasSubstr("\n待确认收到：答复期限自确认收到之日起算。与申请人确认"
                        "后登记：ogi case update 编号 --confirmed YYYY-MM-DD "
                        "--reason \"确认收到日期\"\n"));
  EXPECT_EQ(AlertTint(*a), Tint::kRed);
  a->set_working_days_left(1);
  EXPECT_EQ(AlertTint(*a), Tint::kYellow);
}

TEST(RenderDeadlineTableTest, OverdueRedSoonYellow) {
  std::ostringstream out;
  RenderDeadlineTable(SampleDeadlines(), true, out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_THAT(lines[0], StartsWith("\x1b[1m编号\x1b[0m"));
  EXPECT_THAT(lines[1], StartsWith("\x1b[31m2025-0001\x1b[0m  "));
  EXPECT_THAT(lines[1], HasSubstr("\x1b[31m答复已逾期\x1b[0m"));
  EXPECT_THAT(lines[2], StartsWith("\x1b[33m2025-0007\x1b[0m  "));
  EXPECT_THAT(lines[3], StartsWith("\x1b[33m2025-0009\x1b[0m  "));
  EXPECT_THAT(lines[4], StartsWith("2025-0012  "));
  EXPECT_THAT(lines[4], Not(HasSubstr("\x1b")));
}

TEST(AlertTintTest, ByKind) {
  v1::DeadlineAlert alert;
  alert.set_kind(v1::ALERT_KIND_ANSWER_OVERDUE);
  EXPECT_EQ(AlertTint(alert), Tint::kRed);
  alert.set_kind(v1::ALERT_KIND_ANSWER_DUE_TODAY);
  EXPECT_EQ(AlertTint(alert), Tint::kYellow);
  alert.set_kind(v1::ALERT_KIND_ANSWER_DUE_SOON);
  EXPECT_EQ(AlertTint(alert), Tint::kYellow);
  alert.set_kind(v1::ALERT_KIND_CORRECTION_NOTICE_DUE);
  alert.set_working_days_left(1);
  EXPECT_EQ(AlertTint(alert), Tint::kYellow);
  alert.set_working_days_left(-1);
  EXPECT_EQ(AlertTint(alert), Tint::kRed);
  alert.set_kind(v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED);
  EXPECT_EQ(AlertTint(alert), Tint::kNone);
}

class RunOgiDeadlinesTest : public ::testing::Test {
 protected:
  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return RunOgi(
        args, env_,
        [this](const GlobalOptions&) {
          return std::make_unique<FakeStubs>(&cases_, &agencies_, nullptr,
                                             &deadlines_);
        },
        out_, err_);
  }

  FakeCaseStub cases_;
  FakeAgencyStub agencies_;
  FakeDeadlineStub deadlines_;
  Environment env_;
  std::ostringstream out_, err_;
};

TEST_F(RunOgiDeadlinesTest, TableJsonAndColourRules) {
  deadlines_.list_response = SampleDeadlines();
  EXPECT_EQ(Run({"deadlines", "--within", "10", "--agency", "lc-xzsp"}), 0);
  ASSERT_EQ(deadlines_.list_requests.size(), 1u);
  EXPECT_EQ(deadlines_.list_requests[0].within_working_days(), 10);
  EXPECT_EQ(deadlines_.list_requests[0].agency_code(), "lc-xzsp");
  EXPECT_THAT(out_.str(), StartsWith("编号"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("\x1b")));

  env_.stdout_is_tty = true;
  EXPECT_EQ(Run({"deadlines"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("\x1b[31m"));
  EXPECT_EQ(Run({"deadlines", "--json"}), 0);
  EXPECT_THAT(out_.str(), Not(HasSubstr("\x1b")));
  v1::ListDeadlinesResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(out_.str(), &parsed).ok());
  EXPECT_EQ(parsed.alerts_size(), 4);
  env_.no_color = true;
  EXPECT_EQ(Run({"deadlines"}), 0);
  EXPECT_THAT(out_.str(), Not(HasSubstr("\x1b")));
}

TEST_F(RunOgiDeadlinesTest, ErrorsExitWithOneLine) {
  EXPECT_EQ(Run({"deadlines", "--within", "0"}), 2);
  EXPECT_EQ(err_.str(), "ogi: --within: \"0\" 不是 1 到 60 之间的整数\n");
  EXPECT_TRUE(deadlines_.calls.empty());
  deadlines_.error = grpc::Status(grpc::StatusCode::UNAVAILABLE, "down");
  EXPECT_EQ(Run({"deadlines"}), 1);
  EXPECT_EQ(err_.str(),
            "ogi: 无法连接服务器 127.0.0.1:50051；请确认 ogi-server 已启动、"
            "地址无误（--server 或 OGI_SERVER）（down）（UNAVAILABLE）\n");
  EXPECT_EQ(out_.str(), "");
}

// --- alert lines -----------------------------------------------------------

TEST(AlertLineTest, Fields) {
  const v1::ListDeadlinesResponse sample = SampleDeadlines();
  EXPECT_EQ(AlertLine(sample.alerts(0)),
            "2025-10-27 答复已逾期 2025-0001 张三 期限 2025-10-24 已逾期 1 "
            "个工作日");
  EXPECT_EQ(AlertLine(sample.alerts(1)),
            "2025-10-27 今日到期 2025-0007 某某律师事务所 期限 2025-10-27 "
            "今日到期");
  v1::DeadlineAlert lapsed = sample.alerts(3);
  lapsed.set_provisional(true);
  EXPECT_EQ(AlertLine(lapsed),
            "2025-10-27 申请人期限已过 2025-0012 王五 期限 2025-10-20 已逾期 "
            "5 个工作日 建议：逾期不补正，不再处理 暂定");
}

TEST(AlertLineTest, UnknownKindShowsTheMessage) {
  v1::DeadlineAlert alert = SampleDeadlines().alerts(0);
  alert.set_kind(static_cast<v1::AlertKind>(42));
  alert.set_message("2025-0001 张三：新的提醒");
  EXPECT_EQ(AlertLine(alert), "2025-10-27 2025-0001 张三：新的提醒");
}

TEST(AlertLineTest, WithoutAsOfUsesTheDayRaisedInChina) {
  v1::DeadlineAlert alert = SampleDeadlines().alerts(0);
  alert.clear_as_of();
  // 2025-10-27 17:00 UTC is already 2025-10-28 01:00 in China.
  alert.mutable_raised_at()->set_seconds(1761584400);
  EXPECT_THAT(AlertLine(alert), StartsWith("2025-10-28 答复已逾期 "));
}

// --- alerts ----------------------------------------------------------------

// A stream buffer that counts flushes.
class CountingBuf : public std::stringbuf {
 public:
  int syncs = 0;

 protected:
  int sync() override {
    ++syncs;
    return std::stringbuf::sync();
  }
};

TEST(RunAlertsTest, WatchPrintsAndFlushesEachAlertAsItArrives) {
  FakeDeadlineStub stub;
  const v1::ListDeadlinesResponse sample = SampleDeadlines();
  stub.stream_alerts = {sample.alerts(0), sample.alerts(2)};
  CountingBuf buf;
  std::ostream out(&buf);
  std::vector<std::string> seen_before_read;
  stub.on_read = [&](size_t reads) {
    seen_before_read.push_back(buf.str());
    EXPECT_EQ(buf.syncs, static_cast<int>(reads));
    return true;
  };
  const absl::Status status =
      RunAlerts(MustParse({"alerts", "--watch"}), TestOptions(), stub, out);
  ASSERT_TRUE(status.ok()) << status;
  const std::string first =
      "2025-10-27 答复已逾期 2025-0001 张三 期限 2025-10-24 已逾期 1 "
      "个工作日\n";
  const std::string second =
      "2025-10-27 即将到期 2025-0009 李四 期限 2025-10-30 剩余 3 个工作日\n";
  EXPECT_EQ(buf.str(), first + second);
  // Each line was out (and flushed) before the next alert was read.
  EXPECT_THAT(seen_before_read, ElementsAre("", first, first + second));
  EXPECT_EQ(buf.syncs, 2);
  ASSERT_EQ(stub.watch_requests.size(), 1u);
  EXPECT_EQ(stub.watch_requests[0].agency_code(), "lc-xzsp");
  EXPECT_EQ(stub.finish_calls, 1);
  // The watch has no deadline, and still says who is asking.
  ASSERT_EQ(stub.calls.size(), 1u);
  EXPECT_EQ(stub.calls[0].deadline,
            std::chrono::system_clock::time_point::max());
  EXPECT_EQ(stub.calls[0].metadata.find("authorization")->second,
            absl::StrCat("Bearer ", kTestToken));
}

TEST(RunAlertsTest, WatchJsonIsOneObjectPerLine) {
  FakeDeadlineStub stub;
  const v1::ListDeadlinesResponse sample = SampleDeadlines();
  stub.stream_alerts = {sample.alerts(0), sample.alerts(3)};
  GlobalOptions options = TestOptions();
  options.json = true;
  std::ostringstream out;
  ASSERT_TRUE(
      RunAlerts(MustParse({"alerts", "--watch"}), options, stub, out).ok());
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  for (size_t i = 0; i < lines.size(); ++i) {
    v1::DeadlineAlert parsed;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(lines[i], &parsed).ok())
        << lines[i];
    EXPECT_EQ(parsed.number(), i == 0 ? "2025-0001" : "2025-0012");
    EXPECT_THAT(lines[i], StartsWith("{\"agency_code\":\"lc-xzsp\""));
  }
}

TEST(RunAlertsTest, CtrlCEndsTheWatchSuccessfully) {
  FakeDeadlineStub stub;
  stub.stream_alerts = {SampleDeadlines().alerts(0),
                        SampleDeadlines().alerts(1)};
  // The user presses Ctrl-C while ogi waits for the second alert; the
  // cancelled call then ends CANCELLED.
  stub.on_read = [](size_t reads) {
    if (reads < 1) return true;
    raise(SIGINT);
    return false;
  };
  stub.stream_status = grpc::Status(grpc::StatusCode::CANCELLED, "Cancelled");
  std::ostringstream out;
  const absl::Status status =
      RunAlerts(MustParse({"alerts", "--watch"}), TestOptions(), stub, out);
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(Lines(out.str()).size(), 1u);
  EXPECT_EQ(stub.finish_calls, 1);
}

TEST(RunAlertsTest, CancelledByTheServerIsAnError) {
  FakeDeadlineStub stub;
  stub.stream_status = grpc::Status(grpc::StatusCode::CANCELLED, "shutdown");
  std::ostringstream out;
  const absl::Status status =
      RunAlerts(MustParse({"alerts", "--watch"}), TestOptions(), stub, out);
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(ErrorLine(status), "ogi: 已取消：shutdown（CANCELLED）");
}

TEST_F(RunOgiDeadlinesTest, WatchStreamsToStdoutAndFailsWithOneLine) {
  const v1::ListDeadlinesResponse sample = SampleDeadlines();
  deadlines_.stream_alerts = {sample.alerts(0), sample.alerts(1)};
  deadlines_.stream_status =
      grpc::Status(grpc::StatusCode::UNAVAILABLE, "Socket closed");
  std::vector<size_t> lines_before_read;
  deadlines_.on_read = [&](size_t) {
    lines_before_read.push_back(Lines(out_.str()).size());
    return true;
  };
  EXPECT_EQ(Run({"alerts", "--watch"}), 1);
  // RunOgi does not hold the stream back until the end.
  EXPECT_THAT(lines_before_read, ElementsAre(0, 1, 2));
  EXPECT_EQ(Lines(out_.str()).size(), 2u);
  EXPECT_EQ(
      err_.str(),
      "ogi: 无法连接服务器 127.0.0.1:50051；请确认 ogi-server 已启动、"
      "地址无误（--server 或 OGI_SERVER）（Socket closed）（UNAVAILABLE）\n");
  ASSERT_EQ(deadlines_.watch_requests.size(), 1u);
  // Without --agency, every agency.
  EXPECT_EQ(deadlines_.watch_requests[0].agency_code(), "");
}

TEST_F(RunOgiDeadlinesTest, AlertsWithoutWatchPrintsTheCurrentOnesOnce) {
  deadlines_.list_response = SampleDeadlines();
  EXPECT_EQ(Run({"alerts"}), 0);
  EXPECT_TRUE(deadlines_.watch_requests.empty());
  ASSERT_EQ(deadlines_.list_requests.size(), 1u);
  EXPECT_EQ(deadlines_.list_requests[0].within_working_days(), 0);
  const std::vector<std::string> lines = Lines(out_.str());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0],
            "2025-10-27 答复已逾期 2025-0001 张三 期限 2025-10-24 已逾期 1 "
            "个工作日");
  EXPECT_THAT(lines[3], StartsWith("2025-10-27 申请人期限已过 2025-0012"));
}

// --- the watch against a real gRPC server ----------------------------------

// A DeadlineService whose stream sends `alerts`, then either ends (OK) or
// presses Ctrl-C for the user once `printed` is notified and waits until the
// test releases it.
class StreamingDeadlineService final : public v1::DeadlineService::Service {
 public:
  std::vector<v1::DeadlineAlert> alerts;
  bool interrupt = false;
  absl::Notification printed;
  absl::Notification release;

  grpc::Status WatchAlerts(
      grpc::ServerContext* context, const v1::WatchAlertsRequest* request,
      grpc::ServerWriter<v1::DeadlineAlert>* writer) override {
    {
      absl::MutexLock lock(&mu_);
      deadline_ = context->deadline();
      agency_ = request->agency_code();
    }
    for (const v1::DeadlineAlert& alert : alerts) writer->Write(alert);
    if (!interrupt) return grpc::Status::OK;
    if (!printed.WaitForNotificationWithTimeout(absl::Seconds(20))) {
      return grpc::Status(grpc::StatusCode::ABORTED, "alerts not printed");
    }
    // The signal goes to this thread, not the one blocked in Read.
    raise(SIGINT);
    if (!release.WaitForNotificationWithTimeout(absl::Seconds(20))) {
      absl::MutexLock lock(&mu_);
      timed_out_ = true;
    }
    return grpc::Status::OK;
  }

  std::chrono::system_clock::time_point deadline() {
    absl::MutexLock lock(&mu_);
    return deadline_;
  }
  bool timed_out() {
    absl::MutexLock lock(&mu_);
    return timed_out_;
  }

 private:
  absl::Mutex mu_;
  std::chrono::system_clock::time_point deadline_ ABSL_GUARDED_BY(mu_);
  std::string agency_ ABSL_GUARDED_BY(mu_);
  bool timed_out_ ABSL_GUARDED_BY(mu_) = false;
};

// Notifies `printed` at the `lines`-th flush.
class NotifyingBuf : public std::stringbuf {
 public:
  NotifyingBuf(int lines, absl::Notification* printed)
      : lines_(lines), printed_(printed) {}

 protected:
  int sync() override {
    if (++syncs_ == lines_) printed_->Notify();
    return std::stringbuf::sync();
  }

 private:
  int lines_;
  int syncs_ = 0;
  absl::Notification* printed_;
};

class WatchRoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    address_ = absl::StrCat("127.0.0.1:", port_);
    const v1::ListDeadlinesResponse sample = SampleDeadlines();
    service_.alerts = {sample.alerts(0), sample.alerts(1)};
  }
  void TearDown() override {
    service_.release.Notify();
    if (server_ != nullptr) server_->Shutdown();
  }

  StreamingDeadlineService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
};

TEST_F(WatchRoundTripTest, CtrlCCancelsTheCallAndExitsZero) {
  service_.interrupt = true;
  NotifyingBuf buf(2, &service_.printed);
  std::ostream out(&buf);
  std::ostringstream err;
  const int code = RunOgi({"alerts", "--watch", "--server", address_}, {},
                          MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 0) << err.str();
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(Lines(buf.str()).size(), 2u);
  // The call ended before the server let go: it was cancelled.
  EXPECT_FALSE(service_.timed_out());
  // No deadline reached the server.
  EXPECT_GT(service_.deadline(),
            std::chrono::system_clock::now() + std::chrono::hours(24));
  // The previous (default) disposition of SIGINT is back.
  struct sigaction current {};
  ASSERT_EQ(sigaction(SIGINT, nullptr, &current), 0);
  EXPECT_EQ(current.sa_handler, SIG_DFL);
}

TEST_F(WatchRoundTripTest, ServerEndingTheStreamExitsZero) {
  std::ostringstream out, err;
  const int code = RunOgi({"alerts", "--watch", "--server", address_}, {},
                          MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 0) << err.str();
  EXPECT_THAT(Lines(out.str()),
              ElementsAre(StartsWith("2025-10-27 答复已逾期 2025-0001"),
                          StartsWith("2025-10-27 今日到期 2025-0007")));
}

TEST(WatchUnreachableTest, ExitsOneWithOneLine) {
  // Reserve a port, then free it so that nothing listens there.
  int port = 0;
  {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    socklen_t len = sizeof(addr);
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port = ntohs(addr.sin_port);
    close(fd);
  }
  const std::string address = absl::StrCat("127.0.0.1:", port);
  std::ostringstream out, err;
  const int code = RunOgi({"alerts", "--watch", "--server", address}, {},
                          MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 1);
  EXPECT_THAT(err.str(),
              StartsWith(absl::StrCat("ogi: 无法连接服务器 ", address, "；")));
  const std::string error = err.str();
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace ogi::cli
