#ifndef OGI_SERVICES_PROCEEDINGS_LAWSUIT_STEPS_H_
#define OGI_SERVICES_PROCEEDINGS_LAWSUIT_STEPS_H_

// The steps of an administrative lawsuit (行政诉讼) over the case's answer:
// filing (directly or after a review), progress (complaint copy, defence,
// simplified procedure), the first-instance judgment, an appeal and the
// appeal decision. Each ApplyStep follows the contract every proceeding step
// shares (proceeding_steps.h); `policy` is unused (a lawsuit's clocks are the
// Litigation law's, computed by proceeding_deadlines.h) and kept for the
// signature every case step has (CaseStepRunner::RunRequest).

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

// Files a lawsuit as "<number>-L<n>". lawsuit.court (one line, at most 200
// characters) and lawsuit.filed (not before the receipt date) required.
// after_review_id, when set, must be a review of this case (INVALID_ARGUMENT
// for a malformed id or one of another case, NOT_FOUND for an unknown one)
// that the applicant can already sue after (Litigation law Art. 45: decided on
// or before lawsuit.filed, or its decision period run out before it; see
// SuitAfterReviewPossibleFrom): otherwise FAILED_PRECONDITION naming the first
// possible day. role UNSPECIFIED is stored as DEFENDANT.
// Optional: complaint_received, defence_filed, simplified, note, checked as
// in RecordLawsuitProgress. first_instance and appeal are refused
// (INVALID_ARGUMENT). Event LAWSUIT_FILED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::FileLawsuitRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// Records each field present (a date set, simplified true, note not empty).
// complaint_received may be corrected, not before the filing;
// defence_filed not before the filing nor the complaint copy.
// INVALID_ARGUMENT "id: nothing new to record ..." when nothing changes.
// FAILED_PRECONDITION for a second defence or a complaint copy received after
// the recorded defence. Event LAWSUIT_PROGRESS.
absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::RecordLawsuitProgressRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c);

// The first-instance judgment or ruling: a first-instance decision and date
// (not before the filing) required; reanswer_due as in DecideReview.
// FAILED_PRECONDITION when already judged. Event LAWSUIT_JUDGED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::JudgeLawsuitRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// An appeal by either side: filed required, not before the first-instance
// judgment; appellant and court optional (one line, at most 200 characters).
// FAILED_PRECONDITION without a first-instance judgment and when already
// appealed. Event LAWSUIT_APPEALED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::AppealLawsuitRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// The appeal court's decision: an appeal decision and date (not before the
// appeal) required; reanswer_due as in DecideReview. FAILED_PRECONDITION
// without an appeal and when the appeal is already decided. Event
// APPEAL_DECIDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DecideAppealRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_LAWSUIT_STEPS_H_
