#ifndef OGI_SERVICES_COMMON_TEXT_H_
#define OGI_SERVICES_COMMON_TEXT_H_

// UTF-8 text helpers shared by validation (length limits count characters, not
// bytes) and terminal rendering (Chinese characters take two columns).
// Pure functions; thread-safe.

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace ogi {

// Number of Unicode code points in valid UTF-8 `text`.
size_t Utf8Length(absl::string_view text);

// True if `text` is well-formed UTF-8.
bool IsValidUtf8(absl::string_view text);

// True if `text` contains a control character (U+0000..U+001F or U+007F) other
// than those in `allowed` (e.g. "\n" for multi-line fields).
bool HasControlCharacter(absl::string_view text, absl::string_view allowed);

// Columns `text` occupies on a terminal: 2 for East Asian wide and fullwidth
// characters (CJK, fullwidth punctuation, Hangul, kana), 0 for combining marks,
// 1 otherwise.
size_t DisplayWidth(absl::string_view text);

// `text` padded with spaces on the right to `width` display columns (unchanged
// when already as wide or wider).
std::string PadToWidth(absl::string_view text, size_t width);

// `text` cut to at most `width` display columns, ending in "…" when cut.
std::string TruncateToWidth(absl::string_view text, size_t width);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_TEXT_H_
