#ifndef OGI_STORAGE_SQLITE_DATABASE_H_
#define OGI_STORAGE_SQLITE_DATABASE_H_

// A thin RAII face over one SQLite connection: open with ogi's durability
// settings, execute, and prepared statements cached per connection. Only
// storage/*.cc include sqlite3.h.
//
// Not thread-safe: one Database (and its Statements) is used by one thread at
// a time.

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct sqlite3;
struct sqlite3_stmt;

namespace ogi {

class Database;

// A status for SQLite result code `code`, prefixed with `what` and followed by
// the connection's message (`db` may be null: the code's generic text):
// ABORTED for a constraint, UNAVAILABLE for busy, locked, cannot-open, I/O and
// read-only errors, RESOURCE_EXHAUSTED for a full disk, DATA_LOSS for a
// corrupt file or one that is not a database, INTERNAL otherwise. For
// storage/*.cc code that drives SQLite directly (e.g. the backup).
absl::Status SqliteStatus(int code, absl::string_view what, sqlite3* db);

// A prepared statement borrowed from a Database's cache. Reset and unbound on
// destruction so the cache can hand it out again.
class Statement {
 public:
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  void BindInt(int index, int64_t value);
  void BindText(int index, absl::string_view value);
  void BindBlob(int index, absl::string_view value);
  void BindNull(int index);

  // Advances to the next row: true with a row, false when done; an error
  // status (INTERNAL, or ABORTED for a constraint) when the step fails.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows to completion.
  absl::Status Run();

  int64_t ColumnInt(int col) const;
  std::string ColumnText(int col) const;
  std::string ColumnBlob(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Database* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (creating when kReadWrite) the database at `path` (":memory:" for a
  // private in-memory database) in WAL mode with synchronous=FULL, foreign keys
  // on and a busy timeout. UNAVAILABLE when the file cannot be opened.
  // kReadWrite on a file path creates a missing file with mode 0600 and
  // refuses (FAILED_PRECONDITION) a database whose file, -wal or -shm group
  // or others may access (see storage/private_file.h).
  static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                        Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  absl::Status Exec(absl::string_view sql);

  // A cached prepared statement for `sql`. INTERNAL when it does not compile
  // (a programmer error in ogi's own SQL).
  absl::StatusOr<Statement> Prepare(const std::string& sql);

  // The single integer a query such as "PRAGMA user_version" returns.
  absl::StatusOr<int64_t> QueryInt(const std::string& sql);

  // Runs `PRAGMA integrity_check` over the whole database (it reads every
  // page: seconds for a large file). OK when SQLite reports "ok". DATA_LOSS
  // when it reports problems, or cannot check because the file is damaged or
  // not a database: one line naming the file and the first problems SQLite
  // reports (e.g. "database /srv/ogi.db fails PRAGMA integrity_check: Tree 7
  // page 12 cell 3: ...; row 9 missing from index ... (5 problems)").
  // UNAVAILABLE for an I/O error or a lock held too long.
  // REQUIRES: no statement of this connection is running.
  absl::Status CheckIntegrity();

  // False in autocommit mode, i.e. when no transaction is open (SQLite rolls a
  // transaction back by itself after some errors, such as a full disk).
  bool InTransaction() const;

  int64_t LastInsertRowId() const;
  const std::string& path() const { return path_; }

  // A status for the connection's last error, prefixed with `what`.
  absl::Status Error(absl::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_DATABASE_H_
