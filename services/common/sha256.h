#ifndef OGI_SERVICES_COMMON_SHA256_H_
#define OGI_SERVICES_COMMON_SHA256_H_

// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto, which gRPC already links.

#include <string>

#include "absl/strings/string_view.h"

namespace ogi {

// The digest of `data` as 64 lower-case hex digits.
std::string Sha256Hex(absl::string_view data);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_SHA256_H_
