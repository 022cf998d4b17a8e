#ifndef OGI_STORAGE_GROUP_COMMIT_WRITER_H_
#define OGI_STORAGE_GROUP_COMMIT_WRITER_H_

// The single writer of a database, committing concurrent writes together.
//
// SQLite admits one writer at a time and a durable commit costs an fsync, so
// committing each request on its own caps throughput at the fsync rate. The
// writer thread instead takes every operation queued while the previous commit
// was syncing and runs them in ONE transaction, each inside its own savepoint:
// a failing operation is rolled back alone, the others commit together, and
// every caller is answered only after the shared commit is durable.
//
// Thread-safe: Run() may be called from any number of threads.

#include <deque>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "storage/sqlite_database.h"

namespace ogi {

class GroupCommitWriter {
 public:
  // Takes the connection and starts the writer thread. REQUIRES: max_batch > 0.
  GroupCommitWriter(std::unique_ptr<Database> db, int max_batch);
  // Finishes every queued operation, then stops the thread and closes the
  // connection.
  ~GroupCommitWriter();

  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  // Runs `op` on the writer thread inside a transaction and blocks until that
  // transaction is durably committed. Returns OK only when `op` succeeded and
  // its changes are committed; `op`'s own error (its changes rolled back); or
  // the commit's error (nothing of `op` persisted). `op` must not block on
  // other writes.
  absl::Status Run(absl::FunctionRef<absl::Status(Database&)> op);

 private:
  struct Pending;
  void Loop();
  void CommitBatch(const std::deque<Pending*>& batch);

  const int max_batch_;
  std::unique_ptr<Database> db_;  // used by the writer thread only
  absl::Mutex mu_;
  std::deque<Pending*> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace ogi

#endif  // OGI_STORAGE_GROUP_COMMIT_WRITER_H_
