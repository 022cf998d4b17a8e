#ifndef OGI_SERVICES_RPC_REQUEST_LIMITS_H_
#define OGI_SERVICES_RPC_REQUEST_LIMITS_H_

// The first check of every call (services/rpc/unary_call.h): the bounds
// the API documents on each request field with the (ogi.v1.limits) option
// (proto/ogi/v1/field_limits.proto), enforced generically by reflection before
// authentication or any domain code sees the request, so that no layer below
// ever handles, stores or echoes an oversized value.
//
// Pure function; thread-safe.

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace ogi {

// Characters (Unicode code points) a string field may hold, and entries a
// repeated or map field may hold, when its (ogi.v1.limits) leaves them 0.
inline constexpr int kDefaultMaxLength = 1000;
inline constexpr int kDefaultMaxItems = 1000;

// Code points of an over-long value quoted in its violation.
inline constexpr int kEchoedPrefixLength = 16;

// Walks every present field of `request`, recursively into sub-messages
// (well-known types too), repeated fields and maps, and checks it against its
// (ogi.v1.limits):
//   - string: at most max_length code points (default kDefaultMaxLength);
//     bytes: at most max_length bytes (same default);
//   - integers: min <= value <= max where annotated ("须在 1 至 100 之间，
//     而不是 0");
//   - enums: a value the enum defines (proto3 keeps unknown numbers);
//   - repeated and map fields: at most max_items entries (default
//     kDefaultMaxItems); only the first max_items entries are walked further.
// Proto3 fields at their default (0, "", no entries) are absent and not
// checked: whether a field is required is the domain's rule.
// Returns OK, or INVALID_ARGUMENT listing every violation (FieldViolations:
// message "path: rule；…" and a google.rpc.BadRequest payload). Paths are the
// request's field paths: "case.applicant.name", "items[1].description",
// "agency_codes[0]", "labels[\"k\"]" for a map entry with key k (the key
// quoted as below). A value is never echoed beyond its first
// kEchoedPrefixLength code points, e.g.
//   agency_code: "aaaaaaaaaaaaaaaa…"（共 100000 个字符）超过上限 64 个字符
absl::Status CheckRequestLimits(const google::protobuf::Message& request);

}  // namespace ogi

#endif  // OGI_SERVICES_RPC_REQUEST_LIMITS_H_
