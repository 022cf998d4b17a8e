#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_DEADLINES_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_DEADLINES_H_

// The clocks of reviews and lawsuits (SPEC §3). Day 1 is the day after the
// start date. Working-day periods count working days of the calendar;
// calendar-day and month periods end on the next working day when their last
// day is a day off (Civil Procedure Law Art. 85, which Review law Art. 88 and
// Litigation law Art. 101 apply). Pure functions; thread-safe.
//
// Errors are the calendar's (INVALID_ARGUMENT for a period longer than
// WorkingCalendar::kMaxPeriodDays), which the statutory lengths never reach.

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/proceeding.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

inline constexpr int kReviewAcceptanceWorkingDays = 5;         // Art. 30
inline constexpr int kReviewDefenceWorkingDays = 10;           // Art. 48
inline constexpr int kSimplifiedReviewDefenceWorkingDays = 5;  // Art. 54
inline constexpr int kReviewDecisionDays = 60;                 // Art. 62
inline constexpr int kReviewDecisionExtensionDays = 30;        // Art. 62
inline constexpr int kSimplifiedReviewDecisionDays = 30;       // Art. 62
inline constexpr int kLawsuitDefenceDays = 15;                 // Art. 67
inline constexpr int kFirstInstanceMonths = 6;                 // Art. 81
inline constexpr int kSimplifiedFirstInstanceDays = 45;        // Art. 83

// A computed date and whether the calendar could decide it for certain.
struct ProceedingDue {
  absl::CivilDay date;
  // True when a day that decided `date` lies in a year without a complete
  // loaded holiday arrangement (statutory holidays computed, no 调休 known);
  // the date is provisional.
  bool provisional = false;
  std::vector<int> provisional_years;  // ascending
};

// The agency's written defence in a review (Review law Arts. 48, 54, 88):
// 10 working days after it received the application copy; 5 under the
// simplified procedure. UNSPECIFIED procedure counts as ordinary.
absl::StatusOr<ProceedingDue> ReviewDefenceDue(absl::CivilDay copy_received,
                                               v1::ReviewProcedure procedure,
                                               const WorkingCalendar& calendar);

// When the review decision is expected (Review law Art. 62): 60 days after
// acceptance, 90 when `extended` (the once-only 30 more days); 30 days under
// the simplified procedure, which cannot be extended (`extended` ignored).
absl::StatusOr<ProceedingDue> ReviewDecisionExpected(
    absl::CivilDay accepted, v1::ReviewProcedure procedure, bool extended,
    const WorkingCalendar& calendar);

// When a review counts as accepted (Review law Art. 30): on its recorded
// acceptance date, else — the organ not having refused it within its 5
// working days of examination — on the day those 5 working days after
// `filed` end.
absl::StatusOr<ProceedingDue> ReviewAcceptedOrDeemed(
    const v1::Review& review, const WorkingCalendar& calendar);

// The first day on which the applicant can sue after `review` (复议后起诉,
// Litigation law Art. 45): the day of the review decision once one is
// recorded; else the day after the review organ's decision period (counted
// from acceptance, see ReviewAcceptedOrDeemed and ReviewDecisionExpected)
// has run out. INVALID_ARGUMENT when the review has neither a filing date nor
// a decision (against the invariants of a recorded review).
absl::StatusOr<ProceedingDue> SuitAfterReviewPossibleFrom(
    const v1::Review& review, const WorkingCalendar& calendar);

// The agency's defence (答辩状) in a lawsuit (Litigation law Art. 67): 15 days
// after it received the complaint copy.
absl::StatusOr<ProceedingDue> LawsuitDefenceDue(
    absl::CivilDay complaint_received, const WorkingCalendar& calendar);

// When the first-instance judgment is expected (Litigation law Arts. 81,
// 83): 6 months after filing — the same day of the sixth month after, or
// that month's last day when it has no such day (2023-08-31 → 2024-02-29) —
// or 45 days under the simplified procedure.
absl::StatusOr<ProceedingDue> JudgmentExpected(absl::CivilDay filed,
                                               bool simplified,
                                               const WorkingCalendar& calendar);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_DEADLINES_H_
