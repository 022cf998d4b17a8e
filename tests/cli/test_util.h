#ifndef OGI_TESTS_CLI_TEST_UTIL_H_
#define OGI_TESTS_CLI_TEST_UTIL_H_

// Small helpers shared by the tests of the `ogi` commands.

#include <stdlib.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gtest/gtest.h"
#include "ogi/v1/common.pb.h"
#include "tests/common/temp_dir.h"

namespace ogi::cli::testing {

// Parses `args` with the real command table; a parse failure fails the test.
inline ParsedArgs MustParse(std::vector<std::string> args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseArgs(args, GlobalFlags(), AllCommands());
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedArgs();
}

// The token TestOptions carries.
inline constexpr char kTestToken[] = "ogi_tk-test_secret";

// Options as ResolveGlobalOptions and LoadToken would make them for agency
// lc-xzsp, with kTestToken.
inline GlobalOptions TestOptions() {
  GlobalOptions options;
  options.server = "127.0.0.1:50051";
  options.token = kTestToken;
  options.agency = "lc-xzsp";
  return options;
}

inline v1::Date MakeDate(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

// The lines of `text`, which must end with a newline (or be empty).
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  EXPECT_EQ(lines.back(), "") << "output must end with a newline: " << text;
  lines.pop_back();
  return lines;
}

// The tests' one temporary directory type (tests/common/temp_dir.h).
using ::ogi::testing::TempDir;

// Writes `text` to `path` (making its directories) and gives it `mode`.
inline void WriteTestFile(const std::string& path, const std::string& text,
                          mode_t mode) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  EXPECT_EQ(chmod(path.c_str(), mode), 0) << path;
}

// The whole file at `path`; "" when it cannot be read.
inline std::string ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The permission bits of `path` (e.g. 0600); -1 when it does not exist.
inline int FileMode(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 07777);
}

}  // namespace ogi::cli::testing

#endif  // OGI_TESTS_CLI_TEST_UTIL_H_
