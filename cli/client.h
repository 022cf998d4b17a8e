#ifndef OGI_CLI_CLIENT_H_
#define OGI_CLI_CLIENT_H_

// The transport face of `ogi`: global options, the bearer token, the gRPC
// channel and stubs, per-call context (authorization metadata, deadline) and
// turning failures into the one-line message and exit code the user sees.

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cli/args.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/calendar_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"

namespace ogi::cli {

// Every call carries the caller's token as "authorization: Bearer <token>"
// (see access_service.proto); the server derives the actor from it.
inline constexpr char kAuthorizationMetadataKey[] = "authorization";
inline constexpr char kDefaultServer[] = "127.0.0.1:50051";
// Deadline of every call but the open-ended alert stream.
inline constexpr absl::Duration kCallTimeout = absl::Seconds(30);

// What `ogi` reads from its process environment. Empty strings stand for
// unset variables. Tests build one by hand, so nothing below reads the real
// process environment but FromProcess.
struct Environment {
  std::string ogi_server;  // $OGI_SERVER
  // $OGI_TLS_CA, $OGI_TLS_CERT, $OGI_TLS_KEY: files, as --tls-ca etc.
  std::string ogi_tls_ca, ogi_tls_cert, ogi_tls_key;
  std::string ogi_token;        // $OGI_TOKEN: the bearer token itself
  std::string ogi_token_file;   // $OGI_TOKEN_FILE, as --token-file
  std::string xdg_config_home;  // $XDG_CONFIG_HOME
  std::string home;             // $HOME
  bool no_color = false;        // $NO_COLOR is set (to anything)
  bool stdout_is_tty = false;
  bool stdin_is_tty = false;  // `ogi login` prompts only on a terminal

  // Reads the variables above, isatty(STDOUT_FILENO) and isatty(STDIN_FILENO).
  static Environment FromProcess();
};

// How the channel to the server is secured: TLS when `ca_pem` is set (the
// server's certificate must be signed by it), with a client certificate when
// `cert_pem` and `key_pem` are; plain text otherwise.
struct ChannelSecurity {
  std::string ca_pem, cert_pem, key_pem;  // PEM contents, read from the files
};

// The global flags after defaults were applied.
struct GlobalOptions {
  std::string server;
  ChannelSecurity tls;
  // Where `ogi login` saves the token and other commands read it (see
  // TokenFilePath); "" when no location is known.
  std::string token_file;
  // The bearer token sent with every call (see LoadToken); "" sends none, and
  // the server answers UNAUTHENTICATED.
  std::string token;
  std::string agency;  // empty: the caller's own agency (server-side)
  bool json = false;
  bool color = false;  // ANSI bold allowed on stdout
};

// The global flag table (--server, --tls-ca, --tls-cert, --tls-key,
// --token-file, --json, --agency, --help).
const std::vector<FlagSpec>& GlobalFlags();

// Applies flags over environment over built-in defaults, reads the TLS files
// and resolves the token file's path (but does not read it: see LoadToken).
// Usage error when the server address is empty, --token-file is empty, a TLS
// file cannot be read, or a client certificate comes without its key, or
// without --tls-ca.
absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const ParsedArgs& args,
                                                   const Environment& env);

// Where the token file is: --token-file, else $OGI_TOKEN_FILE, else
// $XDG_CONFIG_HOME/ogi/token (when that variable holds an absolute path),
// else $HOME/.config/ogi/token; "" when none of them is set.
std::string TokenFilePath(const ParsedArgs& args, const Environment& env);

// The bearer token for this run: $OGI_TOKEN when set, else the contents of
// `token_file` without surrounding whitespace. "" (no token, which is not an
// error) when neither is set, the file does not exist or is empty.
// Usage errors: a token file readable or writable by group or others (the
// message names the file, its mode and the chmod that fixes it), a token file
// that cannot be read, a token that is not printable ASCII without spaces.
absl::StatusOr<std::string> LoadToken(const std::string& token_file,
                                      const Environment& env);

// OK when `token` can travel as a bearer token: not empty, printable ASCII,
// no spaces. Otherwise a usage error "<source>: ..." (e.g. source "--token").
absl::Status CheckTokenText(absl::string_view token, absl::string_view source);

// Sets the authorization metadata (see kAuthorizationMetadataKey; none when
// options.token is empty) and the deadline on a fresh context. Every unary
// call goes through it by way of UnaryCall (unary_call.h); an open-ended
// stream uses PrepareStreamContext.
void PrepareContext(const GlobalOptions& options, grpc::ClientContext* context);

// Like PrepareContext but without a deadline: for streams that stay open until
// the user or the server ends them (WatchAlerts).
void PrepareStreamContext(const GlobalOptions& options,
                          grpc::ClientContext* context);

// A failed call's status as an absl::Status of the same code, marked as the
// server's answer (see IsServerError): for most codes the server's message
// as it came, on one line ("field: rule" for INVALID_ARGUMENT, which the
// command's edge rewrites to name the flags: see flag_fields.h); for an
// unreachable, silent or older server at `server`, a Chinese explanation of
// what to check. ErrorLine adds the Chinese lead and the code's name.
// REQUIRES: !status.ok().
absl::Status RpcError(const grpc::Status& status, absl::string_view server);

// True for statuses made by RpcError.
bool IsServerError(const absl::Status& status);

// `status` with `message` instead of its message, keeping its code and
// payloads (e.g. the marks of IsServerError and IsUsageError).
absl::Status WithMessage(const absl::Status& status, absl::string_view message);

// The one line the user reads for a failed status, "ogi: <message>". For a
// server error (IsServerError) a Chinese lead says what kind of refusal it is
// ("未找到：", none for INVALID_ARGUMENT, whose message names the flag and
// the rule), UNAUTHENTICATED ends with how to sign in, and the gRPC code's
// name follows in brackets: "ogi: --provided: ...（INVALID_ARGUMENT）".
// Other statuses (usage errors, local failures) show their message as is.
// REQUIRES: !status.ok().
std::string ErrorLine(const absl::Status& status);

// A status for a command that did its work and printed its result, but whose
// result fails its own checks (e.g. an annual report whose identities do not
// hold): RunOgi still writes the output, then "ogi: <message>" on stderr as a
// warning, and exits 3 so that scripts can tell.
absl::Status ChecksFailedStatus(absl::string_view message);

// True for statuses made by ChecksFailedStatus.
bool IsChecksFailed(const absl::Status& status);

// 0 for OK, 2 for usage errors, 3 for failed checks (see ChecksFailedStatus),
// 1 for anything else.
int ExitCode(const absl::Status& status);

// The service stubs `ogi` calls. Implementations own whatever channel they
// use.
class ServiceStubs {
 public:
  virtual ~ServiceStubs() = default;
  virtual v1::CaseService::StubInterface& Cases() = 0;
  virtual v1::AgencyService::StubInterface& Agencies() = 0;
  virtual v1::ProcedureService::StubInterface& Procedures() = 0;
  virtual v1::DeadlineService::StubInterface& Deadlines() = 0;
  virtual v1::CalendarService::StubInterface& Calendar() = 0;
  virtual v1::OutcomeService::StubInterface& Outcomes() = 0;
  virtual v1::ProceedingService::StubInterface& Proceedings() = 0;
  virtual v1::ReportService::StubInterface& Reports() = 0;
  virtual v1::AccessService::StubInterface& Access() = 0;
};

// Stubs on a channel to options.server ("host:port"), secured as
// options.tls says. Connects lazily, on
// the first call.
std::unique_ptr<ServiceStubs> MakeGrpcStubs(const GlobalOptions& options);

}  // namespace ogi::cli

#endif  // OGI_CLI_CLIENT_H_
