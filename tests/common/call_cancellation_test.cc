#include "services/common/call_cancellation.h"

#include <thread>

#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

TEST(CallCancellationTest, OutsideACallEverythingIsAlive) {
  EXPECT_THAT(CheckCallAlive(), IsOk());
}

TEST(CallCancellationTest, ACancelledCallIsReportedWhileInScope) {
  CallToken token(absl::InfiniteFuture());
  {
    const ScopedCallToken in_call(&token);
    EXPECT_THAT(CheckCallAlive(), IsOk());
    token.Cancel();
    EXPECT_THAT(CheckCallAlive(),
                StatusIs(absl::StatusCode::kCancelled, "调用已取消"));
  }
  EXPECT_THAT(CheckCallAlive(), IsOk());
}

TEST(CallCancellationTest, APassedDeadlineIsReported) {
  const absl::Time deadline = absl::FromUnixSeconds(1760922000);
  CallToken token(deadline);
  EXPECT_THAT(token.Check(deadline - absl::Milliseconds(1)), IsOk());
  EXPECT_THAT(token.Check(deadline),
              StatusIs(absl::StatusCode::kDeadlineExceeded, "已超过调用期限"));
  // gRPC cancels a call whose deadline passed: the deadline is the reason.
  token.Cancel();
  EXPECT_THAT(token.Check(deadline + absl::Seconds(1)),
              StatusIs(absl::StatusCode::kDeadlineExceeded));
  EXPECT_THAT(token.Check(deadline - absl::Seconds(1)),
              StatusIs(absl::StatusCode::kCancelled));
}

TEST(CallCancellationTest, CheckCallAliveUsesTheRealTime) {
  CallToken past(absl::Now() - absl::Seconds(1));
  const ScopedCallToken in_call(&past);
  EXPECT_THAT(CheckCallAlive(), StatusIs(absl::StatusCode::kDeadlineExceeded));
}

TEST(CallCancellationTest, ScopesNestAndStayOnTheirThread) {
  CallToken outer(absl::InfiniteFuture());
  CallToken inner(absl::InfiniteFuture());
  inner.Cancel();
  const ScopedCallToken outer_scope(&outer);
  {
    const ScopedCallToken inner_scope(&inner);
    EXPECT_THAT(CheckCallAlive(), StatusIs(absl::StatusCode::kCancelled));
    absl::Status elsewhere;
    std::thread([&] { elsewhere = CheckCallAlive(); }).join();
    EXPECT_THAT(elsewhere, IsOk());
  }
  EXPECT_THAT(CheckCallAlive(), IsOk());
}

}  // namespace
}  // namespace ogi
