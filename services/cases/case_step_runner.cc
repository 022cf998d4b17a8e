#include "services/cases/case_step_runner.h"

#include <memory>
#include <utility>

#include "services/cases/case_manager.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/common/timestamps.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

CaseStepRunner::CaseStepRunner(CaseStore* store, const Clock* clock,
                               const CaseClock* case_clock,
                               CaseObserver* observer,
                               std::string default_agency_code)
    : store_(store),
      clock_(clock),
      case_clock_(case_clock),
      observer_(observer),
      default_agency_code_(std::move(default_agency_code)) {}

std::string CaseStepRunner::AgencyOrDefault(absl::string_view code) const {
  return code.empty() ? default_agency_code_ : std::string(code);
}

absl::StatusOr<v1::Case> CaseStepRunner::Run(absl::string_view agency_code,
                                             absl::string_view number,
                                             absl::string_view actor,
                                             int64_t expected_version,
                                             const CaseStep& step) const {
  OGI_RETURN_IF_ERROR(ValidateActor(actor));
  OGI_RETURN_IF_ERROR(ValidateCaseNumber(number));
  OGI_RETURN_IF_ERROR(ValidateExpectedVersion(expected_version));
  const absl::Time now = clock_->Now();
  // Held for the whole step: a calendar loaded meanwhile applies next time.
  const std::shared_ptr<const WorkingCalendar> calendar =
      case_clock_->calendars().Current();
  const StepContext pinned{absl::ToCivilDay(now, ChinaTimeZone()),
                           calendar.get(), case_clock_};
  OGI_ASSIGN_OR_RETURN(
      v1::Case stored,
      store_->MutateCase(
          AgencyOrDefault(agency_code), number,
          [&](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
            OGI_RETURN_IF_ERROR(CheckExpectedVersion(c, expected_version));
            // The stored deadlines may be stale (older day or calendar).
            OGI_ASSIGN_OR_RETURN(
                v1::Deadlines before,
                case_clock_->Compute(c, pinned.today, *calendar));
            *c.mutable_deadlines() = before;
            OGI_ASSIGN_OR_RETURN(v1::CaseEvent event, step(c, pinned));
            OGI_ASSIGN_OR_RETURN(
                *c.mutable_deadlines(),
                case_clock_->Compute(c, pinned.today, *calendar));
            for (v1::FieldChange& change :
                 DiffDeadlineDates(before, c.deadlines())) {
              *event.add_changes() = std::move(change);
            }
            *event.mutable_recorded_at() = ToProtoTimestamp(now);
            event.set_actor(std::string(actor));
            return event;
          }));
  if (observer_ != nullptr) observer_->OnCaseChanged(stored);
  return stored;
}

}  // namespace ogi
