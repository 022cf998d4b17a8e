#include "services/procedure/procedure_manager.h"

#include <utility>

#include "services/cases/case_manager.h"
#include "services/cases/case_validation.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"
#include "services/deadlines/procedure_steps.h"

namespace ogi {

ProcedureManager::ProcedureManager(CaseStore* store, const Clock* clock,
                                   const CaseClock* case_clock,
                                   CaseObserver* observer,
                                   std::string default_agency_code)
    : store_(store),
      clock_(clock),
      case_clock_(case_clock),
      observer_(observer),
      default_agency_code_(std::move(default_agency_code)) {}

template <typename Request>
absl::StatusOr<v1::ProcedureStepResponse> ProcedureManager::RecordStep(
    const Request& request, absl::string_view actor) {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  OGI_RETURN_IF_ERROR(ValidateCaseNumber(request.number()));
  const absl::Time now = clock_->Now();
  const absl::CivilDay today = absl::ToCivilDay(now, ChinaTimeZone());
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  const std::string agency = request.agency_code().empty()
                                 ? default_agency_code_
                                 : request.agency_code();
  OGI_ASSIGN_OR_RETURN(
      v1::Case stored,
      store_->MutateCase(
          agency, request.number(),
          [&](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
            // The stored deadlines may be stale (older day or calendar).
            OGI_ASSIGN_OR_RETURN(v1::Deadlines before,
                                 case_clock_->Compute(c, today, *calendar));
            *c.mutable_deadlines() = before;
            OGI_ASSIGN_OR_RETURN(
                v1::CaseEvent event,
                ApplyStep(request, today, *calendar, case_clock_->policy(), c));
            OGI_ASSIGN_OR_RETURN(*c.mutable_deadlines(),
                                 case_clock_->Compute(c, today, *calendar));
            for (v1::FieldChange& change :
                 DiffDeadlineDates(before, c.deadlines())) {
              *event.add_changes() = std::move(change);
            }
            *event.mutable_recorded_at() = ToProtoTimestamp(now);
            event.set_actor(std::string(actor));
            return event;
          }));
  if (observer_ != nullptr) observer_->OnCaseChanged(stored);
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
