#include "storage/sqlite_transaction.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace ogi {

absl::StatusOr<SqliteTransaction> SqliteTransaction::Begin(Database& db,
                                                           Kind kind) {
  const absl::Status begin =
      db.Exec(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!begin.ok()) return begin;
  return SqliteTransaction(&db);
}

SqliteTransaction::SqliteTransaction(SqliteTransaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

SqliteTransaction::~SqliteTransaction() {
  if (db_ != nullptr && db_->InTransaction()) {
    db_->Exec("ROLLBACK").IgnoreError();
  }
}

absl::Status SqliteTransaction::Commit() {
  Database* const db = std::exchange(db_, nullptr);
  if (db == nullptr || !db->InTransaction()) {
    return absl::AbortedError("事务已回滚");
  }
  const absl::Status commit = db->Exec("COMMIT");
  if (!commit.ok() && db->InTransaction()) db->Exec("ROLLBACK").IgnoreError();
  return commit;
}

absl::StatusOr<SqliteSavepoint> SqliteSavepoint::Begin(Database& db,
                                                       absl::string_view name) {
  const absl::Status begin = db.Exec(absl::StrCat("SAVEPOINT ", name));
  if (!begin.ok()) return begin;
  return SqliteSavepoint(&db, std::string(name));
}

SqliteSavepoint::SqliteSavepoint(SqliteSavepoint&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), name_(std::move(other.name_)) {}

SqliteSavepoint::~SqliteSavepoint() {
  if (db_ == nullptr) return;
  db_->Exec(absl::StrCat("ROLLBACK TO ", name_)).IgnoreError();
  db_->Exec(absl::StrCat("RELEASE ", name_)).IgnoreError();
}

absl::Status SqliteSavepoint::Release() {
  Database* const db = std::exchange(db_, nullptr);
  if (db == nullptr) return absl::OkStatus();
  return db->Exec(absl::StrCat("RELEASE ", name_));
}

}  // namespace ogi
