#ifndef OGI_SERVICES_CALENDAR_JSON_BOUNDS_H_
#define OGI_SERVICES_CALENDAR_JSON_BOUNDS_H_

// Limits a JSON text must meet before any JSON parser sees it. protobuf's
// parser takes time quadratic in the nesting depth (10,000 '[' took 4.2 s),
// so size and depth are checked by one linear scan first. Pure; thread-safe.

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ogi {

// The largest calendar file accepted: the shipped file for eight years is
// about 14 KiB, so 1 MiB holds centuries of arrangements.
inline constexpr size_t kMaxCalendarJsonBytes = 1024 * 1024;

// The deepest nesting accepted: a calendar file nests 4 levels
// ({year: {holidays: [{…}]}}).
inline constexpr int kMaxCalendarJsonDepth = 16;

// OK when `json` has at most `max_bytes` bytes and its arrays and objects
// nest at most `max_depth` levels. Brackets inside strings (with their
// escapes, e.g. "\"[") do not count; the text need not be valid JSON
// otherwise (the parser that runs next says what is wrong). INVALID_ARGUMENT,
// in Chinese, naming the limit and where it was passed: "超过上限 1 MiB（共
// 1048577 字节）" or "嵌套超过 16 层（第 17 层始于第 16 字节）" (byte
// offsets from 0).
absl::Status CheckJsonBounds(absl::string_view json, size_t max_bytes,
                             int max_depth);

}  // namespace ogi

#endif  // OGI_SERVICES_CALENDAR_JSON_BOUNDS_H_
