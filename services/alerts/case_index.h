#ifndef OGI_SERVICES_ALERTS_CASE_INDEX_H_
#define OGI_SERVICES_ALERTS_CASE_INDEX_H_

// The index columns of a stored case that domain rules derive from its
// record (CaseIndex in storage/case_store.h), computed here, above storage,
// and handed to the store as its CaseIndexer. Storage stores them; it never
// derives them itself.

#include <memory>

#include "absl/status/statusor.h"
#include "ogi/v1/case.pb.h"
#include "storage/case_store.h"
#include "storage/sqlite_case_store.h"

namespace ogi {

// True when the stored deadlines of `c` cannot be brought to another day by
// calendar arithmetic alone: none are stored, or the answer clock has an open
// pause (a consultation awaiting its reply, a fee notice awaiting payment),
// since how many counted days are left while paused is not a calendar
// difference; or the case awaits receipt confirmation, whose due date
// follows the server's policy (--confirm_receipt_alert_days), which may have
// changed since the case was stored. Such a case's deadlines must be
// computed in full (as DeadlinesAsOf in services/alerts/deadline_alerts.h
// does, from the record).
bool DeadlinesNeedFullComputation(const v1::Case& c);

// The index of `c`: DeadlinesNeedFullComputation, the earliest of its open
// duties after the answer (EarliestOpenDuty in
// services/proceedings/open_duties.h), and the first and last filing dates
// of its reviews and lawsuits (a filing date that is not a calendar date
// places the case in no year). Pure; the CaseIndexer of every store.
CaseIndex IndexCase(const v1::Case& c);

// The one way the server and the tests open a SQLite store: with IndexCase
// as its indexer. Errors as SqliteCaseStore::Open.
absl::StatusOr<std::unique_ptr<SqliteCaseStore>> OpenSqliteCaseStore(
    const SqliteStoreOptions& options);

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_CASE_INDEX_H_
