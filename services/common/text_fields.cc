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
    return invalid("不能为空");
  }
  if (IsInvisible(text)) {
    // U+3000, U+200B, U+FEFF…: a name no list could show.
    return invalid("不能只由空白或不可见字符组成");
  }
  if (!IsValidUtf8(text)) return invalid("不是有效的 UTF-8 文本");
  const size_t length = Utf8Length(text);
  if (static_cast<int>(length) > max_length) {
    return invalid(
        absl::StrCat("最多 ", max_length, " 个字符（实际 ", length, " 个）"));
  }
  if (HasControlCharacter(text, multiline ? "\n\t" : "")) {
    return invalid(multiline ? "不能包含控制字符"
                             : "须为单行，且不能包含控制字符");
  }
  return absl::OkStatus();
}

absl::Status ValidateActor(absl::string_view actor) {
  if (absl::StripAsciiWhitespace(actor).empty()) {
    return absl::InvalidArgumentError(
        "actor: 缺失；每项变更须由已登录的用户作出，历史记录载明其姓名");
  }
  return ValidateText(actor, "actor", kMaxActorLength, /*multiline=*/false);
}

}  // namespace ogi
