#ifndef OGI_SERVICES_OUTCOMES_OUTCOME_MANAGER_H_
#define OGI_SERVICES_OUTCOMES_OUTCOME_MANAGER_H_

// The OutcomeService operations without the transport: each request is
// validated against the case and applied
// (services/outcomes/conclusion_steps.h), its deadlines recomputed (a concluded
// case's clocks stop), and the case stored with one history event listing every
// changed field.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/outcome_service.pb.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/cases/case_step_runner.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. All pointers must outlive the manager; `observer` may be null.
class OutcomeManager {
 public:
  OutcomeManager(CaseStore* store, const Clock* clock,
                 const CaseClock* case_clock, CaseObserver* observer,
                 std::string default_agency_code);

  // Each returns the case as stored, with its deadlines as of today (of its
  // conclusion date once concluded). INVALID_ARGUMENT for bad or missing
  // fields or a missing actor, FAILED_PRECONDITION when the case's state
  // does not allow the call, NOT_FOUND for an unknown case (or review or
  // lawsuit), ABORTED when the request's expected_version is set and the
  // case is at another version (CaseStepRunner::Run). The rules of each are
  // those of the matching ApplyStep.
  absl::StatusOr<v1::OutcomeResponse> Record(
      const v1::ConcludeCaseRequest& request, absl::string_view actor);
  absl::StatusOr<v1::OutcomeResponse> Record(
      const v1::WithdrawCaseRequest& request, absl::string_view actor);
  absl::StatusOr<v1::OutcomeResponse> Record(
      const v1::ConfirmLapseRequest& request, absl::string_view actor);
  absl::StatusOr<v1::OutcomeResponse> Record(
      const v1::CorrectConclusionRequest& request, absl::string_view actor);
  absl::StatusOr<v1::OutcomeResponse> Record(
      const v1::RecordReAnswerRequest& request, absl::string_view actor);

 private:
  template <typename Request>
  absl::StatusOr<v1::OutcomeResponse> RecordStep(const Request& request,
                                                 absl::string_view actor);

  const CaseStepRunner runner_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_OUTCOMES_OUTCOME_MANAGER_H_
