// DeadlineService and the testing clock through the proto-only client: the
// deadline listing, the alert stream and moving the clock.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
using ::testing::ElementsAre;
using ::testing::HasSubstr;

void ProtoOnlyClientTest::ExerciseListDeadlines() {
  // As of Monday 2025-10-20, within 12 working days, most urgent first:
  // 2025-0001 is overdue (due 03-31); 0004 is due 11-05 with exactly 12
  // working days left. The 补正 notice duties of 0001 (due 03-12) and
  // 0004..0007 (due 10-13) lapsed unsent: nothing can be done about them any
  // more, so they are not listed. 0005 (13 left), 0003 (16; its notice was
  // sent), 0006 and 0007 need nothing yet. The unconfirmed 0002 is listed
  // whatever the horizon: its receipt confirmation was due 03-06 (the
  // default 2 working days after its arrival).
  Reply listed = Call(std::string(kDeadlineService) + ".ListDeadlines",
                      R"({"within_working_days": 12})");
  ASSERT_RPC_OK(listed);
  EXPECT_EQ(DateAt(*listed.response, "as_of"), "2025-10-20");
  std::vector<std::string> got;
  for (const Message* alert : Elements(*listed.response, "alerts")) {
    got.push_back(absl::StrCat(Value(*alert, "number"), " ",
                               Value(*alert, "kind"), " ",
                               DateAt(*alert, "due")));
    EXPECT_EQ(DateAt(*alert, "as_of"), "2025-10-20");
    EXPECT_EQ(Value(*alert, "agency_code"), "default");
  }
  EXPECT_THAT(
      got,
      ElementsAre("2025-0001 ALERT_KIND_ANSWER_OVERDUE 2025-03-31",
                  "2025-0002 ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-03-06",
                  "2025-0004 ALERT_KIND_ANSWER_DUE_SOON 2025-11-05"));
  std::vector<const Message*> alerts = Elements(*listed.response, "alerts");
  ASSERT_EQ(alerts.size(), 3u);
  alerts.erase(alerts.begin() + 1);  // the confirmation; the answers follow
  EXPECT_EQ(Value(*alerts[0], "applicant_name"), "王晓明");
  int overdue = 0;
  ASSERT_TRUE(
      absl::SimpleAtoi(Value(*alerts[0], "working_days_left"), &overdue));
  EXPECT_LT(overdue, 0);
  EXPECT_EQ(Value(*alerts[1], "working_days_left"), "12");
  EXPECT_EQ(Value(*alerts[1], "applicant_name"), "张建国");

  Reply too_far = Call(std::string(kDeadlineService) + ".ListDeadlines",
                       R"({"within_working_days": 61})");
  EXPECT_EQ(too_far.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void ProtoOnlyClientTest::ExerciseWatchAlertsAndSetTime() {
  const MethodDescriptor* watch =
      Method(std::string(kDeadlineService) + ".WatchAlerts");
  ASSERT_NE(watch, nullptr);
  ASSERT_TRUE(watch->server_streaming() && !watch->client_streaming());
  StreamingCall stream(stub(), PathOf(*watch), Tester());
  // Initial metadata means the server has subscribed this watcher.
  ASSERT_TRUE(stream.Start(RequestBytes(*watch, "{}")))
      << "WatchAlerts did not start";

  // Jump to Wednesday 2025-11-05. SetTime answers once the resulting alerts
  // are queued on the stream. Three cases cross a threshold:
  //   0003 (due 11-11): 11-06, 11-07, 11-10, 11-11 left -> within 5;
  //   0004 (due 11-05): due today;
  //   0005 (due 11-06): 1 left -> within 1.
  // 0001 was already overdue and every unsent 补正 duty already late; 0006
  // (due 11-27) and 0007 (12-31) are far off.
  const int64_t moved_to = ChinaUnixSeconds(2025, 11, 5, 9);
  Reply set = Call(std::string(kTestingClockService) + ".SetTime",
                   R"({"time": "2025-11-05T09:00:00+08:00"})", Clerk());
  ASSERT_RPC_OK(set);
  EXPECT_EQ(Value(*set.response, "time.seconds"), absl::StrCat(moved_to));

  std::map<std::string, std::unique_ptr<Message>> by_number;
  for (int i = 0; i < 3; ++i) {
    std::unique_ptr<Message> alert = ReadMessage(stream, *watch);
    ASSERT_NE(alert, nullptr) << "alert " << i + 1 << " of 3 did not arrive";
    const std::string number = Value(*alert, "number");
    EXPECT_TRUE(by_number.emplace(number, std::move(alert)).second)
        << "two alerts for " << number;
  }
  for (const char* number : {kCorrectionCase, kConsultationCase, kFeeCase}) {
    ASSERT_TRUE(by_number.count(number)) << "no alert for " << number;
    const Message& alert = *by_number[number];
    EXPECT_EQ(Value(alert, "agency_code"), "default") << number;
    EXPECT_EQ(DateAt(alert, "as_of"), "2025-11-05") << number;
    EXPECT_EQ(Value(alert, "raised_at.seconds"), absl::StrCat(moved_to))
        << number;
    EXPECT_EQ(Value(alert, "provisional"), "false") << number;
  }
  const Message& soon = *by_number[kCorrectionCase];
  EXPECT_EQ(Value(soon, "applicant_name"), "李红梅");
  EXPECT_EQ(Value(soon, "kind"), "ALERT_KIND_ANSWER_DUE_SOON");
  EXPECT_EQ(DateAt(soon, "due"), "2025-11-11");
  EXPECT_EQ(Value(soon, "working_days_left"), "4");
  EXPECT_EQ(Value(soon, "threshold"), "5");
  const Message& today = *by_number[kConsultationCase];
  EXPECT_EQ(Value(today, "kind"), "ALERT_KIND_ANSWER_DUE_TODAY");
  EXPECT_EQ(DateAt(today, "due"), "2025-11-05");
  EXPECT_EQ(Value(today, "working_days_left"), "0");
  EXPECT_THAT(Value(today, "message"), HasSubstr("今日到期"));
  const Message& last_day = *by_number[kFeeCase];
  EXPECT_EQ(Value(last_day, "kind"), "ALERT_KIND_ANSWER_DUE_SOON");
  EXPECT_EQ(DateAt(last_day, "due"), "2025-11-06");
  EXPECT_EQ(Value(last_day, "working_days_left"), "1");
  EXPECT_EQ(Value(last_day, "threshold"), "1");

  // Logging an application that is already overdue alerts at once. Received
  // Monday 2025-09-01: its 20th working day is Sunday 09-28 (a make-up day),
  // 23 working days before 11-05 (09-29..30, 10-09..11, 10-13..17, 10-20..24,
  // 10-27..31, 11-03..05); its 补正 notice was due on the 7th, 09-10, 36
  // working days before 11-05. Read next, these also show that the clock
  // move queued nothing more than the three alerts above.
  std::unique_ptr<Message> late =
      CreateInPersonCase("周敏", 9, 1, "2025年本机关信访事项办理情况");
  ASSERT_NE(late, nullptr);
  const std::string late_number = Value(*late, "number");
  EXPECT_EQ(late_number, "2025-0008");
  EXPECT_EQ(DateAt(*late, "deadlines.answer_due"), "2025-09-28");
  EXPECT_EQ(Value(*late, "deadlines.working_days_left"), "-23");

  std::unique_ptr<Message> overdue = ReadMessage(stream, *watch);
  ASSERT_NE(overdue, nullptr) << "no alert for the overdue case";
  EXPECT_EQ(Value(*overdue, "number"), late_number);
  EXPECT_EQ(Value(*overdue, "applicant_name"), "周敏");
  EXPECT_EQ(Value(*overdue, "kind"), "ALERT_KIND_ANSWER_OVERDUE");
  EXPECT_EQ(DateAt(*overdue, "due"), "2025-09-28");
  EXPECT_EQ(Value(*overdue, "working_days_left"), "-23");
  EXPECT_EQ(Value(*overdue, "threshold"), "0");
  EXPECT_EQ(DateAt(*overdue, "as_of"), "2025-11-05");
  std::unique_ptr<Message> duty = ReadMessage(stream, *watch);
  ASSERT_NE(duty, nullptr) << "no 补正 duty alert for the overdue case";
  EXPECT_EQ(Value(*duty, "number"), late_number);
  EXPECT_EQ(Value(*duty, "kind"), "ALERT_KIND_CORRECTION_NOTICE_DUE");
  EXPECT_EQ(DateAt(*duty, "due"), "2025-09-10");
  EXPECT_EQ(Value(*duty, "working_days_left"), "-36");

  // The stream never ends by itself: the client cancels it.
  EXPECT_EQ(stream.Cancel().error_code(), grpc::StatusCode::CANCELLED);
}

}  // namespace ogi::proto_only
