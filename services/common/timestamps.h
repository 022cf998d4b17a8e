#ifndef OGI_SERVICES_COMMON_TIMESTAMPS_H_
#define OGI_SERVICES_COMMON_TIMESTAMPS_H_

// Conversions between absl::Time and google.protobuf.Timestamp (microsecond
// precision, which is what ogi stores).

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace ogi {

google::protobuf::Timestamp ToProtoTimestamp(absl::Time t);
absl::Time FromProtoTimestamp(const google::protobuf::Timestamp& t);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_TIMESTAMPS_H_
