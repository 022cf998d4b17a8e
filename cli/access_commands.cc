#include "cli/access_commands.h"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/command_context.h"
#include "cli/flag_values.h"
#include "cli/paged_list.h"
#include "cli/render.h"
#include "cli/token_file.h"
#include "cli/unary_call.h"
#include "google/protobuf/struct.pb.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

const google::protobuf::EnumDescriptor* RoleType() {
  return v1::Role_descriptor();
}

std::string RoleIdentifierList() {
  return absl::StrJoin(EnumIdentifiers(RoleType()), ", ");
}

// Turns off the terminal's echo of standard input while it lives, so that a
// token typed or pasted at the prompt does not stay on the screen. Does
// nothing when `active` is false (input is not a terminal).
class ScopedNoEcho {
 public:
  explicit ScopedNoEcho(bool active) {
    if (!active || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    restore_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~ScopedNoEcho() {
    if (restore_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  ScopedNoEcho(const ScopedNoEcho&) = delete;
  ScopedNoEcho& operator=(const ScopedNoEcho&) = delete;

 private:
  termios saved_{};
  bool restore_ = false;
};

// "王科员 (wang)"; the login name alone when there is no display name.
std::string UserName(const v1::User& user) {
  if (user.display_name().empty()) return user.name();
  return absl::StrCat(user.display_name(), " (", user.name(), ")");
}

// "wang (王科员), default: 登记员、审批人", and ", disabled" for a disabled
// user.
std::string UserLine(const v1::User& user) {
  std::string line = absl::StrCat(user.name());
  if (!user.display_name().empty()) {
    absl::StrAppend(&line, " (", user.display_name(), ")");
  }
  absl::StrAppend(&line, ", ",
                  user.agency_code().empty() ? "-" : user.agency_code(), ": ",
                  RoleLabels(user.roles(), /*identifiers=*/false));
  if (user.disabled()) absl::StrAppend(&line, ", disabled");
  return line;
}

// All users in the caller's scope, or of `agency_code` when not empty:
// every page.
absl::StatusOr<v1::ListUsersResponse> ListUsers(
    const GlobalOptions& options, v1::AccessService::StubInterface& stub,
    const std::string& agency_code) {
  v1::ListUsersRequest request;
  request.set_agency_code(agency_code);
  return FetchAllPages<v1::ListUsersResponse>(
      options, request,
      [&](grpc::ClientContext* context, const v1::ListUsersRequest& page,
          v1::ListUsersResponse* out) {
        return stub.ListUsers(context, page, out);
      });
}

// The user named `name` among `users`, or nullptr.
const v1::User* FindUser(const v1::ListUsersResponse& users,
                         const std::string& name) {
  for (const v1::User& user : users.users()) {
    if (user.name() == name) return &user;
  }
  return nullptr;
}

absl::StatusOr<v1::User> PutUser(const GlobalOptions& options,
                                 v1::AccessService::StubInterface& stub,
                                 const v1::PutUserRequest& request) {
  return UnaryCall(options, stub, &v1::AccessService::StubInterface::PutUser,
                   request);
}

// Sets the user's roles from `value` (see ParseRoles).
absl::Status SetRoles(absl::string_view value, v1::User& user) {
  OGI_ASSIGN_OR_RETURN(const std::vector<v1::Role> roles, ParseRoles(value));
  user.clear_roles();
  for (const v1::Role role : roles) user.add_roles(role);
  return absl::OkStatus();
}

FlagSpec RolesFlag(absl::string_view verb) {
  return {"roles", "LIST",
          absl::StrCat(verb, ", comma-separated: ", RoleIdentifierList())};
}

}  // namespace

std::vector<CommandSpec> AccessCommandSpecs() {
  const std::string roles_details = absl::StrCat(
      "Roles (--roles): clerk 登记员 logs applications and procedural steps; "
      "approver 审批人\ndecides extensions, deferrals and conclusions; legal "
      "法制审核 handles reviews and\nlawsuits; statistician 统计员 the annual "
      "report; auditor 审计员 reads everything;\nadministrator 管理员 users, "
      "tokens, agencies and the calendar.\n");
  return {
      CommandSpec{
          {"login"},
          {},
          false,
          "Check a token with the server and save it for later commands.",
          "Takes the token from --token or else reads one line of standard "
          "input (type or paste\nit at the prompt, or \"ogi login < FILE\"). "
          "Only when the server accepts it is it\nwritten to the token file "
          "(see --token-file), readable by you alone (mode 0600).\n$OGI_TOKEN, "
          "when set, is used instead of the token file.\n",
          {{"token", "TOKEN",
            "the token (the process list and shell history show it: prefer "
            "standard input)"}}}
          .Runs([](const CommandContext& c) {
            return RunLogin(c.args, c.options, c.env, c.stubs->Access(), c.in,
                            c.out, c.err);
          })
          .WithSetup(CommandSetup::kServerWithoutToken),
      CommandSpec{{"logout"},
                  {},
                  false,
                  "Remove the saved token file.",
                  "The token stays valid on the server until it expires or is "
                  "revoked (ogi token revoke).\n",
                  {}}
          .Runs([](const CommandContext& c) {
            return RunLogout(c.args, c.options, c.env, c.out, c.err);
          })
          .WithSetup(CommandSetup::kOptionsOnly),
      CommandSpec{
          {"whoami"},
          {},
          false,
          "Show the token's user, agency (name and code), roles and expiry.",
          "",
          {}}
          .Runs([](const CommandContext& c) {
            return RunWhoAmI(c.args, c.options, c.stubs->Access(),
                             c.stubs->Agencies(), c.out);
          }),
      CommandSpec{
          {"user", "add"},
          {"NAME"},
          false,
          "Create a staff account (administrator).",
          absl::StrCat("NAME is the login name: a-z, 0-9, '.', '_', '-'. Then "
                       "issue a token for it\n(ogi token issue NAME).\n",
                       roles_details),
          {FlagSpec{
               "display-name", "TEXT",
               "the name events and documents show, e.g. 王科员 (required)"}
               .Required(),
           FlagSpec{"agency", "CODE", "the user's agency (default: yours)"}
               .Fills({"user.agency_code"}),
           RolesFlag("the user's roles (required)").Required()}}
          .Runs(Handler(&RunUserAdd, &ServiceStubs::Access)),
      CommandSpec{
          {"user", "update"},
          {"NAME"},
          false,
          "Change a staff account's name, agency, roles or status "
          "(administrator).",
          absl::StrCat("Only the fields given change.\n", roles_details),
          {{"display-name", "TEXT", "the new display name"},
           FlagSpec{"agency", "CODE", "the user's new agency"}.Fills(
               {"user.agency_code"}),
           RolesFlag("the user's roles from now on"),
           {"disable", "", "disable the account: its tokens are refused"},
           {"enable", "", "enable a disabled account again"}}}
          .Runs(Handler(&RunUserUpdate, &ServiceStubs::Access)),
      CommandSpec{{"user", "list"},
                  {},
                  false,
                  "List the staff accounts (administrator).",
                  "",
                  {{"agency", "CODE", "only the users of this agency"}}}
          .Runs(Handler(&RunUserList, &ServiceStubs::Access)),
      CommandSpec{
          {"token", "issue"},
          {"USER"},
          false,
          "Issue a token for a user (administrator); prints the secret once.",
          "The secret goes alone to standard output, e.g. TOKEN=$(ogi token "
          "issue wang);\nits id and expiry to standard error. It cannot be "
          "shown again. The user saves it\nwith \"ogi login\".\n",
          {FlagSpec{"days", "N",
                    "days the token is valid, 1 to 366 (default: 90)"}
               .Fills({"valid_days"}),
           {"note", "TEXT", "what the token is for, e.g. 王科员的办公电脑"}}}
          .Runs(Handler(&RunTokenIssue, &ServiceStubs::Access)),
      CommandSpec{{"token", "revoke"},
                  {"ID"},
                  false,
                  "Revoke a token at once (administrator); ID as in \"ogi "
                  "token list\".",
                  "",
                  {}}
          .Runs(Handler(&RunTokenRevoke, &ServiceStubs::Access)),
      CommandSpec{{"token", "list"},
                  {},
                  false,
                  "List the tokens, newest first (administrator).",
                  "",
                  {{"user", "NAME", "only the tokens of this user"}}}
          .Runs(Handler(&RunTokenList, &ServiceStubs::Access)),
  };
}

absl::StatusOr<std::vector<v1::Role>> ParseRoles(absl::string_view value) {
  std::vector<v1::Role> roles;
  for (absl::string_view part : absl::StrSplit(value, ',')) {
    part = absl::StripAsciiWhitespace(part);
    if (part.empty()) continue;
    OGI_ASSIGN_OR_RETURN(const v1::Role role,
                         ParseEnumFlag<v1::Role>(part, "roles"));
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) {
      return UsageError(absl::StrCat("--roles: ", part, " 重复给出"));
    }
    roles.push_back(role);
  }
  if (roles.empty()) {
    return UsageError(
        absl::StrCat("--roles: 至少给出一个角色：", RoleIdentifierList()));
  }
  return roles;
}

std::string RoleLabels(const google::protobuf::RepeatedField<int>& roles,
                       bool identifiers) {
  std::vector<std::string> labels;
  for (const int role : roles) {
    std::string label = EnumLabel(RoleType(), role);
    if (identifiers) {
      absl::StrAppend(&label, " (", EnumIdentifier(RoleType(), role), ")");
    }
    labels.push_back(std::move(label));
  }
  return absl::StrJoin(labels, "、");
}

std::string LoginLine(const v1::WhoAmIResponse& who) {
  return absl::StrCat(
      "logged in as ", UserName(who.user()), ", ", who.user().agency_code(),
      ": ", RoleLabels(who.user().roles(), /*identifiers=*/false), "; token ",
      who.token().id(), " expires ", FormatChinaDate(who.token().expires_at()));
}

namespace {

// "聊城市行政审批服务局 (lc-xzsp)" for `code`; the code alone when `agencies`
// does not hold it.
std::string AgencyName(const std::string& code,
                       const v1::ListAgenciesResponse& agencies) {
  for (const v1::Agency& agency : agencies.agencies()) {
    if (agency.code() == code && !agency.name().empty()) {
      return absl::StrCat(agency.name(), " (", code, ")");
    }
  }
  return code;
}

}  // namespace

void RenderWhoAmI(const v1::WhoAmIResponse& who,
                  const v1::ListAgenciesResponse& agencies, bool color,
                  std::ostream& out) {
  Card card;
  card.Add("用户", UserName(who.user()));
  card.Add("机关", AgencyName(who.user().agency_code(), agencies));
  card.Add("角色", RoleLabels(who.user().roles(), /*identifiers=*/true));
  std::vector<std::string> readable;
  for (const std::string& code : who.readable_agency_codes()) {
    readable.push_back(AgencyName(code, agencies));
  }
  card.Add("可查阅机关", absl::StrJoin(readable, "\n"));
  card.Add("个人信息",
           who.sees_personal_data() ? "完整显示" : "证件号码和电话部分隐去");
  card.Add("令牌", who.token().id());
  card.AddIfPresent("有效期至", FormatChinaTime(who.token().expires_at()));
  if (who.user().disabled()) card.Add("状态", "已停用");
  card.Render(out, color);
}

void RenderUserTable(const v1::ListUsersResponse& users, bool color,
                     std::ostream& out) {
  Table table({"用户名", "姓名", "机关", "角色", "状态"});
  for (const v1::User& user : users.users()) {
    table.AddRow({user.name(), user.display_name(), user.agency_code(),
                  RoleLabels(user.roles(), /*identifiers=*/true),
                  user.disabled() ? "已停用" : "启用"});
  }
  table.Render(out, color);
}

void RenderTokenTable(const v1::ListTokensResponse& tokens, bool color,
                      std::ostream& out) {
  Table table({"编号", "用户", "签发", "到期", "吊销", "备注"});
  for (const v1::TokenInfo& token : tokens.tokens()) {
    table.AddRow({token.id(), token.user_name(),
                  FormatChinaTime(token.issued_at()),
                  FormatChinaTime(token.expires_at()),
                  FormatChinaTime(token.revoked_at()), token.note()});
  }
  table.Render(out, color);
}

absl::Status RunLogin(const ParsedArgs& args, const GlobalOptions& options,
                      const Environment& env,
                      v1::AccessService::StubInterface& stub, std::istream& in,
                      std::ostream& out, std::ostream& err) {
  std::string token;
  std::string source;
  if (args.Has("token")) {
    token = args.Get("token");
    source = "--token";
  } else {
    if (env.stdin_is_tty) err << "token: " << std::flush;
    {
      ScopedNoEcho no_echo(env.stdin_is_tty);
      std::getline(in, token);
    }
    if (env.stdin_is_tty) err << '\n';
    source = "standard input";
  }
  absl::StripAsciiWhitespace(&token);
  if (token.empty()) {
    return UsageError("未给出令牌：请用 --token TOKEN 或从标准输入给出");
  }
  OGI_RETURN_IF_ERROR(CheckTokenText(token, source));
  if (options.token_file.empty()) {
    return UsageError(
        "令牌无处保存：请给出 --token-file，或设置 "
        "$OGI_TOKEN_FILE、$XDG_CONFIG_HOME 或 $HOME");
  }

  GlobalOptions with_token = options;
  with_token.token = token;
  const absl::StatusOr<v1::WhoAmIResponse> who =
      UnaryCall(with_token, stub, &v1::AccessService::StubInterface::WhoAmI,
                v1::WhoAmIRequest());
  if (who.status().code() == absl::StatusCode::kUnauthenticated) {
    // Not the usual server error: the token was the user's input.
    std::string text = "服务器拒绝了此令牌，未保存";
    if (!who.status().message().empty()) {
      absl::StrAppend(&text, "（", who.status().message(), "）");
    }
    return absl::UnauthenticatedError(
        absl::StrCat(text, "（UNAUTHENTICATED）"));
  }
  if (!who.ok()) return who.status();

  OGI_RETURN_IF_ERROR(WriteTokenFile(options.token_file, token));
  if (!env.ogi_token.empty()) {
    err << "ogi: 注意：已设置 $OGI_TOKEN，在取消设置之前使用它而不是 "
        << options.token_file << "\n";
  }
  if (options.json) return WriteJson(*who, out);
  out << LoginLine(*who) << '\n';
  return absl::OkStatus();
}

absl::Status RunLogout(const ParsedArgs& args, const GlobalOptions& options,
                       const Environment& env, std::ostream& out,
                       std::ostream& err) {
  bool removed = false;
  if (!options.token_file.empty()) {
    OGI_ASSIGN_OR_RETURN(removed, RemoveTokenFile(options.token_file));
  }
  if (!env.ogi_token.empty()) {
    err << "ogi: 注意：$OGI_TOKEN 仍已设置；取消设置它才算退出登录\n";
  }
  if (options.json) {
    google::protobuf::Struct result;
    (*result.mutable_fields())["token_file"].set_string_value(
        options.token_file);
    (*result.mutable_fields())["removed"].set_bool_value(removed);
    return WriteJson(result, out);
  }
  if (removed) {
    out << "removed " << options.token_file << '\n';
  } else if (options.token_file.empty()) {
    out << "no token file to remove\n";
  } else {
    out << "no token file at " << options.token_file << "; nothing to do\n";
  }
  return absl::OkStatus();
}

absl::Status RunWhoAmI(const ParsedArgs& args, const GlobalOptions& options,
                       v1::AccessService::StubInterface& stub,
                       v1::AgencyService::StubInterface& agencies,
                       std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(
      const v1::WhoAmIResponse who,
      UnaryCall(options, stub, &v1::AccessService::StubInterface::WhoAmI,
                v1::WhoAmIRequest()));
  if (options.json) return WriteJson(who, out);
  // The agencies the user may read, for their names (any signed-in user may
  // list them).
  OGI_ASSIGN_OR_RETURN(
      const v1::ListAgenciesResponse names,
      FetchAllPages<v1::ListAgenciesResponse>(
          options, v1::ListAgenciesRequest(),
          [&](grpc::ClientContext* context, const v1::ListAgenciesRequest& page,
              v1::ListAgenciesResponse* response) {
            return agencies.ListAgencies(context, page, response);
          }));
  RenderWhoAmI(who, names, options.color, out);
  return absl::OkStatus();
}

absl::Status RunUserAdd(const ParsedArgs& args, const GlobalOptions& options,
                        v1::AccessService::StubInterface& stub,
                        std::ostream& out) {
  v1::User user;
  user.set_name(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(*user.mutable_display_name(),
                       RequiredTextFlag(args, "display-name"));
  // Empty: the server puts the user in the administrator's own agency.
  user.set_agency_code(args.Get("agency"));
  OGI_RETURN_IF_ERROR(SetRoles(args.Get("roles"), user));

  // PutUser would silently replace an existing user: "add" must not.
  OGI_ASSIGN_OR_RETURN(const v1::ListUsersResponse existing,
                       ListUsers(options, stub, ""));
  if (FindUser(existing, user.name()) != nullptr) {
    return absl::AlreadyExistsError(absl::StrCat(
        "用户 ", user.name(), " 已存在；修改请用 \"ogi user update ",
        user.name(), "\"（ALREADY_EXISTS）"));
  }
  v1::PutUserRequest request;
  *request.mutable_user() = std::move(user);
  OGI_ASSIGN_OR_RETURN(const v1::User added, PutUser(options, stub, request));
  if (options.json) return WriteJson(added, out);
  out << "added user " << UserLine(added) << '\n';
  return absl::OkStatus();
}

absl::Status RunUserUpdate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AccessService::StubInterface& stub,
                           std::ostream& out) {
  const std::string& name = args.positionals().at(0);
  const bool disable = args.Get("disable") == "true";
  const bool enable = args.Get("enable") == "true";
  if (disable && enable) {
    return UsageError("--disable、--enable: 只能给出其中一个");
  }
  if (!args.Has("display-name") && !args.Has("agency") && !args.Has("roles") &&
      !disable && !enable) {
    return UsageError(
        "没有要修改的内容：请给出 --display-name、--agency、--roles、--disable "
        "或 --enable");
  }
  // Check every flag before the first call.
  v1::User changes;
  if (args.Has("display-name")) {
    OGI_ASSIGN_OR_RETURN(*changes.mutable_display_name(),
                         RequiredTextFlag(args, "display-name"));
  }
  if (args.Has("agency") && args.Get("agency").empty()) {
    return UsageError("--agency: 不能为空");
  }
  if (args.Has("roles"))
    OGI_RETURN_IF_ERROR(SetRoles(args.Get("roles"), changes));

  OGI_ASSIGN_OR_RETURN(const v1::ListUsersResponse users,
                       ListUsers(options, stub, ""));
  const v1::User* current = FindUser(users, name);
  if (current == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("未找到用户 ", name, "（NOT_FOUND）"));
  }
  // Only the fields given, named in the mask (so --enable can send
  // disabled=false), against the version read: a change another
  // administrator made meanwhile is refused (ABORTED), never overwritten.
  v1::PutUserRequest request;
  v1::User& user = *request.mutable_user();
  user.set_name(name);
  google::protobuf::FieldMask& mask = *request.mutable_update_mask();
  if (args.Has("display-name")) {
    user.set_display_name(changes.display_name());
    mask.add_paths("display_name");
  }
  if (args.Has("agency")) {
    user.set_agency_code(args.Get("agency"));
    mask.add_paths("agency_code");
  }
  if (args.Has("roles")) {
    *user.mutable_roles() = changes.roles();
    mask.add_paths("roles");
  }
  if (disable || enable) {
    user.set_disabled(disable);
    mask.add_paths("disabled");
  }
  request.set_etag(current->etag());

  OGI_ASSIGN_OR_RETURN(const v1::User updated, PutUser(options, stub, request));
  if (options.json) return WriteJson(updated, out);
  out << "updated user " << UserLine(updated) << '\n';
  return absl::OkStatus();
}

absl::Status RunUserList(const ParsedArgs& args, const GlobalOptions& options,
                         v1::AccessService::StubInterface& stub,
                         std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::ListUsersResponse users,
                       ListUsers(options, stub, args.Get("agency")));
  if (options.json) return WriteJson(users, out);
  RenderUserTable(users, options.color, out);
  return absl::OkStatus();
}

absl::Status RunTokenIssue(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AccessService::StubInterface& stub,
                           std::ostream& out, std::ostream& err) {
  v1::IssueTokenRequest request;
  request.set_user_name(args.positionals().at(0));
  if (args.Has("days")) {
    OGI_ASSIGN_OR_RETURN(const int32_t days,
                         ParseIntValue(args.Get("days"), "--days", 1, 366));
    request.set_valid_days(days);
  }
  request.set_note(args.Get("note"));
  OGI_ASSIGN_OR_RETURN(
      const v1::IssueTokenResponse issued,
      UnaryCall(options, stub, &v1::AccessService::StubInterface::IssueToken,
                request));
  if (options.json) return WriteJson(issued, out);
  // The secret alone on stdout, so that TOKEN=$(ogi token issue wang) works.
  out << issued.token() << '\n';
  err << "token " << issued.info().id() << " for " << issued.info().user_name()
      << " expires " << FormatChinaDate(issued.info().expires_at())
      << "; the secret above is shown only this once\n";
  return absl::OkStatus();
}

absl::Status RunTokenRevoke(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::AccessService::StubInterface& stub,
                            std::ostream& out) {
  v1::RevokeTokenRequest request;
  request.set_token_id(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(
      const v1::TokenInfo revoked,
      UnaryCall(options, stub, &v1::AccessService::StubInterface::RevokeToken,
                request));
  if (options.json) return WriteJson(revoked, out);
  out << "revoked token " << revoked.id() << " of " << revoked.user_name()
      << " at " << FormatChinaTime(revoked.revoked_at()) << '\n';
  return absl::OkStatus();
}

absl::Status RunTokenList(const ParsedArgs& args, const GlobalOptions& options,
                          v1::AccessService::StubInterface& stub,
                          std::ostream& out) {
  v1::ListTokensRequest request;
  request.set_user_name(args.Get("user"));
  OGI_ASSIGN_OR_RETURN(
      const v1::ListTokensResponse tokens,
      FetchAllPages<v1::ListTokensResponse>(
          options, request,
          [&](grpc::ClientContext* context, const v1::ListTokensRequest& page,
              v1::ListTokensResponse* response) {
            return stub.ListTokens(context, page, response);
          }));
  if (options.json) return WriteJson(tokens, out);
  RenderTokenTable(tokens, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
