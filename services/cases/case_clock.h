#ifndef OGI_SERVICES_CASES_CASE_CLOCK_H_
#define OGI_SERVICES_CASES_CASE_CLOCK_H_

// The statutory clocks of a case with the calendar in force and the clock
// policy of this server.

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline.pb.h"
#include "services/calendar/calendar_registry.h"
#include "services/calendar/working_calendar.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

// Thread-safe. The registry must outlive the clock.
class CaseClock {
 public:
  CaseClock(const CalendarRegistry* calendars, ClockPolicy policy)
      : calendars_(calendars), policy_(policy) {}

  // The deadlines of `c` as of `today` with the calendar in force.
  absl::StatusOr<v1::Deadlines> Compute(const v1::Case& c,
                                        absl::CivilDay today) const;

  // The same with a given calendar (e.g. one about to be installed).
  absl::StatusOr<v1::Deadlines> Compute(const v1::Case& c, absl::CivilDay today,
                                        const WorkingCalendar& calendar) const;

  // Sets c.deadlines() for `today`.
  absl::Status Refresh(v1::Case& c, absl::CivilDay today) const;

  const CalendarRegistry& calendars() const { return *calendars_; }
  const ClockPolicy& policy() const { return policy_; }

 private:
  const CalendarRegistry* const calendars_;
  const ClockPolicy policy_;
};

}  // namespace ogi

#endif  // OGI_SERVICES_CASES_CASE_CLOCK_H_
