#include "cli/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cli/args.h"

namespace ogi::cli {
namespace {

// "1 MiB" or "65536 字节".
std::string LimitText(size_t bytes) {
  constexpr size_t kKiB = 1024;
  constexpr size_t kMiB = kKiB * kKiB;
  if (bytes % kMiB == 0) return absl::StrCat(bytes / kMiB, " MiB");
  if (bytes % kKiB == 0) return absl::StrCat(bytes / kKiB, " KiB");
  return absl::StrCat(bytes, " 字节");
}

absl::Status TooLarge(absl::string_view subject, size_t size,
                      size_t max_bytes) {
  return absl::InvalidArgumentError(absl::StrCat(
      subject, " 有 ", size, " 字节，超过上限 ", LimitText(max_bytes)));
}

absl::StatusOr<std::string> ReadStandardInput(absl::string_view what,
                                              size_t max_bytes) {
  std::string text;
  char buffer[64 * 1024];
  while (std::cin.read(buffer, sizeof(buffer)) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(std::cin.gcount()));
    if (text.size() > max_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "标准输入中的", what, "超过上限 ", LimitText(max_bytes)));
    }
  }
  if (std::cin.bad()) return UsageError("无法读取标准输入");
  return text;
}

}  // namespace

absl::StatusOr<std::string> ReadBoundedFile(const std::string& path,
                                            absl::string_view what,
                                            size_t max_bytes) {
  if (path == "-") return ReadStandardInput(what, max_bytes);
  const std::string subject = absl::StrCat(what, " \"", path, "\"");
  // Opened without blocking (a FIFO would wait for a writer), then checked:
  // the type and size seen are those of the file read.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return UsageError(absl::StrCat("无法读取", what, " \"", path, "\"：",
                                   std::strerror(errno)));
  }
  struct stat info;
  absl::StatusOr<std::string> result;
  if (fstat(fd, &info) != 0) {
    result = UsageError(absl::StrCat("无法读取", what, " \"", path, "\"：",
                                     std::strerror(errno)));
  } else if (!S_ISREG(info.st_mode)) {
    result = absl::InvalidArgumentError(absl::StrCat(
        subject, " 不是普通文件（而是",
        S_ISDIR(info.st_mode) ? "目录" : "设备、管道或套接字", "），不能读取"));
  } else if (static_cast<size_t>(info.st_size) > max_bytes) {
    result = TooLarge(subject, static_cast<size_t>(info.st_size), max_bytes);
  } else {
    // At most one byte past the limit: the file may grow while it is read.
    std::string text;
    char buffer[64 * 1024];
    while (true) {
      const ssize_t n = read(fd, buffer, sizeof(buffer));
      if (n < 0) {
        if (errno == EINTR) continue;
        result = UsageError(absl::StrCat("无法读取", what, " \"", path, "\"：",
                                         std::strerror(errno)));
        break;
      }
      if (n == 0) {
        result = std::move(text);
        break;
      }
      text.append(buffer, static_cast<size_t>(n));
      if (text.size() > max_bytes) {
        result = absl::InvalidArgumentError(
            absl::StrCat(subject, " 超过上限 ", LimitText(max_bytes)));
        break;
      }
    }
  }
  close(fd);
  return result;
}

}  // namespace ogi::cli
