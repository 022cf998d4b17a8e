#ifndef OGI_CLI_INTERRUPT_H_
#define OGI_CLI_INTERRUPT_H_

// Ending an open-ended call (the alert stream) cleanly on Ctrl-C.

#include <signal.h>

#include <functional>
#include <thread>

namespace ogi::cli {

// While alive, SIGINT and SIGTERM do not end the process: the first one is
// recorded and `on_interrupt` runs on a helper thread (typically
// ClientContext::TryCancel, which a signal handler must not call itself: the
// handler only writes a byte to a pipe). A second signal while the first is
// being handled ends the process the default way, so a call that ignores the
// cancellation cannot trap the user. The destructor restores the previous
// handlers and joins the helper thread.
//
// At most one instance may exist at a time (the handler has process-wide
// state); creating a second one aborts. Construct and destroy on one thread.
class ScopedInterruptHandler {
 public:
  explicit ScopedInterruptHandler(std::function<void()> on_interrupt);
  ~ScopedInterruptHandler();

  ScopedInterruptHandler(const ScopedInterruptHandler&) = delete;
  ScopedInterruptHandler& operator=(const ScopedInterruptHandler&) = delete;

  // True once SIGINT or SIGTERM arrived. Set inside the signal handler, so it
  // is already true when `raise` returns and before `on_interrupt` runs.
  bool interrupted() const;

 private:
  std::function<void()> on_interrupt_;
  int pipe_[2] = {-1, -1};
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  std::thread thread_;
};

}  // namespace ogi::cli

#endif  // OGI_CLI_INTERRUPT_H_
