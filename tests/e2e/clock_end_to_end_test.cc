// The statutory clock through the real binaries: ogi-server on a manual clock
// (--fake_clock_start), the ogi CLI for what staff do, and a gRPC watcher on
// the alert stream. Time moves only through TestingClockService.SetTime.

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

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
#include "tests/e2e/made_up_2027.h"
#include "tests/e2e/manual_clock_server.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CliBinary;
using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

using ClockEndToEndTest = ::ogi::testing::ManualClockServerTest;
using ::ogi::testing::Describe;
using ::ogi::testing::Watcher;

TEST_F(ClockEndToEndTest, WatcherReceivesExactlyTheThresholdCrossings) {
  StartServer("2025-09-26");
  Watcher watcher(channel_, server_->BearerHeader());
  // Received Fri 2025-09-26: 补正 notice due 2025-10-13, answer due 2025-10-30
  // (National Day 10-01..10-08 skipped, make-up days 09-28 and 10-11 counted).
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2025-09-26", "--description", "2025年度行政许可办理情况"}),
      "2025-0001\n");
  EXPECT_EQ(OgiOk({"calendar", "add-working-days", "2025-09-26", "20"}),
            "2025-10-30\n");

  SetDay(
      "2025-10-13");  // the 补正 notice is due today; the answer is 13 days off
  SetDay("2025-10-23");  // 5 working days left (10-24, 27, 28, 29, 30); notice
                         // late
  // The one extension, notified in time: due 2025-11-27, far away again.
  EXPECT_THAT(OgiOk({"case", "extend", "2025-0001", "--days", "20",
                     "--approver", "李主任", "--notified", "2025-10-23"}),
              HasSubstr("2025-11-27"));
  SetDay(
      "2025-11-26");  // 1 working day left: thresholds 5, 3, 1 crossed at once
  SetDay("2025-11-27");  // due today
  SetDay("2025-11-28");  // overdue
  // A sentinel that is late the moment it is logged: received Thu 2025-10-30,
  // answer due 2025-11-27, notice due 2025-11-10. Anything unexpected would
  // arrive before it.
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "李四", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2025-10-30", "--description", "道路规划图"}),
      "2025-0002\n");

  std::vector<std::string> got;
  for (const auto& a : watcher.WaitFor(8)) got.push_back(Describe(a));
  EXPECT_THAT(got,
              ::testing::ElementsAre(
                  "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0001 2025-10-13 0",
                  "ALERT_KIND_ANSWER_DUE_SOON 2025-0001 2025-10-30 5/5",
                  // (10-13, 10-23]: 10-14..17 and 10-20..23 = 8 working days.
                  "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0001 2025-10-13 -8",
                  "ALERT_KIND_ANSWER_DUE_SOON 2025-0001 2025-11-27 1/1",
                  "ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-11-27 0",
                  "ALERT_KIND_ANSWER_OVERDUE 2025-0001 2025-11-27 -1",
                  "ALERT_KIND_ANSWER_OVERDUE 2025-0002 2025-11-27 -1",
                  // (11-10, 11-28]: 14 working days.
                  "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0002 2025-11-10 -14"));

  // The on-demand list agrees, overdue first.
  const std::string list = OgiOk({"deadlines", "--within", "5"});
  EXPECT_THAT(list, AllOf(HasSubstr("2025-0001"), HasSubstr("2025-0002"),
                          HasSubstr("答复已逾期")));
  EXPECT_LT(list.find("答复已逾期"), list.find("补正通知期限"));
}

TEST_F(ClockEndToEndTest, LoadingANewYearMovesTheDueDateAndSaysWhy) {
  StartServer("2026-12-21");
  // Received Fri 2026-12-18. With no 2027 arrangement the statutory 元旦
  // (Fri 2027-01-01) is skipped and no 调休 is known: 12-21..25, 12-28..31,
  // 01-04..08, 01-11..15, 01-18 → 2027-01-18, provisional.
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2026-12-18", "--description", "2026年度财政预算执行情况"}),
      "2026-0001\n");
  EXPECT_THAT(OgiOk({"case", "explain", "2026-0001"}),
              AllOf(HasSubstr("2027-01-18"), HasSubstr("暂定")));

  // A complete 2027 arrangement whose 元旦 runs 2027-01-01..01-04.
  const std::string file =
      WriteFile("2027.json", ::ogi::testing::kComplete2027Json);
  const std::string loaded = OgiOk({"calendar", "load", file});
  EXPECT_THAT(loaded, AllOf(HasSubstr("2027"), HasSubstr("2026-0001"),
                            HasSubstr("2027-01-18"), HasSubstr("2027-01-19")));

  // Mon 01-04 no longer counts: the 20th working day is Tue 2027-01-19.
  EXPECT_THAT(OgiOk({"case", "explain", "2026-0001"}),
              AllOf(HasSubstr("2027-01-19"), Not(HasSubstr("暂定"))));
  EXPECT_THAT(OgiOk({"case", "history", "2026-0001"}),
              AllOf(HasSubstr("期限重新计算"), HasSubstr("测试用通知"),
                    HasSubstr("2027-01-18 → 2027-01-19")));
  EXPECT_THAT(OgiOk({"calendar", "show", "2027"}), HasSubstr("元旦"));

  // The loaded year survives a restart.
  ASSERT_THAT(server_->Stop(), IsOk());
  auto server = ServerProcess::Start(
      dir_ + "/ogi.db", {"--fake_clock_start=2026-12-21T10:00:00+08:00"});
  ASSERT_THAT(server, IsOk());
  server_ = std::make_unique<ServerProcess>(std::move(*server));
  EXPECT_EQ(OgiOk({"calendar", "add-working-days", "2026-12-18", "20"}),
            "2027-01-19\n");
}

}  // namespace
}  // namespace ogi
