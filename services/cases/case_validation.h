#ifndef OGI_SERVICES_CASES_CASE_VALIDATION_H_
#define OGI_SERVICES_CASES_CASE_VALIDATION_H_

// Validation of the fields staff enter for a case. Every error is
// INVALID_ARGUMENT with a message "<field path>: <rule>", e.g.
// "applicant.name: 不能为空". Pure functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "services/common/text_fields.h"

namespace ogi {

// The earliest date ogi accepts: the first Regulations took effect 2008-05-01.
absl::CivilDay EarliestAcceptedDate();

// Checks the entered fields of `c` as a whole: applicant, channel, arrival and
// confirmation dates (real dates, not after `today`, confirmation not before
// arrival and only for channels that need one), requested items, form and
// delivery. Ignores output-only fields (number, receipt date, status,
// version, timestamps). REQUIRES: agency_code is set.
absl::Status ValidateCaseFields(const v1::Case& c, absl::CivilDay today);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_VALIDATION_H_
