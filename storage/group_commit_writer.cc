#include "storage/group_commit_writer.h"

#include <utility>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "services/common/call_cancellation.h"
#include "storage/sqlite_transaction.h"

namespace ogi {

struct GroupCommitWriter::Pending {
  explicit Pending(absl::FunctionRef<absl::Status(Database&)> f) : op(f) {}
  absl::FunctionRef<absl::Status(Database&)> op;
  // The call the operation is for (services/common/call_cancellation.h), so
  // that its long loops stop when the caller is gone; nullptr outside a call.
  const CallToken* call = CurrentCallToken();
  absl::Status status;
  absl::Notification done;
};

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<Database> db,
                                     int max_batch)
    : max_batch_(max_batch), db_(std::move(db)) {
  thread_ = std::thread([this] { Loop(); });
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

absl::Status GroupCommitWriter::Run(
    absl::FunctionRef<absl::Status(Database&)> op) {
  Pending pending(op);
  {
    absl::MutexLock lock(&mu_);
    queue_.push_back(&pending);
  }
  pending.done.WaitForNotification();
  return pending.status;
}

void GroupCommitWriter::Loop() {
  while (true) {
    std::deque<Pending*> batch;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](GroupCommitWriter* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->mu_) {
            return !w->queue_.empty() || w->stopping_;
          },
          this));
      if (queue_.empty()) return;  // stopping, and nothing left to do
      while (!queue_.empty() && static_cast<int>(batch.size()) < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
    for (Pending* p : batch) p->done.Notify();
  }
}

void GroupCommitWriter::CommitBatch(const std::deque<Pending*>& batch) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*db_, SqliteTransaction::Kind::kImmediate);
  if (!transaction.ok()) {
    for (Pending* p : batch) p->status = transaction.status();
    return;
  }
  for (Pending* p : batch) {
    // After some errors SQLite rolls the whole transaction back by itself;
    // running further operations would then autocommit them one by one.
    if (!db_->InTransaction()) {
      p->status = absl::AbortedError("事务因先前的错误已回滚");
      continue;
    }
    // A caller gone before its turn never has its write started; one gone
    // while it runs sees it at its next CheckCallAlive() and is rolled back
    // alone, like any failing operation.
    if (p->call != nullptr) {
      p->status = p->call->Check(absl::Now());
      if (!p->status.ok()) continue;
    }
    const ScopedCallToken in_call(p->call);
    absl::StatusOr<SqliteSavepoint> savepoint =
        SqliteSavepoint::Begin(*db_, "op");
    if (!savepoint.ok()) {
      p->status = savepoint.status();
      continue;
    }
    p->status = p->op(*db_);
    // A failing operation's savepoint is rolled back as it goes out of scope.
    if (p->status.ok()) savepoint->Release().IgnoreError();
  }
  const absl::Status commit = transaction->Commit();
  if (!commit.ok()) {
    for (Pending* p : batch) {
      if (p->status.ok()) p->status = commit;
    }
  }
}

}  // namespace ogi
