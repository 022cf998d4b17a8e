#ifndef OGI_SERVICES_PROCEDURE_PROCEDURE_MANAGER_H_
#define OGI_SERVICES_PROCEDURE_PROCEDURE_MANAGER_H_

// The ProcedureService operations without the transport: each step is
// validated against the case (services/procedure/procedure_steps.h), applied,
// its deadlines recomputed, and stored with one history event that lists the
// recorded facts and every due date that moved.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/procedure_service.pb.h"
#include "services/cases/case_clock.h"
#include "services/cases/case_observer.h"
#include "services/cases/case_step_runner.h"
#include "services/common/clock.h"
#include "storage/case_store.h"

namespace ogi {

// Thread-safe. All pointers must outlive the manager; `observer` may be null.
class ProcedureManager {
 public:
  ProcedureManager(CaseStore* store, const Clock* clock,
                   const CaseClock* case_clock, CaseObserver* observer,
                   std::string default_agency_code);

  // Each returns the case as stored, with its deadlines as of today.
  // INVALID_ARGUMENT for bad fields or a missing actor, FAILED_PRECONDITION
  // when the step does not fit the case's state, NOT_FOUND for an unknown
  // case, ABORTED when the request's expected_version is set and the case is
  // at another version (CaseStepRunner::Run).
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::SendCorrectionNoticeRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::ReceiveSupplementRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::SendConsultationRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::ReceiveConsultationReplyRequest& request,
      absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::IssueFeeNoticeRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::ReceiveFeePaymentRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::ExtendDeadlineRequest& request, absl::string_view actor);
  absl::StatusOr<v1::ProcedureStepResponse> Record(
      const v1::DeferDeadlineRequest& request, absl::string_view actor);

 private:
  template <typename Request>
  absl::StatusOr<v1::ProcedureStepResponse> RecordStep(const Request& request,
                                                       absl::string_view actor);

  const CaseStepRunner runner_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEDURE_PROCEDURE_MANAGER_H_
