#ifndef OGI_CLI_TEXT_ENCODING_H_
#define OGI_CLI_TEXT_ENCODING_H_

// Character encodings for documents the CLI writes (`ogi report show
// --encoding`): the server renders UTF-8; spreadsheets on Chinese Windows
// read the national standard GB 18030 (a superset of GBK) without being
// told. Conversion by glibc's iconv. Thread-safe.

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi::cli {

// `utf8` in GB 18030. FAILED_PRECONDITION "<flag>: ..." (in Chinese, naming
// the byte offset) when `utf8` is not valid UTF-8 or holds a character GB
// 18030 cannot encode, INTERNAL when iconv has no GB 18030 converter.
absl::StatusOr<std::string> Utf8ToGb18030(absl::string_view utf8,
                                          absl::string_view flag);

// `gb18030` back in UTF-8 (for checks and tests). FAILED_PRECONDITION when it
// is not valid GB 18030.
absl::StatusOr<std::string> Gb18030ToUtf8(absl::string_view gb18030);

}  // namespace ogi::cli

#endif  // OGI_CLI_TEXT_ENCODING_H_
