#include "services/calendar/json_bounds.h"

#include "absl/strings/str_cat.h"

namespace ogi {
namespace {

// "1 MiB" for whole mebibytes, else the bytes.
std::string SizeText(size_t bytes) {
  constexpr size_t kMiB = 1024 * 1024;
  if (bytes % kMiB == 0) return absl::StrCat(bytes / kMiB, " MiB");
  return absl::StrCat(bytes, " 字节");
}

}  // namespace

absl::Status CheckJsonBounds(absl::string_view json, size_t max_bytes,
                             int max_depth) {
  if (json.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "超过上限 ", SizeText(max_bytes), "（共 ", json.size(), " 字节）"));
  }
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) {
          return absl::InvalidArgumentError(
              absl::StrCat("嵌套超过 ", max_depth, " 层（第 ", depth,
                           " 层始于第 ", i, " 字节）"));
        }
        break;
      case ']':
      case '}':
        // Unbalanced closers are the parser's to report.
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return absl::OkStatus();
}

}  // namespace ogi
