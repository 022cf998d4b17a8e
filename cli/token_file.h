#ifndef OGI_CLI_TOKEN_FILE_H_
#define OGI_CLI_TOKEN_FILE_H_

// The token file: where `ogi login` keeps the caller's bearer token for later
// runs (see TokenFilePath in client.h). It holds the token alone and must be
// readable and writable by its owner only (mode 0600), since whoever reads it
// can act as its user. Functions of the file system; thread-compatible.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi::cli {

// The token in the file at `path`, without surrounding whitespace; "" when
// the file does not exist or holds nothing. Usage errors (nothing is sent):
//  - "token file P has mode 0644; it must be 0600 (chmod 600 P)" for a file
//    that group or others may read or write;
//  - "cannot read token file P: <reason>", "token file P is not a regular
//    file", "token file P is too large to hold a token".
// The text is not checked: see CheckTokenText (client.h).
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

// Replaces the file at `path` with `token` and a newline, atomically: the
// token goes to a temporary file created with mode 0600 in the same
// directory, which is then renamed over `path`. Creates the missing
// directories (mode 0700) first. On failure `path` is unchanged and no
// temporary file is left; FAILED_PRECONDITION "cannot write token file P:
// <reason>". REQUIRES: !path.empty().
absl::Status WriteTokenFile(const std::string& path, absl::string_view token);

// Removes the file at `path`. True when it was removed, false when there was
// none; FAILED_PRECONDITION "cannot remove token file P: <reason>" otherwise.
absl::StatusOr<bool> RemoveTokenFile(const std::string& path);

}  // namespace ogi::cli

#endif  // OGI_CLI_TOKEN_FILE_H_
