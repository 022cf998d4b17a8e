#include "cli/input_file.h"

#include <sys/stat.h>

#include <string>

#include "cli/args.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::TempDir;
using ::ogi::cli::testing::WriteTestFile;

TEST(ReadBoundedFileTest, ReadsARegularFileUpToTheLimit) {
  TempDir dir;
  const std::string path = dir.path() + "/cn-holidays.json";
  WriteTestFile(path, "{\"2027\": {}}", 0644);
  absl::StatusOr<std::string> text = ReadBoundedFile(path, "日历文件", 12);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "{\"2027\": {}}");
}

TEST(ReadBoundedFileTest, RefusesALargerFileBeforeReadingIt) {
  TempDir dir;
  const std::string path = dir.path() + "/big.json";
  WriteTestFile(path, std::string(2 * 1024 * 1024, ' '), 0644);
  absl::StatusOr<std::string> text =
      ReadBoundedFile(path, "日历文件", 1024 * 1024);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(IsUsageError(text.status()));  // exit code 1
  EXPECT_EQ(std::string(text.status().message()),
            "日历文件 \"" + path + "\" 有 2097152 字节，超过上限 1 MiB");
  WriteTestFile(path, "abcd", 0644);
  EXPECT_EQ(std::string(ReadBoundedFile(path, "文件", 3).status().message()),
            "文件 \"" + path + "\" 有 4 字节，超过上限 3 字节");
}

// /dev/zero never ends; a directory, a FIFO or a device is no file to send.
TEST(ReadBoundedFileTest, RefusesWhatIsNotARegularFile) {
  TempDir dir;
  const std::string fifo = dir.path() + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  for (const auto& [path, kind] :
       std::vector<std::pair<std::string, std::string>>{
           {"/dev/zero", "设备、管道或套接字"},
           {fifo, "设备、管道或套接字"},
           {dir.path(), "目录"},
       }) {
    absl::StatusOr<std::string> text =
        ReadBoundedFile(path, "日历文件", 1024 * 1024);
    EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument) << path;
    EXPECT_FALSE(IsUsageError(text.status()));
    EXPECT_EQ(
        std::string(text.status().message()),
        "日历文件 \"" + path + "\" 不是普通文件（而是" + kind + "），不能读取");
  }
}

TEST(ReadBoundedFileTest, AMissingFileIsAUsageError) {
  absl::StatusOr<std::string> text =
      ReadBoundedFile("/nonexistent/x.json", "日历文件", 1024);
  EXPECT_TRUE(IsUsageError(text.status()));
  EXPECT_EQ(std::string(text.status().message()),
            "无法读取日历文件 \"/nonexistent/x.json\"：No such file or "
            "directory");
}

}  // namespace
}  // namespace ogi::cli
