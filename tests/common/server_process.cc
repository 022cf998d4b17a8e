#include "tests/common/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

extern char** environ;

namespace ogi::testing {
namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Waits for `pid` to exit up to `timeout`; returns its wait status or -1.
// Waits on a pidfd, so there is no polling loop.
int WaitFor(pid_t pid, absl::Duration timeout) {
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    int ready;
    do {
      ready = poll(&p, 1, static_cast<int>(absl::ToInt64Milliseconds(timeout)));
    } while (ready < 0 && errno == EINTR);
    close(pidfd);
    if (ready == 0) return -1;
  }
  int status = 0;
  return waitpid(pid, &status, 0) == pid ? status : -1;
}

}  // namespace

class ServerProcess::LogReader {
 public:
  // Takes ownership of `fd` and reads it until EOF on its own thread.
  explicit LogReader(int fd) : fd_(fd), thread_([this] { Run(); }) {}
  ~LogReader() {
    thread_.join();  // EOF comes once the process is gone
    close(fd_);
  }

  std::string Text() {
    absl::MutexLock lock(&mu_);
    return text_;
  }

  // Waits until `done(text)` holds, EOF, or `deadline`; returns the text.
  template <typename Done>
  std::string WaitFor(Done done, absl::Time deadline) {
    absl::MutexLock lock(&mu_);
    auto ready = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return eof_ || done(text_);
    };
    mu_.AwaitWithDeadline(absl::Condition(&ready), deadline);
    return text_;
  }

 private:
  void Run() {
    char buffer[4096];
    while (true) {
      const ssize_t n = read(fd_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      absl::MutexLock lock(&mu_);
      if (n <= 0) {
        eof_ = true;
        return;
      }
      text_.append(buffer, static_cast<size_t>(n));
    }
  }

  const int fd_;
  absl::Mutex mu_;
  std::string text_ ABSL_GUARDED_BY(mu_);
  bool eof_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

std::string ServerBinary() { return OGI_SERVER_BINARY; }
std::string CliBinary() { return OGI_CLI_BINARY; }

namespace {

// The tester's token from `binary add-admin`, or "" when it fails.
std::string SignInTester(const std::string& binary, const std::string& db_path,
                         const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {binary,
                                   "add-admin",
                                   "--db=" + db_path,
                                   "--user=tester",
                                   "--display_name=王科员",
                                   "--valid_days=366",
                                   "--roles=clerk,approver,legal,statistician,"
                                   "auditor"};
  for (const std::string& arg : extra_args) {
    if (absl::StartsWith(arg, "--agency_code=") ||
        absl::StartsWith(arg, "--agency_name=")) {
      args.push_back(arg);
    }
  }
  absl::StatusOr<CommandResult> result = RunCommand(args);
  if (!result.ok() || result->exit_code != 0) return "";
  return std::string(absl::StripTrailingAsciiWhitespace(result->out));
}

}  // namespace

absl::StatusOr<ServerProcess> ServerProcess::Start(
    const std::string& db_path, std::vector<std::string> extra_args,
    absl::Duration timeout, const std::string& binary) {
  std::string token = db_path == ":memory:"
                          ? std::string()
                          : SignInTester(binary, db_path, extra_args);
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return absl::InternalError(absl::StrCat("pipe: ", std::strerror(errno)));
  }
  std::vector<std::string> args = {binary, "--listen=127.0.0.1:0",
                                   "--db=" + db_path};
  for (std::string& a : extra_args) args.push_back(std::move(a));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  ServerProcess process;
  std::vector<char*> argv = CStrings(args);
  const int rc = posix_spawn(&process.pid_, binary.c_str(), &actions, nullptr,
                             argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    return absl::InternalError(
        absl::StrCat("spawn ", binary, ": ", std::strerror(rc)));
  }
  process.log_ = std::make_unique<LogReader>(pipe_fds[0]);
  const std::string kMarker = "listening on ";
  const std::string log = process.log_->WaitFor(
      [&](const std::string& text) {
        const size_t at = text.find(kMarker);
        return at != std::string::npos &&
               text.find(',', at) != std::string::npos;
      },
      absl::Now() + timeout);
  const size_t at = log.find(kMarker);
  if (at == std::string::npos || log.find(',', at) == std::string::npos) {
    process.Kill();
    return absl::UnavailableError(
        absl::StrCat("ogi-server did not start: ", log));
  }
  const size_t begin = at + kMarker.size();
  process.address_ = log.substr(begin, log.find(',', begin) - begin);
  process.token_ = std::move(token);
  return process;
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      log_(std::move(other.log_)),
      address_(std::move(other.address_)),
      token_(std::move(other.token_)) {}

ServerProcess& ServerProcess::operator=(ServerProcess&& other) noexcept {
  if (this != &other) {
    Kill();
    pid_ = std::exchange(other.pid_, -1);
    log_ = std::move(other.log_);
    address_ = std::move(other.address_);
    token_ = std::move(other.token_);
  }
  return *this;
}

ServerProcess::~ServerProcess() { Kill(); }

absl::StatusOr<int> ServerProcess::Stop(absl::Duration timeout) {
  if (pid_ < 0) return absl::FailedPreconditionError("server not running");
  kill(pid_, SIGTERM);
  const int status = WaitFor(pid_, timeout);
  if (status == -1) {
    Kill();
    return absl::DeadlineExceededError("ogi-server did not stop in time");
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ServerProcess::Kill() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    WaitFor(pid_, absl::Seconds(30));
    pid_ = -1;
  }
}

std::string ServerProcess::Log() {
  if (log_ == nullptr) return "";
  if (pid_ > 0) return log_->Text();
  // The process is gone: wait briefly for the reader to reach EOF.
  return log_->WaitFor([](const std::string&) { return false; },
                       absl::Now() + absl::Seconds(5));
}

absl::StatusOr<CommandResult> RunCommand(
    const std::vector<std::string>& argv_in,
    const std::map<std::string, std::string>& env, absl::Duration timeout) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    return absl::InternalError("pipe failed");
  }
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    absl::string_view entry(*e);
    const std::string key(entry.substr(0, entry.find('=')));
    if (env.count(key) == 0) env_strings.emplace_back(entry);
  }
  for (const auto& [key, value] : env) env_strings.push_back(key + "=" + value);
  std::vector<std::string> args = argv_in;
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env_strings);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0].c_str(), &actions, nullptr,
                             argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return absl::InternalError(
        absl::StrCat("spawn ", args[0], ": ", std::strerror(rc)));
  }
  CommandResult result;
  const absl::Time deadline = absl::Now() + timeout;
  bool out_open = true, err_open = true;
  char buffer[4096];
  while ((out_open || err_open) && absl::Now() < deadline) {
    pollfd fds[2] = {{out_open ? out_pipe[0] : -1, POLLIN, 0},
                     {err_open ? err_pipe[0] : -1, POLLIN, 0}};
    if (poll(fds, 2, 100) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        (i == 0 ? out_open : err_open) = false;
      } else {
        (i == 0 ? result.out : result.err)
            .append(buffer, static_cast<size_t>(n));
      }
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  if (out_open || err_open) kill(pid, SIGKILL);
  const int status = WaitFor(pid, absl::Seconds(30));
  if (out_open || err_open) {
    return absl::DeadlineExceededError(absl::StrCat(args[0], " timed out"));
  }
  result.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace ogi::testing
