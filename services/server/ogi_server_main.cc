// ogi-server: serves the ogi gRPC API on an embedded SQLite database;
// `ogi-server backup` copies that database while it is being served.
// This file only maps flags to ServerOptions, starts the server and waits for
// SIGINT/SIGTERM, or runs the backup.

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/common/clock.h"
#include "services/server/ogi_server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "Address to serve on, host:port (port 0 picks a free port).");
ABSL_FLAG(std::string, db, "data/ogi.db",
          "SQLite database file; created with its directory when missing.");
ABSL_FLAG(std::string, agency_code, "default",
          "Code of the agency made on first start (add-admin: the agency "
          "of the administrator). Requests that name no agency act on the "
          "caller's own.");
ABSL_FLAG(std::string, agency_name, "",
          "Name of the default agency (sets or renames it; when empty a new "
          "agency is named 本机关).");
ABSL_FLAG(int, worker_threads, 32,
          "Threads that run requests (they wait on SQLite and disk syncs).");
ABSL_FLAG(int, reader_connections, 4, "Read-only SQLite connections.");
ABSL_FLAG(std::vector<std::string>, alert_thresholds,
          std::vector<std::string>({"5", "3", "1"}),
          "Working days before a due date at which the alert stream raises "
          "an alert (comma-separated).");
ABSL_FLAG(bool, pause_clock_for_fee_payment, true,
          "Pause the answer clock while a fee notice is unpaid.");
ABSL_FLAG(int, confirm_receipt_alert_days, ogi::kDefaultConfirmReceiptAlertDays,
          "Working days after arrival by which an application awaiting "
          "receipt confirmation (ordinary mail, online, fax, email) should be "
          "confirmed; from then on it is alerted (0 to 20).");
ABSL_FLAG(std::string, fake_clock_start, "",
          "FOR TESTS: run on a manual clock starting at this RFC 3339 time "
          "(e.g. 2025-10-20T09:00:00+08:00) and serve TestingClockService.");
ABSL_FLAG(int, shutdown_grace_seconds, 10,
          "On SIGINT/SIGTERM, how long in-flight calls may take to finish; "
          "then they are cancelled, and if the server has still not stopped "
          "5 s later it exits with code 3.");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain: serve TLS (with --tls_key_file).");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key of --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA certificates: require client certificates they signed.");
ABSL_FLAG(bool, allow_insecure_plaintext, false,
          "Serve plain text on a non-loopback --listen address (otherwise "
          "refused: use TLS).");
ABSL_FLAG(std::string, out, "",
          "backup: the new file to copy --db to (never replaced if it "
          "exists).");
ABSL_FLAG(std::string, user, "",
          "add-admin: login name of the administrator to create or "
          "re-enable (e.g. admin).");
ABSL_FLAG(std::string, display_name, "",
          "add-admin: the name history events show (default: --user).");
ABSL_FLAG(std::vector<std::string>, roles, {},
          "add-admin: further roles besides administrator, comma-separated "
          "(clerk,approver,legal,statistician,auditor).");
ABSL_FLAG(int, valid_days, 0,
          "add-admin: days the token is valid (default 90, at most 366).");

namespace {

// How long after the grace the shutdown may still take before the watchdog
// ends the process, and the exit code it ends it with.
constexpr absl::Duration kShutdownWatchdogSlack = absl::Seconds(5);
constexpr int kShutdownWatchdogExitCode = 3;

// `ogi-server add-admin`: prints the token alone on stdout (for scripts) and
// what it is on stderr. Returns the exit code as Subcommand.
int AddAdminCommand() {
  ogi::AddAdminOptions options;
  options.db_path = absl::GetFlag(FLAGS_db);
  options.agency_code = absl::GetFlag(FLAGS_agency_code);
  options.agency_name = absl::GetFlag(FLAGS_agency_name);
  options.user = absl::GetFlag(FLAGS_user);
  options.display_name = absl::GetFlag(FLAGS_display_name);
  options.roles = absl::GetFlag(FLAGS_roles);
  options.valid_days = absl::GetFlag(FLAGS_valid_days);
  ogi::SystemClock clock;
  absl::StatusOr<ogi::v1::IssueTokenResponse> issued =
      ogi::RunAddAdmin(options, &clock);
  if (!issued.ok()) {
    std::fprintf(stderr, "ogi-server: add-admin: %s\n",
                 std::string(issued.status().message()).c_str());
    return issued.status().code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  std::printf("%s\n", issued->token().c_str());
  std::fprintf(stderr,
               "ogi-server: add-admin: token %s for %s of %s, valid until %s; "
               "it is shown only now (ogi login reads it)\n",
               issued->info().id().c_str(), options.user.c_str(),
               options.agency_code.c_str(),
               absl::FormatTime(
                   "%Y-%m-%d %H:%M",
                   absl::FromUnixSeconds(issued->info().expires_at().seconds()),
                   ogi::ChinaTimeZone())
                   .c_str());
  return 0;
}

// `ogi-server backup` or `ogi-server add-admin`: the positional arguments
// after the program name must be exactly one of them. Returns the exit
// code: 0, 1 when the command failed, 2 for a usage error.
int Subcommand(const std::vector<char*>& positional) {
  const std::string command = positional[1];
  const bool known = command == "backup" || command == "add-admin";
  if (!known || positional.size() > 2) {
    std::fprintf(stderr,
                 "ogi-server: unexpected argument \"%s\" (the commands are "
                 "backup and add-admin)\n",
                 positional[known ? 2 : 1]);
    return 2;
  }
  if (command == "add-admin") return AddAdminCommand();
  absl::StatusOr<std::string> done =
      ogi::RunBackup(absl::GetFlag(FLAGS_db), absl::GetFlag(FLAGS_out));
  if (!done.ok()) {
    std::fprintf(stderr, "ogi-server: backup: %s\n",
                 std::string(done.status().message()).c_str());
    return done.status().code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  std::printf("%s\n", done->c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "ogi-server [--listen=127.0.0.1:50051] [--db=data/ogi.db] ...\n"
      "Serves the ogi.v1 services, the gRPC health service and server "
      "reflection.\n"
      "ogi-server backup --db=data/ogi.db --out=FILE\n"
      "Copies the database, also while a server serves it, to the new FILE.\n"
      "ogi-server add-admin --db=data/ogi.db --user=NAME [--display_name=…] "
      "[--roles=…]\n"
      "Creates or re-enables an administrator and prints a token for it.");
  const std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() > 1) return Subcommand(positional);
  if (!absl::GetFlag(FLAGS_out).empty()) {
    std::fprintf(stderr, "ogi-server: --out: only for ogi-server backup\n");
    return 2;
  }

  // Block the shutdown signals in every thread; the main thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ogi::ServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.db_path = absl::GetFlag(FLAGS_db);
  options.agency_code = absl::GetFlag(FLAGS_agency_code);
  options.agency_name = absl::GetFlag(FLAGS_agency_name);
  options.worker_threads = absl::GetFlag(FLAGS_worker_threads);
  options.reader_connections = absl::GetFlag(FLAGS_reader_connections);
  options.pause_clock_for_fee_payment =
      absl::GetFlag(FLAGS_pause_clock_for_fee_payment);
  options.confirm_receipt_alert_days =
      absl::GetFlag(FLAGS_confirm_receipt_alert_days);
  options.alert_thresholds.clear();
  for (const std::string& text : absl::GetFlag(FLAGS_alert_thresholds)) {
    int days = 0;
    if (!absl::SimpleAtoi(text, &days)) {
      std::fprintf(stderr,
                   "ogi-server: --alert_thresholds: \"%s\" is not a number\n",
                   text.c_str());
      return 2;
    }
    options.alert_thresholds.push_back(days);
  }
  if (const std::string start = absl::GetFlag(FLAGS_fake_clock_start);
      !start.empty()) {
    absl::Time t;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, start, &t, &error)) {
      std::fprintf(stderr, "ogi-server: --fake_clock_start: %s\n",
                   error.c_str());
      return 2;
    }
    options.fake_clock_start = t;
  }
  options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  options.tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  options.tls.allow_insecure_plaintext =
      absl::GetFlag(FLAGS_allow_insecure_plaintext);

  ogi::SystemClock clock;
  absl::StatusOr<std::unique_ptr<ogi::OgiServer>> server =
      ogi::OgiServer::Start(options, &clock);
  if (!server.ok()) {
    std::fprintf(stderr, "ogi-server: %s\n",
                 std::string(server.status().message()).c_str());
    return 1;
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::fprintf(stderr,
               "ogi-server: listening on %s:%d, database %s, default agency "
               "\"%s\"%s%s\n",
               host.c_str(), (*server)->port(), (*server)->db_path().c_str(),
               options.agency_code.c_str(),
               options.tls.cert_file.empty() ? ", plain text"
               : options.tls.client_ca_file.empty()
                   ? ", TLS"
                   : ", TLS with client certificates",
               options.fake_clock_start ? ", FAKE CLOCK (testing)" : "");
  std::fflush(stderr);

  int received = 0;
  sigwait(&signals, &received);
  std::fprintf(stderr, "ogi-server: %s received, finishing in-flight calls\n",
               received == SIGINT ? "SIGINT" : "SIGTERM");
  const absl::Duration grace =
      absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
  // Last resort: calls still running after the grace are cancelled and end
  // at their next cancellation check, but work that never checks must not
  // hold the process forever. Ending it then loses nothing acknowledged:
  // SQLite's write-ahead log keeps every committed transaction (the next
  // open replays it), and an uncommitted one was never answered as done.
  absl::Notification stopped;
  std::thread watchdog([&stopped, limit = grace + kShutdownWatchdogSlack] {
    if (stopped.WaitForNotificationWithTimeout(limit)) return;
    std::fprintf(stderr,
                 "ogi-server: shutdown still not finished %s after the "
                 "signal; exiting now (committed transactions are kept in "
                 "the database's write-ahead log)\n",
                 absl::FormatDuration(limit).c_str());
    std::fflush(stderr);
    _exit(kShutdownWatchdogExitCode);
  });
  (*server)->Shutdown(grace);
  stopped.Notify();
  watchdog.join();
  std::fprintf(stderr, "ogi-server: stopped; database closed cleanly\n");
  return 0;
}
