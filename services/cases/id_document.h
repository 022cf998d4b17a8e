#ifndef OGI_SERVICES_CASES_ID_DOCUMENT_H_
#define OGI_SERVICES_CASES_ID_DOCUMENT_H_

// Checks of identity-document numbers. Pure functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/case.pb.h"

namespace ogi {

// True for an 18-character resident ID number (GB 11643-1999) whose last
// character is the ISO 7064 MOD 11-2 check of the first 17 ('X' for 10,
// either case).
bool IsValidResidentIdNumber(absl::string_view number);

// True for an 18-character unified social credit code (GB 32100-2015) whose
// last character is its MOD 31 check.
bool IsValidUnifiedSocialCreditCode(absl::string_view number);

// OK when `number` is plausible for `type`: checksum-verified for resident ID
// cards and credit codes; 4..40 letters, digits and '-' for other documents.
// INVALID_ARGUMENT "applicant.id_number: ..." otherwise.
// REQUIRES: type != ID_DOCUMENT_TYPE_UNSPECIFIED.
absl::Status ValidateIdNumber(v1::IdDocumentType type,
                              absl::string_view number);

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_ID_DOCUMENT_H_
