#ifndef OGI_STORAGE_SQLITE_TRANSACTION_H_
#define OGI_STORAGE_SQLITE_TRANSACTION_H_

// Scoped SQLite transactions and savepoints: the only code in storage/ that
// writes BEGIN, COMMIT, ROLLBACK, SAVEPOINT or RELEASE. Each commits only
// when asked to and undoes its work when it goes out of scope otherwise, so
// that no early return leaves a transaction open. Internal to storage/.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/sqlite_database.h"

namespace ogi {

class SqliteTransaction {
 public:
  enum class Kind {
    kDeferred,   // BEGIN: a read snapshot from the first read on
    kImmediate,  // BEGIN IMMEDIATE: takes the write lock at once
  };

  // Begins a transaction on `db`, which must outlive it. The error of BEGIN
  // (e.g. a lock held too long) when it cannot begin.
  static absl::StatusOr<SqliteTransaction> Begin(Database& db, Kind kind);

  // Rolls the transaction back unless Commit() was called (whatever it
  // returned) or SQLite has already rolled it back by itself.
  ~SqliteTransaction();

  SqliteTransaction(SqliteTransaction&& other) noexcept;
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  // Commits. ABORTED when SQLite has already rolled the transaction back (it
  // does so by itself after some errors, such as a full disk); the error of
  // COMMIT otherwise, and the transaction is then rolled back. Call at most
  // once.
  absl::Status Commit();

 private:
  explicit SqliteTransaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or moved from
};

// A savepoint inside an open transaction: its changes are kept by Release()
// and rolled back, alone, when it goes out of scope unreleased.
class SqliteSavepoint {
 public:
  // SAVEPOINT `name`. REQUIRES: `name` is an SQL identifier; `db` outlives
  // the savepoint.
  static absl::StatusOr<SqliteSavepoint> Begin(Database& db,
                                               absl::string_view name);

  // ROLLBACK TO and RELEASE the savepoint unless Release() was called.
  // Errors are ignored: they mean SQLite has already rolled back the whole
  // transaction, and the savepoint with it.
  ~SqliteSavepoint();

  SqliteSavepoint(SqliteSavepoint&& other) noexcept;
  SqliteSavepoint& operator=(SqliteSavepoint&&) = delete;
  SqliteSavepoint(const SqliteSavepoint&) = delete;
  SqliteSavepoint& operator=(const SqliteSavepoint&) = delete;

  // Keeps the savepoint's changes in the enclosing transaction (RELEASE).
  // Call at most once.
  absl::Status Release();

 private:
  SqliteSavepoint(Database* db, std::string name)
      : db_(db), name_(std::move(name)) {}
  Database* db_;  // null once released or moved from
  std::string name_;
};

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_TRANSACTION_H_
