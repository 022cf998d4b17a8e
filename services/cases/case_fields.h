#ifndef OGI_SERVICES_CASES_CASE_FIELDS_H_
#define OGI_SERVICES_CASES_CASE_FIELDS_H_

// The recorded fields of a case as named, comparable values: what history
// events list as changes, and what an update mask may name. Pure functions;
// thread-safe.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "google/protobuf/field_mask.pb.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"

namespace ogi {

// The changes from `before` to `after` over every recorded field (applicant
// fields, channel, dates including the derived receipt date, items, form,
// delivery, status), in a fixed order, values in canonical text form (see
// ogi.v1.FieldChange). Empty when nothing differs.
std::vector<v1::FieldChange> DiffCaseFields(const v1::Case& before,
                                            const v1::Case& after);

// Copies the fields named by `mask` from `source` into `target`. Paths that
// may be named are listed in UpdatableCasePaths(). INVALID_ARGUMENT
// "update_mask: ..." for an empty mask or a path that cannot be updated.
absl::Status ApplyCaseUpdate(const google::protobuf::FieldMask& mask,
                             const v1::Case& source, v1::Case& target);

// "applicant", "applicant.name", ..., "items", "requested_form", ...
const std::vector<std::string>& UpdatableCasePaths();

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_FIELDS_H_
