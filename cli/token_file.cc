#include "cli/token_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "cli/args.h"

namespace ogi::cli {
namespace {

// Larger than any token the server issues; a bigger file is not a token file.
constexpr size_t kMaxTokenFileSize = 64 * 1024;

std::string ErrnoText() { return std::strerror(errno); }

absl::Status WriteError(const std::string& path, absl::string_view reason) {
  return absl::FailedPreconditionError(
      absl::StrCat("无法写入令牌文件 ", path, "：", reason));
}

// The directory part of `path`: "." for a bare file name, "/" for "/x".
std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// mkdir -p with mode 0700 for the directories it makes.
absl::Status MakeDirectories(const std::string& path,
                             const std::string& directory) {
  std::string prefix = directory.front() == '/' ? "" : ".";
  for (absl::string_view part :
       absl::StrSplit(directory, '/', absl::SkipEmpty())) {
    absl::StrAppend(&prefix, "/", part);
    if (mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) {
      return WriteError(path,
                        absl::StrCat("无法创建 ", prefix, "：", ErrnoText()));
    }
  }
  struct stat info;
  if (stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    return WriteError(path, absl::StrCat(directory, " 不是目录"));
  }
  return absl::OkStatus();
}

bool WriteAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> ReadTokenFile(const std::string& path) {
  // Opened first, then checked: the mode seen is that of the file read.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::string();
    return UsageError(
        absl::StrCat("无法读取令牌文件 ", path, "：", ErrnoText()));
  }
  struct stat info;
  std::string contents;
  absl::Status status;
  if (fstat(fd, &info) != 0) {
    status =
        UsageError(absl::StrCat("无法读取令牌文件 ", path, "：", ErrnoText()));
  } else if (!S_ISREG(info.st_mode)) {
    status = UsageError(absl::StrCat("令牌文件 ", path, " 不是普通文件"));
  } else if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    // Anyone else who can read the token can act as its user; anyone who can
    // write it can make this user act as someone else.
    status = UsageError(absl::StrFormat(
        "令牌文件 %s 的权限为 %04o，他人可读写；须为 0600（chmod 600 %s）",
        path, info.st_mode & 07777, path));
  } else if (static_cast<size_t>(info.st_size) > kMaxTokenFileSize) {
    status = UsageError(absl::StrCat("令牌文件 ", path, " 过大，不像是令牌"));
  } else {
    char buffer[4096];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof(buffer))) != 0) {
      if (n < 0) {
        if (errno == EINTR) continue;
        status = UsageError(
            absl::StrCat("无法读取令牌文件 ", path, "：", ErrnoText()));
        break;
      }
      contents.append(buffer, static_cast<size_t>(n));
      if (contents.size() > kMaxTokenFileSize) {
        status =
            UsageError(absl::StrCat("令牌文件 ", path, " 过大，不像是令牌"));
        break;
      }
    }
  }
  close(fd);
  if (!status.ok()) return status;
  absl::StripAsciiWhitespace(&contents);
  return contents;
}

absl::Status WriteTokenFile(const std::string& path, absl::string_view token) {
  const std::string directory = DirectoryOf(path);
  if (absl::Status status = MakeDirectories(path, directory); !status.ok()) {
    return status;
  }
  // mkstemp creates the file with mode 0600 whatever the umask, so the token
  // is never readable by others, not even for a moment.
  std::string temp = absl::StrCat(directory, "/.ogi-token-XXXXXX");
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return WriteError(path, ErrnoText());
  temp = name.data();
  std::string reason;
  if (fchmod(fd, 0600) != 0 || !WriteAll(fd, absl::StrCat(token, "\n")) ||
      fsync(fd) != 0) {
    reason = ErrnoText();
  }
  if (close(fd) != 0 && reason.empty()) reason = ErrnoText();
  if (reason.empty() && rename(temp.c_str(), path.c_str()) != 0) {
    reason = ErrnoText();
  }
  if (!reason.empty()) {
    unlink(temp.c_str());
    return WriteError(path, reason);
  }
  // Make the rename itself durable; the token is written either way.
  if (const int dir = open(directory.c_str(), O_RDONLY | O_CLOEXEC); dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> RemoveTokenFile(const std::string& path) {
  if (unlink(path.c_str()) == 0) return true;
  if (errno == ENOENT) return false;
  return absl::FailedPreconditionError(
      absl::StrCat("无法删除令牌文件 ", path, "：", ErrnoText()));
}

}  // namespace ogi::cli
