#include "services/common/field_violations.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace ogi {

absl::Status InvalidField(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

void FieldViolations::Add(absl::string_view field,
                          absl::string_view description) {
  violations_.emplace_back(std::string(field), std::string(description));
}

bool FieldViolations::AddFrom(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kInvalidArgument) return false;
  const google::rpc::BadRequest found = ViolationsOf(status);
  if (found.field_violations().empty()) {
    Add("", status.message());
  }
  for (const auto& violation : found.field_violations()) {
    Add(violation.field(), violation.description());
  }
  return true;
}

absl::Status FieldViolations::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  google::rpc::BadRequest details;
  std::vector<std::string> lines;
  for (const auto& [field, description] : violations_) {
    auto* violation = details.add_field_violations();
    violation->set_field(field);
    violation->set_description(description);
    lines.push_back(field.empty() ? description
                                  : absl::StrCat(field, ": ", description));
  }
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      absl::StrJoin(lines, kViolationSeparator));
  status.SetPayload(kBadRequestTypeUrl,
                    absl::Cord(details.SerializeAsString()));
  return status;
}

namespace {

// The field a "field: rule" message names: the text before the first ": "
// when it looks like a field path (no spaces, no full-width text).
bool SplitFieldRule(absl::string_view message, absl::string_view* field,
                    absl::string_view* rule) {
  const size_t colon = message.find(": ");
  if (colon == absl::string_view::npos || colon == 0) return false;
  const absl::string_view head = message.substr(0, colon);
  for (char c : head) {
    const bool path_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                           c == '[' || c == ']' || c == '-' || c == ',';
    if (!path_char) return false;
  }
  *field = head;
  *rule = message.substr(colon + 2);
  return true;
}

}  // namespace

google::rpc::BadRequest ViolationsOf(const absl::Status& status) {
  google::rpc::BadRequest details;
  if (status.code() != absl::StatusCode::kInvalidArgument) return details;
  if (auto payload = status.GetPayload(kBadRequestTypeUrl);
      payload.has_value() && details.ParseFromString(std::string(*payload))) {
    return details;
  }
  details.Clear();
  absl::string_view field, rule;
  if (SplitFieldRule(status.message(), &field, &rule)) {
    auto* violation = details.add_field_violations();
    violation->set_field(std::string(field));
    violation->set_description(std::string(rule));
  }
  return details;
}

}  // namespace ogi
