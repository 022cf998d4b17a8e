#ifndef OGI_SERVICES_COMMON_FIELD_UPDATE_H_
#define OGI_SERVICES_COMMON_FIELD_UPDATE_H_

// Partial updates of stored records (PutUser, PutAgency, SetFigures,
// SetProse, RegisterDocument), in one place: the field mask that says which
// fields a request changes, and the etag that says which version of the
// record the caller last read.
//
// An etag is derived from the record itself — the first 32 hex digits of the
// SHA-256 of its deterministic serialization with its own `etag` field
// cleared — so no schema change is needed and equal records have equal
// etags. Comparing it and then writing is the caller's to make atomic (the
// managers hold a mutex around read, check and write).
//
// Pure functions over protobuf reflection; thread-safe.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/message.h"

namespace ogi {

// The etag of `record`: 32 lower-case hex digits. REQUIRES: `record`'s
// message type has a string field "etag" (it is cleared on a copy first).
std::string EtagOf(const google::protobuf::Message& record);

// Sets record->etag to EtagOf(*record). REQUIRES: as EtagOf.
void StampEtag(google::protobuf::Message* record);

// OK when `given` is empty (the caller does not ask for a version check) or
// equals EtagOf(*stored); `stored` nullptr means no record is stored yet,
// which no etag matches. ABORTED "etag: 记录已被他人修改，请重新读取后再改"
// otherwise.
absl::Status CheckEtag(absl::string_view given,
                       const google::protobuf::Message* stored);

// Copies into `stored` the fields of `given` that the request changes:
//  - `mask` empty: every path of `updatable` whose value in `given` is not
//    the default (a number not 0, a text not empty, an enum not 0, a list
//    not empty, a message present) — so a field left out is never reset. A
//    path with sub-paths listed in `updatable` (e.g. "rules" with
//    "rules.issued") is taken by its sub-paths.
//  - `mask` given: exactly its paths, each of which must be one of
//    `updatable` or lie under one (e.g. "rules.issued" under "rules");
//    a masked field whose value in `given` is the default is cleared.
// INVALID_ARGUMENT "update_mask: 未知字段 \"…\"（可用：…）" naming every path
// that is not updatable (a long path is cut, see QuoteForMessage); `stored`
// is then unchanged.
// REQUIRES: `given` and `stored` have the same type; every entry of
// `updatable` is a valid field path of it.
absl::Status ApplyUpdate(const google::protobuf::Message& given,
                         const google::protobuf::FieldMask& mask,
                         const std::vector<std::string>& updatable,
                         google::protobuf::Message* stored);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_FIELD_UPDATE_H_
