#ifndef OGI_STORAGE_SCHEMA_MIGRATIONS_H_
#define OGI_STORAGE_SCHEMA_MIGRATIONS_H_

// The database schema as an ordered list of forward migrations. The schema
// version lives in SQLite's `PRAGMA user_version`: 0 is an empty database,
// N means migrations 1..N have been applied.

#include "absl/status/status.h"
#include "storage/case_store.h"
#include "storage/sqlite_database.h"

namespace ogi {

// The version this build writes and reads.
int LatestSchemaVersion();

// Brings `db` up to `target` (default: the latest) by applying each missing
// migration in its own transaction. The migrations that add index columns
// derived from the records (CaseIndex) fill them with `indexer`, which must be
// the indexer the store is opened with. Returns FAILED_PRECONDITION when the
// database is newer than this build knows ("upgrade ogi"), or when `target` is
// older than the database; the error of a failing migration otherwise (the
// database then stays at the last version that applied completely).
absl::Status MigrateSchema(Database& db, const CaseIndexer& indexer,
                           int target = LatestSchemaVersion());

}  // namespace ogi

#endif  // OGI_STORAGE_SCHEMA_MIGRATIONS_H_
