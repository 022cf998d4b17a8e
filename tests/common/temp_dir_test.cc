#include "tests/common/temp_dir.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ogi::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::StartsWith;

// Points $TEST_TMPDIR at a directory of its own for one test, then restores
// it, so that what the TempDirs leave behind can be counted.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("TEST_TMPDIR");
    had_old_ = old != nullptr;
    if (had_old_) old_ = old;
    root_ = fs::path(::testing::TempDir()) /
            ("temp_dir_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    ASSERT_TRUE(fs::create_directory(root_));
    ASSERT_EQ(setenv("TEST_TMPDIR", root_.c_str(), 1), 0);
  }
  void TearDown() override {
    if (had_old_) {
      setenv("TEST_TMPDIR", old_.c_str(), 1);
    } else {
      unsetenv("TEST_TMPDIR");
    }
    fs::remove_all(root_);
  }

  bool RootIsEmpty() const { return fs::is_empty(root_); }

  fs::path root_;

 private:
  bool had_old_ = false;
  std::string old_;
};

TEST_F(TempDirTest, MakesAnEmptyDirectoryUnderTestTmpdirAndRemovesIt) {
  std::string path;
  {
    const TempDir dir;
    path = dir.path();
    EXPECT_THAT(path, StartsWith(root_.string() + "/ogi-test-"));
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_TRUE(fs::is_empty(path));
    EXPECT_EQ(dir.File("data/ogi.db"), path + "/data/ogi.db");
    // What a test leaves in it goes too, folders included.
    fs::create_directories(path + "/data");
    std::ofstream(dir.File("data/ogi.db")) << "x";
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(RootIsEmpty());
}

TEST_F(TempDirTest, TwoDirectoriesDiffer) {
  const TempDir a;
  const TempDir b;
  EXPECT_NE(a.path(), b.path());
}

TEST_F(TempDirTest, MovingHandsTheDirectoryOverOnce) {
  std::string path;
  {
    TempDir first;
    path = first.path();
    TempDir second(std::move(first));
    EXPECT_EQ(second.path(), path);
    TempDir third;
    const std::string replaced = third.path();
    third = std::move(second);
    EXPECT_FALSE(fs::exists(replaced));  // the one it held is removed
    EXPECT_EQ(third.path(), path);
    EXPECT_TRUE(fs::is_directory(path));
  }
  EXPECT_FALSE(fs::exists(path));
  EXPECT_TRUE(RootIsEmpty());
}

TEST_F(TempDirTest, KeptDirectoryStays) {
  std::string kept;
  {
    TempDir dir;
    kept = dir.Keep();
    EXPECT_EQ(dir.path(), "");
  }
  EXPECT_TRUE(fs::is_directory(kept));
  fs::remove_all(kept);
}

TEST_F(TempDirTest, WithoutTestTmpdirUsesTheSystemTemporaryDirectory) {
  unsetenv("TEST_TMPDIR");
  const TempDir dir;
  EXPECT_THAT(dir.path(),
              StartsWith((fs::temp_directory_path() / "ogi-test-").string()));
}

}  // namespace
}  // namespace ogi::testing
