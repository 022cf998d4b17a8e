#ifndef OGI_SERVICES_OUTCOMES_CONCLUSION_STEPS_H_
#define OGI_SERVICES_OUTCOMES_CONCLUSION_STEPS_H_

// The steps of OutcomeService as pure functions: each validates one request
// against a case, applies it to the case's conclusion (and status) or its
// re-answers, and returns the history event to record. Thread-safe (each
// mutates only the case it is given).
//
// Every ApplyStep:
//  - REQUIRES: `c` is the case the request names (agency_code and number are
//    not looked at) and `calendar`/`policy` are the ones its deadlines are
//    computed with.
//  - On success updates c.conclusion, c.status or c.re_answers and returns an
//    event with its type, its reason and one FieldChange per field that
//    changed, named by its path in Case: "status", "conclusion.kind",
//    "conclusion.dispositions[item=2]", "conclusion.outcome",
//    "conclusion.served", "conclusion.due_date", "conclusion.served_late",
//    "re_answers[id=1].due", ... Values are in the canonical text form of
//    ogi.v1.FieldChange (enum identifiers such as "withheld_state_secret",
//    dates YYYY-MM-DD, "true" for a flag that is set, "" for unset). It does
//    NOT touch c.deadlines, c.version or the timestamps (CaseStepRunner
//    does).
//  - On error leaves `c` unchanged.
//
// The conclusion date must be set (`served`: else INVALID_ARGUMENT
// "served: 必须填写"; `withdrawn` and `concluded` default to `today`), not
// after `today`
// (INVALID_ARGUMENT) and not before the receipt date (FAILED_PRECONDITION);
// an answer or a lapse must also not precede the agency's own last recorded
// step (a 补正 notice, consultation letter or fee notice sent, an extension
// or deferral notified: FAILED_PRECONDITION naming it). The content of a
// conclusion is validated and completed by CompleteConclusion
// (outcome_rules.h), whose INVALID_ARGUMENT errors pass through. The due
// date a conclusion records is the answer due date in effect on the
// conclusion date (absent while awaiting a 补正 supplement); an answer served
// after it is accepted and flagged served_late. An answer (kind ANSWERED)
// whose service_method is unset is taken to have been served the way the
// applicant asked to receive it (DefaultServiceMethod of the case's
// delivery_method, outcome_rules.h); lapses and withdrawals keep it unset
// when not given.
//
// FAILED_PRECONDITION for a case without a receipt date (confirmation
// pending), and as stated for each step.

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/outcome_service.pb.h"
#include "services/calendar/working_calendar.h"
#include "services/deadlines/deadline_engine.h"

namespace ogi {

// The answer was served. The conclusion is r.conclusion (errors name its
// fields "conclusion.<field>", its date "conclusion.served"; kind
// UNSPECIFIED: ANSWERED; WITHDRAWN refused) or, from clients of the earlier
// .proto, the deprecated flat fields that copy it (errors name them as they
// are: "served", "provided_summary", ...); both at once: INVALID_ARGUMENT
// naming the flat field given. `outcome` (every item gets it) or one
// disposition per item, not both; the case outcome follows SPEC §4 rule 2,
// overridable with override_reason (also the event's reason). A lapse
// outcome (OTHER_CORRECTION_LAPSED, OTHER_FEE_UNPAID), or a lapse kind,
// concludes as that lapse, as ConfirmLapse does, and needs the same lapsed
// window. FAILED_PRECONDITION for a concluded case. Sets status CONCLUDED.
// Event CONCLUDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ConcludeCaseRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// The applicant withdrew on `withdrawn`: kind WITHDRAWN, outcome OTHER, note
// defaults to "申请人撤回申请". FAILED_PRECONDITION for a concluded case. Sets
// status CONCLUDED. Event CONCLUDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::WithdrawCaseRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// A person confirms that the applicant's window lapsed: the 补正 window →
// OTHER_CORRECTION_LAPSED, the fee payment window → OTHER_FEE_UNPAID (as the
// deadline engine proposes). FAILED_PRECONDITION for a concluded case, a
// case with no applicant window open on `concluded`, or when `concluded` is
// not after the window's last day (the message says when it ends). Sets
// status CONCLUDED. Event CONCLUDED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ConfirmLapseRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// Replaces the conclusion of a concluded case with r.conclusion, validated
// like a new one (field names prefixed "conclusion."); kind UNSPECIFIED
// keeps the recorded kind; due_date and served_late are derived again.
// INVALID_ARGUMENT when the reason is missing ("reason: ...") or nothing
// changes; FAILED_PRECONDITION for a case that is not concluded. Event
// CONCLUSION_CORRECTED with the reason and every changed field.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::CorrectConclusionRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

// A new answer ordered by the decision of review or lawsuit `ordered_by`
// ("<case number>-R<n>" / "-L<n>", one of c.reviews / c.lawsuits; malformed:
// INVALID_ARGUMENT; absent: NOT_FOUND). `ordered` defaults to that
// decision's date (the appeal's when decided, else the first instance's).
// A pending re-answer (no `served`) with the same ordered_by is completed or
// its order updated; otherwise a new one is created (id: largest + 1), which
// needs `due`. With `served` it records the new answer (outcome required;
// service_method defaults as for a conclusion; served_late = served after
// due); without it only the order (outcome, service_method and note are then
// refused). Dates:
// ordered not before the case's conclusion (FAILED_PRECONDITION), not after
// today; due and served not before ordered. The case's outcome does not
// change. FAILED_PRECONDITION for a case that is not concluded, when the new
// answer ordered by that decision was already served, or when the request
// changes nothing. Event REANSWERED with `served`, else REANSWER_ORDERED.
absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::RecordReAnswerRequest& r,
                                        absl::CivilDay today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy, v1::Case& c);

}  // namespace ogi

#endif  // OGI_SERVICES_OUTCOMES_CONCLUSION_STEPS_H_
