#include "services/procedure/procedure_manager.h"

#include <utility>

#include "services/common/status_macros.h"
#include "services/procedure/procedure_steps.h"

namespace ogi {

ProcedureManager::ProcedureManager(CaseStore* store, const Clock* clock,
                                   const CaseClock* case_clock,
                                   CaseObserver* observer,
                                   std::string default_agency_code)
    : runner_(store, clock, case_clock, observer,
              std::move(default_agency_code)) {}

template <typename Request>
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::RecordStep(
    const Request& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(v1::Case stored, runner_.RunRequest(request, actor));
  v1::ProcedureStepResponse response;
  *response.mutable_case_() = std::move(stored);
  return response;
}

absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::SendCorrectionNoticeRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::ReceiveSupplementRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::SendConsultationRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::ReceiveConsultationReplyRequest& request,
    absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::IssueFeeNoticeRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::ReceiveFeePaymentRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::ExtendDeadlineRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::Record(
    const v1::DeferDeadlineRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

}  // namespace ogi
