#ifndef OGI_SERVICES_RPC_GRPC_STATUS_UTIL_H_
#define OGI_SERVICES_RPC_GRPC_STATUS_UTIL_H_

// The one edge where absl::Status becomes grpc::Status. A gRPC status travels
// in HTTP/2 trailers, which clients refuse beyond a metadata limit (8 KB by
// default; a Node client then hangs, a Python one reports
// RESOURCE_EXHAUSTED instead of the real error). So whatever a lower layer
// put in a message, the status sent is bounded: the message is cut to
// kMaxStatusMessageBytes (percent-encoded on the wire: at most three times
// that) and the binary details to kMaxStatusDetailsBytes (base64: four
// thirds of that).

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace ogi {

inline constexpr size_t kMaxStatusMessageBytes = 512;
inline constexpr size_t kMaxStatusDetailsBytes = 3072;
// At most this many field violations in the details; each one's field path
// and description cut to these sizes.
inline constexpr int kMaxDetailedViolations = 100;
inline constexpr size_t kMaxViolationFieldBytes = 128;
inline constexpr size_t kMaxViolationDescriptionBytes = 256;

// Same code (the two enumerations share their numbering) and message, the
// message cut to kMaxStatusMessageBytes (see CapUtf8). For INVALID_ARGUMENT,
// also the standard binary details ("grpc-status-details-bin"): a serialized
// google.rpc.Status with the same code and message whose details hold one
// google.protobuf.Any with a google.rpc.BadRequest of the status's field
// violations (ViolationsOf, services/common/field_violations.h), bounded as
// above; when some had to be left out, a last violation with an empty field
// says how many ("另有 N 项未列出").
grpc::Status ToGrpcStatus(const absl::Status& status);

// `text` when it has at most `max_bytes` bytes; otherwise its longest prefix
// that ends on a UTF-8 character boundary and leaves room for a following
// "…", then "…". REQUIRES: max_bytes >= 3.
std::string CapUtf8(absl::string_view text, size_t max_bytes);

}  // namespace ogi

#endif  // OGI_SERVICES_RPC_GRPC_STATUS_UTIL_H_
