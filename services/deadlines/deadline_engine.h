#ifndef OGI_SERVICES_DEADLINES_DEADLINE_ENGINE_H_
#define OGI_SERVICES_DEADLINES_DEADLINE_ENGINE_H_

// The statutory clocks of one case (SPEC §3; legal-notes §2.3–2.11, §5),
// computed from its receipt date, its procedural record and the working-day
// calendar. Pure functions of their arguments (no clock, no store);
// thread-safe.
//
// The rules, as decided for ogi:
//
//  - Working days follow WorkingCalendar: day 1 is the day AFTER the start
//    date; holidays are skipped, make-up working days (调休上班) count.
//  - No receipt date (confirmation pending): state NOT_STARTED, no answer
//    clock. confirmation_due = the confirm_receipt_alert_days-th working day
//    after the arrival date (the arrival date itself for 0),
//    confirmation_working_days_left counted to it from today; the
//    explanation says what is pending and what to do (provisional as for
//    the other dates). A concluded case has neither.
//  - 补正 notice duty (Regs Art. 30): correction_notice_due = the 7th working
//    day after receipt. correction_notice_late = the notice was sent after
//    that day, or none is sent and today is after it (the engine cannot know
//    whether a notice is needed at all; callers alert only on open cases).
//  - A 补正 notice sent and no supplement yet: state AWAITING_CORRECTION, no
//    clock_start and no answer_due (the clock restarts on the supplement);
//    window CORRECTION ending on the applicant_deadline the agency set;
//    window_lapsed when today is after it, with proposal
//    OTHER_CORRECTION_LAPSED. This window takes precedence over a fee window.
//  - clock_start = the day the supplement arrived when a 补正 completed (a
//    fresh 20 working days, Art. 30), else the receipt date.
//    allowed_working_days = 20 + the extension's working days (Art. 33).
//  - Pauses (Art. 33 ¶3; fee measures): a consultation pauses from the day its
//    letter is sent through the earlier of the reply day and the close of the
//    consulted party's window (the 15th working day after party_received, or
//    after sent when party_received is absent). A fee notice (when
//    ClockPolicy::pause_for_fee_payment) pauses from the day it is served
//    through the earlier of the payment day and the end of the payment window
//    (the 20th working day after served). Paused days are inclusive at both
//    ends; only days after clock_start matter; overlapping pauses merge. A
//    pause with no reply/payment yet is projected to its window end, so the
//    answer_due of a paused case is the date it will have if nothing arrives.
//  - answer_due = the allowed-th day after clock_start that is a working day
//    and not paused. An Art. 35 deferral, when recorded, replaces it with its
//    new_due.
//  - working_days_left: when today <= answer_due, the working, unpaused days
//    in (today, answer_due] (so 0 on the due day); when overdue, minus the
//    working days in (answer_due, today].
//  - state: PAUSED_FEE when today lies in the fee pause, else
//    PAUSED_CONSULTATION when it lies in a consultation pause, else RUNNING.
//    A pause whose reply or payment is recorded no longer holds the clock on
//    the day it arrived: that day is still not counted (pauses are
//    inclusive), but the state is RUNNING, counting resumes the next day.
//  - While paused: working_days_used = the working, unpaused days in
//    (clock_start, today]; paused_since and pause_until = the day the pause
//    that sets the state began (letter sent, notice served) and its last
//    day. answer_due_projected when a pause with nothing arrived and its
//    window not yet over decides answer_due (no deferral fixed it).
//  - A concluded case (status CONCLUDED): state STOPPED; everything is
//    computed as of its conclusion date (conclusion.served, or today when
//    unset or later), so answer_due and working_days_left (negative when the
//    answer was late) show what it was answered against and as_of is that
//    date; no applicant window or proposal; without a 补正 notice no
//    correction_notice_due or correction_notice_late (there is no duty left);
//    a last explanation step says when the clocks stopped.
//  - Fee window: while the fee is unpaid, window FEE_PAYMENT ending on the
//    payment window end; window_lapsed when today is after it, with proposal
//    OTHER_FEE_UNPAID. Once paid (or the 补正 supplied) the window is cleared:
//    the applicant has nothing left to do.
//  - provisional: a day that decided a shown date lies in a year the calendar
//    has no arrangement for: the days counted for correction_notice_due, for
//    the fee window_end, and for answer_due (its walk, and the windows that
//    closed a pause; not when a deferral fixed answer_due). provisional_years
//    lists those years; the explanation marks each provisional date on its
//    own step.
//  - explanation: steps in Chinese, in order: the receipt date and why; the
//  补正
//    notice duty; the 补正 notice and restart; the count (holidays skipped,
//    make-up working days counted with their ordinal); each pause with its
//    dates and the working days it added (a day shared by two pauses is
//    credited to the earlier one); the extension; the deferral; a proposed
//    conclusion; the final due date with the days left or overdue, marked
//    provisional when it is.

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/deadline.pb.h"
#include "ogi/v1/procedure.pb.h"
#include "services/calendar/working_calendar.h"

namespace ogi {

// Statutory lengths, in working days.
inline constexpr int kAnswerWorkingDays = 20;           // Regs Art. 33
inline constexpr int kCorrectionNoticeWorkingDays = 7;  // Regs Art. 30
inline constexpr int kConsultationWorkingDays = 15;     // Regs Arts. 32, 34
inline constexpr int kFeePaymentWorkingDays = 20;       // fee measures
inline constexpr int kMaxExtensionWorkingDays = 20;     // Regs Art. 33

// ClockPolicy::confirm_receipt_alert_days by default, and its largest value.
inline constexpr int kDefaultConfirmReceiptAlertDays = 2;
inline constexpr int kMaxConfirmReceiptAlertDays = 20;

// Choices the law leaves to the agency (or that are not yet verified).
struct ClockPolicy {
  // Whether waiting for a fee payment pauses the answer clock. The fee
  // measures are recalled to say so but the text is unverified
  // (legal-notes §2.11), hence a switch; on by default.
  bool pause_for_fee_payment = true;
  // Working days after its arrival by which an application whose receipt
  // date is a confirmation (ordinary mail, online, fax, email) should have
  // that date confirmed and recorded (Deadlines.confirmation_due). An office
  // choice: the law counts from the confirmation, so an unconfirmed
  // application has no clock and would otherwise go unnoticed.
  int confirm_receipt_alert_days = kDefaultConfirmReceiptAlertDays;
};

// The clocks of `c` as of `today` under the rules above. Reads receipt_date,
// channel, procedure, and for a concluded case status and conclusion;
// ignores the stored deadlines.
// Returns INVALID_ARGUMENT "<field>: ..." when a recorded date is not a real
// date (e.g. "procedure.consultations[id=2].sent: 2025-02-30 is not a calendar
// date") or extension.working_days is outside 0..20 — stored data that the
// procedure steps would never have accepted.
absl::StatusOr<v1::Deadlines> ComputeDeadlines(const v1::Case& c,
                                               const WorkingCalendar& calendar,
                                               absl::CivilDay today,
                                               const ClockPolicy& policy);

// The consulted party's window: the 15th working day after party_received,
// or after sent when party_received is absent. INVALID_ARGUMENT when neither
// is a real date ("sent: must be set").
absl::StatusOr<WorkingDayCount> ConsultationWindow(
    const v1::Consultation& consultation, const WorkingCalendar& calendar);

// The applicant's fee payment window: the 20th working day after `served`.
WorkingDayCount FeePaymentWindow(absl::CivilDay served,
                                 const WorkingCalendar& calendar);

// The dates of `after` that differ from `before`, in this order:
// "deadlines.answer_due", "deadlines.correction_notice_due",
// "deadlines.window_end" (values YYYY-MM-DD, "" when absent) and
// "deadlines.provisional" ("true"/"false"). Empty when none changed.
std::vector<v1::FieldChange> DiffDeadlineDates(const v1::Deadlines& before,
                                               const v1::Deadlines& after);

}  // namespace ogi

#endif  // OGI_SERVICES_DEADLINES_DEADLINE_ENGINE_H_
