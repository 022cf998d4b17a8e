#ifndef OGI_CLI_ACCESS_COMMANDS_H_
#define OGI_CLI_ACCESS_COMMANDS_H_

// Who the caller is and who may do what: `ogi login`, `ogi logout`,
// `ogi whoami`, `ogi user ...` and `ogi token ...` (AccessService).
// Thread-compatible.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/args.h"
#include "cli/client.h"
#include "google/protobuf/repeated_field.h"
#include "ogi/v1/access.pb.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/access_service.pb.h"
#include "ogi/v1/agency_service.grpc.pb.h"

namespace ogi::cli {

// The command table entries for login, logout, whoami, user add|update|list
// and token issue|revoke|list.
std::vector<CommandSpec> AccessCommandSpecs();

// The roles in `value`, a comma-separated list of identifiers
// ("clerk,approver"). Usage error naming --roles for an empty list, an
// unknown role (listing the known ones) or a role given twice.
absl::StatusOr<std::vector<v1::Role>> ParseRoles(absl::string_view value);

// "登记员、审批人": the roles' Chinese labels; with `identifiers`,
// "登记员 (clerk)、审批人 (approver)", the names --roles takes.
std::string RoleLabels(const google::protobuf::RepeatedField<int>& roles,
                       bool identifiers);

// "logged in as 王科员 (wang), default: 登记员、审批人; token tk-3f9a0c12
// expires 2027-02-27" (no newline).
std::string LoginLine(const v1::WhoAmIResponse& who);

// Card: user, agency, roles, readable agencies (one a line), personal data,
// token. Agencies show as "name (code)" with the names in `agencies`; the
// code alone for one it does not hold.
void RenderWhoAmI(const v1::WhoAmIResponse& who,
                  const v1::ListAgenciesResponse& agencies, bool color,
                  std::ostream& out);
// Table 用户名/姓名/机关/角色/停用, one row per user.
void RenderUserTable(const v1::ListUsersResponse& users, bool color,
                     std::ostream& out);
// Table 编号/用户/签发/到期/吊销/备注, one row per token.
void RenderTokenTable(const v1::ListTokensResponse& tokens, bool color,
                      std::ostream& out);

// Command bodies. On failure nothing is written to `out`; RPC failures come
// back through RpcError.

// Takes the token from --token or one line of `in` (prompting "token: " on
// `err` when env.stdin_is_tty), asks WhoAmI with it, and only when that
// succeeds saves it to options.token_file (see WriteTokenFile). Usage error
// for no token, a malformed one, or no token file location.
absl::Status RunLogin(const ParsedArgs& args, const GlobalOptions& options,
                      const Environment& env,
                      v1::AccessService::StubInterface& stub, std::istream& in,
                      std::ostream& out, std::ostream& err);
// Removes options.token_file; not an error when there is none.
absl::Status RunLogout(const ParsedArgs& args, const GlobalOptions& options,
                       const Environment& env, std::ostream& out,
                       std::ostream& err);
// WhoAmI, then ListAgencies for the agencies' names (not with --json, which
// prints the WhoAmI answer as it came).
absl::Status RunWhoAmI(const ParsedArgs& args, const GlobalOptions& options,
                       v1::AccessService::StubInterface& stub,
                       v1::AgencyService::StubInterface& agencies,
                       std::ostream& out);
absl::Status RunUserAdd(const ParsedArgs& args, const GlobalOptions& options,
                        v1::AccessService::StubInterface& stub,
                        std::ostream& out);
// Fetches the user (ListUsers), changes only the fields given, and puts the
// whole user back (PutUser replaces it). NOT_FOUND "not found: user NAME".
absl::Status RunUserUpdate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AccessService::StubInterface& stub,
                           std::ostream& out);
absl::Status RunUserList(const ParsedArgs& args, const GlobalOptions& options,
                         v1::AccessService::StubInterface& stub,
                         std::ostream& out);
// Writes the secret alone on a line to `out` (so that a script can capture
// it) and the token's id and expiry to `err`.
absl::Status RunTokenIssue(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AccessService::StubInterface& stub,
                           std::ostream& out, std::ostream& err);
absl::Status RunTokenRevoke(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::AccessService::StubInterface& stub,
                            std::ostream& out);
absl::Status RunTokenList(const ParsedArgs& args, const GlobalOptions& options,
                          v1::AccessService::StubInterface& stub,
                          std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_ACCESS_COMMANDS_H_
