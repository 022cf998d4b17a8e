// Transport security through the real binaries: ogi-server with TLS (and with
// required client certificates) driven by the real ogi CLI, and the refusal
// to serve plain text beyond the loopback interface. The certificates are
// test-only material in testdata/tls (see its README).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"

namespace ogi {
namespace {

using ::ogi::testing::CliBinary;
using ::ogi::testing::CommandResult;
using ::ogi::testing::IsOk;
using ::ogi::testing::RunCommand;
using ::ogi::testing::ServerBinary;
using ::ogi::testing::ServerProcess;
using ::ogi::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Tls(const std::string& file) {
  return absl::StrCat(OGI_E2E_TESTDATA_DIR, "/tls/", file);
}

class TlsEndToEndTest : public ::testing::Test {
 protected:
  // Starts the server with `flags` added; fails the test when it does not
  // come up.
  void StartServer(std::vector<std::string> flags) {
    flags.push_back("--fake_clock_start=2025-10-20T09:00:00+08:00");
    auto server = ServerProcess::Start(tmp_.File("ogi.db"), std::move(flags));
    ASSERT_THAT(server, IsOk());
    server_.emplace(std::move(*server));
  }

  // Runs `ogi <args> case list` against the server with `env` added.
  CommandResult ListCases(std::vector<std::string> args,
                          std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), CliBinary());
    args.push_back("case");
    args.push_back("list");
    env["OGI_SERVER"] = server_->address();
    env["OGI_TOKEN"] = server_->token();
    auto result = RunCommand(args, env);
    EXPECT_THAT(result, IsOk());
    return result.ok() ? *result : CommandResult{};
  }

  TempDir tmp_;  // the server's data directory; outlives the server
  std::optional<ServerProcess> server_;
};

TEST_F(TlsEndToEndTest, TlsServesClientsThatTrustItsCa) {
  StartServer({"--tls_cert_file=" + Tls("server.pem"),
               "--tls_key_file=" + Tls("server.key")});
  EXPECT_THAT(server_->Log(), HasSubstr(", TLS"));
  // Trusting the CA: served.
  CommandResult r = ListCases({"--tls-ca", Tls("ca.pem")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("共 0 件"));
  // The same through the environment.
  r = ListCases({}, {{"OGI_TLS_CA", Tls("ca.pem")}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A plain-text client gets no answer from a TLS port.
  r = ListCases({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, StartsWith("ogi: "));
  // A CA that did not sign the server's certificate: refused.
  r = ListCases({"--tls-ca", Tls("client.pem")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, StartsWith("ogi: "));
}

TEST_F(TlsEndToEndTest, ClientCertificatesAreRequiredWhenConfigured) {
  StartServer({"--tls_cert_file=" + Tls("server.pem"),
               "--tls_key_file=" + Tls("server.key"),
               "--tls_client_ca_file=" + Tls("ca.pem")});
  EXPECT_THAT(server_->Log(), HasSubstr("TLS with client certificates"));
  CommandResult r = ListCases({"--tls-ca", Tls("ca.pem")});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.err, StartsWith("ogi: "));
  r = ListCases({"--tls-ca", Tls("ca.pem"), "--tls-cert", Tls("client.pem"),
                 "--tls-key", Tls("client.key")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("共 0 件"));
}

TEST_F(TlsEndToEndTest, CliTlsMistakesAreUsageErrors) {
  StartServer({});
  CommandResult r = ListCases({"--tls-ca", "/nonexistent/ca.pem"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("ogi: --tls-ca: 无法读取"));
  r = ListCases({"--tls-ca", Tls("ca.pem"), "--tls-cert", Tls("client.pem")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--tls-cert: 须同时给出私钥"));
  r = ListCases(
      {"--tls-cert", Tls("client.pem"), "--tls-key", Tls("client.key")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("须与 TLS 同用（--tls-ca）"));
  // Plain text on loopback is the zero-configuration default.
  r = ListCases({});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Runs ogi-server with `flags` (it must refuse to start) and returns it.
CommandResult RefusedServer(std::vector<std::string> flags) {
  flags.insert(flags.begin(), ServerBinary());
  const TempDir tmp;
  flags.push_back("--db=" + tmp.File("ogi.db"));
  auto result = RunCommand(flags, {}, absl::Seconds(30));
  EXPECT_THAT(result, IsOk());
  return result.ok() ? *result : CommandResult{};
}

TEST_F(TlsEndToEndTest, PlainTextBeyondLoopbackIsRefusedUnlessAllowed) {
  CommandResult r = RefusedServer({"--listen=0.0.0.0:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--listen: 0.0.0.0:0 不是本机回环地址"));
  r = RefusedServer(
      {"--listen=127.0.0.1:0", "--tls_key_file=" + Tls("server.key")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err,
              HasSubstr("--tls_cert_file: 填写 --tls_key_file 时必须填写"));
  r = RefusedServer({"--listen=127.0.0.1:0",
                     "--tls_cert_file=/nonexistent/server.pem",
                     "--tls_key_file=" + Tls("server.key")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--tls_cert_file: 无法读取"));
  // Explicitly allowed: it serves (on every interface, port chosen freely).
  const TempDir tmp;
  auto server = ServerProcess::Start(
      tmp.File("ogi.db"), {"--listen=0.0.0.0:0", "--allow_insecure_plaintext"});
  ASSERT_THAT(server, IsOk());
  EXPECT_THAT(server->Log(), HasSubstr(", plain text"));
}

}  // namespace
}  // namespace ogi
