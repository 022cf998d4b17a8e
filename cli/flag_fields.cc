#include "cli/flag_fields.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/types/optional.h"

namespace ogi::cli {
namespace {

// What separates the violations of one error (FieldViolations).
constexpr absl::string_view kViolationSeparator = "；";

// A field path as the server writes it, split into the path without array
// indexes and the first index (the item's position from 0), if any.
struct FieldPath {
  std::string path;
  absl::optional<int> index;
};

bool IsIdentifierStart(char c) { return absl::ascii_islower(c) || c == '_'; }

bool IsIdentifierChar(char c) {
  return IsIdentifierStart(c) || absl::ascii_isdigit(c);
}

// `text` as a field path ("a.b_c", "items[0].description"); nullopt when it
// is anything else (e.g. words of a sentence).
absl::optional<FieldPath> ParseFieldPath(absl::string_view text) {
  FieldPath field;
  size_t i = 0;
  while (true) {
    if (i >= text.size() || !IsIdentifierStart(text[i])) return absl::nullopt;
    while (i < text.size() && IsIdentifierChar(text[i])) {
      field.path.push_back(text[i++]);
    }
    if (i < text.size() && text[i] == '[') {
      const size_t close = text.find(']', i);
      int index = 0;
      if (close == absl::string_view::npos ||
          !absl::SimpleAtoi(text.substr(i + 1, close - i - 1), &index)) {
        return absl::nullopt;
      }
      if (!field.index.has_value()) field.index = index;
      i = close + 1;
    }
    if (i == text.size()) return field;
    if (text[i] != '.') return absl::nullopt;
    field.path.push_back('.');
    ++i;
  }
}

// The fields `flag` fills: its own list, else its name in snake case.
std::vector<std::string> FieldsOf(const FlagSpec& flag) {
  if (!flag.fields.empty()) return flag.fields;
  return {absl::StrReplaceAll(flag.name, {{"-", "_"}})};
}

// 2 for an exact match of `path` with one of the fields `flag` fills, 1 for
// a field that ends `path` after a "." (the path starts at an outer message)
// or that `path` continues after a "." (the flag fills a whole message, e.g.
// --text the report's prose), 0 for none.
int MatchOf(const FlagSpec& flag, absl::string_view path) {
  int best = 0;
  for (const std::string& field : FieldsOf(flag)) {
    if (path == field) return 2;
    if (absl::EndsWith(path, absl::StrCat(".", field)) ||
        absl::StartsWith(path, absl::StrCat(field, "."))) {
      best = 1;
    }
  }
  return best;
}

const FlagSpec* FindFlag(absl::string_view path,
                         const std::vector<FlagSpec>& flags) {
  const FlagSpec* suffix = nullptr;
  for (const FlagSpec& flag : flags) {
    const int match = MatchOf(flag, path);
    if (match == 2) return &flag;
    if (match == 1 && suffix == nullptr) suffix = &flag;
  }
  return suffix;
}

}  // namespace

std::string FlagForField(absl::string_view path, const CommandSpec& command,
                         const std::vector<FlagSpec>& global_flags) {
  const absl::optional<FieldPath> field = ParseFieldPath(path);
  if (!field.has_value()) return "";
  std::string name;
  if (const FlagSpec* flag = FindFlag(field->path, command.flags);
      flag != nullptr) {
    name = absl::StrCat("--", flag->name);
  } else if (const auto it = command.argument_fields.find(field->path);
             it != command.argument_fields.end()) {
    name = it->second;
  } else if (const FlagSpec* global = FindFlag(field->path, global_flags);
             global != nullptr) {
    name = absl::StrCat("--", global->name);
  } else {
    return "";
  }
  if (field->index.has_value()) {
    absl::StrAppend(&name, "（第 ", *field->index + 1, " 项）");
  }
  return name;
}

namespace {

// NameFlagsInMessage for one violation "field: rule".
std::string NameFlagsInViolation(absl::string_view message,
                                 const CommandSpec& command,
                                 const std::vector<FlagSpec>& global_flags) {
  // The field list ends at the first colon, ASCII ": " or full-width "：".
  size_t end = message.find(": ");
  const size_t wide = message.find("：");
  if (wide != absl::string_view::npos &&
      (end == absl::string_view::npos || wide < end)) {
    end = wide;
  }
  if (end == absl::string_view::npos || end == 0) return std::string(message);
  const absl::string_view head = message.substr(0, end);

  // Split the head into fields and the separators between them, keeping the
  // separators as the server wrote them.
  std::string rewritten;
  size_t start = 0;
  while (true) {
    size_t next = absl::string_view::npos;
    size_t separator_length = 0;
    for (const absl::string_view separator : {", ", "、"}) {
      const size_t at = head.find(separator, start);
      if (at != absl::string_view::npos && at < next) {
        next = at;
        separator_length = separator.size();
      }
    }
    const absl::string_view token = head.substr(
        start, next == absl::string_view::npos ? absl::string_view::npos
                                               : next - start);
    if (!ParseFieldPath(token).has_value()) return std::string(message);
    const std::string flag = FlagForField(token, command, global_flags);
    absl::StrAppend(&rewritten, flag.empty() ? token : flag);
    if (next == absl::string_view::npos) break;
    absl::StrAppend(&rewritten, head.substr(next, separator_length));
    start = next + separator_length;
  }
  return absl::StrCat(rewritten, message.substr(end));
}

}  // namespace

std::string NameFlagsInMessage(absl::string_view message,
                               const CommandSpec& command,
                               const std::vector<FlagSpec>& global_flags) {
  // Several violations come joined by "；" (services/common/
  // field_violations.h). A rule may itself contain "；": such a piece does
  // not start with field paths, so it is kept as it is.
  std::string rewritten;
  size_t start = 0;
  while (true) {
    const size_t next = message.find(kViolationSeparator, start);
    absl::StrAppend(&rewritten,
                    NameFlagsInViolation(message.substr(start, next - start),
                                         command, global_flags));
    if (next == absl::string_view::npos) break;
    absl::StrAppend(&rewritten, kViolationSeparator);
    start = next + kViolationSeparator.size();
  }
  return rewritten;
}

}  // namespace ogi::cli
