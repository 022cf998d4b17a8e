#ifndef OGI_SERVICES_PROCEDURE_PROCEDURE_STEPS_H_
#define OGI_SERVICES_PROCEDURE_PROCEDURE_STEPS_H_

// The procedural steps of ProcedureService (SPEC §3) as pure functions: each
// validates one request against a case, applies it to the case's procedural
// record (and status), and returns the history event to record. Pure
// functions; thread-safe (each mutates only the case it is given).
//
// Every ApplyStep:
//  - REQUIRES: `c` is the case the request names (agency_code and number are
//    not looked at) and `calendar`/`policy` are the ones its deadlines are
//    computed with.
//  - On success updates c.procedure (and c.status where stated) and returns
//    an event with its type, its reason (only DeferDeadlineRequest has one)
//    and one FieldChange per field set, named by its path in Case, e.g.
//    "procedure.correction.sent",
//    "procedure.consultations[id=2].reply_received" (the bracket holds the
//    consultation's id), "status"; values in the canonical text form of
//    ogi.v1.FieldChange. It does NOT touch c.deadlines, c.version or the
//    timestamps: the caller recomputes the deadlines with ComputeDeadlines,
//    appends DiffDeadlineDates(before, after) to the event and sets sequence,
//    actor, time and snapshot.
//  - On error leaves `c` unchanged.
//
// Errors common to every step, checked in this order:
//  - FAILED_PRECONDITION "案件 2025-0001 已办结（送达日期 2025-10-20），
//    不能再记录办理步骤".
//  - FAILED_PRECONDITION "案件 2025-0001 尚无收到申请日期（待确认收到）".
//  - INVALID_ARGUMENT "<field>: <rule>", the rule in Chinese, for the
//    request's own fields: a required date unset ("sent: 必须填写") or not a
//    calendar date; a date after `today`
//    ("sent: 2025-10-09 晚于今天（2025-10-01）"), except
//    applicant_deadline and new_due, which lie in the future; a date that
//    contradicts another field of the same request; missing or bad text.
//  - FAILED_PRECONDITION "<field>: ..." for a date that contradicts what the
//    case records: before the receipt date, before the step it answers
//    (a supplement before its notice, a reply before its letter, a payment
//    before its notice), before the answer clock started.
//  - FAILED_PRECONDITION for a step that does not fit the case's state (see
//    each function); NOT_FOUND for an unknown consultation id.
// The step-specific rules follow each declaration.

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/procedure_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

// 补正 notice (Regs Art. 30). items_to_supplement required (multi-line, at
// most 2000 characters); applicant_deadline required and after `sent`.
// FAILED_PRECONDITION when the case already has a 补正 notice (one per case).
// Sets status AWAITING_CORRECTION. Event CORRECTION_NOTICE_SENT.
absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::SendCorrectionNoticeRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c);

// The supplemented application arrived: the answer clock restarts (a fresh
// 20 working days from `received`). FAILED_PRECONDITION without a 补正 notice,
// when the supplement was already received, or when `received` is before the
// notice was sent. A supplement after the applicant's deadline is accepted
// (the agency may accept a good reason). Sets status PROCESSING. Event
// SUPPLEMENT_RECEIVED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ReceiveSupplementRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// A consultation letter (Arts. 32, 34). kind and party (at most 200
// characters) required; party_received optional, not before sent.
// FAILED_PRECONDITION while awaiting a 补正 supplement, or when sent is before
// the answer clock's start. The new consultation gets id 1, 2, … (one more
// than the largest id so far). Event CONSULTATION_SENT.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::SendConsultationRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// A consultation reply. consultation_id 0 means the only open (unreplied)
// consultation: INVALID_ARGUMENT "consultation_id: ..." when several are
// open, FAILED_PRECONDITION when none is. A negative id is INVALID_ARGUMENT;
// an unknown id NOT_FOUND; an already replied one FAILED_PRECONDITION.
// `received` must not be before the letter was sent nor before the party
// received it (FAILED_PRECONDITION). A reply after the party's window is
// accepted (the pause ended with the window anyway). Event
// CONSULTATION_REPLY_RECEIVED.
absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::ReceiveConsultationReplyRequest& r, absl::CivilDay today,
    const WorkingCalendar& calendar, const ClockPolicy& policy, v1::Case& c);

// A fee notice. The amount is ComputeFeeYuan of the request's method and
// counts (its INVALID_ARGUMENT errors pass through) and is stored in
// procedure.fee.amount_yuan. FAILED_PRECONDITION when the case already has a
// fee notice, while awaiting a 补正 supplement, when served is before the
// answer clock's start or after the current answer due date (the notice must
// be served within the answer period, fee measures), or when the amount is 0
// ("无需收费：…"). Event FEE_NOTICE_ISSUED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::IssueFeeNoticeRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// The fee was paid. FAILED_PRECONDITION without a fee notice, when it is
// already paid, when `paid` is before the notice was served, or when `paid`
// is after the payment window (FeePaymentWindow) ended: the applicant is
// deemed to have abandoned the application. Event FEE_PAID.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ReceiveFeePaymentRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// The one extension (Art. 33 ¶2). working_days <= 0: INVALID_ARGUMENT; more
// than 20: FAILED_PRECONDITION ("working_days: 21 超出上限，…").
// approver required (at most 200 characters); notified required; approved
// optional (absent: the notified date), not after notified. FAILED_PRECONDITION
// for a second extension, after an Art. 35 deferral (which already fixed the
// date), while awaiting a 补正 supplement, and when `notified` is after the
// current answer due date (an extension must be notified before the deadline
// passes). Event DEADLINE_EXTENDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ExtendDeadlineRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// An Art. 35 deferral to a later date. new_due required, after `notified`;
// notified required; reason required (multi-line, at most 2000 characters),
// also recorded as the event's reason. FAILED_PRECONDITION for a second
// deferral, while awaiting a 补正 supplement, and when new_due is not after
// the current answer due date. Event DEADLINE_DEFERRED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DeferDeadlineRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEDURE_PROCEDURE_STEPS_H_
