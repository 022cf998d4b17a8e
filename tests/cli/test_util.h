#ifndef OGI_TESTS_CLI_TEST_UTIL_H_
#define OGI_TESTS_CLI_TEST_UTIL_H_

// Small helpers shared by the tests of the procedure, deadline and calendar
// commands.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "gtest/gtest.h"
#include "ogi/v1/common.pb.h"

namespace ogi::cli::testing {

// Parses `args` with the real command table; a parse failure fails the test.
inline ParsedArgs MustParse(std::vector<std::string> args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseArgs(args, GlobalFlags(), AllCommands());
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedArgs();
}

// Options as ResolveGlobalOptions would make them for agency lc-xzsp.
inline GlobalOptions TestOptions() {
  GlobalOptions options;
  options.server = "127.0.0.1:50051";
  options.actor = "clerk";
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

}  // namespace ogi::cli::testing

#endif  // OGI_TESTS_CLI_TEST_UTIL_H_
