#include "services/server/transport_security.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/status_macros.h"

namespace ogi {
namespace {

// The contents of `path`; NOT_FOUND naming `flag` when it cannot be read.
absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    absl::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  if (in) contents << in.rdbuf();
  if (!in || contents.str().empty()) {
    return absl::NotFoundError(absl::StrCat(flag, ": 无法读取 \"", path, "\""));
  }
  return contents.str();
}

// The host part of "host:port" or "[v6]:port".
absl::string_view HostOf(absl::string_view listen) {
  if (absl::StartsWith(listen, "[")) {
    const size_t end = listen.find(']');
    return end == absl::string_view::npos ? listen : listen.substr(1, end - 1);
  }
  const size_t colon = listen.rfind(':');
  return colon == absl::string_view::npos ? listen : listen.substr(0, colon);
}

}  // namespace

bool IsLoopbackAddress(absl::string_view listen) {
  const absl::string_view host = HostOf(listen);
  return host == "localhost" || host == "::1" || absl::StartsWith(host, "127.");
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    absl::string_view listen, const TlsOptions& tls) {
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return absl::InvalidArgumentError(
        tls.cert_file.empty()
            ? "--tls_cert_file: 填写 --tls_key_file 时必须填写"
            : "--tls_key_file: 填写 --tls_cert_file 时必须填写");
  }
  if (tls.cert_file.empty()) {
    if (!tls.client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "--tls_client_ca_file: 客户端证书需要 TLS（--tls_cert_file 和 "
          "--tls_key_file）");
    }
    if (!IsLoopbackAddress(listen) && !tls.allow_insecure_plaintext) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--listen: ", listen,
          " 不是本机回环地址：请启用 TLS（--tls_cert_file 和 --tls_key_file），"
          "或加上 --allow_insecure_plaintext"));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions options;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  OGI_ASSIGN_OR_RETURN(pair.cert_chain,
                       ReadPem(tls.cert_file, "--tls_cert_file"));
  OGI_ASSIGN_OR_RETURN(pair.private_key,
                       ReadPem(tls.key_file, "--tls_key_file"));
  options.pem_key_cert_pairs.push_back(std::move(pair));
  if (tls.client_ca_file.empty()) {
    options.client_certificate_request =
        GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;
  } else {
    OGI_ASSIGN_OR_RETURN(options.pem_root_certs,
                         ReadPem(tls.client_ca_file, "--tls_client_ca_file"));
    options.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

}  // namespace ogi
