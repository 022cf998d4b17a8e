#ifndef OGI_STORAGE_SQLITE_BACKUP_H_
#define OGI_STORAGE_SQLITE_BACKUP_H_

// Online backup of an ogi database (`ogi-server backup`): SQLite's backup API
// copies the database as one consistent snapshot while a running server keeps
// writing to it.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace ogi {

// What a backup copied, read from the copy.
struct BackupSummary {
  int64_t schema_version = 0;  // PRAGMA user_version
  int64_t agencies = 0;
  int64_t cases = 0;
  int64_t case_events = 0;  // history entries
  int64_t bytes = 0;        // size of the copy
};

// Copies the ogi database at `source_path` to the new file `destination_path`
// and returns what the copy holds. The copy is the source as of one commit:
// every page is copied inside one read transaction (sqlite3_backup_step(-1)),
// so a server writing to the source in WAL mode — from this process or
// another — neither blocks the copy nor is blocked by it, and writes
// committed after the snapshot are not in the copy. The source is only read
// (PRAGMA query_only).
//
// The copy is written to a temporary file in the destination's directory
// (created readable by its owner only: it holds personal data), passes
// `PRAGMA integrity_check`, is synced, and only then appears under
// `destination_path`, never replacing a file. On failure nothing is left
// behind.
//
// INVALID_ARGUMENT for an empty path; NOT_FOUND when the source or the
// destination's directory does not exist; FAILED_PRECONDITION when
// `destination_path` already exists (also when it appears during the copy) or
// the source is not an ogi database (no `cases` table); DATA_LOSS when the
// source is not a SQLite database or the copy fails the integrity check
// (the source is damaged); UNAVAILABLE when a file cannot be read, created or
// synced, or the source stays locked. Error messages name the parameter
// ("destination_path: ...") and the file.
absl::StatusOr<BackupSummary> BackupDatabase(
    const std::string& source_path, const std::string& destination_path);

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_BACKUP_H_
