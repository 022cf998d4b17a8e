#include "services/common/text_fields.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/text.h"

namespace ogi {

absl::Status ValidateText(absl::string_view text, absl::string_view field,
                          int max_length, bool multiline) {
  auto invalid = [&](absl::string_view rule) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
  };
  if (absl::StripAsciiWhitespace(text).empty()) {
    return invalid("must not be empty");
  }
  if (!IsValidUtf8(text)) return invalid("is not valid UTF-8");
  const size_t length = Utf8Length(text);
  if (static_cast<int>(length) > max_length) {
    return invalid(
        absl::StrCat("at most ", max_length, " characters (got ", length, ")"));
  }
  if (HasControlCharacter(text, multiline ? "\n\t" : "")) {
    return invalid(multiline
                       ? "must not contain control characters"
                       : "must be a single line without control characters");
  }
  return absl::OkStatus();
}

}  // namespace ogi
