#include "services/rpc/unary_call.h"

#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi::internal {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

// The reactors here are never bound to a gRPC call: Finish() on such a
// reactor only records the status, so the stages can be driven directly.

TEST(UnaryCallStateTest, ACallCancelledWhileQueuedNeverStartsItsWork) {
  UnaryCallReactor reactor(absl::InfiniteFuture());
  const std::shared_ptr<UnaryCallState> state = reactor.state();
  reactor.OnCancel();
  EXPECT_THAT(state->token().Check(absl::Now()),
              StatusIs(absl::StatusCode::kCancelled, "调用已取消"));
  EXPECT_FALSE(state->StartWork());
}

TEST(UnaryCallStateTest, ACallCancelledWhileRunningIsFinishedByItsWorker) {
  UnaryCallReactor reactor(absl::InfiniteFuture());
  const std::shared_ptr<UnaryCallState> state = reactor.state();
  ASSERT_TRUE(state->StartWork());
  EXPECT_THAT(state->token().Check(absl::Now()), IsOk());
  reactor.OnCancel();
  // The running work sees it at its next check...
  {
    const ScopedCallToken in_call(&state->token());
    EXPECT_THAT(CheckCallAlive(), StatusIs(absl::StatusCode::kCancelled));
  }
  // ...and its worker finishes the call; a later cancellation is a no-op.
  state->FinishWork(grpc::Status(grpc::StatusCode::CANCELLED, "调用已取消"));
  reactor.OnCancel();
  EXPECT_FALSE(state->StartWork());
}

TEST(UnaryCallStateTest, TheTokenCarriesTheCallsDeadline) {
  const absl::Time deadline = absl::Now() - absl::Milliseconds(1);
  UnaryCallReactor reactor(deadline);
  const std::shared_ptr<UnaryCallState> state = reactor.state();
  EXPECT_EQ(state->token().deadline(), deadline);
  ASSERT_TRUE(state->StartWork());
  const ScopedCallToken in_call(&state->token());
  EXPECT_THAT(CheckCallAlive(),
              StatusIs(absl::StatusCode::kDeadlineExceeded, "已超过调用期限"));
  state->FinishWork(grpc::Status::OK);
}

}  // namespace
}  // namespace ogi::internal
