#ifndef OGI_CLI_INPUT_FILE_H_
#define OGI_CLI_INPUT_FILE_H_

// Reading a file the user names on the command line (a FILE argument, a
// --file or --tls-* flag) without trusting it: only a regular file (or
// standard input for "-"), and at most a limit that is checked before
// reading, so that `ogi calendar load /dev/zero` or a huge file fails with a
// message instead of exhausting memory. Thread-compatible (reads std::cin).

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi::cli {

// The limit for a FILE argument or flag without one of its own.
inline constexpr size_t kMaxInputFileBytes = 1024 * 1024;

// All of the file at `path`, or of standard input for "-". `what` names the
// file for the user ("日历文件"). Errors, with nothing sent to the server:
//  - usage error "无法读取<what> "<path>"：<reason>" when it cannot be opened
//    or read;
//  - INVALID_ARGUMENT (exit code 1) "<what> "<path>" 不是普通文件……" for a
//    device, directory, pipe or socket;
//  - INVALID_ARGUMENT "<what> "<path>" 有 N 字节，超过上限 1 MiB" when it
//    is larger than `max_bytes` (for standard input: when more than
//    `max_bytes` arrive; reading stops there).
absl::StatusOr<std::string> ReadBoundedFile(const std::string& path,
                                            absl::string_view what,
                                            size_t max_bytes);

}  // namespace ogi::cli

#endif  // OGI_CLI_INPUT_FILE_H_
