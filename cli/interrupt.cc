#include "cli/interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <utility>

namespace ogi::cli {
namespace {

// Bytes on the pipe: a signal arrived, or the owner is being destroyed.
constexpr char kInterrupt = 'i';
constexpr char kStop = 's';

// Process-wide state read by the handler; lock-free atomics are
// async-signal-safe.
std::atomic<bool> g_active{false};
std::atomic<int> g_write_fd{-1};
std::atomic<int> g_interrupts{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void HandleInterrupt(int signal_number) {
  const int saved_errno = errno;
  if (g_interrupts.fetch_add(1) > 0) {
    // Asked again: stop waiting for the cancellation and die by the signal.
    signal(signal_number, SIG_DFL);
    raise(signal_number);
  }
  const int fd = g_write_fd.load();
  if (fd >= 0) {
    const char byte = kInterrupt;
    [[maybe_unused]] const ssize_t written = write(fd, &byte, 1);
  }
  errno = saved_errno;
}

}  // namespace

ScopedInterruptHandler::ScopedInterruptHandler(
    std::function<void()> on_interrupt)
    : on_interrupt_(std::move(on_interrupt)) {
  // Two handlers would fight over the process-wide state: a programming
  // error.
  if (g_active.exchange(true)) std::abort();
  if (pipe2(pipe_, O_CLOEXEC) != 0) std::abort();
  g_interrupts.store(0);
  g_write_fd.store(pipe_[1]);

  thread_ = std::thread([this] {
    char byte = 0;
    while (true) {
      const ssize_t n = read(pipe_[0], &byte, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0 || byte == kStop) return;
      on_interrupt_();
    }
  });

  struct sigaction action {};
  action.sa_handler = HandleInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &old_int_);
  sigaction(SIGTERM, &action, &old_term_);
}

ScopedInterruptHandler::~ScopedInterruptHandler() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  g_write_fd.store(-1);
  const char byte = kStop;
  while (write(pipe_[1], &byte, 1) < 0 && errno == EINTR) {
  }
  thread_.join();
  close(pipe_[0]);
  close(pipe_[1]);
  g_active.store(false);
}

bool ScopedInterruptHandler::interrupted() const {
  return g_interrupts.load() > 0;
}

}  // namespace ogi::cli
