#ifndef OGI_SERVICES_SERVER_TRANSPORT_SECURITY_H_
#define OGI_SERVICES_SERVER_TRANSPORT_SECURITY_H_

// How the server secures its listening port: TLS from a certificate and key,
// optionally requiring client certificates signed by a given CA; plain text
// only on a loopback address unless explicitly allowed (personal data must
// not cross a network in clear).

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace ogi {

struct TlsOptions {
  std::string cert_file;  // PEM certificate chain; empty: no TLS
  std::string key_file;   // PEM private key of the certificate
  // PEM CA certificates: when set, every client must present a certificate
  // they signed (mutual TLS).
  std::string client_ca_file;
  // Serve plain text on a non-loopback address anyway.
  bool allow_insecure_plaintext = false;
};

// Whether `listen` ("host:port") names a loopback host: localhost, 127.0.0.0/8
// or [::1].
bool IsLoopbackAddress(absl::string_view listen);

// The credentials for serving `listen` with `tls`. INVALID_ARGUMENT naming
// the flag for an incomplete set (a key without a certificate, a client CA
// without TLS); NOT_FOUND naming the flag for a file that cannot be read;
// FAILED_PRECONDITION "--listen: ..." for plain text on a non-loopback
// address without allow_insecure_plaintext.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    absl::string_view listen, const TlsOptions& tls);

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_TRANSPORT_SECURITY_H_
