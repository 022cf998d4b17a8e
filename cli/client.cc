#include "cli/client.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "cli/input_file.h"
#include "cli/token_file.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

constexpr absl::string_view kChecksFailedPayloadUrl =
    "type.ogi/cli.ChecksFailed";
constexpr absl::string_view kServerErrorPayloadUrl = "type.ogi/cli.ServerError";

std::string GetEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

// What ends the line of an UNAUTHENTICATED failure: how to get a token.
constexpr absl::string_view kLoginHint =
    "请用 ogi login 登录（令牌向管理员索取），或设置 OGI_TOKEN";

// Server messages are meant to be one line; make sure of it.
std::string OneLine(absl::string_view text) {
  std::string line = absl::StrReplaceAll(text, {{"\r\n", "; "}, {"\n", "; "}});
  absl::StripAsciiWhitespace(&line);
  return line;
}

// What kind of refusal a server error with `code` is, in front of its
// message; "" where the message says it alone (INVALID_ARGUMENT names the
// flag and the rule; RpcError explains transport failures itself).
absl::string_view CodeLead(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kNotFound:
      return "未找到：";
    case absl::StatusCode::kAlreadyExists:
      return "已存在：";
    case absl::StatusCode::kFailedPrecondition:
      return "当前状态下不能办理：";
    case absl::StatusCode::kAborted:
      return "未执行，记录已有变化：";
    case absl::StatusCode::kPermissionDenied:
      return "无权办理：";
    case absl::StatusCode::kUnauthenticated:
      return "身份未通过验证：";
    case absl::StatusCode::kResourceExhausted:
      return "超出限制：";
    case absl::StatusCode::kOutOfRange:
      return "超出范围：";
    case absl::StatusCode::kCancelled:
      return "已取消：";
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kDataLoss:
      return "服务器出错：";
    default:
      return "";
  }
}

class GrpcStubs final : public ServiceStubs {
 public:
  explicit GrpcStubs(const std::shared_ptr<grpc::Channel>& channel)
      : cases_(v1::CaseService::NewStub(channel)),
        agencies_(v1::AgencyService::NewStub(channel)),
        procedures_(v1::ProcedureService::NewStub(channel)),
        deadlines_(v1::DeadlineService::NewStub(channel)),
        calendar_(v1::CalendarService::NewStub(channel)),
        outcomes_(v1::OutcomeService::NewStub(channel)),
        proceedings_(v1::ProceedingService::NewStub(channel)),
        reports_(v1::ReportService::NewStub(channel)),
        access_(v1::AccessService::NewStub(channel)) {}

  v1::CaseService::StubInterface& Cases() override { return *cases_; }
  v1::AgencyService::StubInterface& Agencies() override { return *agencies_; }
  v1::ProcedureService::StubInterface& Procedures() override {
    return *procedures_;
  }
  v1::DeadlineService::StubInterface& Deadlines() override {
    return *deadlines_;
  }
  v1::CalendarService::StubInterface& Calendar() override { return *calendar_; }
  v1::OutcomeService::StubInterface& Outcomes() override { return *outcomes_; }
  v1::ProceedingService::StubInterface& Proceedings() override {
    return *proceedings_;
  }
  v1::ReportService::StubInterface& Reports() override { return *reports_; }
  v1::AccessService::StubInterface& Access() override { return *access_; }

 private:
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::AgencyService::Stub> agencies_;
  std::unique_ptr<v1::ProcedureService::Stub> procedures_;
  std::unique_ptr<v1::DeadlineService::Stub> deadlines_;
  std::unique_ptr<v1::CalendarService::Stub> calendar_;
  std::unique_ptr<v1::OutcomeService::Stub> outcomes_;
  std::unique_ptr<v1::ProceedingService::Stub> proceedings_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
  std::unique_ptr<v1::AccessService::Stub> access_;
};

// The contents of the file a TLS flag or variable names ("" when neither is
// set). Usage error naming the source when it cannot be read.
absl::StatusOr<std::string> ReadTlsFile(const ParsedArgs& args,
                                        const std::string& flag,
                                        const std::string& env_value,
                                        const std::string& env_name) {
  const bool from_flag = args.Has(flag);
  const std::string path = from_flag ? args.Get(flag) : env_value;
  const std::string source = from_flag ? "--" + flag : "$" + env_name;
  if (path.empty()) {
    if (from_flag) return UsageError(absl::StrCat(source, ": 须给出文件"));
    return std::string();
  }
  // Bounded: a PEM file is a few KiB, and /dev/zero never ends.
  absl::StatusOr<std::string> contents =
      ReadBoundedFile(path, "文件", kMaxInputFileBytes);
  if (!contents.ok() && !IsUsageError(contents.status())) {
    return absl::Status(
        contents.status().code(),
        absl::StrCat(source, ": ", contents.status().message()));
  }
  if (!contents.ok() || contents->empty()) {
    return UsageError(absl::StrCat(source, ": 无法读取 \"", path, "\""));
  }
  return *std::move(contents);
}

absl::StatusOr<ChannelSecurity> ResolveChannelSecurity(const ParsedArgs& args,
                                                       const Environment& env) {
  ChannelSecurity tls;
  OGI_ASSIGN_OR_RETURN(
      tls.ca_pem, ReadTlsFile(args, "tls-ca", env.ogi_tls_ca, "OGI_TLS_CA"));
  OGI_ASSIGN_OR_RETURN(
      tls.cert_pem,
      ReadTlsFile(args, "tls-cert", env.ogi_tls_cert, "OGI_TLS_CERT"));
  OGI_ASSIGN_OR_RETURN(
      tls.key_pem,
      ReadTlsFile(args, "tls-key", env.ogi_tls_key, "OGI_TLS_KEY"));
  if (tls.cert_pem.empty() != tls.key_pem.empty()) {
    return UsageError(tls.cert_pem.empty()
                          ? "--tls-key: 须同时给出证书（--tls-cert）"
                          : "--tls-cert: 须同时给出私钥（--tls-key）");
  }
  if (!tls.cert_pem.empty() && tls.ca_pem.empty()) {
    return UsageError("--tls-cert: 客户端证书须与 TLS 同用（--tls-ca）");
  }
  return tls;
}

}  // namespace

Environment Environment::FromProcess() {
  Environment env;
  env.ogi_server = GetEnv("OGI_SERVER");
  env.ogi_tls_ca = GetEnv("OGI_TLS_CA");
  env.ogi_tls_cert = GetEnv("OGI_TLS_CERT");
  env.ogi_tls_key = GetEnv("OGI_TLS_KEY");
  env.ogi_token = GetEnv("OGI_TOKEN");
  env.ogi_token_file = GetEnv("OGI_TOKEN_FILE");
  env.xdg_config_home = GetEnv("XDG_CONFIG_HOME");
  env.home = GetEnv("HOME");
  env.no_color = std::getenv("NO_COLOR") != nullptr;
  env.stdout_is_tty = isatty(STDOUT_FILENO) == 1;
  env.stdin_is_tty = isatty(STDIN_FILENO) == 1;
  return env;
}

const std::vector<FlagSpec>& GlobalFlags() {
  static const auto* const kFlags = new std::vector<FlagSpec>{
      {"server", "ADDR",
       absl::StrCat("server address (default: $OGI_SERVER, else ",
                    kDefaultServer, ")")},
      {"tls-ca", "FILE",
       "connect with TLS; the server's certificate must be signed by the CA "
       "in FILE (default: $OGI_TLS_CA; none: plain text)"},
      {"tls-cert", "FILE",
       "client certificate for servers that require one (default: "
       "$OGI_TLS_CERT)"},
      {"tls-key", "FILE", "private key of --tls-cert (default: $OGI_TLS_KEY)"},
      {"token-file", "FILE",
       "file with your token, see \"ogi login\" (default: $OGI_TOKEN_FILE, "
       "else ~/.config/ogi/token); $OGI_TOKEN overrides it"},
      {"json", "", "print machine-readable JSON instead of tables"},
      FlagSpec{"agency", "CODE",
               "agency the request is for (default: your own)"}
          .Fills({"agency_code", "agency_codes"}),
      {"help", "", "show help (also -h)"},
  };
  return *kFlags;
}

absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const ParsedArgs& args,
                                                   const Environment& env) {
  GlobalOptions options;
  options.server = args.Has("server")        ? args.Get("server")
                   : !env.ogi_server.empty() ? env.ogi_server
                                             : kDefaultServer;
  if (options.server.empty()) {
    return UsageError("--server: 不能为空");
  }
  if (args.Has("token-file") && args.Get("token-file").empty()) {
    return UsageError("--token-file: 须给出文件");
  }
  options.token_file = TokenFilePath(args, env);
  OGI_ASSIGN_OR_RETURN(options.tls, ResolveChannelSecurity(args, env));
  options.agency = args.Get("agency");
  options.json = args.Get("json") == "true";
  options.color = env.stdout_is_tty && !env.no_color && !options.json;
  return options;
}

std::string TokenFilePath(const ParsedArgs& args, const Environment& env) {
  if (args.Has("token-file")) return args.Get("token-file");
  if (!env.ogi_token_file.empty()) return env.ogi_token_file;
  // The XDG base directory spec says to ignore a relative $XDG_CONFIG_HOME.
  if (absl::StartsWith(env.xdg_config_home, "/")) {
    return absl::StrCat(env.xdg_config_home, "/ogi/token");
  }
  if (!env.home.empty()) return absl::StrCat(env.home, "/.config/ogi/token");
  return "";
}

absl::Status CheckTokenText(absl::string_view token, absl::string_view source) {
  if (token.empty()) return UsageError(absl::StrCat(source, ": 令牌为空"));
  for (const char c : token) {
    const auto u = static_cast<unsigned char>(c);
    // Printable ASCII but the space: what a bearer token may hold, and what
    // plain (non-binary) gRPC metadata may carry.
    if (u <= 0x20 || u > 0x7E) {
      return UsageError(absl::StrCat(
          source, ": 不是令牌（令牌由可打印 ASCII 字符组成，不含空格）"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> LoadToken(const std::string& token_file,
                                      const Environment& env) {
  if (!env.ogi_token.empty()) {
    std::string token = env.ogi_token;
    absl::StripAsciiWhitespace(&token);
    OGI_RETURN_IF_ERROR(CheckTokenText(token, "$OGI_TOKEN"));
    return token;
  }
  if (token_file.empty()) return std::string();
  OGI_ASSIGN_OR_RETURN(std::string token, ReadTokenFile(token_file));
  if (token.empty()) return token;
  OGI_RETURN_IF_ERROR(
      CheckTokenText(token, absl::StrCat("token file ", token_file)));
  return token;
}

void PrepareStreamContext(const GlobalOptions& options,
                          grpc::ClientContext* context) {
  if (!options.token.empty()) {
    context->AddMetadata(kAuthorizationMetadataKey,
                         absl::StrCat("Bearer ", options.token));
  }
}

void PrepareContext(const GlobalOptions& options,
                    grpc::ClientContext* context) {
  PrepareStreamContext(options, context);
  context->set_deadline(std::chrono::system_clock::now() +
                        absl::ToChronoSeconds(kCallTimeout));
}

absl::Status RpcError(const grpc::Status& status, absl::string_view server) {
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  const std::string message = OneLine(status.error_message());
  std::string text = message;
  switch (code) {
    case absl::StatusCode::kUnavailable:
      text = absl::StrCat("无法连接服务器 ", server,
                          "；请确认 ogi-server 已启动、地址无误（--server 或 "
                          "OGI_SERVER）");
      if (!message.empty()) absl::StrAppend(&text, "（", message, "）");
      break;
    case absl::StatusCode::kDeadlineExceeded:
      text = absl::StrCat("服务器 ", server, " 未在 ",
                          absl::ToInt64Seconds(kCallTimeout), " 秒内答复");
      break;
    case absl::StatusCode::kUnimplemented:
      text = absl::StrCat("服务器 ", server,
                          " 不支持此操作（服务器版本可能较旧）");
      if (!message.empty()) absl::StrAppend(&text, "（", message, "）");
      break;
    default:
      break;
  }
  absl::Status error(code, text);
  error.SetPayload(kServerErrorPayloadUrl, absl::Cord("1"));
  return error;
}

bool IsServerError(const absl::Status& status) {
  return !status.ok() && status.GetPayload(kServerErrorPayloadUrl).has_value();
}

absl::Status WithMessage(const absl::Status& status,
                         absl::string_view message) {
  absl::Status changed(status.code(), message);
  status.ForEachPayload(
      [&changed](absl::string_view url, const absl::Cord& payload) {
        changed.SetPayload(url, payload);
      });
  return changed;
}

std::string ErrorLine(const absl::Status& status) {
  const std::string message = OneLine(status.message());
  const std::string code = absl::StatusCodeToString(status.code());
  if (!IsServerError(status)) {
    return absl::StrCat("ogi: ", message.empty() ? code : message);
  }
  std::string line = absl::StrCat("ogi: ", CodeLead(status.code()), message);
  if (status.code() == absl::StatusCode::kUnauthenticated) {
    absl::StrAppend(&line, message.empty() ? "" : "；", kLoginHint);
  }
  absl::StrAppend(&line, "（", code, "）");
  return line;
}

absl::Status ChecksFailedStatus(absl::string_view message) {
  absl::Status status = absl::FailedPreconditionError(message);
  status.SetPayload(kChecksFailedPayloadUrl, absl::Cord("1"));
  return status;
}

bool IsChecksFailed(const absl::Status& status) {
  return !status.ok() && status.GetPayload(kChecksFailedPayloadUrl).has_value();
}

int ExitCode(const absl::Status& status) {
  if (status.ok()) return 0;
  if (IsChecksFailed(status)) return 3;
  return IsUsageError(status) ? 2 : 1;
}

std::unique_ptr<ServiceStubs> MakeGrpcStubs(const GlobalOptions& options) {
  // A large agency's deadline list or case list can exceed gRPC's default
  // 4 MiB message limit.
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 * 1024 * 1024);
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls.ca_pem.empty()) {
    credentials = grpc::InsecureChannelCredentials();
  } else {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.tls.ca_pem;
    ssl.pem_cert_chain = options.tls.cert_pem;
    ssl.pem_private_key = options.tls.key_pem;
    credentials = grpc::SslCredentials(ssl);
  }
  return std::make_unique<GrpcStubs>(
      grpc::CreateCustomChannel(options.server, credentials, args));
}

}  // namespace ogi::cli
