#ifndef OGI_SERVICES_SERVER_OGI_SERVER_H_
#define OGI_SERVICES_SERVER_OGI_SERVER_H_

// Assembly: opens the store, ensures the default agency, wires the services
// and serves them with the gRPC health service and server reflection.

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "ogi/v1/access_service.pb.h"
#include "services/common/clock.h"
#include "services/deadlines/deadline_engine.h"
#include "services/server/transport_security.h"

namespace ogi {

struct ServerOptions {
  std::string listen = "127.0.0.1:50051";  // host:port; port 0 picks a free one
  std::string db_path = "data/ogi.db";     // parent directories are created
  std::string agency_code = "default";
  std::string agency_name;  // empty: keep the stored name, or "本机关" when new
  int worker_threads = 32;  // run blocking work (SQLite, durable commits)
  int reader_connections = 4;
  // Working days before a due date at which the alert stream raises an alert.
  std::vector<int> alert_thresholds = {5, 3, 1};
  // Pause the answer clock while a fee notice is unpaid (fee measures).
  bool pause_clock_for_fee_payment = true;
  // Working days after arrival by which an application awaiting receipt
  // confirmation (待确认收到) should be confirmed; from then on it is alerted.
  // 0..kMaxConfirmReceiptAlertDays.
  int confirm_receipt_alert_days = kDefaultConfirmReceiptAlertDays;
  // When set, the server runs on a manual clock starting here and serves
  // TestingClockService to move it (tests, demonstrations).
  std::optional<absl::Time> fake_clock_start;
  // TLS, and whether plain text may leave the machine (transport_security.h).
  TlsOptions tls;
};

class OgiServer {
 public:
  // Opens everything and starts serving. The clock must outlive the server;
  // it is not used when options.fake_clock_start is set.
  // FAILED_PRECONDITION for a database from a newer ogi, DATA_LOSS for one
  // that fails PRAGMA integrity_check (the message names the file and the
  // first problems), UNAVAILABLE when the database or the address cannot be
  // opened, INVALID_ARGUMENT for bad options, NOT_FOUND for a TLS file that
  // cannot be read, FAILED_PRECONDITION for plain text on a non-loopback
  // address (see ServerCredentialsFor).
  static absl::StatusOr<std::unique_ptr<OgiServer>> Start(
      const ServerOptions& options, const Clock* clock);

  // Shuts down (see Shutdown) if still running.
  ~OgiServer();

  // The port actually bound (useful with port 0).
  int port() const { return port_; }
  // Absolute path of the database file.
  const std::string& db_path() const { return db_path_; }

  // Stops accepting calls, lets in-flight calls finish (cancelling those
  // still running after `grace`), drains the workers and closes the database
  // cleanly. Idempotent.
  void Shutdown(absl::Duration grace);

 private:
  struct Parts;
  explicit OgiServer(std::unique_ptr<Parts> parts);

  std::unique_ptr<Parts> parts_;
  int port_ = 0;
  std::string db_path_;
};

// `ogi-server backup --db=DB --out=OUT`: copies the database `db_path` to the
// new file `out_path` as one consistent snapshot, also while a server keeps
// serving it (storage/sqlite_backup.h), and returns the line to print: what
// was copied, e.g. "backed up data/ogi.db to /srv/b/ogi.db: 1204 cases, 5310
// history events, 1 agency, schema version 7, 4194304 bytes; integrity_check
// ok". Errors name the flag: INVALID_ARGUMENT "--out: required ...";
// NOT_FOUND "--db: ... does not exist"; FAILED_PRECONDITION "--out: ...
// already exists" (a backup never replaces a file); DATA_LOSS when the
// database is damaged; UNAVAILABLE for file-system errors.
absl::StatusOr<std::string> RunBackup(const std::string& db_path,
                                      const std::string& out_path);

// `ogi-server add-admin`: the first administrator (or a way back in when
// every administrator's token is lost), from the server machine, whose
// access to the database file is the authority.
struct AddAdminOptions {
  std::string db_path = "data/ogi.db";
  // The agency the administrator belongs to, created as the server would
  // (ServerOptions::agency_code/agency_name) when missing.
  std::string agency_code = "default";
  std::string agency_name;
  std::string user;          // login name, e.g. "admin"
  std::string display_name;  // empty: the user's stored one, else `user`
  // Roles besides administrator, by name ("clerk", ...).
  std::vector<std::string> roles;
  int valid_days = 0;  // 0: 90
};

// Creates or re-enables the user with the administrator role (see
// AccessManager::Bootstrap) in the database, also while a server serves it,
// and returns the issued token. Errors name the flags: INVALID_ARGUMENT
// "--user: ..." / "--roles: ..."; the database errors of OgiServer::Start.
absl::StatusOr<v1::IssueTokenResponse> RunAddAdmin(
    const AddAdminOptions& options, const Clock* clock);

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_OGI_SERVER_H_
