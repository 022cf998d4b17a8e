#include "services/alerts/case_index.h"

#include <optional>

#include "absl/time/civil_time.h"
#include "services/common/civil_date.h"
#include "services/proceedings/open_duties.h"

namespace ogi {
namespace {

// Widens [index.proceedings_filed_from, index.proceedings_filed_until] to
// hold `filed`, when it is a calendar date.
void AddFilingDate(const v1::Date& filed, CaseIndex& index) {
  const absl::StatusOr<absl::CivilDay> day = ToCivilDay(filed, "filed");
  if (!day.ok()) return;  // unset or not a date: placed in no year
  if (!index.proceedings_filed_from || *day < *index.proceedings_filed_from) {
    index.proceedings_filed_from = *day;
  }
  if (!index.proceedings_filed_until || *day > *index.proceedings_filed_until) {
    index.proceedings_filed_until = *day;
  }
}

}  // namespace

bool DeadlinesNeedFullComputation(const v1::Case& c) {
  if (!c.has_deadlines()) return true;
  if (c.status() == v1::CASE_STATUS_PENDING_CONFIRMATION) return true;
  for (const v1::Consultation& consultation : c.procedure().consultations()) {
    if (!consultation.has_reply_received()) return true;
  }
  return c.procedure().has_fee() && !c.procedure().fee().has_paid();
}

CaseIndex IndexCase(const v1::Case& c) {
  CaseIndex index;
  index.compute_in_full = DeadlinesNeedFullComputation(c);
  index.duty_due = EarliestOpenDuty(c);
  for (const v1::Review& r : c.reviews()) AddFilingDate(r.filed(), index);
  for (const v1::Lawsuit& l : c.lawsuits()) AddFilingDate(l.filed(), index);
  return index;
}

absl::StatusOr<std::unique_ptr<SqliteCaseStore>> OpenSqliteCaseStore(
    const SqliteStoreOptions& options) {
  return SqliteCaseStore::Open(options, IndexCase);
}

}  // namespace ogi
