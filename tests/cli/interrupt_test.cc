#include "cli/interrupt.h"

#include <signal.h>

#include <atomic>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

std::atomic<int> g_previous_calls{0};
extern "C" void PreviousHandler(int) { ++g_previous_calls; }

// Installs PreviousHandler for `signal_number` for the test's duration.
class PreviousHandlerScope {
 public:
  explicit PreviousHandlerScope(int signal_number)
      : signal_number_(signal_number) {
    struct sigaction action {};
    action.sa_handler = PreviousHandler;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number_, &action, &saved_);
  }
  ~PreviousHandlerScope() { sigaction(signal_number_, &saved_, nullptr); }

 private:
  int signal_number_;
  struct sigaction saved_ {};
};

TEST(ScopedInterruptHandlerTest, SignalRunsTheCallbackOnAnotherThread) {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    absl::Notification called;
    ScopedInterruptHandler handler([&called] { called.Notify(); });
    EXPECT_FALSE(handler.interrupted());
    raise(signal_number);
    // Recorded by the handler itself, before the callback runs.
    EXPECT_TRUE(handler.interrupted());
    EXPECT_TRUE(called.WaitForNotificationWithTimeout(absl::Seconds(30)))
        << signal_number;
  }
}

TEST(ScopedInterruptHandlerTest, NoSignalNoCallback) {
  bool called = false;
  {
    ScopedInterruptHandler handler([&called] { called = true; });
    EXPECT_FALSE(handler.interrupted());
  }
  EXPECT_FALSE(called);
}

TEST(ScopedInterruptHandlerTest, RestoresThePreviousHandlers) {
  PreviousHandlerScope int_scope(SIGINT);
  PreviousHandlerScope term_scope(SIGTERM);
  g_previous_calls = 0;
  {
    ScopedInterruptHandler handler([] {});
    raise(SIGINT);
    EXPECT_EQ(g_previous_calls, 0);
  }
  raise(SIGINT);
  raise(SIGTERM);
  EXPECT_EQ(g_previous_calls, 2);
}

TEST(ScopedInterruptHandlerTest, ANewInstanceStartsUninterrupted) {
  {
    ScopedInterruptHandler handler([] {});
    raise(SIGINT);
    EXPECT_TRUE(handler.interrupted());
  }
  ScopedInterruptHandler handler([] {});
  EXPECT_FALSE(handler.interrupted());
}

}  // namespace
}  // namespace ogi::cli
