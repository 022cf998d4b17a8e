#include "cli/client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "gmock/gmock.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "grpcpp/server_context.h"
#include "grpcpp/test/client_context_test_peer.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::StartsWith;

ParsedArgs MustParse(std::vector<std::string> args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseArgs(args, GlobalFlags(), AllCommands());
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *std::move(parsed) : ParsedArgs();
}

TEST(ResolveGlobalOptionsTest, BuiltInDefaults) {
  absl::StatusOr<GlobalOptions> options =
      ResolveGlobalOptions(MustParse({"agency", "list"}), Environment());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "127.0.0.1:50051");
  EXPECT_EQ(options->token_file, "");
  EXPECT_EQ(options->token, "");
  EXPECT_EQ(options->agency, "");
  EXPECT_FALSE(options->json);
  EXPECT_FALSE(options->color);
}

TEST(ResolveGlobalOptionsTest, EnvironmentThenFlags) {
  Environment env;
  env.ogi_server = "ogi.example:7000";
  env.home = "/home/zhangsan";
  absl::StatusOr<GlobalOptions> options =
      ResolveGlobalOptions(MustParse({"agency", "list"}), env);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "ogi.example:7000");
  EXPECT_EQ(options->token_file, "/home/zhangsan/.config/ogi/token");

  options = ResolveGlobalOptions(
      MustParse({"agency", "list", "--server", "h:1", "--token-file",
                 "/etc/ogi/token", "--agency", "lc-xzsp", "--json"}),
      env);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "h:1");
  EXPECT_EQ(options->token_file, "/etc/ogi/token");
  EXPECT_EQ(options->agency, "lc-xzsp");
  EXPECT_TRUE(options->json);
}

TEST(ResolveGlobalOptionsTest, ColorOnlyOnATerminalWithoutNoColorOrJson) {
  Environment env;
  env.stdout_is_tty = true;
  EXPECT_TRUE(ResolveGlobalOptions(MustParse({"agency", "list"}), env)->color);
  EXPECT_FALSE(
      ResolveGlobalOptions(MustParse({"agency", "list", "--json"}), env)
          ->color);
  env.no_color = true;
  EXPECT_FALSE(ResolveGlobalOptions(MustParse({"agency", "list"}), env)->color);
  env.no_color = false;
  env.stdout_is_tty = false;
  EXPECT_FALSE(ResolveGlobalOptions(MustParse({"agency", "list"}), env)->color);
}

TEST(ResolveGlobalOptionsTest, EmptyValuesAreRefused) {
  absl::StatusOr<GlobalOptions> options = ResolveGlobalOptions(
      MustParse({"agency", "list", "--server="}), Environment());
  ASSERT_FALSE(options.ok());
  EXPECT_TRUE(IsUsageError(options.status()));
  EXPECT_EQ(options.status().message(), "--server: 不能为空");

  options = ResolveGlobalOptions(MustParse({"agency", "list", "--token-file="}),
                                 Environment());
  ASSERT_FALSE(options.ok());
  EXPECT_TRUE(IsUsageError(options.status()));
  EXPECT_EQ(options.status().message(), "--token-file: 须给出文件");
}

TEST(TokenFilePathTest, FlagThenVariablesThenHome) {
  Environment env;
  EXPECT_EQ(TokenFilePath(MustParse({"whoami"}), env), "");
  env.home = "/home/wang";
  EXPECT_EQ(TokenFilePath(MustParse({"whoami"}), env),
            "/home/wang/.config/ogi/token");
  // A relative $XDG_CONFIG_HOME is ignored, as the XDG spec says.
  env.xdg_config_home = "relative/config";
  EXPECT_EQ(TokenFilePath(MustParse({"whoami"}), env),
            "/home/wang/.config/ogi/token");
  env.xdg_config_home = "/xdg";
  EXPECT_EQ(TokenFilePath(MustParse({"whoami"}), env), "/xdg/ogi/token");
  env.ogi_token_file = "/run/ogi/token";
  EXPECT_EQ(TokenFilePath(MustParse({"whoami"}), env), "/run/ogi/token");
  EXPECT_EQ(TokenFilePath(MustParse({"whoami", "--token-file", "/tmp/t"}), env),
            "/tmp/t");
}

using ::ogi::cli::testing::TempDir;

void WriteFile(const std::string& path, const std::string& text, mode_t mode) {
  ::ogi::cli::testing::WriteTestFile(path, text, mode);
}

TEST(LoadTokenTest, EnvironmentTokenWinsOverTheFile) {
  TempDir dir;
  const std::string file = dir.path() + "/token";
  WriteFile(file, "ogi_tk-file_secret\n", 0600);
  Environment env;
  absl::StatusOr<std::string> token = LoadToken(file, env);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-file_secret");

  env.ogi_token = "ogi_tk-env_secret";
  token = LoadToken(file, env);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-env_secret");
  // $OGI_TOKEN wins even over a file that would be refused.
  ASSERT_EQ(chmod(file.c_str(), 0644), 0);
  token = LoadToken(file, env);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-env_secret");
}

TEST(LoadTokenTest, NoTokenIsNotAnError) {
  TempDir dir;
  absl::StatusOr<std::string> token = LoadToken("", Environment());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "");
  token = LoadToken(dir.path() + "/missing/token", Environment());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "");
  WriteFile(dir.path() + "/empty", "\n", 0600);
  token = LoadToken(dir.path() + "/empty", Environment());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "");
}

TEST(LoadTokenTest, FileOthersMayReadIsRefused) {
  TempDir dir;
  const std::string file = dir.path() + "/ogi/token";
  WriteFile(file, "ogi_tk-file_secret\n", 0644);
  absl::StatusOr<std::string> token = LoadToken(file, Environment());
  ASSERT_FALSE(token.ok());
  EXPECT_TRUE(IsUsageError(token.status()));
  EXPECT_EQ(token.status().message(),
            absl::StrCat("令牌文件 ", file,
                         " 的权限为 0644，他人可读写；须为 0600（chmod 600 ",
                         file, "）"));
  // Writable by the group is as bad.
  ASSERT_EQ(chmod(file.c_str(), 0620), 0);
  token = LoadToken(file, Environment());
  ASSERT_FALSE(token.ok());
  EXPECT_THAT(std::string(token.status().message()),
              HasSubstr(" 的权限为 0620，他人可读写；须为 0600"));
  ASSERT_EQ(chmod(file.c_str(), 0400), 0);
  token = LoadToken(file, Environment());
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-file_secret");
}

TEST(LoadTokenTest, TokensArePrintableAscii) {
  TempDir dir;
  const std::string file = dir.path() + "/token";
  WriteFile(file, "ogi_tk-1\x01secret\n", 0600);
  absl::StatusOr<std::string> token = LoadToken(file, Environment());
  ASSERT_FALSE(token.ok());
  EXPECT_TRUE(IsUsageError(token.status()));
  EXPECT_EQ(
      token.status().message(),
      absl::StrCat("token file ", file,
                   ": 不是令牌（令牌由可打印 ASCII 字符组成，不含空格）"));
  Environment env;
  for (const std::string bad : {"令牌", "two words", "a\tb"}) {
    env.ogi_token = bad;
    token = LoadToken(file, env);
    ASSERT_FALSE(token.ok()) << bad;
    EXPECT_TRUE(IsUsageError(token.status()));
    EXPECT_THAT(std::string(token.status().message()),
                StartsWith("$OGI_TOKEN: 不是令牌"));
  }
  // Surrounding whitespace (a pasted newline) is not part of the token.
  env.ogi_token = " ogi_tk-1_secret\n";
  token = LoadToken(file, env);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "ogi_tk-1_secret");
}

TEST(PrepareContextTest, BearerTokenOnlyWhenThereIsOne) {
  GlobalOptions options;
  options.token = "ogi_tk-1_secret";
  grpc::ClientContext with;
  PrepareContext(options, &with);
  EXPECT_THAT(
      grpc::testing::ClientContextTestPeer(&with).GetSendInitialMetadata(),
      ElementsAre(Pair("authorization", "Bearer ogi_tk-1_secret")));
  options.token = "";
  grpc::ClientContext without;
  PrepareContext(options, &without);
  EXPECT_THAT(
      grpc::testing::ClientContextTestPeer(&without).GetSendInitialMetadata(),
      ::testing::IsEmpty());
}

// The line the user reads for each kind of server answer: a Chinese lead
// (none for INVALID_ARGUMENT, whose message is "field: rule"), the server's
// words on one line, the code's name in brackets.
TEST(RpcErrorTest, LinesByCode) {
  const std::string server = "10.0.0.1:50051";
  struct Case {
    grpc::StatusCode code;
    std::string message;
    std::string line;
  };
  for (const Case& c : std::vector<Case>{
           {grpc::StatusCode::INVALID_ARGUMENT, "applicant.name: 不能为空",
            "ogi: applicant.name: 不能为空（INVALID_ARGUMENT）"},
           {grpc::StatusCode::NOT_FOUND, "案件 2022-0099 不存在",
            "ogi: 未找到：案件 2022-0099 不存在（NOT_FOUND）"},
           {grpc::StatusCode::FAILED_PRECONDITION, "案件已办结",
            "ogi: 当前状态下不能办理：案件已办结（FAILED_PRECONDITION）"},
           {grpc::StatusCode::ALREADY_EXISTS, "",
            "ogi: 已存在：（ALREADY_EXISTS）"},
           {grpc::StatusCode::ABORTED, "expected_version: 版本已是 3",
            "ogi: 未执行，记录已有变化：expected_version: 版本已是 "
            "3（ABORTED）"},
           {grpc::StatusCode::UNAVAILABLE, "connection refused",
            "ogi: 无法连接服务器 10.0.0.1:50051；请确认 ogi-server 已启动、"
            "地址无误（--server 或 OGI_SERVER）（connection "
            "refused）（UNAVAILABLE）"},
           {grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded",
            "ogi: 服务器 10.0.0.1:50051 未在 30 秒内答复（DEADLINE_EXCEEDED）"},
           {grpc::StatusCode::UNIMPLEMENTED, "",
            "ogi: 服务器 10.0.0.1:50051 不支持此操作（服务器版本可能较旧）"
            "（UNIMPLEMENTED）"},
           {grpc::StatusCode::INTERNAL, "line one\nline two",
            "ogi: 服务器出错：line one; line two（INTERNAL）"},
           {grpc::StatusCode::UNAUTHENTICATED, "令牌已过期",
            "ogi: 身份未通过验证：令牌已过期；请用 ogi login "
            "登录（令牌向管理员索取），或设置 OGI_TOKEN（UNAUTHENTICATED）"},
           {grpc::StatusCode::UNAUTHENTICATED, "",
            "ogi: 身份未通过验证：请用 ogi login "
            "登录（令牌向管理员索取），或设置 OGI_TOKEN（UNAUTHENTICATED）"},
           {grpc::StatusCode::PERMISSION_DENIED,
            "ConcludeCase 需要 审批人 (approver) 角色",
            "ogi: 无权办理：ConcludeCase 需要 审批人 (approver) "
            "角色（PERMISSION_DENIED）"},
       }) {
    const absl::Status status =
        RpcError(grpc::Status(c.code, c.message), server);
    EXPECT_EQ(static_cast<int>(status.code()), static_cast<int>(c.code));
    EXPECT_TRUE(IsServerError(status));
    EXPECT_EQ(ErrorLine(status), c.line);
    EXPECT_FALSE(IsUsageError(status));
    EXPECT_EQ(ExitCode(status), 1);
  }
}

TEST(ErrorLineTest, LocalErrorsShowTheirMessageAlone) {
  EXPECT_EQ(ErrorLine(absl::NotFoundError("未找到用户 wang")),
            "ogi: 未找到用户 wang");
  EXPECT_EQ(ErrorLine(absl::InternalError("a\nb")), "ogi: a; b");
  EXPECT_EQ(ErrorLine(absl::UnknownError("")), "ogi: UNKNOWN");
  EXPECT_EQ(ErrorLine(UsageError("缺少必需的选项：--x")),
            "ogi: 缺少必需的选项：--x");
}

TEST(WithMessageTest, KeepsCodeAndMarks) {
  const absl::Status server =
      RpcError(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "a: b"), "s");
  const absl::Status renamed = WithMessage(server, "--a: b");
  EXPECT_EQ(renamed.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(renamed.message(), "--a: b");
  EXPECT_TRUE(IsServerError(renamed));
  EXPECT_TRUE(IsUsageError(WithMessage(UsageError("x"), "y")));
}

TEST(ExitCodeTest, ByKind) {
  EXPECT_EQ(ExitCode(absl::OkStatus()), 0);
  EXPECT_EQ(ExitCode(UsageError("bad flag")), 2);
  EXPECT_EQ(ExitCode(absl::InvalidArgumentError("from the server")), 1);
  EXPECT_EQ(ExitCode(absl::InternalError("x")), 1);
}

// A real gRPC server in the test process, to check what goes on the wire.
class RecordingCaseService final : public v1::CaseService::Service {
 public:
  grpc::Status GetCase(grpc::ServerContext* context,
                       const v1::GetCaseRequest* request,
                       v1::GetCaseResponse* response) override {
    absl::MutexLock lock(&mu_);
    authorization_.clear();
    for (const auto& [key, value] : context->client_metadata()) {
      if (key == kAuthorizationMetadataKey) {
        absl::StrAppend(&authorization_,
                        std::string(value.data(), value.size()), ";");
      }
    }
    if (authorization_.empty()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "no bearer token");
    }
    timeout_ = context->deadline() - std::chrono::system_clock::now();
    if (request->number() == "2022-0099") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "case 2022-0099");
    }
    response->mutable_case_()->set_number(request->number());
    return grpc::Status::OK;
  }

  std::string authorization() {
    absl::MutexLock lock(&mu_);
    return authorization_;
  }
  std::chrono::system_clock::duration timeout() {
    absl::MutexLock lock(&mu_);
    return timeout_;
  }

 private:
  absl::Mutex mu_;
  std::string authorization_ ABSL_GUARDED_BY(mu_);
  std::chrono::system_clock::duration timeout_ ABSL_GUARDED_BY(mu_){};
};

class GrpcRoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port_, 0);
    options_.server = absl::StrCat("127.0.0.1:", port_);
    options_.token = "ogi_tk-7_secret";
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  RecordingCaseService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  GlobalOptions options_;
};

TEST_F(GrpcRoundTripTest, BearerTokenAndDeadlineReachTheServer) {
  std::unique_ptr<ServiceStubs> stubs = MakeGrpcStubs(options_);
  grpc::ClientContext context;
  PrepareContext(options_, &context);
  v1::GetCaseRequest request;
  request.set_number("2022-0001");
  v1::GetCaseResponse response;
  const grpc::Status status =
      stubs->Cases().GetCase(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.case_().number(), "2022-0001");
  EXPECT_EQ(service_.authorization(), "Bearer ogi_tk-7_secret;");
  // The CLI asks for 30 s; gRPC's wire encoding of the timeout rounds it up
  // (to 30.1 s, say), so the server may see slightly more than was asked.
  EXPECT_GT(service_.timeout(), std::chrono::seconds(25));
  EXPECT_LE(service_.timeout(), std::chrono::seconds(31));
}

TEST_F(GrpcRoundTripTest, ServerErrorBecomesOneLine) {
  std::ostringstream out, err;
  Environment env;
  env.ogi_token = "ogi_tk-7_secret";
  const int code =
      RunOgi({"case", "show", "2022-0099", "--server", options_.server}, env,
             MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(err.str(), "ogi: 未找到：case 2022-0099（NOT_FOUND）\n");
  EXPECT_EQ(out.str(), "");
}

TEST_F(GrpcRoundTripTest, WithoutATokenTheServerSaysHowToGetOne) {
  std::ostringstream out, err;
  const int code =
      RunOgi({"case", "show", "2022-0001", "--server", options_.server},
             Environment(), MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(err.str(),
            "ogi: 身份未通过验证：no bearer token；请用 ogi login "
            "登录（令牌向管理员索取），或设置 OGI_TOKEN（UNAUTHENTICATED）\n");
  EXPECT_EQ(out.str(), "");
}

TEST(UnreachableServerTest, SaysWhichServer) {
  // Reserve a port, then free it so that nothing listens there.
  int port = 0;
  {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    socklen_t len = sizeof(addr);
    ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port = ntohs(addr.sin_port);
    close(fd);
  }
  const std::string address = absl::StrCat("127.0.0.1:", port);
  std::ostringstream out, err;
  const int code = RunOgi({"agency", "list", "--server", address},
                          Environment(), MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 1);
  EXPECT_THAT(err.str(),
              StartsWith(absl::StrCat("ogi: 无法连接服务器 ", address,
                                      "；请确认 ogi-server "
                                      "已启动")));
  EXPECT_THAT(err.str(), ::testing::EndsWith("（UNAVAILABLE）\n"));
  const std::string error = err.str();
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace ogi::cli
