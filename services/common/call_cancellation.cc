#include "services/common/call_cancellation.h"

namespace ogi {
namespace {

thread_local const CallToken* current_call = nullptr;

}  // namespace

absl::Status CallToken::Check(absl::Time now) const {
  if (now >= deadline_) {
    return absl::DeadlineExceededError("已超过调用期限");
  }
  if (cancelled()) return absl::CancelledError("调用已取消");
  return absl::OkStatus();
}

ScopedCallToken::ScopedCallToken(const CallToken* token)
    : previous_(current_call) {
  current_call = token;
}

ScopedCallToken::~ScopedCallToken() { current_call = previous_; }

const CallToken* CurrentCallToken() { return current_call; }

absl::Status CheckCallAlive() {
  if (current_call == nullptr) return absl::OkStatus();
  return current_call->Check(absl::Now());
}

}  // namespace ogi
