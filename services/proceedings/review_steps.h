#ifndef OGI_SERVICES_PROCEEDINGS_REVIEW_STEPS_H_
#define OGI_SERVICES_PROCEEDINGS_REVIEW_STEPS_H_

// The steps of an administrative review (行政复议) of the case's answer:
// filing, progress (copy, acceptance, procedure, defence, extension) and the
// decision. Each ApplyStep follows the contract every proceeding step shares
// (proceeding_steps.h); `policy` is unused (a review's clock is its own law's,
// computed by proceeding_deadlines.h) and kept for the signature every
// case step has (CaseStepRunner::RunRequest).

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

// Files a review of the case's answer as "<number>-R<n>", n = the number of
// reviews so far + 1. review.organ (one line, at most 200 characters) and
// review.filed (not before the case's receipt date) required. Optional:
// copy_received, accepted, procedure, defence_filed, note, checked as in
// RecordReviewProgress. review.decision/decided and
// decision_period_extended are refused (INVALID_ARGUMENT: their own calls
// record them); other output-only fields are ignored. Event REVIEW_FILED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::FileReviewRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// Records each field present (a date set, procedure not UNSPECIFIED,
// extend_decision_period true, note not empty); a present field equal to the
// recorded value is no change. copy_received and accepted may be corrected
// (the history shows old and new) but not before the filing; defence_filed
// not before the filing nor the copy received. INVALID_ARGUMENT "id: nothing
// new to record for review ..." when nothing changes. FAILED_PRECONDITION
// for a second defence, a copy received after the recorded defence, an
// acceptance after the decision, a second extension, an extension of the
// simplified procedure or without an acceptance date or after the decision,
// and a switch to the simplified procedure after an extension (Review law
// Art. 62: only the ordinary 60 days may be extended). Event REVIEW_PROGRESS.
absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::RecordReviewProgressRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c);

// The review decision: a review decision (IsValidDecision kReview) and
// decided (not before the filing nor the acceptance) required. reanswer_due
// only with a decision that orders a new answer (OrdersNewAnswer: revoked,
// ordered_to_perform) and after `decided`; it appends a pending re-answer
// to the case: ReAnswer{id = largest id + 1, ordered_by = the review's id,
// ordered = decided, due}. FAILED_PRECONDITION when already decided. Event
// REVIEW_DECIDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DecideReviewRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_REVIEW_STEPS_H_
