// What waits on the office, through the real binaries: an application whose
// receipt date awaits confirmation (listed, alerted, explained, and named by
// the report check), and a clock paused by a consultation (the card shows the
// days used and left, the date as a projection, and on the reply day the
// clock running again). ogi-server runs on a manual clock
// (--fake_clock_start), moved only through TestingClockService.SetTime.

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <memory>
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
#include "tests/common/temp_dir.h"
#include "tests/e2e/manual_clock_server.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using PendingDutiesEndToEndTest = ::ogi::testing::ManualClockServerTest;
using ::ogi::testing::Describe;
using ::ogi::testing::Watcher;

TEST_F(PendingDutiesEndToEndTest, AFaxAwaitingConfirmationIsAVisibleDuty) {
  // Tue 2026-12-01; confirmation wanted within 3 working days: 12-02, 12-03,
  // 12-04 → due Fri 12-04.
  StartServer("2026-12-01", {"--confirm_receipt_alert_days=3"});
  Watcher watcher(channel_, server_->BearerHeader());
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "赵六", "--applicant-type",
             "natural_person", "--channel", "fax", "--received", "2026-12-01",
             "--description", "2026年度城市道路维修资金使用情况"}),
      "2026-0001\n");
  EXPECT_THAT(OgiOk({"case", "show", "2026-0001"}),
              AllOf(HasSubstr("待确认收到"),
                    HasSubstr("未起算  待确认收到：应于 2026-12-04 前确认收到"
                              "日期（剩余 3 个工作日）")));

  // Listed at once, whatever the horizon, with what to do.
  const std::string listed = OgiOk({"deadlines", "--within", "1"});
  EXPECT_THAT(listed,
              AllOf(HasSubstr("2026-0001"), HasSubstr("赵六"),
                    HasSubstr("待确认收到  2026-12-04  3"),
                    HasSubstr("确认收到日期并登记"),
                    HasSubstr("ogi case update 编号 --confirmed YYYY-MM-DD")));

  // Explained: what is pending and what to do next.
  EXPECT_THAT(
      OgiOk({"case", "explain", "2026-0001"}),
      AllOf(HasSubstr("答复期限    未起算（确认收到日期后起算）"),
            HasSubstr("待确认收到  应于 2026-12-04 前确认收到日期（剩余 3 个"
                      "工作日）"),
            HasSubstr("下一步      与申请人确认收到日期后登记：ogi case "
                      "update 2026-0001 --confirmed YYYY-MM-DD"),
            HasSubstr("2026-12-01 申请到达（传真，以双方确认之日为准）；尚未"
                      "登记确认收到日期，答复期限未起算"),
            HasSubstr("本机关要求在到达后3个工作日内完成：2026-12-04")));

  // The report check names it as not yet countable (exit 3: not fit to
  // publish), instead of 所有案件均可统计 passing with the case nowhere.
  const CommandResult check = Ogi({"report", "check", "2026"});
  EXPECT_EQ(check.exit_code, 3) << check.err;
  EXPECT_THAT(check.out,
              AllOf(HasSubstr("所有案件均可统计"), HasSubstr("2026-0001"),
                    HasSubstr("待确认收到：2026-12-01 到达，尚未登记确认收到"
                              "日期")));

  // The stream alerts on the day it falls due and once more when late.
  SetDay("2026-12-03");  // 1 left: nothing
  SetDay("2026-12-04");  // due today
  SetDay("2026-12-07");  // Monday: late by one working day
  std::vector<std::string> got;
  for (const auto& a : watcher.WaitFor(2)) got.push_back(Describe(a));
  EXPECT_THAT(got, ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2026-0001 "
                               "2026-12-04 0",
                               "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2026-0001 "
                               "2026-12-04 -1"));
  EXPECT_THAT(OgiOk({"alerts"}),
              HasSubstr("待确认收到 2026-0001 赵六 期限 2026-12-04"));

  // Confirmed: the duty is gone, the answer clock runs, and the case counts.
  OgiOk({"case", "update", "2026-0001", "--confirmed", "2026-12-02", "--reason",
         "电话确认收到"});
  EXPECT_THAT(OgiOk({"deadlines", "--within", "60"}),
              AllOf(Not(HasSubstr("待确认收到")), HasSubstr("2026-0001")));
  const CommandResult confirmed = Ogi({"report", "check", "2026"});
  EXPECT_THAT(confirmed.out, Not(HasSubstr("待确认收到")));
}

TEST_F(PendingDutiesEndToEndTest, TheAlertThresholdFlagIsValidated) {
  const ::ogi::testing::TempDir tmp;
  const std::string dir = tmp.path();
  absl::StatusOr<CommandResult> run = ::ogi::testing::RunCommand(
      {::ogi::testing::ServerBinary(), "--listen=127.0.0.1:0",
       "--db=" + dir + "/ogi.db", "--confirm_receipt_alert_days=21"});
  ASSERT_THAT(run, IsOk());
  EXPECT_NE(run->exit_code, 0);
  EXPECT_THAT(run->err,
              HasSubstr("--confirm_receipt_alert_days: 应为 0 至 20 个工作日"));
}

TEST_F(PendingDutiesEndToEndTest, APausedClockShowsDaysUsedAndLeft) {
  // Received Fri 2025-09-26 (in person): 1 09-28 (make-up) 2 09-29 3 09-30
  // counted before the letter of Thu 10-09 (National Day 10-01..08 off).
  StartServer("2025-10-20");
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2025-09-26", "--description", "某路段拆迁补偿方案"}),
      "2025-0001\n");
  OgiOk({"case", "consult", "2025-0001", "--kind", "other_agency", "--party",
         "市财政局", "--sent", "2025-10-09"});
  // The window: 15 working days after 10-09 = 10-10, 10-11 (make-up),
  // 10-13..17, 10-20..24, 10-27..29 → 10-29. Projected: 4 10-30 5 10-31
  // 6..10 11-03..07 11..15 11-10..14 16..20 11-17..21 → 11-21.
  const std::string card = OgiOk({"case", "show", "2025-0001"});
  EXPECT_THAT(
      card, AllOf(HasSubstr("征求意见暂停：已用 3 个工作日，剩余 17 个工作日；"
                            "预计 2025-11-21（假定暂停持续至 2025-10-29；"
                            "提前恢复则相应提前）"),
                  Not(HasSubstr("2025-11-21（剩余"))));
  EXPECT_THAT(OgiOk({"case", "explain", "2025-0001"}),
              AllOf(HasSubstr("期限状态      征求意见暂停"),
                    HasSubstr("暂停          自 2025-10-09 起，至迟 2025-10-29 "
                              "结束")));

  // The reply comes Wed 10-22: paused 10-09..10-22 (11 working days, the
  // reply day included), so 4 10-23 5 10-24 6..10 10-27..31 11..15
  // 11-03..07 16..20 11-10..14 → 11-14. On the reply day the clock runs
  // again: 17 days left, a fixed date.
  SetDay("2025-10-22");
  OgiOk({"case", "consult-reply", "2025-0001", "--received", "2025-10-22"});
  EXPECT_THAT(OgiOk({"case", "show", "2025-0001"}),
              AllOf(HasSubstr("2025-11-14（剩余 17 个工作日）  计时中"),
                    Not(HasSubstr("暂停中")), Not(HasSubstr("预计"))));
}

}  // namespace
}  // namespace ogi
