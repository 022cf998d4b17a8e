#ifndef OGI_SERVICES_COMMON_CALL_CANCELLATION_H_
#define OGI_SERVICES_COMMON_CALL_CANCELLATION_H_

// Whether the call a thread works for is still wanted. The gRPC edge
// (services/rpc/unary_call.h) gives each call a CallToken, cancels it when
// the client goes away, the call's deadline passes or the server shuts down,
// and installs it on the worker thread for the duration of the call's work.
// Long loops deep in the domain logic then call CheckCallAlive() and return
// its error, without a parameter threaded through every layer. Outside a call
// (tools, tests, background work) CheckCallAlive() is always OK.

#include <atomic>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace ogi {

// One call's cancellation flag and deadline. Thread-safe: Cancel() comes from
// a gRPC thread while a worker checks.
class CallToken {
 public:
  // `deadline`: when the caller stops waiting; absl::InfiniteFuture() for a
  // call without one.
  explicit CallToken(absl::Time deadline) : deadline_(deadline) {}

  CallToken(const CallToken&) = delete;
  CallToken& operator=(const CallToken&) = delete;

  // Marks the call as no longer wanted. Idempotent.
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }

  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  absl::Time deadline() const { return deadline_; }

  // OK while the call is wanted at `now`; DEADLINE_EXCEEDED "已超过调用期限"
  // once the deadline has passed (also when the call was cancelled for it);
  // otherwise CANCELLED "调用已取消" after Cancel().
  absl::Status Check(absl::Time now) const;

 private:
  const absl::Time deadline_;
  std::atomic<bool> cancelled_{false};
};

// Makes `token` the current thread's call while in scope, restoring the
// previous one (normally none) afterwards.
// REQUIRES: `token` outlives the scope; the scope ends on the thread that
// opened it.
class ScopedCallToken {
 public:
  explicit ScopedCallToken(const CallToken* token);
  ~ScopedCallToken();

  ScopedCallToken(const ScopedCallToken&) = delete;
  ScopedCallToken& operator=(const ScopedCallToken&) = delete;

 private:
  const CallToken* previous_;
};

// The current thread's call's token; nullptr outside a call. For a thread
// that works for the call on the caller's behalf (the database's writer
// thread, storage/group_commit_writer.h), which installs it with
// ScopedCallToken while it does.
const CallToken* CurrentCallToken();

// The current thread's call's Check(absl::Now()): OK outside a call and while
// the call is wanted, else CANCELLED or DEADLINE_EXCEEDED (see CallToken).
// Cheap enough for every iteration of a loop over cases.
absl::Status CheckCallAlive();

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_CALL_CANCELLATION_H_
