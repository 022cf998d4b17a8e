#ifndef OGI_TESTS_COMMON_SERVER_PROCESS_H_
#define OGI_TESTS_COMMON_SERVER_PROCESS_H_

// Runs the real binaries for end-to-end tests and benchmarks: an ogi-server
// child process on a free loopback port, and one-shot commands (the ogi CLI)
// with their output captured.

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace ogi::testing {

// Paths of the built binaries, set by CMake (OGI_SERVER_BINARY,
// OGI_CLI_BINARY).
std::string ServerBinary();
std::string CliBinary();

// An ogi-server child process. Not thread-safe. Its database normally lives
// in a TempDir (tests/common/temp_dir.h) that the caller declares before the
// ServerProcess, so that the directory goes after the server has stopped.
class ServerProcess {
 public:
  // Starts `binary` with --listen=127.0.0.1:0 --db=<db_path> plus `extra_args`,
  // and waits (up to `timeout`) for its "listening on HOST:PORT" line.
  // First it signs a tester in: `binary add-admin` makes the user "tester",
  // shown as 王科员, of the --agency_code in `extra_args` (or "default"),
  // holding every role, and its token is token(). When that fails (e.g. a
  // damaged database, which tests expect the server to refuse) token() is
  // "" and the server is started all the same.
  static absl::StatusOr<ServerProcess> Start(
      const std::string& db_path, std::vector<std::string> extra_args = {},
      absl::Duration timeout = absl::Seconds(30),
      const std::string& binary = ServerBinary());

  ServerProcess(ServerProcess&& other) noexcept;
  ServerProcess& operator=(ServerProcess&& other) noexcept;
  // Kills the process (SIGKILL) if it still runs.
  ~ServerProcess();

  const std::string& address() const { return address_; }
  // The tester's bearer token, and the metadata value that carries it
  // ("Bearer <token>", under the key "authorization").
  const std::string& token() const { return token_; }
  std::string BearerHeader() const { return "Bearer " + token_; }
  pid_t pid() const { return pid_; }

  // Sends SIGTERM and waits; returns the exit status (0 for a clean stop).
  absl::StatusOr<int> Stop(absl::Duration timeout = absl::Seconds(30));
  // SIGKILL, as in a crash; waits for the process to be gone.
  void Kill();
  // Everything the server wrote to stderr so far (after Stop/Kill: all of it).
  std::string Log();

 private:
  // The server's stderr, drained continuously by a reader thread so that a
  // talkative server never blocks on a full pipe.
  class LogReader;

  ServerProcess() = default;
  pid_t pid_ = -1;
  std::unique_ptr<LogReader> log_;
  std::string address_;
  std::string token_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path) with `env` added to this process's
// environment, no stdin, and returns its exit code and output.
absl::StatusOr<CommandResult> RunCommand(
    const std::vector<std::string>& argv,
    const std::map<std::string, std::string>& env = {},
    absl::Duration timeout = absl::Seconds(60));

}  // namespace ogi::testing

#endif  // OGI_TESTS_COMMON_SERVER_PROCESS_H_
