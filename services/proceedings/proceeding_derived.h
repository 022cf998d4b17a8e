#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_DERIVED_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_DERIVED_H_

// The output-only fields of a case's reviews and lawsuits, derived from their
// recorded dates, the working-day calendar and the day: due dates
// (proceeding_deadlines.h), table-四 column and route (result_column.h).
// Refreshed on every write of the case by ProceedingService and on its
// listings. Pure functions; thread-safe.

#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// Sets, as of `today` with `calendar`:
//  - each review's defence_due (from copy_received and procedure; cleared
//    while copy_received is unset), decision_expected (from accepted,
//    procedure and decision_period_extended; cleared while accepted is
//    unset), column (ReviewColumnAsOf today) and dates_provisional;
//  - each lawsuit's route, defence_due (from complaint_received; cleared
//    while unset), judgment_expected (from filed and simplified), column
//    (LawsuitColumnAsOf today) and dates_provisional.
// INVALID_ARGUMENT naming the field when a recorded date is not a calendar
// date (never so for a case written through ProceedingService); then `c` may
// be partly refreshed.
absl::Status RefreshProceedings(v1::Case& c, absl::CivilDay today,
                                const WorkingCalendar& calendar);

// The derived fields that differ between `before` and `after`, matched by
// review and lawsuit id (one only in `after` is compared with unset values):
// defence_due, decision_expected, judgment_expected, column and route, named
// as ProceedingFieldPath does, values in canonical text (ISO dates, enum
// identifiers). dates_provisional is not listed.
std::vector<v1::FieldChange> DiffDerivedProceedingFields(const v1::Case& before,
                                                         const v1::Case& after);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_DERIVED_H_
