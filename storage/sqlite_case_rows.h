#ifndef OGI_STORAGE_SQLITE_CASE_ROWS_H_
#define OGI_STORAGE_SQLITE_CASE_ROWS_H_

// Reading and writing rows of the `cases` table and their history events.
// A case row holds the record (payload) and columns copied or derived from
// it, each named once, in kCaseColumns (sqlite_case_rows.cc), from which the
// INSERT and UPDATE statements and their bind positions are built. Internal
// to storage/.

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "storage/case_store.h"
#include "storage/sqlite_database.h"

namespace ogi {

// A stored case and its row id.
struct CaseRow {
  int64_t id = 0;
  v1::Case c;
};

// The case `number` of agency `agency_code`. NOT_FOUND for an unknown agency
// or case; DATA_LOSS when its record does not parse.
absl::StatusOr<CaseRow> FindCase(Database& db, absl::string_view agency_code,
                                 absl::string_view number);

// Appends `event` to the history of the case with row id `case_id`.
absl::Status InsertEvent(Database& db, int64_t case_id,
                         const v1::CaseEvent& event);

// Rewrites every column of case row `id` from `c` and its `index`, if the row
// is still at `old_version` (else nothing changes: the writer is the only one
// to write, so it always is).
absl::Status UpdateCaseRow(Database& db, int64_t id, int64_t old_version,
                           const v1::Case& c, const CaseIndex& index);

// Stores the new case `c` of the agency with row id `agency_id` and its
// creation event: assigns the number, version 1 and the timestamps (see
// CaseStore::CreateCase), and fills in `created`. `indexer` gives the
// derived columns. Returns the case's row id.
absl::StatusOr<int64_t> InsertNewCase(Database& db, int64_t agency_id,
                                      const CaseIndexer& indexer, v1::Case& c,
                                      v1::CaseEvent& created);

}  // namespace ogi

#endif  // OGI_STORAGE_SQLITE_CASE_ROWS_H_
