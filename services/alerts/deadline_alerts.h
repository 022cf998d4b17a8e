#ifndef OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_
#define OGI_SERVICES_ALERTS_DEADLINE_ALERTS_H_

// Which deadlines of a case need attention, and when a case crosses an alert
// threshold. Pure functions and a listing builder; the functions are
// thread-safe.

#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/cases/case_clock.h"
#include "services/common/paging.h"
#include "services/proceedings/open_duties.h"
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

// The alerts of one case for a listing of what needs attention within
// `within` working days of `today`. While the receipt date awaits
// confirmation: the confirmation duty, however far off. While the case is
// open: the answer
// (overdue, due today, or a (projected) due date within `within` working
// days), the 补正 notice duty while no notice is sent and it can still be met
// (due today or within `within`), and a lapsed applicant window with its
// proposed conclusion. Open or concluded: each open duty after the answer
// (OpenDuties) due within `within` working days or past.
// `c.deadlines()` must be computed for `today`.
std::vector<v1::DeadlineAlert> AlertsForCase(const v1::Case& c,
                                             const WorkingCalendar& calendar,
                                             absl::CivilDay today, int within);

// Most urgent first: answers, defences and re-answers overdue (most overdue
// first), due today, lapsed applicant windows, 补正 notice duties and receipt
// confirmations due or late, answers, defences and re-answers due soon
// (fewest days left first), 补正 notice duties and receipt confirmations
// coming up, then the dates a review organ or court is
// expected to decide by; then by case number, kind and reference.
void SortByUrgency(std::vector<v1::DeadlineAlert>& alerts);

// The store query that selects every case of `agency_code` a
// DeadlineListing for `today` and `within` can list: each date range holds
// exactly the days whose working days left (WorkingDaysBetween(today, day))
// fall in the listing's bounds. A day's working days left do not follow its
// calendar order at the edges: a 补正 notice due on the last working day
// before today, and the rest days after it, still have 0 left on a rest day
// (due today); an answer due on a rest day after the horizon's last working
// day still has `within` left. So the ranges run from the last working day on
// or before today, and up to the day before the first working day after the
// horizon. Errors: those of WorkingCalendar::AddWorkingDays for the horizon.
absl::StatusOr<AttentionQuery> ListingQuery(const WorkingCalendar& calendar,
                                            absl::CivilDay today, int within,
                                            std::string agency_code);

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
  // need of it: its deadline alerts, or, when c.for_duties, the alerts of its
  // open duties after the answer (OpenDuties of c.record). Errors: those of
  // CaseClock::Compute for a case whose deadlines are computed in full
  // (c.record set); INTERNAL for c.for_duties without c.record; nothing is
  // added then, and `c` is left as it was.
  absl::Status Add(CaseDeadlineSummary&& c);

  // The alerts, most urgent first, with as_of set to `today`. Leaves the
  // listing empty.
  v1::ListDeadlinesResponse TakeResponse();

  // One page of TakeResponse's alerts: those from offset page.position(),
  // within page.size() and the byte budget (services/common/paging.h), with
  // as_of and next_page_token set. Only the page's messages are written, so
  // a page of a large listing costs its sort, not the whole listing's
  // messages. Leaves the listing empty.
  v1::ListDeadlinesResponse TakePage(const PageRequest& page);

 private:
  // One alert: its place in the order and all its message needs but the
  // case's own fields (defined in the .cc).
  struct Entry;

  // WorkingCalendar::WorkingDaysBetween(today_, day), remembered for days
  // near today: a listing asks about the same few hundred days again and
  // again.
  int WorkingDaysUntil(absl::CivilDay day);
  // Keeps `c` for the entries added since `first` (none: drops it).
  absl::Status Keep(CaseDeadlineSummary&& c, size_t first);
  // Puts entries_ in TakeResponse's order.
  void SortEntries();
  void Clear();

  const WorkingCalendar& calendar_;
  const CaseClock& clock_;
  const absl::CivilDay today_;
  const int within_;
  std::vector<int> working_days_until_;  // by day - today_ + kMemoDays
  // The cases with alerts (without their records): a deque, so that they
  // never move and no large block is copied as it grows.
  std::deque<CaseDeadlineSummary> cases_;
  // The duties the entries point to (a deque, so that they never move).
  std::deque<OpenDuty> duties_;
  std::vector<Entry> entries_;
};

// Identifies one open duty of a case across days: kind, reference and
// re-answer id.
using DutyRankKey = std::tuple<int, std::string, int>;
DutyRankKey DutyKey(const OpenDuty& duty);

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
  // 0: nothing; 1: the receipt confirmation is due today (the server's
  // --confirm_receipt_alert_days working days after arrival); 2: it is late.
  int confirmation = 0;
  // The open duties after the answer with a rank above 0, by DutyKey: a
  // defence or re-answer ranks as the answer does; a decision or judgment
  // expected ranks 1 once its date has passed.
  std::map<DutyRankKey, int> duties;
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
