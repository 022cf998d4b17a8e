#ifndef OGI_SERVICES_COMMON_SHA256_H_
#define OGI_SERVICES_COMMON_SHA256_H_

// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto, which gRPC already links.

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message_lite.h"

namespace ogi {

// The digest of `data` as 64 lower-case hex digits.
std::string Sha256Hex(absl::string_view data);

// Sha256Hex of `message` serialized deterministically (map entries in key
// order), so that equal messages always give the same digest.
std::string Sha256HexOfMessage(const google::protobuf::MessageLite& message);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_SHA256_H_
