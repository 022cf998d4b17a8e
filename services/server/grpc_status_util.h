#ifndef OGI_SERVICES_SERVER_GRPC_STATUS_UTIL_H_
#define OGI_SERVICES_SERVER_GRPC_STATUS_UTIL_H_

// The one edge where absl::Status becomes grpc::Status.

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"

namespace ogi {

// Same code (the two enumerations share their numbering) and message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace ogi

#endif  // OGI_SERVICES_SERVER_GRPC_STATUS_UTIL_H_
