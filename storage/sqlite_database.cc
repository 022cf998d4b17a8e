#include "storage/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "storage/private_file.h"

namespace ogi {
namespace {

// How long a connection waits for another connection's lock before giving up.
// Only readers can wait (there is one writer); a checkpoint holds them briefly.
constexpr int kBusyTimeoutMs = 10000;

absl::Status StatusFor(int code, absl::string_view what, sqlite3* db) {
  const std::string message =
      absl::StrCat(what, ": ", db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code & 0xFF) {
    case SQLITE_CONSTRAINT:
      return absl::AbortedError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(message);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
      return absl::UnavailableError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::DataLossError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace

absl::Status SqliteStatus(int code, absl::string_view what, sqlite3* db) {
  return StatusFor(code, what, db);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

void Statement::BindInt(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void Statement::BindText(int index, absl::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void Statement::BindBlob(int index, absl::string_view value) {
  sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

absl::StatusOr<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("step");
}

absl::Status Statement::Run() {
  absl::StatusOr<bool> row = Step();
  if (!row.ok()) return row.status();
  return absl::OkStatus();
}

int64_t Statement::ColumnInt(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::string Statement::ColumnText(int col) const {
  const auto* text = sqlite3_column_text(stmt_, col);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     sqlite3_column_bytes(stmt_, col));
}

std::string Statement::ColumnBlob(int col) const {
  const void* blob = sqlite3_column_blob(stmt_, col);
  if (blob == nullptr) return "";
  return std::string(static_cast<const char*>(blob),
                     sqlite3_column_bytes(stmt_, col));
}

bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(
    const std::string& path, Mode mode) {
  // A file ogi creates is 0600 from its first byte; an existing one that
  // group or others may read is refused before SQLite reads it.
  if (mode == Mode::kReadWrite && path != ":memory:" &&
      !absl::StartsWith(path, "file:")) {
    if (absl::Status created = CreatePrivateFileIfMissing(path);
        !created.ok()) {
      return created;
    }
    if (absl::Status private_files = CheckPrivateDatabaseFiles(path);
        !private_files.ok()) {
      return private_files;
    }
  }
  sqlite3* raw = nullptr;
  const int flags =
      (mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY
                               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status =
        StatusFor(rc, absl::StrCat("cannot open database ", path), raw);
    sqlite3_close_v2(raw);
    return status;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  std::unique_ptr<Database> db(new Database(raw, path));
  // WAL lets readers run beside the single writer; synchronous=FULL makes each
  // commit durable (fsync of the WAL) before it is acknowledged.
  if (mode == Mode::kReadWrite) {
    absl::Status status = db->Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
        "PRAGMA foreign_keys=ON;");
    // The first read of the file: e.g. "file is not a database". Name it.
    if (!status.ok()) {
      return StatusFor(sqlite3_errcode(raw),
                       absl::StrCat("cannot open database ", path), raw);
    }
  }
  return db;
}

Database::~Database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

absl::Status Database::Exec(absl::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return StatusFor(rc, absl::StrCat("exec: ", message), nullptr);
  }
  return absl::OkStatus();
}

absl::StatusOr<Statement> Database::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      return StatusFor(rc, absl::StrCat("prepare \"", sql, "\""), db_);
    }
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(this, it->second);
}

absl::StatusOr<int64_t> Database::QueryInt(const std::string& sql) {
  absl::StatusOr<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::InternalError(absl::StrCat("no row from ", sql));
  return stmt->ColumnInt(0);
}

absl::Status Database::CheckIntegrity() {
  const std::string prefix =
      absl::StrCat("database ", path_, " fails PRAGMA integrity_check: ");
  // Not cached: it runs once per connection. SQLite stops after 100 problems.
  sqlite3_stmt* stmt = nullptr;
  int rc =
      sqlite3_prepare_v2(db_, "PRAGMA integrity_check", -1, &stmt, nullptr);
  std::vector<std::string> problems;
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      std::string line =
          text == nullptr ? "" : reinterpret_cast<const char*>(text);
      if (line == "ok") continue;
      // The first problem comes as "*** in database main ***\n<problem>";
      // the caller wants one line.
      absl::string_view rest = line;
      absl::ConsumePrefix(&rest, "*** in database main ***\n");
      problems.push_back(absl::StrReplaceAll(rest, {{"\n", " "}}));
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  // Damage that stops the check itself (a malformed schema, a header that is
  // not SQLite's) is DATA_LOSS too (StatusFor); I/O errors keep their code.
  absl::Status status =
      rc == SQLITE_OK ? absl::OkStatus()
                      : StatusFor(rc, absl::StripSuffix(prefix, ": "), db_);
  sqlite3_finalize(stmt);
  if (!status.ok()) return status;
  if (problems.empty()) return absl::OkStatus();
  constexpr size_t kShown = 3;
  std::string message = absl::StrCat(
      prefix, absl::StrJoin(
                  problems.begin(),
                  problems.begin() + std::min(kShown, problems.size()), "; "));
  if (problems.size() > kShown) {
    absl::StrAppend(&message, " (", problems.size(), " problems",
                    problems.size() >= 100 ? " or more" : "", ")");
  }
  return absl::DataLossError(message);
}

bool Database::InTransaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

int64_t Database::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

absl::Status Database::Error(absl::string_view what) const {
  return StatusFor(sqlite3_errcode(db_), what, db_);
}

}  // namespace ogi
