#include "cli/token_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "cli/args.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::FileMode;
using ::ogi::cli::testing::ReadTestFile;
using ::ogi::cli::testing::TempDir;
using ::ogi::cli::testing::WriteTestFile;
using ::testing::HasSubstr;

ino_t InodeOf(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

TEST(WriteTokenFileTest, MakesPrivateDirectoriesAndFile) {
  TempDir dir;
  const std::string path = dir.path() + "/a/b/token";
  // Even with a permissive umask the file is the owner's alone.
  const mode_t saved = umask(0);
  const absl::Status status = WriteTokenFile(path, "ogi_tk-1_secret");
  umask(saved);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(ReadTestFile(path), "ogi_tk-1_secret\n");
  EXPECT_EQ(FileMode(path), 0600);
  EXPECT_EQ(FileMode(dir.path() + "/a"), 0700);
  EXPECT_EQ(FileMode(dir.path() + "/a/b"), 0700);
}

TEST(WriteTokenFileTest, ReplacesByRename) {
  TempDir dir;
  const std::string path = dir.path() + "/token";
  WriteTestFile(path, "ogi_tk-old_secret\n", 0644);
  const ino_t before = InodeOf(path);
  ASSERT_TRUE(WriteTokenFile(path, "ogi_tk-new_secret").ok());
  EXPECT_EQ(ReadTestFile(path), "ogi_tk-new_secret\n");
  EXPECT_EQ(FileMode(path), 0600);
  // A new file took the old one's place (the old one was never rewritten in
  // place, so a reader sees the old token or the new one, never a mix).
  EXPECT_NE(InodeOf(path), before);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u);
}

TEST(WriteTokenFileTest, FailureLeavesNothingBehind) {
  TempDir dir;
  WriteTestFile(dir.path() + "/file", "x", 0600);
  // A file stands where the directory should be.
  const std::string path = dir.path() + "/file/token";
  const absl::Status status = WriteTokenFile(path, "ogi_tk-1_secret");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("无法写入令牌文件 " + path + "："));
  EXPECT_EQ(ReadTestFile(dir.path() + "/file"), "x");
}

TEST(RemoveTokenFileTest, SaysWhetherThereWasOne) {
  TempDir dir;
  const std::string path = dir.path() + "/token";
  WriteTestFile(path, "ogi_tk-1_secret\n", 0600);
  absl::StatusOr<bool> removed = RemoveTokenFile(path);
  ASSERT_TRUE(removed.ok()) << removed.status();
  EXPECT_TRUE(*removed);
  EXPECT_EQ(FileMode(path), -1);
  removed = RemoveTokenFile(path);
  ASSERT_TRUE(removed.ok()) << removed.status();
  EXPECT_FALSE(*removed);
}

TEST(ReadTokenFileTest, OnlyARegularFile) {
  TempDir dir;
  absl::StatusOr<std::string> token = ReadTokenFile(dir.path());
  ASSERT_FALSE(token.ok());
  EXPECT_TRUE(IsUsageError(token.status()));
  EXPECT_EQ(token.status().message(),
            "令牌文件 " + dir.path() + " 不是普通文件");
  WriteTestFile(dir.path() + "/token", "  ogi_tk-1_secret \r\n", 0600);
  token = ReadTokenFile(dir.path() + "/token");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-1_secret");
}

}  // namespace
}  // namespace ogi::cli
