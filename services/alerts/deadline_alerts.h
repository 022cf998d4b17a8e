#ifndef OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_
#define OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_

// Which deadlines of a case need attention, and when a case crosses an alert
// threshold. Pure functions; thread-safe.

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/cases/case_clock.h"

namespace ogi {

// The deadlines of `c` as of `today`, cheaply: the stored deadlines (computed
// when the case was last written; their dates do not depend on the day) with
// the working days left and lapsed windows brought to `today`. A case with an
// open pause, or with no stored deadlines, is computed in full, since how many
// counted days are left while paused is not a calendar difference.
absl::StatusOr<v1::Deadlines> DeadlinesAsOf(const v1::Case& c,
                                            absl::CivilDay today,
                                            const WorkingCalendar& calendar,
                                            const CaseClock& clock);

// The alerts of one open case for a listing of what needs attention within
// `within` working days of `today`: the answer (overdue, due today, or a
// (projected) due date within `within` working days), the 补正 notice duty
// while no notice is sent and it can still be met (due today or within
// `within`), and a lapsed applicant window with its proposed conclusion.
// `c.deadlines()` must be computed for `today`.
std::vector<v1::DeadlineAlert> AlertsForCase(const v1::Case& c,
                                             const WorkingCalendar& calendar,
                                             absl::CivilDay today, int within);

// Most urgent first: answers overdue (most overdue first), due today, lapsed
// applicant windows, 补正 notice duties due or late, answers due soon (fewest
// days left first), duties coming up; then by case number.
void SortByUrgency(std::vector<v1::DeadlineAlert>& alerts);

// How urgent a case is, in ranks that only grow as time passes (unless the
// record changes, e.g. an extension). The stream raises an alert whenever a
// rank grows.
struct AlertRanks {
  // 0: nothing; then one rank per threshold (thresholds in descending order,
  // e.g. 5, 3, 1 working days left); then due today; then overdue.
  int answer = 0;
  // 0: nothing; 1: the 补正 notice is due today; 2: it is late.
  int correction_notice = 0;
  // 0 or 1: an applicant window lapsed.
  int window = 0;
};

// The ranks of `c` (its deadlines computed for `today`). `thresholds` are
// working days left, e.g. {5, 3, 1}; REQUIRES: positive and descending.
AlertRanks RanksOf(const v1::Case& c, const WorkingCalendar& calendar,
                   absl::CivilDay today, const std::vector<int>& thresholds);

// The alerts for each rank of `after` that is higher than in `before`: one per
// kind, at the rank reached.
std::vector<v1::DeadlineAlert> Crossings(const v1::Case& c,
                                         const WorkingCalendar& calendar,
                                         absl::CivilDay today,
                                         const std::vector<int>& thresholds,
                                         const AlertRanks& before,
                                         const AlertRanks& after);

}  // namespace ogi

#endif  // OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_
