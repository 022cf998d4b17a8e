#ifndef OGI_TESTS_E2E_OGI_CLI_RUNNER_H_
#define OGI_TESTS_E2E_OGI_CLI_RUNNER_H_

// Runs the real `ogi` binary against a running ogi-server, as end-to-end
// tests do: as the tester ServerProcess signed in (shown as 王科员, holding
// every role), without colour, with expectations on what a
// user sees (exit code, stdout, one error line on stderr).

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"

namespace ogi::testing {

// Runs `ogi <args>` against `server` with `token` (default: the tester's).
inline CommandResult RunOgiCli(const ServerProcess& server,
                               std::vector<std::string> args,
                               const std::string& token) {
  args.insert(args.begin(), CliBinary());
  auto result = RunCommand(args, {{"OGI_SERVER", server.address()},
                                  {"OGI_TOKEN", token},
                                  {"NO_COLOR", "1"}});
  EXPECT_THAT(result, IsOk());
  return result.ok() ? *result : CommandResult{};
}

inline CommandResult RunOgiCli(const ServerProcess& server,
                               std::vector<std::string> args) {
  return RunOgiCli(server, std::move(args), server.token());
}

// Expects exit 0 and nothing on stderr; returns stdout. A failure names the
// command.
inline std::string RunOgiCliOk(const ServerProcess& server,
                               const std::vector<std::string>& args) {
  const CommandResult r = RunOgiCli(server, args);
  EXPECT_EQ(r.exit_code, 0) << "ogi " << absl::StrJoin(args, " ") << "\n"
                            << r.err << r.out;
  EXPECT_EQ(r.err, "") << "ogi " << absl::StrJoin(args, " ");
  return r.out;
}

// Expects exit `code`, exactly one line on stderr ("ogi: ...") containing
// `message`, and nothing on stdout.
inline void RunOgiCliFails(const ServerProcess& server,
                           const std::vector<std::string>& args, int code,
                           const std::string& message) {
  const CommandResult r = RunOgiCli(server, args);
  EXPECT_EQ(r.exit_code, code) << "ogi " << absl::StrJoin(args, " ") << "\n"
                               << r.out << r.err;
  EXPECT_THAT(r.err, ::testing::AllOf(::testing::StartsWith("ogi: "),
                                      ::testing::HasSubstr(message)))
      << "ogi " << absl::StrJoin(args, " ");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_E2E_OGI_CLI_RUNNER_H_
