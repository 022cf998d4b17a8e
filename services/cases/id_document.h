#ifndef OGI_SERVICES_CASES_ID_DOCUMENT_H_
#define OGI_SERVICES_CASES_ID_DOCUMENT_H_

// Checks of identity-document numbers. Pure functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "ogi/v1/case.pb.h"

namespace ogi {

// True for an 18-character resident ID number (GB 11643-1999) whose last
// character is the ISO 7064 MOD 11-2 check of the first 17 ('X' for 10,
// either case).
bool IsValidResidentIdNumber(absl::string_view number);

// The birth date a resident ID number carries in its characters 7–14
// (YYYYMMDD), or nullopt when those are not eight digits forming a real date.
absl::optional<absl::CivilDay> ResidentIdBirthDate(absl::string_view number);

// The earliest birth date a resident ID number may carry: resident ID numbers
// were first issued in 1984, to people then living; 1900-01-01 leaves room
// for every one of them.
absl::CivilDay EarliestResidentIdBirthDate();

// True for an 18-character unified social credit code (GB 32100-2015) whose
// last character is its MOD 31 check.
bool IsValidUnifiedSocialCreditCode(absl::string_view number);

// OK when `number` is plausible for `type`: checksum-verified for resident ID
// cards (whose birth date must also be a real date from
// EarliestResidentIdBirthDate() up to `today`: a valid check digit does not
// make 1990-02-30 a birthday) and credit codes; 4..40 letters, digits and '-'
// for other documents. INVALID_ARGUMENT "applicant.id_number: ..." otherwise,
// quoting at most the number's first characters.
// REQUIRES: type != ID_DOCUMENT_TYPE_UNSPECIFIED.
absl::Status ValidateIdNumber(v1::IdDocumentType type, absl::string_view number,
                              absl::CivilDay today);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_ID_DOCUMENT_H_
