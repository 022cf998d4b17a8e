#ifndef OGI_SERVICES_ACCESS_PERSONAL_DATA_MASK_H_
#define OGI_SERVICES_ACCESS_PERSONAL_DATA_MASK_H_

// Masking of applicants' ID and phone numbers for callers whose roles do not
// need them (Principal::SeesPersonalData). Applied by the gRPC edge to every
// response, so that no list, export, history or report path can forget it.
// Pure functions; thread-safe.

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace ogi {

// The number with all but a recognisable head and tail replaced by '*': the
// first 3 and last 4 characters of 11 or more ("371502199001011234" ->
// "371***********1234", "13800000000" -> "138****0000"), the last 2 of 5 to
// 10 characters, and nothing of shorter ones. Counts UTF-8 characters, not
// bytes. "" stays "".
std::string MaskNumber(absl::string_view number);

// Masks, anywhere inside `message`, the id_number and phone of every
// ogi.v1.Applicant, and the old and new values of every ogi.v1.FieldChange
// of applicant.id_number or applicant.phone.
void MaskPersonalData(google::protobuf::Message* message);

}  // namespace ogi

#endif  // OGI_SERVICES_ACCESS_PERSONAL_DATA_MASK_H_
