#ifndef OGI_SERVICES_COMMON_FIELD_VIOLATIONS_H_
#define OGI_SERVICES_COMMON_FIELD_VIOLATIONS_H_

// Every way a request's fields are wrong, in one error. A validator adds each
// violation it finds instead of returning at the first; ToStatus() makes one
// INVALID_ARGUMENT whose message lists them ("f1: rule；f2: rule", the form
// clients and the CLI already map) and whose payload carries them as a
// google.rpc.BadRequest, which the gRPC edge sends as the standard
// "grpc-status-details-bin" details (services/rpc/grpc_status_util.h).

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/rpc/error_details.pb.h"

namespace ogi {

// The absl::Status payload key (a type URL, as the gRPC details use) under
// which a serialized google.rpc.BadRequest travels.
inline constexpr absl::string_view kBadRequestTypeUrl =
    "type.googleapis.com/google.rpc.BadRequest";

// Separates the violations in a status message: a full-width semicolon, as in
// the Chinese rules themselves.
inline constexpr absl::string_view kViolationSeparator = "；";

// INVALID_ARGUMENT "<field>: <rule>": one violation, in the form every
// server error about a request field takes (`field`: the request field's
// path; `rule`: in Chinese). The one helper for it; FieldViolations collects
// several.
absl::Status InvalidField(absl::string_view field, absl::string_view rule);

class FieldViolations {
 public:
  // `field`: the request field's path, e.g. "case.applicant.name" or
  // "items[1].description"; `description`: the rule, in Chinese.
  void Add(absl::string_view field, absl::string_view description);

  // Adds the violations `status` carries (see ViolationsOf) and returns true,
  // or returns false and adds nothing when `status` is not INVALID_ARGUMENT
  // (which the caller then returns as it is).
  bool AddFrom(const absl::Status& status);

  bool empty() const { return violations_.empty(); }
  size_t size() const { return violations_.size(); }

  // OK when empty; otherwise INVALID_ARGUMENT with every violation, in the
  // order added, in the message and in the BadRequest payload.
  absl::Status ToStatus() const;

 private:
  std::vector<std::pair<std::string, std::string>> violations_;
};

// The violations of an INVALID_ARGUMENT status: those of its BadRequest
// payload when it has one, else the one its message names in the
// "field: rule" form (a field path has no spaces), else none. Empty for
// any other code.
google::rpc::BadRequest ViolationsOf(const absl::Status& status);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_FIELD_VIOLATIONS_H_
