#ifndef OGI_STORAGE_PRIVATE_FILE_H_
#define OGI_STORAGE_PRIVATE_FILE_H_

// The database holds applicants' ID and phone numbers: its file, and SQLite's
// -wal and -shm files beside it, must be readable by their owner alone,
// whatever the umask of the process that creates them.
//
// SQLite creates a new database file with mode 0644 less the umask, and gives
// the -wal and -shm files the mode of the database file. So ogi creates a
// missing database file itself, empty and 0600 (an empty file is a valid new
// SQLite database), before SQLite opens it, and refuses an existing one that
// group or others may use.

#include <string>

#include "absl/status/status.h"

namespace ogi {

// Creates `path` empty with mode 0600 when it does not exist; leaves an
// existing file untouched. UNAVAILABLE naming the file when it cannot be
// created.
absl::Status CreatePrivateFileIfMissing(const std::string& path);

// OK when `path` and, where they exist, `path`-wal and `path`-shm grant
// nothing to group or others (mode & 077 == 0). Otherwise FAILED_PRECONDITION
// naming the file, its mode and the chmod command that fixes it.
// UNAVAILABLE when a file exists but cannot be examined.
absl::Status CheckPrivateDatabaseFiles(const std::string& path);

}  // namespace ogi

#endif  // OGI_STORAGE_PRIVATE_FILE_H_
