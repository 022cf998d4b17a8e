#include "services/outcomes/outcome_manager.h"

#include <utility>

#include "services/common/status_macros.h"
#include "services/outcomes/conclusion_steps.h"

namespace ogi {

OutcomeManager::OutcomeManager(CaseStore* store, const Clock* clock,
                               const CaseClock* case_clock,
                               CaseObserver* observer,
                               std::string default_agency_code)
    : runner_(store, clock, case_clock, observer,
              std::move(default_agency_code)) {}

template <typename Request>
absl::StatusOr<v1::OutcomeResponse> OutcomeManager::RecordStep(
    const Request& request, absl::string_view actor) {
  OGI_ASSIGN_OR_RETURN(v1::Case stored, runner_.RunRequest(request, actor));
  v1::OutcomeResponse response;
  *response.mutable_case_() = std::move(stored);
  return response;
}

absl::StatusOr<v1::OutcomeResponse> OutcomeManager::Record(
    const v1::ConcludeCaseRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

absl::StatusOr<v1::OutcomeResponse> OutcomeManager::Record(
    const v1::WithdrawCaseRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

absl::StatusOr<v1::OutcomeResponse> OutcomeManager::Record(
    const v1::ConfirmLapseRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

absl::StatusOr<v1::OutcomeResponse> OutcomeManager::Record(
    const v1::CorrectConclusionRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

absl::StatusOr<v1::OutcomeResponse> OutcomeManager::Record(
    const v1::RecordReAnswerRequest& request, absl::string_view actor) {
  return RecordStep(request, actor);
}

}  // namespace ogi
