#include "cli/client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
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
#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

using ::testing::HasSubstr;
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
  EXPECT_EQ(options->actor, "unknown");
  EXPECT_EQ(options->agency, "");
  EXPECT_FALSE(options->json);
  EXPECT_FALSE(options->color);
}

TEST(ResolveGlobalOptionsTest, EnvironmentThenFlags) {
  Environment env;
  env.ogi_server = "ogi.example:7000";
  env.user = "zhangsan";
  absl::StatusOr<GlobalOptions> options =
      ResolveGlobalOptions(MustParse({"agency", "list"}), env);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "ogi.example:7000");
  EXPECT_EQ(options->actor, "zhangsan");

  env.ogi_actor = "clerk1";
  options = ResolveGlobalOptions(MustParse({"agency", "list"}), env);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->actor, "clerk1");

  options = ResolveGlobalOptions(
      MustParse({"agency", "list", "--server", "h:1", "--actor", "lead",
                 "--agency", "lc-xzsp", "--json"}),
      env);
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->server, "h:1");
  EXPECT_EQ(options->actor, "lead");
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

TEST(ResolveGlobalOptionsTest, ActorMustBeText) {
  absl::StatusOr<GlobalOptions> options = ResolveGlobalOptions(
      MustParse({"agency", "list", "--actor", "张三"}), Environment());
  ASSERT_TRUE(options.ok()) << options.status();
  EXPECT_EQ(options->actor, "张三");

  for (const std::string bad : {"a\tb", "\xff\xfe", "line\n"}) {
    options = ResolveGlobalOptions(
        MustParse({"agency", "list", "--actor", bad}), Environment());
    ASSERT_FALSE(options.ok()) << bad;
    EXPECT_TRUE(IsUsageError(options.status()));
    EXPECT_EQ(options.status().message(),
              "--actor: must be UTF-8 text without control characters");
  }
  Environment env;
  env.ogi_actor = "bad\x01";
  options = ResolveGlobalOptions(MustParse({"agency", "list"}), env);
  ASSERT_FALSE(options.ok());
  EXPECT_THAT(std::string(options.status().message()),
              StartsWith("$OGI_ACTOR: "));

  options = ResolveGlobalOptions(MustParse({"agency", "list", "--actor="}),
                                 Environment());
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().message(), "--actor: must not be empty");

  options = ResolveGlobalOptions(MustParse({"agency", "list", "--server="}),
                                 Environment());
  ASSERT_FALSE(options.ok());
  EXPECT_EQ(options.status().message(), "--server: must not be empty");
}

TEST(RpcErrorTest, MessagesByCode) {
  const std::string server = "10.0.0.1:50051";
  struct Case {
    grpc::StatusCode code;
    std::string message;
    std::string expected;
  };
  for (const Case& c : std::vector<Case>{
           {grpc::StatusCode::INVALID_ARGUMENT,
            "applicant.name: must not be empty",
            "applicant.name: must not be empty"},
           {grpc::StatusCode::NOT_FOUND, "case 2022-0099",
            "not found: case 2022-0099"},
           {grpc::StatusCode::FAILED_PRECONDITION, "case is closed",
            "failed precondition: case is closed"},
           {grpc::StatusCode::ALREADY_EXISTS, "", "already exists"},
           {grpc::StatusCode::UNAVAILABLE, "connection refused",
            "the server at 10.0.0.1:50051 cannot be reached (connection "
            "refused)"},
           {grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded",
            "the server at 10.0.0.1:50051 did not answer within 30s"},
           {grpc::StatusCode::INTERNAL, "line one\nline two",
            "internal: line one; line two"},
       }) {
    const absl::Status status =
        RpcError(grpc::Status(c.code, c.message), server);
    EXPECT_EQ(static_cast<int>(status.code()), static_cast<int>(c.code));
    EXPECT_EQ(status.message(), c.expected);
    EXPECT_FALSE(IsUsageError(status));
    EXPECT_EQ(ExitCode(status), 1);
  }
}

TEST(ErrorLineTest, PrefixAndOneLine) {
  EXPECT_EQ(ErrorLine(absl::NotFoundError("not found: case 2022-0099")),
            "ogi: not found: case 2022-0099");
  EXPECT_EQ(ErrorLine(absl::InternalError("a\nb")), "ogi: a; b");
  EXPECT_EQ(ErrorLine(absl::UnknownError("")), "ogi: unknown");
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
    actor_.clear();
    for (const auto& [key, value] : context->client_metadata()) {
      if (key == kActorMetadataKey || key == kActorBinaryMetadataKey) {
        absl::StrAppend(&actor_, std::string(key.data(), key.size()), "=",
                        std::string(value.data(), value.size()), ";");
      }
    }
    timeout_ = context->deadline() - std::chrono::system_clock::now();
    if (request->number() == "2022-0099") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "case 2022-0099");
    }
    response->mutable_case_()->set_number(request->number());
    return grpc::Status::OK;
  }

  std::string actor() {
    absl::MutexLock lock(&mu_);
    return actor_;
  }
  std::chrono::system_clock::duration timeout() {
    absl::MutexLock lock(&mu_);
    return timeout_;
  }

 private:
  absl::Mutex mu_;
  std::string actor_ ABSL_GUARDED_BY(mu_);
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
    options_.actor = "clerk-7";
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  RecordingCaseService service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  GlobalOptions options_;
};

TEST_F(GrpcRoundTripTest, ActorMetadataAndDeadlineReachTheServer) {
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
  EXPECT_EQ(service_.actor(), "ogi-actor=clerk-7;");
  // The CLI asks for 30 s; gRPC's wire encoding of the timeout rounds it up
  // (to 30.1 s, say), so the server may see slightly more than was asked.
  EXPECT_GT(service_.timeout(), std::chrono::seconds(25));
  EXPECT_LE(service_.timeout(), std::chrono::seconds(31));
}

TEST_F(GrpcRoundTripTest, ChineseActorTravelsAsBinaryMetadata) {
  options_.actor = "王科长";
  std::unique_ptr<ServiceStubs> stubs = MakeGrpcStubs(options_);
  grpc::ClientContext context;
  PrepareContext(options_, &context);
  v1::GetCaseRequest request;
  request.set_number("2022-0001");
  v1::GetCaseResponse response;
  const grpc::Status status =
      stubs->Cases().GetCase(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(service_.actor(), "ogi-actor-bin=王科长;");
}

TEST_F(GrpcRoundTripTest, ServerErrorBecomesOneLine) {
  std::ostringstream out, err;
  const int code = RunOgi({"case", "show", "2022-0099", "--server",
                           options_.server, "--actor", "clerk-7"},
                          Environment(), MakeGrpcStubs, out, err);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(err.str(), "ogi: not found: case 2022-0099\n");
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
  EXPECT_THAT(err.str(), StartsWith(absl::StrCat("ogi: the server at ", address,
                                                 " cannot be reached")));
  const std::string error = err.str();
  EXPECT_EQ(std::count(error.begin(), error.end(), '\n'), 1);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace ogi::cli
