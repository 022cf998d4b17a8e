#ifndef OGI_SERVICES_COMMON_THREAD_POOL_H_
#define OGI_SERVICES_COMMON_THREAD_POOL_H_

// A fixed set of worker threads running queued tasks in FIFO order. The gRPC
// reactors hand blocking work (SQLite reads, waiting for a durable commit) to
// it so that no gRPC callback thread ever blocks.
//
// Thread-safe.

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace ogi {

class ThreadPool {
 public:
  // REQUIRES: threads > 0.
  explicit ThreadPool(int threads);
  // Runs every task already scheduled, then joins the threads.
  ~ThreadPool();

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task`. REQUIRES: the pool is not being destroyed.
  void Schedule(std::function<void()> task);

 private:
  void WorkLoop();

  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_THREAD_POOL_H_
