#ifndef OGI_SERVICES_COMMON_ENUM_NAMES_H_
#define OGI_SERVICES_COMMON_ENUM_NAMES_H_

// The two human faces of every ogi.v1 enum value, read from the descriptors so
// the .proto files stay the single source:
//  - the identifier: the value name without the enum's prefix, lower case
//    (APPLICANT_TYPE_NATURAL_PERSON -> "natural_person"), used on the command
//    line and in history records;
//  - the Chinese label from the (ogi.v1.label) option ("自然人").
// Pure functions; thread-safe.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace ogi {

// "natural_person" for APPLICANT_TYPE_NATURAL_PERSON; the full name in lower
// case when the value lacks the conventional prefix; "" for an unknown number.
std::string EnumIdentifier(const google::protobuf::EnumDescriptor* type,
                           int number);

// The (ogi.v1.label) of the value, or its identifier when it has no label.
std::string EnumLabel(const google::protobuf::EnumDescriptor* type, int number);

// The value whose identifier is `text` (case-insensitive; the full UPPER_CASE
// name is accepted too). The *_UNSPECIFIED value is never matched.
// INVALID_ARGUMENT "<field>: 未知取值 "x"，可选值：a, b, c" otherwise.
absl::StatusOr<int> ParseEnumIdentifier(
    const google::protobuf::EnumDescriptor* type, absl::string_view text,
    absl::string_view field);

// Identifiers of every value but *_UNSPECIFIED, in declaration order.
std::vector<std::string> EnumIdentifiers(
    const google::protobuf::EnumDescriptor* type);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_ENUM_NAMES_H_
