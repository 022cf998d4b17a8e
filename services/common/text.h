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

// True if `text` contains a control character other than those in `allowed`
// (ASCII characters, e.g. "\n" for multi-line fields): C0 (U+0000..U+001F),
// DEL (U+007F) or C1 (U+0080..U+009F, e.g. U+0085 NEXT LINE, U+009B CSI,
// which terminals obey). Malformed UTF-8 is not reported here (see
// IsValidUtf8).
bool HasControlCharacter(absl::string_view text, absl::string_view allowed);

// True when `text` shows nothing: it is empty or every code point is
// whitespace (Unicode White_Space: ASCII space and controls, U+00A0, U+3000
// IDEOGRAPHIC SPACE, U+2000..U+200A, …) or an invisible format or filler
// character (U+200B ZERO WIDTH SPACE, U+200C/D joiners, U+2060 WORD JOINER,
// U+FEFF BOM, bidirectional marks and controls, soft hyphen, variation
// selectors, Hangul fillers, U+2800 BRAILLE BLANK, tag characters…). Such a
// name would show as a blank in every list. Malformed bytes count as
// visible (IsValidUtf8 rejects them separately).
bool IsInvisible(absl::string_view text);

// The first at most `max_bytes` bytes of `text`, without cutting a UTF-8
// character in two (the cut backs off continuation bytes).
absl::string_view Utf8Prefix(absl::string_view text, size_t max_bytes);

// `text` for quoting inside an error message: in double quotes, and when
// longer than `max_chars` code points cut to its first `max_chars` followed
// by "…" and the full length, e.g. "\"aaaa…\"（共 100000 个字符）", so that a
// huge value is never echoed back whole. Malformed UTF-8 is cut on a byte
// boundary that keeps the quote readable.
std::string QuoteForMessage(absl::string_view text, size_t max_chars = 32);

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
