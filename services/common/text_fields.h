#ifndef OGI_SERVICES_COMMON_TEXT_FIELDS_H_
#define OGI_SERVICES_COMMON_TEXT_FIELDS_H_

// Rules for free-text fields staff enter (names, items, reasons). Errors are
// INVALID_ARGUMENT "<field>: <rule>". Pure functions; thread-safe.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ogi {

// Limits, in characters (code points).
inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxItemLength = 2000;
inline constexpr int kMaxItems = 100;
inline constexpr int kMaxAddressLength = 500;
inline constexpr int kMaxReasonLength = 2000;
inline constexpr int kMaxActorLength = 100;

// Checks a free-text field (every name, title, item, reason and note goes
// through it): not blank, and not made only of whitespace or invisible
// characters (IsInvisible: U+3000, U+200B, U+FEFF, …); valid UTF-8; at most
// `max_length` characters; no control characters (C0, DEL and the C1 range
// U+0080..U+009F) except newline and tab when `multiline`.
absl::Status ValidateText(absl::string_view text, absl::string_view field,
                          int max_length, bool multiline);

// INVALID_ARGUMENT "actor: ..." unless `actor` (who makes a change) is a
// non-blank single line of at most kMaxActorLength characters.
absl::Status ValidateActor(absl::string_view actor);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_TEXT_FIELDS_H_
