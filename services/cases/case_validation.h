#ifndef OGI_SERVICES_CASES_CASE_VALIDATION_H_
#define OGI_SERVICES_CASES_CASE_VALIDATION_H_

// Validation of the fields staff enter for a case. Every problem is
// reported, not only the first: one INVALID_ARGUMENT whose message joins the
// violations "<field path>: <rule>" with "；", e.g. "applicant.name: 不能为空；
// channel: 须为以下之一：…", and whose payload lists them as a
// google.rpc.BadRequest (services/common/field_violations.h). Pure
// functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "services/common/field_violations.h"
#include "services/common/text_fields.h"

namespace ogi {

// The earliest date ogi accepts: the first Regulations took effect 2008-05-01.
absl::CivilDay EarliestAcceptedDate();

// Checks the entered fields of `c` as a whole: applicant, channel, arrival and
// confirmation dates (real dates, not after `today`, confirmation not before
// arrival and only for channels that need one), requested items, form and
// delivery. Ignores output-only fields (number, receipt date, status,
// version, timestamps). A resident ID's birth date must not be after `today`.
// Returns OK or INVALID_ARGUMENT listing every violation.
// REQUIRES: agency_code is set.
absl::Status ValidateCaseFields(const v1::Case& c, absl::CivilDay today);

// As ValidateCaseFields, adding each violation to `violations`, for callers
// that check further fields of the same request.
void CheckCaseFields(const v1::Case& c, absl::CivilDay today,
                     FieldViolations& violations);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_VALIDATION_H_
