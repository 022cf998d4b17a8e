#include "services/cases/case_clock.h"

#include "services/common/status_macros.h"

namespace ogi {
absl::StatusOr<v1::Deadlines> CaseClock::Compute(const v1::Case& c,
                                                 absl::CivilDay today) const {
  return Compute(c, today, *calendars_->Current());
}

absl::StatusOr<v1::Deadlines> CaseClock::Compute(
    const v1::Case& c, absl::CivilDay today,
    const WorkingCalendar& calendar) const {
  return ComputeDeadlines(c, calendar, today, policy_);
}

absl::Status CaseClock::Refresh(v1::Case& c, absl::CivilDay today) const {
  OGI_ASSIGN_OR_RETURN(*c.mutable_deadlines(), Compute(c, today));
  return absl::OkStatus();
}

}  // namespace ogi
