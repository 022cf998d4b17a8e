#ifndef OGI_TESTS_E2E_VARIED_CONCLUSIONS_H_
#define OGI_TESTS_E2E_VARIED_CONCLUSIONS_H_

// Load generators of the end-to-end tests conclude their cases with a mix of
// outcomes, so that the annual report they check has more than one row.

#include <string>

#include "absl/time/civil_time.h"
#include "ogi/v1/outcome_service.pb.h"
#include "services/common/civil_date.h"

namespace ogi::testing {

// The conclusion of case `number` (the n-th of a load), served in person on
// `served`: by n % 5, 予以公开 (0, 1), 不予公开 as process information (2),
// 不掌握 as not existing (3), or withdrawn as 其他 (4).
inline v1::ConcludeCaseRequest VariedConclusion(const std::string& number,
                                                absl::CivilDay served, int n) {
  v1::ConcludeCaseRequest conclude;
  conclude.set_number(number);
  v1::Conclusion& conclusion = *conclude.mutable_conclusion();
  *conclusion.mutable_served() = ToProtoDate(served);
  conclusion.set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  switch (n % 5) {
    case 0:
    case 1:
      conclude.set_outcome(v1::OUTCOME_DISCLOSED);
      break;
    case 2:
      conclude.set_outcome(v1::OUTCOME_WITHHELD_PROCESS_INFORMATION);
      break;
    case 3:
      conclude.set_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
      conclusion.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
      break;
    default:
      conclude.set_outcome(v1::OUTCOME_OTHER);
      conclusion.set_note("申请人撤回申请");
  }
  return conclude;
}

}  // namespace ogi::testing

#endif  // OGI_TESTS_E2E_VARIED_CONCLUSIONS_H_
