#include "storage/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ogi {
namespace {

constexpr mode_t kOwnerOnly = S_IRUSR | S_IWUSR;  // 0600
constexpr mode_t kGroupOrOthers = S_IRWXG | S_IRWXO;

absl::Status CheckOne(const std::string& file, const std::string& database) {
  struct stat info;
  if (::stat(file.c_str(), &info) != 0) {
    if (errno == ENOENT) return absl::OkStatus();
    return absl::UnavailableError(absl::StrCat(
        "无法检查数据库文件 ", file, " 的权限：", std::strerror(errno)));
  }
  const mode_t mode = info.st_mode & 07777;
  if ((mode & kGroupOrOthers) == 0) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrFormat(
      "数据库文件 %s 的权限为 %04o，同组或其他用户可以访问，而其中有申请人的"
      "身份证号和电话号码；请执行 chmod 600 %s %s-wal %s-shm "
      "（不存在的文件可略去）后再启动",
      file, mode, database, database, database));
}

}  // namespace

absl::Status CreatePrivateFileIfMissing(const std::string& path) {
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) {
    if (errno == EEXIST) return absl::OkStatus();
    return absl::UnavailableError(
        absl::StrCat("无法创建数据库文件 ", path, "：", std::strerror(errno)));
  }
  // The umask can only take bits away from 0600; fchmod makes the mode exact
  // even under an unusual umask such as 0277.
  const bool mode_set = ::fchmod(fd, kOwnerOnly) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!mode_set) {
    return absl::UnavailableError(absl::StrCat(
        "无法设置数据库文件 ", path, " 的权限：", std::strerror(saved_errno)));
  }
  return absl::OkStatus();
}

absl::Status CheckPrivateDatabaseFiles(const std::string& path) {
  for (const std::string& file :
       {path, absl::StrCat(path, "-wal"), absl::StrCat(path, "-shm")}) {
    if (absl::Status status = CheckOne(file, path); !status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace ogi
