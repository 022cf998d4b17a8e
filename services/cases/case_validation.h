#ifndef OGI_SERVICES_CASES_CASE_VALIDATION_H_
#define OGI_SERVICES_CASES_CASE_VALIDATION_H_

// Validation of the fields staff enter for a case. Every error is
// INVALID_ARGUMENT with a message "<field path>: <rule>", e.g.
// "applicant.name: must not be empty". Pure functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"

namespace ogi {

// Limits, in characters (code points).
inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxItemLength = 2000;
inline constexpr int kMaxItems = 100;
inline constexpr int kMaxAddressLength = 500;
inline constexpr int kMaxReasonLength = 2000;
inline constexpr int kMaxActorLength = 100;

// The earliest date ogi accepts: the first Regulations took effect 2008-05-01.
absl::CivilDay EarliestAcceptedDate();

// Checks the entered fields of `c` as a whole: applicant, channel, arrival and
// confirmation dates (real dates, not after `today`, confirmation not before
// arrival and only for channels that need one), requested items, form and
// delivery. Ignores output-only fields (number, receipt date, status,
// version, timestamps). REQUIRES: agency_code is set.
absl::Status ValidateCaseFields(const v1::Case& c, absl::CivilDay today);

// Checks a free-text field: not blank, at most `max_length` characters, no
// control characters except newline and tab when `multiline`.
absl::Status ValidateText(absl::string_view text, absl::string_view field,
                          int max_length, bool multiline);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_VALIDATION_H_
