#ifndef OGI_TESTS_STORAGE_DAMAGED_DATABASE_H_
#define OGI_TESTS_STORAGE_DAMAGED_DATABASE_H_

// Damage done on purpose to a database file, for the tests of what refuses a
// damaged database (the integrity check at start-up, the backup), and an
// independent look at what `PRAGMA integrity_check` then says.
// REQUIRES for each: no other connection has `path` open.

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "storage/sqlite_database.h"

namespace ogi::testing {

// Redefines index cases_by_receipt_date in the schema (writable_schema) as an
// index on applicant_name, leaving its stored entries (receipt dates) as they
// are: integrity_check then reports every case row missing from the index.
// The file itself stays well-formed, so only a full check finds it.
inline absl::Status MismatchReceiptDateIndex(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      Database::Open(path, Database::Mode::kReadWrite);
  if (!db.ok()) return db.status();
  return (*db)->Exec(
      "PRAGMA writable_schema = ON; "
      "UPDATE sqlite_master SET sql = 'CREATE INDEX cases_by_receipt_date ON "
      "cases (agency_id, applicant_name)' WHERE name = "
      "'cases_by_receipt_date'; "
      "PRAGMA writable_schema = OFF;");
}

// Checkpoints the WAL into the file, then overwrites the root page of `table`
// with a byte pattern that is no b-tree page.
inline absl::Status OverwriteRootPage(const std::string& path,
                                      const std::string& table) {
  int64_t page_size = 0;
  int64_t root = 0;
  {
    absl::StatusOr<std::unique_ptr<Database>> db =
        Database::Open(path, Database::Mode::kReadWrite);
    if (!db.ok()) return db.status();
    absl::Status status = (*db)->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!status.ok()) return status;
    absl::StatusOr<int64_t> size = (*db)->QueryInt("PRAGMA page_size");
    if (!size.ok()) return size.status();
    page_size = *size;
    absl::StatusOr<int64_t> page = (*db)->QueryInt(absl::StrCat(
        "SELECT rootpage FROM sqlite_master WHERE name = '", table, "'"));
    if (!page.ok()) return page.status();
    root = *page;
  }  // The last connection closes: the WAL is gone, the file complete.
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp((root - 1) * page_size);
  file << std::string(static_cast<size_t>(page_size), '\xA5');
  file.close();
  if (!file) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

// What `PRAGMA integrity_check` reports first on `path` ("ok" for a sound
// file), or the error that stopped it: read here through a plain statement,
// not through Database::CheckIntegrity, to prove the damage is real.
inline std::string IntegrityCheckFirstRow(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      Database::Open(path, Database::Mode::kReadOnly);
  if (!db.ok()) return db.status().ToString();
  absl::StatusOr<Statement> stmt = (*db)->Prepare("PRAGMA integrity_check");
  if (!stmt.ok()) return stmt.status().ToString();
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status().ToString();
  return *row ? stmt->ColumnText(0) : "";
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_STORAGE_DAMAGED_DATABASE_H_
