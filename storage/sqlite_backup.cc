#include "storage/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/status_macros.h"
#include "storage/sqlite_database.h"

namespace ogi {
namespace {

// How long the copy waits for a lock on the source (a checkpoint or WAL
// recovery holds it briefly), and how often it asks again after that.
constexpr int kBusyTimeoutMs = 10000;
constexpr int kBusyRetries = 3;

std::string ErrnoText(int error) { return std::strerror(error); }

// Closes a raw connection when it goes out of scope.
struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

// Opens `path` with `flags`; `what` names the file in errors.
absl::StatusOr<Connection> OpenConnection(const std::string& path, int flags,
                                          absl::string_view what) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    return SqliteStatus(rc, absl::StrCat(what, ": 无法打开 ", path), db.get());
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  return db;
}

// The temporary copy and the files SQLite keeps beside it; removed on
// destruction unless released.
class TemporaryCopy {
 public:
  explicit TemporaryCopy(std::string path) : path_(std::move(path)) {}
  TemporaryCopy(const TemporaryCopy&) = delete;
  TemporaryCopy& operator=(const TemporaryCopy&) = delete;
  ~TemporaryCopy() {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      ::unlink(absl::StrCat(path_, suffix).c_str());
    }
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// fsync of a file or directory.
absl::Status Sync(const std::string& path, absl::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat(what, ": 无法打开 ", path, "：", ErrnoText(errno)));
  }
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) {
    return absl::UnavailableError(
        absl::StrCat(what, ": 无法同步 ", path, "：", ErrnoText(error)));
  }
  return absl::OkStatus();
}

absl::Status DestinationExists(const std::string& destination_path) {
  return absl::FailedPreconditionError(absl::StrCat(
      "destination_path: ", destination_path, " 已存在；备份不会覆盖已有文件"));
}

// Copies every page of `source` into `destination` in one step, i.e. in one
// read transaction on the source.
absl::Status CopyPages(sqlite3* source, sqlite3* destination,
                       const std::string& source_path) {
  for (int attempt = 0;; ++attempt) {
    sqlite3_backup* backup =
        sqlite3_backup_init(destination, "main", source, "main");
    if (backup == nullptr) {
      return SqliteStatus(sqlite3_errcode(destination),
                          "destination_path: 无法开始复制", destination);
    }
    const int step = sqlite3_backup_step(backup, -1);
    // finish reports the step's error on the destination connection.
    const int finish = sqlite3_backup_finish(backup);
    if (step == SQLITE_DONE && finish == SQLITE_OK) return absl::OkStatus();
    const int rc = step == SQLITE_DONE ? finish : step;
    if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) {
      // The source's busy handler has already waited kBusyTimeoutMs.
      if (attempt < kBusyRetries) continue;
    }
    return SqliteStatus(
        rc, absl::StrCat("source_path: 复制 ", source_path, " 时出错"),
        destination);
  }
}

}  // namespace

absl::StatusOr<BackupSummary> BackupDatabase(
    const std::string& source_path, const std::string& destination_path) {
  namespace fs = std::filesystem;
  if (source_path.empty()) {
    return absl::InvalidArgumentError("source_path: 不能为空");
  }
  if (destination_path.empty()) {
    return absl::InvalidArgumentError("destination_path: 不能为空");
  }
  std::error_code error;
  if (!fs::exists(source_path, error)) {
    return absl::NotFoundError(
        absl::StrCat("source_path: ", source_path, " 不存在"));
  }
  if (fs::exists(fs::symlink_status(destination_path, error))) {
    return DestinationExists(destination_path);
  }
  fs::path directory = fs::path(destination_path).parent_path();
  if (directory.empty()) directory = ".";
  if (!fs::is_directory(directory, error)) {
    return absl::NotFoundError(
        absl::StrCat("destination_path: 目录 ", directory.string(), " 不存在"));
  }

  // The copy is built under a temporary name in the destination's directory,
  // so that the final link is atomic and never crosses file systems.
  std::string name = absl::StrCat(destination_path, ".tmp-XXXXXX");
  std::vector<char> writable(name.begin(), name.end());
  writable.push_back('\0');
  const int fd = ::mkstemp(writable.data());  // mode 0600
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat("destination_path: 无法创建 ",
                                               name, "：", ErrnoText(errno)));
  }
  ::close(fd);
  TemporaryCopy temporary(writable.data());

  {
    // Read-write (never created) only so that, when no server has the file
    // open, closing removes the -wal and -shm files opening made (and
    // checkpoints committed WAL frames, as the server does). No SQL writes
    // (query_only).
    OGI_ASSIGN_OR_RETURN(
        Connection source,
        OpenConnection(source_path, SQLITE_OPEN_READWRITE, "source_path"));
    if (const int rc = sqlite3_exec(source.get(), "PRAGMA query_only = ON",
                                    nullptr, nullptr, nullptr);
        rc != SQLITE_OK) {
      return SqliteStatus(rc,
                          absl::StrCat("source_path: 无法打开 ", source_path),
                          source.get());
    }
    OGI_ASSIGN_OR_RETURN(Connection destination,
                         OpenConnection(temporary.path(), SQLITE_OPEN_READWRITE,
                                        "destination_path"));
    OGI_RETURN_IF_ERROR(
        CopyPages(source.get(), destination.get(), source_path));
  }  // Both closed: the snapshot is released as soon as the copy is done.

  BackupSummary summary;
  {
    OGI_ASSIGN_OR_RETURN(
        std::unique_ptr<Database> copy,
        Database::Open(temporary.path(), Database::Mode::kReadWrite));
    if (absl::Status status = copy->CheckIntegrity(); !status.ok()) {
      if (status.code() != absl::StatusCode::kDataLoss) return status;
      // The pages are the source's: the source is damaged.
      absl::string_view problems = status.message();
      absl::ConsumePrefix(
          &problems, absl::StrCat("database ", temporary.path(), " fails "));
      return absl::DataLossError(
          absl::StrCat("source_path: ", source_path,
                       " 已损坏，未写入备份：其副本未通过 ", problems));
    }
    OGI_ASSIGN_OR_RETURN(
        int64_t has_cases,
        copy->QueryInt("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                       "'table' AND name = 'cases'"));
    if (has_cases == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "source_path: ", source_path, " 不是 ogi 数据库（没有 cases 表）"));
    }
    OGI_ASSIGN_OR_RETURN(summary.schema_version,
                         copy->QueryInt("PRAGMA user_version"));
    OGI_ASSIGN_OR_RETURN(summary.agencies,
                         copy->QueryInt("SELECT COUNT(*) FROM agencies"));
    OGI_ASSIGN_OR_RETURN(summary.cases,
                         copy->QueryInt("SELECT COUNT(*) FROM cases"));
    OGI_ASSIGN_OR_RETURN(summary.case_events,
                         copy->QueryInt("SELECT COUNT(*) FROM case_events"));
  }  // Closed: the last connection checkpoints its WAL into the file.
  OGI_RETURN_IF_ERROR(Sync(temporary.path(), "destination_path"));
  summary.bytes = static_cast<int64_t>(fs::file_size(temporary.path(), error));

  // link() refuses an existing name, where rename() would replace it.
  if (::link(temporary.path().c_str(), destination_path.c_str()) != 0) {
    const int link_error = errno;
    if (link_error == EEXIST) return DestinationExists(destination_path);
    // A file system without hard links: rename, after one more look.
    if (link_error != EPERM && link_error != EOPNOTSUPP &&
        link_error != EMLINK) {
      return absl::UnavailableError(absl::StrCat("destination_path: 无法创建 ",
                                                 destination_path, "：",
                                                 ErrnoText(link_error)));
    }
    if (fs::exists(fs::symlink_status(destination_path, error))) {
      return DestinationExists(destination_path);
    }
    if (::rename(temporary.path().c_str(), destination_path.c_str()) != 0) {
      return absl::UnavailableError(absl::StrCat("destination_path: 无法创建 ",
                                                 destination_path, "：",
                                                 ErrnoText(errno)));
    }
  }
  ::unlink(temporary.path().c_str());  // the copy keeps its final name only
  // Make the directory entry durable.
  OGI_RETURN_IF_ERROR(Sync(directory.string(), "destination_path"));
  return summary;
}

}  // namespace ogi
