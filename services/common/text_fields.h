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

// Checks a free-text field: not blank, at most `max_length` characters, no
// control characters except newline and tab when `multiline`.
absl::Status ValidateText(absl::string_view text, absl::string_view field,
                          int max_length, bool multiline);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_TEXT_FIELDS_H_
