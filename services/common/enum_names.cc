#include "services/common/enum_names.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "ogi/v1/labels.pb.h"

namespace ogi {
namespace {

// "ApplicantType" -> "APPLICANT_TYPE_".
std::string ValuePrefix(const google::protobuf::EnumDescriptor* type) {
  std::string prefix;
  const std::string& name = type->name();
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (i > 0 && absl::ascii_isupper(static_cast<unsigned char>(c))) {
      prefix.push_back('_');
    }
    prefix.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  prefix.push_back('_');
  return prefix;
}

std::string Identifier(const google::protobuf::EnumValueDescriptor* value) {
  absl::string_view name = value->name();
  absl::ConsumePrefix(&name, ValuePrefix(value->type()));
  return absl::AsciiStrToLower(name);
}

bool IsUnspecified(const google::protobuf::EnumValueDescriptor* value) {
  return value->number() == 0;
}

}  // namespace

std::string EnumIdentifier(const google::protobuf::EnumDescriptor* type,
                           int number) {
  const auto* value = type->FindValueByNumber(number);
  return value == nullptr ? "" : Identifier(value);
}

std::string EnumLabel(const google::protobuf::EnumDescriptor* type,
                      int number) {
  const auto* value = type->FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  const std::string& label = value->options().GetExtension(v1::label);
  return label.empty() ? Identifier(value) : label;
}

absl::StatusOr<int> ParseEnumIdentifier(
    const google::protobuf::EnumDescriptor* type, absl::string_view text,
    absl::string_view field) {
  const std::string wanted = absl::AsciiStrToLower(text);
  for (int i = 0; i < type->value_count(); ++i) {
    const auto* value = type->value(i);
    if (IsUnspecified(value)) continue;
    if (Identifier(value) == wanted ||
        absl::AsciiStrToLower(value->name()) == wanted) {
      return value->number();
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": 未知取值 \"", text, "\"，可选值：",
                   absl::StrJoin(EnumIdentifiers(type), ", ")));
}

std::vector<std::string> EnumIdentifiers(
    const google::protobuf::EnumDescriptor* type) {
  std::vector<std::string> out;
  for (int i = 0; i < type->value_count(); ++i) {
    if (!IsUnspecified(type->value(i)))
      out.push_back(Identifier(type->value(i)));
  }
  return out;
}

}  // namespace ogi
