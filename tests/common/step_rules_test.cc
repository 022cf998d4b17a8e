#include "services/common/step_rules.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using Day = absl::CivilDay;

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;
constexpr absl::StatusCode kFailed = absl::StatusCode::kFailedPrecondition;

v1::Case Received(Day receipt) {
  v1::Case c;
  c.set_number("2025-0001");
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  return c;
}

TEST(StepRulesTest, ACaseWithoutItsReceiptDateTakesNoStep) {
  v1::Case c = Received(Day(2025, 9, 26));
  EXPECT_THAT(ReceiptDay(c), IsOk());
  EXPECT_EQ(*ReceiptDay(c), Day(2025, 9, 26));
  c.clear_receipt_date();
  EXPECT_THAT(
      ReceiptDay(c),
      StatusIs(kFailed, "案件 2025-0001 尚无收到申请日期（待确认收到）"));
  c.set_number("");
  EXPECT_THAT(ReceiptDay(c), StatusIs(kFailed, HasSubstr("（未编号）")));
  EXPECT_THAT(CaseRefused(Received(Day(2025, 9, 26)), "没有收费通知"),
              StatusIs(kFailed, "案件 2025-0001 没有收费通知"));
}

TEST(StepRulesTest, APastDateIsGivenRealAndNotInTheFuture) {
  const Day today(2025, 10, 21);
  EXPECT_THAT(PastDate(false, v1::Date(), "sent", today),
              StatusIs(kInvalid, "sent: 必须填写"));
  EXPECT_THAT(PastDate(true, ToProtoDate(today + 1), "sent", today),
              StatusIs(kInvalid, "sent: 2025-10-22 晚于今天（2025-10-21）"));
  v1::Date impossible;
  impossible.set_year(2025);
  impossible.set_month(2);
  impossible.set_day(30);
  EXPECT_THAT(PastDate(true, impossible, "sent", today),
              StatusIs(kInvalid, HasSubstr("sent: ")));
  ASSERT_THAT(PastDate(true, ToProtoDate(today), "sent", today), IsOk());

  EXPECT_THAT(RequiredDate(true, ToProtoDate(today + 30), "new_due"), IsOk());
  EXPECT_THAT(RequiredDate(true, v1::Date(), "new_due"),
              StatusIs(kInvalid, "new_due: 必须填写"));
}

TEST(StepRulesTest, OptionalAndDefaultedDates) {
  const Day today(2025, 10, 21);
  absl::StatusOr<std::optional<Day>> unset =
      OptionalPastDate(false, v1::Date(), "approved", today);
  ASSERT_THAT(unset, IsOk());
  EXPECT_FALSE(unset->has_value());
  EXPECT_THAT(
      OptionalPastDate(true, ToProtoDate(today + 1), "approved", today),
      StatusIs(kInvalid, "approved: 2025-10-22 晚于今天（2025-10-21）"));

  absl::StatusOr<Day> defaulted =
      PastDateOrToday(true, v1::Date(), "withdrawn", today);
  ASSERT_THAT(defaulted, IsOk());
  EXPECT_EQ(*defaulted, today);
  EXPECT_THAT(PastDateOrToday(true, ToProtoDate(today + 1), "withdrawn", today),
              StatusIs(kInvalid, HasSubstr("withdrawn: 2025-10-22 晚于今天")));
}

TEST(StepRulesTest, NotBeforeNamesTheFieldAndTheBound) {
  EXPECT_THAT(NotBefore(Day(2025, 9, 25), Day(2025, 9, 26), "served",
                        "最后记录的步骤 procedure.fee.served"),
              StatusIs(kFailed,
                       "served: 2025-09-25 早于最后记录的步骤 "
                       "procedure.fee.served（2025-09-26）"));
  EXPECT_THAT(NotBefore(Day(2025, 9, 26), Day(2025, 9, 26), "served", "x"),
              IsOk());
  EXPECT_THAT(NotBefore(Day(2000, 1, 1), std::nullopt, "served", "x"), IsOk());
  EXPECT_THAT(NotBeforeReceipt(Day(2025, 9, 1), Day(2025, 9, 26),
                               Received(Day(2025, 9, 26)), "sent"),
              StatusIs(kFailed,
                       "sent: 2025-09-01 早于案件 2025-0001 的收到申请日期"
                       "（2025-09-26）"));
}

}  // namespace
}  // namespace ogi
