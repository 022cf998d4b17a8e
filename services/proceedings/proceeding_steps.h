#ifndef OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_
#define OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_

// The ProceedingService calls that change a case, as pure functions: each
// validates one request against the case, records it on the case's review or
// lawsuit, refreshes the derived fields of every review and lawsuit of the
// case (RefreshProceedings) and returns the history event to record. Pure;
// thread-safe (each mutates only the case it is given).
//
// Every ApplyProceedingStep:
//  - REQUIRES: `c` is the case the request names (its agency_code and the
//    case number in its number or id are not looked up again) and
//    `calendar` is the calendar in force.
//  - On success returns an event with its type and one FieldChange per
//    recorded fact, named by its path in Case, e.g.
//    "reviews[id=2022-0013-R1].copy_received",
//    "lawsuits[id=2022-0013-L1].appeal.result.decision",
//    "re_answers[id=1].due", followed by the derived fields that moved
//    (DiffDerivedProceedingFields: due dates, column, route); values in the
//    canonical text of ogi.v1.FieldChange (ISO dates, enum identifiers such
//    as "revoked", booleans "true"). It does not touch c.deadlines,
//    c.version or timestamps (CaseStepRunner does).
//  - On error leaves `c` unchanged.
//
// Errors, checked in this order:
//  - FAILED_PRECONDITION "案件 2025-0001 尚无收到申请日期（待确认收到）"
//    for a filing on a case not yet received. Any
//    received case may be contested, concluded or not (a review may contest
//    a failure to answer).
//  - INVALID_ARGUMENT "id: ..." for an empty or malformed id, an id of the
//    other kind ("... 是行政诉讼编号，不是行政复议编号") or of another case
//    ("id: "2025-0002-R1" 不是案件 2025-0001 的行政复议").
//  - NOT_FOUND "案件 2025-0001 没有行政复议 2025-0001-R3".
//  - INVALID_ARGUMENT "<field>: <rule>" for the request's own fields: a
//    required date or text unset ("decided: 必须填写"), a date that is not
//    a calendar date or is after `today` ("decided: 2025-10-09 晚于今天
//    （2025-10-01）"; reanswer_due is the exception: it lies ahead), text too
//    long or multi-line where one line is expected, an enum value unknown or
//    not valid for the stage ("decision: claim_dismissed 不是行政复议决定，
//    须为以下之一：upheld, ..."), two fields of the request that
//    contradict each other.
//  - FAILED_PRECONDITION "<field>: <day> 早于<what>（<day>）" for a date
//    before what the case records (the receipt date, the review's or
//    lawsuit's filing, the copy received, the acceptance, the judgment, the
//    appeal), and FAILED_PRECONDITION for a call that does not fit the
//    proceeding's state (see each function).

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/proceeding_service.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// Files a review of the case's answer as "<number>-R<n>", n = the number of
// reviews so far + 1. review.organ (one line, at most 200 characters) and
// review.filed (not before the case's receipt date) required. Optional:
// copy_received, accepted, procedure, defence_filed, note, checked as in
// RecordReviewProgress. review.decision/decided and
// decision_period_extended are refused (INVALID_ARGUMENT: their own calls
// record them); other output-only fields are ignored. Event REVIEW_FILED.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::FileReviewRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

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
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::RecordReviewProgressRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

// The review decision: a review decision (IsValidDecision kReview) and
// decided (not before the filing nor the acceptance) required. reanswer_due
// only with a decision that orders a new answer (OrdersNewAnswer: revoked,
// ordered_to_perform) and after `decided`; it appends a pending re-answer
// to the case: ReAnswer{id = largest id + 1, ordered_by = the review's id,
// ordered = decided, due}. FAILED_PRECONDITION when already decided. Event
// REVIEW_DECIDED.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::DecideReviewRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

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
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::FileLawsuitRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

// Records each field present (a date set, simplified true, note not empty).
// complaint_received may be corrected, not before the filing;
// defence_filed not before the filing nor the complaint copy.
// INVALID_ARGUMENT "id: nothing new to record ..." when nothing changes.
// FAILED_PRECONDITION for a second defence or a complaint copy received after
// the recorded defence. Event LAWSUIT_PROGRESS.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::RecordLawsuitProgressRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

// The first-instance judgment or ruling: a first-instance decision and date
// (not before the filing) required; reanswer_due as in DecideReview.
// FAILED_PRECONDITION when already judged. Event LAWSUIT_JUDGED.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::JudgeLawsuitRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

// An appeal by either side: filed required, not before the first-instance
// judgment; appellant and court optional (one line, at most 200 characters).
// FAILED_PRECONDITION without a first-instance judgment and when already
// appealed. Event LAWSUIT_APPEALED.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::AppealLawsuitRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

// The appeal court's decision: an appeal decision and date (not before the
// appeal) required; reanswer_due as in DecideReview. FAILED_PRECONDITION
// without an appeal and when the appeal is already decided. Event
// APPEAL_DECIDED.
absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::DecideAppealRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEEDINGS_PROCEEDING_STEPS_H_
