#ifndef OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_
#define OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_

// Which deadlines of a case need attention, and when a case crosses an alert
// threshold. Pure functions and a listing builder; the functions are
// thread-safe.

#include <deque>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/cases/case_clock.h"
#include "storage/case_store.h"

namespace ogi {

// The deadlines of `c` as of `today`, cheaply: the stored deadlines (computed
// when the case was last written; their dates do not depend on the day) with
// the working days left and lapsed windows brought to `today`. A case whose
// stored deadlines cannot be carried over (DeadlinesNeedFullComputation: an
// open pause, or none stored) is computed in full.
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

// A listing of what needs attention within `within` working days of `today`:
// the alerts AlertsForCase gives for each case added, in SortByUrgency's
// order (ties, which only malformed case numbers can cause, in creation
// order). Built from a store's summaries (CaseStore::ForEachDeadlineSummary),
// brought to `today` by calendar arithmetic as DeadlinesAsOf does. It sorts
// small entries, then writes each message once, in order, straight into the
// response: messages laid out in the order they are sent serialize twice as
// fast, and free four times as fast, as the same messages shuffled. Not
// thread-safe.
class DeadlineListing {
 public:
  // REQUIRES: `calendar` and `clock` outlive the listing.
  DeadlineListing(const WorkingCalendar& calendar, const CaseClock& clock,
                  absl::CivilDay today, int within);
  ~DeadlineListing();
  DeadlineListing(const DeadlineListing&) = delete;
  DeadlineListing& operator=(const DeadlineListing&) = delete;

  // Adds the alerts of the summarized case `c`, keeping what their messages
  // need of it. Errors: those of CaseClock::Compute for a case whose
  // deadlines are computed in full (c.record set); nothing is added then,
  // and `c` is left as it was.
  absl::Status Add(CaseDeadlineSummary&& c);

  // The alerts, most urgent first, with as_of set to `today`. Leaves the
  // listing empty.
  v1::ListDeadlinesResponse TakeResponse();

 private:
  // One alert: its place in the order and all its message needs but the
  // case's own fields (defined in the .cc).
  struct Entry;

  // WorkingCalendar::WorkingDaysBetween(today_, day), remembered for days
  // near today: a listing asks about the same few hundred days again and
  // again.
  int WorkingDaysUntil(absl::CivilDay day);

  const WorkingCalendar& calendar_;
  const CaseClock& clock_;
  const absl::CivilDay today_;
  const int within_;
  std::vector<int> working_days_until_;  // by day - today_ + kMemoDays
  // The cases with alerts (without their records): a deque, so that they
  // never move and no large block is copied as it grows.
  std::deque<CaseDeadlineSummary> cases_;
  std::vector<Entry> entries_;
};

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
