#include "services/deadlines/deadline_engine.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/deadlines/deadline_explanation.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;

// Inclusive ranges of paused days, merged and ascending.
class PausedDays {
 public:
  void Add(Day first, Day last) {
    if (last < first) return;
    ranges_.emplace_back(first, last);
    std::sort(ranges_.begin(), ranges_.end());
    std::vector<std::pair<Day, Day>> merged;
    for (const auto& range : ranges_) {
      // Overlapping or adjacent ranges merge.
      if (!merged.empty() && range.first <= merged.back().second + 1) {
        merged.back().second = std::max(merged.back().second, range.second);
      } else {
        merged.push_back(range);
      }
    }
    ranges_ = std::move(merged);
  }

  bool Contains(Day day) const {
    for (const auto& range : ranges_) {
      if (day < range.first) return false;
      if (day <= range.second) return true;
    }
    return false;
  }

  bool empty() const { return ranges_.empty(); }

 private:
  std::vector<std::pair<Day, Day>> ranges_;
};

// One pause as recorded, with what the explanation needs.
struct Pause {
  v1::ClockState state = v1::CLOCK_STATE_UNSPECIFIED;
  Day start;       // the letter sent / the notice served
  Day window_end;  // the consulted party's or the applicant's window
  std::optional<Day> arrived;  // reply or payment
  Day end;                     // min(arrived, window_end), or window_end
  // The paused days that matter: (clock_start, end], starting no earlier
  // than `start`. Empty (first > last) when the pause ended by clock_start.
  Day first;
  Day last;
  std::string text;  // the step's opening, e.g. "征求第三方意见（某公司）："
  // What the window counts from: "收函" (party received), "发函" or "送达".
  const char* window_basis = "";
  // Years without an arrangement in the window, when the window closed the
  // pause (only then did it decide a date).
  std::set<int> window_years;
};

// The walk from clock_start to the allowed-th counted day.
struct Walk {
  Day due;       // the allowed-th counted day
  Day base_due;  // the 20th counted day (before the extension)
  std::vector<NotableDay> notable_days;  // holidays skipped, make-ups counted
  std::set<int> unloaded_years;
};

Walk WalkAnswerClock(const WorkingCalendar& calendar, Day clock_start,
                     int allowed, const PausedDays& paused) {
  Walk walk;
  walk.base_due = clock_start;
  Day day = clock_start;
  for (int counted = 0; counted < allowed;) {
    ++day;
    DayInfo info = calendar.Classify(day);
    if (!info.year_loaded)
      walk.unloaded_years.insert(static_cast<int>(day.year()));
    if (info.IsWorkingDay()) {
      if (paused.Contains(day)) continue;
      ++counted;
      if (counted == kAnswerWorkingDays) walk.base_due = day;
      if (info.kind == v1::DAY_KIND_MAKEUP_WORKDAY) {
        walk.notable_days.push_back({std::move(info), counted});
      }
    } else if (info.kind == v1::DAY_KIND_HOLIDAY) {
      walk.notable_days.push_back({std::move(info), 0});
    }
  }
  walk.due = day;
  return walk;
}

std::string ConsultationField(const v1::Consultation& k,
                              absl::string_view name) {
  return absl::StrCat("procedure.consultations[id=", k.id(), "].", name);
}

// What is pending while the receipt date waits for confirmation (Regs Art.
// 31), and by when the office means to have it recorded.
absl::Status AddConfirmationDuty(const v1::Case& c,
                                 const WorkingCalendar& calendar, Day today,
                                 const ClockPolicy& policy, v1::Deadlines& d) {
  OGI_ASSIGN_OR_RETURN(std::optional<Day> arrival,
                       ToOptionalCivilDay(c.has_arrival_date(),
                                          c.arrival_date(), "arrival_date"));
  if (!arrival.has_value()) return absl::OkStatus();
  const int days = policy.confirm_receipt_alert_days;
  if (days < 0 || days > kMaxConfirmReceiptAlertDays) {
    return InvalidField("confirm_receipt_alert_days",
                        absl::StrCat("须在 0 至 ", kMaxConfirmReceiptAlertDays,
                                     " 之间，而不是 ", days));
  }
  OGI_ASSIGN_OR_RETURN(WorkingDayCount due,
                       calendar.AddWorkingDays(*arrival, days));
  std::set<int> years;
  AddYears(years, due);
  *d.mutable_confirmation_due() = ToProtoDate(due.end);
  const int left =
      static_cast<int>(calendar.WorkingDaysBetween(today, due.end));
  d.set_confirmation_working_days_left(left);
  SetProvisional(d, {&years});

  const std::string basis = ReceiptBasis(c.channel());
  AddStep(d,
          absl::StrCat(
              FormatIsoDate(*arrival), " 申请到达",
              basis.empty() ? "" : absl::StrCat("（", basis, "）"),
              "；尚未登记确认收到日期，答复期限未起算（条例第三十一条）。"),
          *arrival);
  AddStep(
      d,
      absl::StrCat(
          "待确认收到：应与申请人确认收到日期并登记，本机关要求在到达后", days,
          "个工作日内完成：", FormatIsoDate(due.end), ProvisionalNote(years),
          left > 0    ? absl::StrCat("，剩余 ", left, " 个工作日")
          : left == 0 ? "，今日到期"
                      : absl::StrCat("，已超过 ", -left, " 个工作日"),
          "。"),
      due.end);
  AddStep(d,
          absl::StrCat("登记确认日期后，答复期限自确认之日次日起计算",
                       kAnswerWorkingDays, "个工作日，补正通知应于其后",
                       kCorrectionNoticeWorkingDays, "个工作日内发出。"),
          std::nullopt);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<WorkingDayCount> ConsultationWindow(
    const v1::Consultation& consultation, const WorkingCalendar& calendar) {
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> received,
      ToOptionalCivilDay(consultation.has_party_received(),
                         consultation.party_received(), "party_received"));
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> sent,
      ToOptionalCivilDay(consultation.has_sent(), consultation.sent(), "sent"));
  if (!received.has_value() && !sent.has_value()) {
    return InvalidField("sent", "必须填写");
  }
  return calendar.AddWorkingDays(received.has_value() ? *received : *sent,
                                 kConsultationWorkingDays);
}

WorkingDayCount FeePaymentWindow(Day served, const WorkingCalendar& calendar) {
  absl::StatusOr<WorkingDayCount> count =
      calendar.AddWorkingDays(served, kFeePaymentWorkingDays);
  // AddWorkingDays fails only for a count outside 0..kMaxPeriodDays.
  if (!count.ok()) std::abort();
  return *std::move(count);
}

namespace {

// The 补正 record of a case: when the notice was sent, by when the applicant
// must act, and when the supplement came.
struct CorrectionRecord {
  std::optional<Day> sent;
  std::optional<Day> applicant_deadline;
  std::optional<Day> supplement;
};

absl::StatusOr<CorrectionRecord> ReadCorrection(const v1::Procedure& p) {
  const v1::CorrectionNotice& n = p.correction();
  const bool has = p.has_correction();
  CorrectionRecord r;
  OGI_ASSIGN_OR_RETURN(r.sent, ToOptionalCivilDay(has && n.has_sent(), n.sent(),
                                                  "procedure.correction.sent"));
  OGI_ASSIGN_OR_RETURN(
      r.applicant_deadline,
      ToOptionalCivilDay(has && n.has_applicant_deadline(),
                         n.applicant_deadline(),
                         "procedure.correction.applicant_deadline"));
  OGI_ASSIGN_OR_RETURN(
      r.supplement,
      ToOptionalCivilDay(has && n.has_supplement_received(),
                         n.supplement_received(),
                         "procedure.correction.supplement_received"));
  if (r.supplement.has_value() && !r.sent.has_value()) {
    return InvalidField("procedure.correction.sent",
                        "已记录 supplement_received 时必须填写");
  }
  return r;
}

// The extension's working days (0 without one), within Art. 33's bound.
absl::StatusOr<int> ExtensionWorkingDays(const v1::Procedure& p) {
  const int days = p.has_extension() ? p.extension().working_days() : 0;
  if (days < 0 || days > kMaxExtensionWorkingDays) {
    return InvalidField("procedure.extension.working_days",
                        absl::StrCat("须在 0 至 ", kMaxExtensionWorkingDays,
                                     " 之间，而不是 ", days));
  }
  return days;
}

// The receipt step, then the 补正 notice duty (Art. 30): sets
// correction_notice_due and adds its step. Returns the duty's count.
absl::StatusOr<WorkingDayCount> AddReceiptAndNoticeDuty(
    const v1::Case& c, const WorkingCalendar& calendar, Day receipt,
    std::set<int>& duty_years, v1::Deadlines& d) {
  const std::string basis = ReceiptBasis(c.channel());
  AddStep(d,
          absl::StrCat("收到申请日期 ", FormatIsoDate(receipt),
                       basis.empty() ? "" : absl::StrCat("（", basis, "）"),
                       "，自次日起计算。"),
          receipt);
  OGI_ASSIGN_OR_RETURN(
      WorkingDayCount duty,
      calendar.AddWorkingDays(receipt, kCorrectionNoticeWorkingDays));
  AddYears(duty_years, duty);
  *d.mutable_correction_notice_due() = ToProtoDate(duty.end);
  AddStep(d,
          absl::StrCat("补正通知应于收到申请后", kCorrectionNoticeWorkingDays,
                       "个工作日内发出：", FormatIsoDate(duty.end),
                       ProvisionalNote(duty_years), "。"),
          duty.end);
  return duty;
}

// The step of a sent 补正 notice, when one was sent.
void AddCorrectionNoticeStep(const CorrectionRecord& correction, Day duty_end,
                             v1::Deadlines& d) {
  if (!correction.sent.has_value()) return;
  const Day sent = *correction.sent;
  AddStep(d,
          absl::StrCat(
              FormatIsoDate(sent), " 发出补正通知",
              sent > duty_end ? "（晚于应发出日期）" : "",
              correction.applicant_deadline.has_value()
                  ? absl::StrCat("，申请人补正期限至 ",
                                 FormatIsoDate(*correction.applicant_deadline))
                  : "",
              "。"),
          sent);
}

// Waiting for the applicant's supplement: no answer clock (it restarts on
// the supplement), the CORRECTION window and, once it lapsed, its proposal.
void AwaitSupplement(const CorrectionRecord& correction, Day today,
                     const std::set<int>& duty_years, v1::Deadlines& d) {
  d.set_state(v1::CLOCK_STATE_AWAITING_CORRECTION);
  d.set_window_kind(v1::APPLICANT_WINDOW_KIND_CORRECTION);
  if (correction.applicant_deadline.has_value()) {
    const Day deadline = *correction.applicant_deadline;
    *d.mutable_window_end() = ToProtoDate(deadline);
    if (today > deadline) {
      d.set_window_lapsed(true);
      d.set_proposal(v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED);
      AddStep(d,
              absl::StrCat("补正期限 ", FormatIsoDate(deadline),
                           " 已过，尚未收到补正材料：建议按“逾期不补正，"
                           "不再处理”办结（须经人工确认）。"),
              deadline);
    }
  }
  SetProvisional(d, {&duty_years});
  AddStep(d,
          absl::StrCat("答复期限：待收到补正材料后自次日起重新计算",
                       kAnswerWorkingDays, "个工作日。"),
          std::nullopt);
}

// The pause of one consultation whose letter was sent; nullopt when none was.
absl::StatusOr<std::optional<Pause>> ConsultationPause(
    const v1::Consultation& k, const WorkingCalendar& calendar) {
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> sent,
      ToOptionalCivilDay(k.has_sent(), k.sent(), ConsultationField(k, "sent")));
  if (!sent.has_value()) return std::optional<Pause>();
  OGI_RETURN_IF_ERROR(ToOptionalCivilDay(k.has_party_received(),
                                         k.party_received(),
                                         ConsultationField(k, "party_received"))
                          .status());
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> reply,
      ToOptionalCivilDay(k.has_reply_received(), k.reply_received(),
                         ConsultationField(k, "reply_received")));
  OGI_ASSIGN_OR_RETURN(WorkingDayCount window, ConsultationWindow(k, calendar));
  Pause pause;
  pause.state = v1::CLOCK_STATE_PAUSED_CONSULTATION;
  pause.start = *sent;
  pause.window_end = window.end;
  pause.arrived = reply;
  pause.end = reply.has_value() ? std::min(*reply, window.end) : window.end;
  const bool party_received =
      HasDate(k.has_party_received(), k.party_received());
  pause.window_basis = party_received ? "收函" : "发函";
  std::string label = EnumLabel(v1::ConsultedPartyKind_descriptor(), k.kind());
  if (k.kind() == v1::CONSULTED_PARTY_KIND_UNSPECIFIED) label.clear();
  pause.text = absl::StrCat("征求", label, "意见（", k.party(), "）：",
                            FormatIsoDate(*sent), " 发函");
  if (party_received) {
    absl::StrAppend(&pause.text, "，对方 ", FormatIsoDate(k.party_received()),
                    " 收到");
  }
  // The window decides the pause only when it closed it.
  if (pause.end == window.end) AddYears(pause.window_years, window);
  return std::optional<Pause>(std::move(pause));
}

// What a fee notice does to the clocks: its pause (when the policy pauses
// for fees), else the step that says it does not pause.
struct FeeEffect {
  std::optional<Day> served;
  std::optional<Pause> pause;
  std::string unpaused_step;
  // The payment window's end while the fee is unpaid.
  std::optional<Day> unpaid_window_end;
};

// The fee notice's effect; while unpaid also the FEE_PAYMENT window of `d`
// (lapsed, with its proposal, when today is after it).
absl::StatusOr<FeeEffect> ApplyFeeNotice(const v1::Procedure& p,
                                         const WorkingCalendar& calendar,
                                         Day today, const ClockPolicy& policy,
                                         std::set<int>& window_years,
                                         v1::Deadlines& d) {
  FeeEffect fee;
  if (!p.has_fee()) return fee;
  OGI_ASSIGN_OR_RETURN(
      fee.served, ToOptionalCivilDay(p.fee().has_served(), p.fee().served(),
                                     "procedure.fee.served"));
  if (!fee.served.has_value()) return fee;
  OGI_ASSIGN_OR_RETURN(std::optional<Day> paid,
                       ToOptionalCivilDay(p.fee().has_paid(), p.fee().paid(),
                                          "procedure.fee.paid"));
  const WorkingDayCount window = FeePaymentWindow(*fee.served, calendar);
  const std::string opening = absl::StrCat(
      "收费通知（", EnumLabel(v1::FeeMethod_descriptor(), p.fee().method()),
      "，", p.fee().amount_yuan(), " 元）：", FormatIsoDate(*fee.served),
      " 送达");
  if (!paid.has_value()) {
    // The applicant must act: show the window (it is itself a date).
    AddYears(window_years, window);
    fee.unpaid_window_end = window.end;
    d.set_window_kind(v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT);
    *d.mutable_window_end() = ToProtoDate(window.end);
    if (today > window.end) {
      d.set_window_lapsed(true);
      d.set_proposal(v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID);
    }
  }
  if (!policy.pause_for_fee_payment) {
    fee.unpaused_step = absl::StrCat(
        opening,
        paid.has_value()
            ? absl::StrCat("，", FormatIsoDate(*paid), " 缴费")
            : absl::StrCat("，缴费期限至 ", FormatIsoDate(window.end),
                           ProvisionalNote(window_years)),
        "；按本机关设置，等待缴费期间不暂停答复期限。");
    return fee;
  }
  Pause pause;
  pause.state = v1::CLOCK_STATE_PAUSED_FEE;
  pause.start = *fee.served;
  pause.window_end = window.end;
  pause.arrived = paid;
  pause.end = paid.has_value() ? std::min(*paid, window.end) : window.end;
  pause.text = opening;
  pause.window_basis = "送达";
  if (pause.end == window.end) AddYears(pause.window_years, window);
  fee.pause = std::move(pause);
  return fee;
}

// Limits each pause to the days after clock_start that matter and returns
// the paused days; the windows that closed a pause which matters join
// `answer_years`. Then orders the pauses by start.
PausedDays PausedDaysAfter(Day clock_start, std::vector<Pause>& pauses,
                           std::set<int>& answer_years) {
  PausedDays paused;
  for (Pause& pause : pauses) {
    pause.first = std::max(pause.start, clock_start + 1);
    pause.last = pause.end;
    if (pause.first <= pause.last) {
      paused.Add(pause.first, pause.last);
      answer_years.insert(pause.window_years.begin(), pause.window_years.end());
    }
  }
  std::stable_sort(
      pauses.begin(), pauses.end(),
      [](const Pause& a, const Pause& b) { return a.start < b.start; });
  return paused;
}

// The step of one pause: its dates and the working days it added (credited
// to the earliest pause that covers a day, recorded in `credited`; days
// after the due date add nothing).
std::string DescribePause(const Pause& pause, const WorkingCalendar& calendar,
                          Day today, Day clock_start, Day walk_due,
                          std::set<Day>& credited) {
  std::string text = pause.text;
  const bool is_fee = pause.state == v1::CLOCK_STATE_PAUSED_FEE;
  const char* arrival = is_fee ? " 缴费" : " 收到回复";
  if (pause.arrived.has_value() && *pause.arrived <= pause.window_end) {
    absl::StrAppend(&text, "，", FormatIsoDate(*pause.arrived), arrival);
  } else {
    absl::StrAppend(&text, "，", is_fee ? "缴费期限至 " : "征求意见期限至 ",
                    FormatIsoDate(pause.window_end), "（", pause.window_basis,
                    "次日起",
                    is_fee ? kFeePaymentWorkingDays : kConsultationWorkingDays,
                    "个工作日）", ProvisionalNote(pause.window_years));
    if (pause.arrived.has_value()) {
      absl::StrAppend(&text, "，", FormatIsoDate(*pause.arrived), arrival,
                      "，晚于该期限，暂停至期限届满");
    } else if (today > pause.window_end) {
      absl::StrAppend(&text, is_fee ? "，逾期未缴费" : "，期限届满未收到回复",
                      "，暂停至期限届满");
    } else {
      absl::StrAppend(&text, is_fee ? "，尚未缴费" : "，尚未收到回复",
                      "，暂停按持续至期限届满推算");
    }
  }
  if (pause.first > pause.last) {
    absl::StrAppend(&text, "；该暂停在答复期限起算日 ",
                    FormatIsoDate(clock_start), " 之前结束，不影响答复期限。");
    return text;
  }
  if (pause.first > walk_due) {
    absl::StrAppend(&text, "；暂停开始时答复期限已届满，不影响答复期限。");
    return text;
  }
  int added = 0;
  int shared = 0;
  for (Day day = pause.first; day <= pause.last && day <= walk_due; ++day) {
    if (!calendar.IsWorkingDay(day)) continue;
    if (credited.insert(day).second) {
      ++added;
    } else {
      ++shared;
    }
  }
  absl::StrAppend(&text, "，暂停期间 ", added, " 个工作日不计入");
  if (shared > 0) {
    absl::StrAppend(&text, "（另有 ", shared, " 个工作日与前述暂停重叠）");
  }
  if (pause.first > pause.start) {
    absl::StrAppend(&text, "（自 ", FormatIsoDate(pause.first), " 起计）");
  }
  absl::StrAppend(&text, "。");
  return text;
}

// The step of an approved extension (Art. 33 ¶2).
void AddExtensionStep(const v1::Extension& e, int extension_days,
                      const Walk& walk, v1::Deadlines& d) {
  std::string when;
  const std::string approved = FormatIsoDate(e.approved());
  const std::string notified = FormatIsoDate(e.notified());
  if (approved.empty() || approved == notified) {
    when = absl::StrCat(notified, " 批准并告知申请人");
  } else {
    when = absl::StrCat(approved, " 批准，", notified, " 告知申请人");
  }
  AddStep(d,
          absl::StrCat("经 ", e.approver(), " 批准延长答复期限", extension_days,
                       "个工作日（", when, "，条例第三十三条），由 ",
                       FormatIsoDate(walk.base_due), " 延至 ",
                       FormatIsoDate(walk.due), "。"),
          walk.due);
}

// The Art. 35 deferral's new due date, with its step, when one is recorded.
absl::StatusOr<std::optional<Day>> ApplyDeferral(const v1::Procedure& p,
                                                 Day walk_due,
                                                 v1::Deadlines& d) {
  if (!p.has_deferral()) return std::optional<Day>();
  const v1::Deferral& deferral = p.deferral();
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> new_due,
      ToOptionalCivilDay(deferral.has_new_due(), deferral.new_due(),
                         "procedure.deferral.new_due"));
  if (new_due.has_value()) {
    AddStep(d,
            absl::StrCat(
                "依条例第三十五条另行确定答复期限为 ", FormatIsoDate(*new_due),
                "（", FormatIsoDate(deferral.notified()), " 告知申请人；理由：",
                deferral.reason(), "），取代按工作日计算的 ",
                FormatIsoDate(walk_due), "。"),
            *new_due);
  }
  return new_due;
}

// Working days left until `due` (counted, unpaused), or minus those overdue.
int WorkingDaysLeft(const WorkingCalendar& calendar, Day today, Day clock_start,
                    Day due, const PausedDays& paused) {
  if (today > due) {
    return -static_cast<int>(calendar.WorkingDaysBetween(due, today));
  }
  int left = 0;
  for (Day day = std::max(today, clock_start) + 1; day <= due; ++day) {
    if (calendar.IsWorkingDay(day) && !paused.Contains(day)) ++left;
  }
  return left;
}

// The state of the answer clock today and, while a pause holds it, the
// working days used and that pause's dates. A pause holds the clock today
// when today lies in it and what ends it (reply, payment) has not arrived by
// today: on the arrival day the clock has resumed, though that day is not
// counted. A fee pause outranks a consultation pause.
void SetClockState(const std::vector<Pause>& pauses,
                   const WorkingCalendar& calendar, Day today, Day clock_start,
                   const PausedDays& paused, v1::Deadlines& d) {
  v1::ClockState state = v1::CLOCK_STATE_RUNNING;
  const Pause* holding = nullptr;
  for (const Pause& pause : pauses) {
    const bool ended = pause.arrived.has_value() && *pause.arrived <= today;
    if (pause.first <= today && today <= pause.last && !ended) {
      if (pause.state == v1::CLOCK_STATE_PAUSED_FEE ||
          state == v1::CLOCK_STATE_RUNNING) {
        state = pause.state;
        holding = &pause;
      }
    }
  }
  d.set_state(state);
  if (holding == nullptr) return;
  int used = 0;
  for (Day day = clock_start + 1; day <= today; ++day) {
    if (calendar.IsWorkingDay(day) && !paused.Contains(day)) ++used;
  }
  d.set_working_days_used(used);
  *d.mutable_paused_since() = ToProtoDate(holding->start);
  *d.mutable_pause_until() = ToProtoDate(holding->last);
}

// Whether a pause with nothing arrived and its window not yet over decides
// `walk_due` (so answer_due is projected).
bool AnswerDueProjected(const std::vector<Pause>& pauses, Day today,
                        Day walk_due) {
  for (const Pause& pause : pauses) {
    if (!pause.arrived.has_value() && today <= pause.window_end &&
        pause.first <= pause.last && pause.first <= walk_due) {
      return true;
    }
  }
  return false;
}

// The years without an arrangement that decided each shown date; each step
// marks its own date provisional.
struct ProvisionalYears {
  std::set<int> duty;    // correction_notice_due
  std::set<int> window;  // the fee window_end
  std::set<int> answer;  // answer_due (unless a deferral fixed it)
};

// The answer clock of a case whose clock runs from `clock_start`: its walk
// through pauses, extension and deferral, with their steps, the days left,
// the state and the closing step.
absl::Status ComputeAnswerClock(const v1::Case& c,
                                const WorkingCalendar& calendar, Day today,
                                const ClockPolicy& policy, Day clock_start,
                                int extension_days, ProvisionalYears& years,
                                v1::Deadlines& d) {
  const v1::Procedure& p = c.procedure();
  const int allowed = kAnswerWorkingDays + extension_days;
  // The pauses, in the order consultations then fee.
  std::vector<Pause> pauses;
  for (const v1::Consultation& k : p.consultations()) {
    OGI_ASSIGN_OR_RETURN(std::optional<Pause> pause,
                         ConsultationPause(k, calendar));
    if (pause.has_value()) pauses.push_back(*std::move(pause));
  }
  OGI_ASSIGN_OR_RETURN(FeeEffect fee, ApplyFeeNotice(p, calendar, today, policy,
                                                     years.window, d));
  if (fee.pause.has_value()) pauses.push_back(*std::move(fee.pause));
  const PausedDays paused = PausedDaysAfter(clock_start, pauses, years.answer);

  const Walk walk = WalkAnswerClock(calendar, clock_start, allowed, paused);
  years.answer.insert(walk.unloaded_years.begin(), walk.unloaded_years.end());
  AddStep(d,
          absl::StrCat(
              "答复期限", allowed, "个工作日",
              extension_days > 0
                  ? absl::StrCat("（", kAnswerWorkingDays, "个工作日，延长",
                                 extension_days, "个工作日）")
                  : "",
              "：", DescribeNotableDays(walk.notable_days, walk.unloaded_years),
              paused.empty() ? "" : "；暂停期间的工作日不计入（见下）", "。"),
          walk.due);
  std::set<Day> credited;
  for (const Pause& pause : pauses) {
    AddStep(
        d,
        DescribePause(pause, calendar, today, clock_start, walk.due, credited),
        pause.end);
  }
  if (!fee.unpaused_step.empty()) {
    AddStep(d, std::move(fee.unpaused_step), *fee.served);
  }
  if (extension_days > 0) {
    AddExtensionStep(p.extension(), extension_days, walk, d);
  }

  OGI_ASSIGN_OR_RETURN(const std::optional<Day> new_due,
                       ApplyDeferral(p, walk.due, d));
  const Day due = new_due.value_or(walk.due);
  *d.mutable_answer_due() = ToProtoDate(due);
  if (d.proposal() == v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID) {
    AddStep(d,
            absl::StrCat(
                "申请人未在缴费期限 ", FormatIsoDate(d.window_end()),
                " 前缴费：建议按“逾期未缴费，不再处理”办结（须经人工确认）。"),
            fee.unpaid_window_end);
  }
  const int left = WorkingDaysLeft(calendar, today, clock_start, due, paused);
  d.set_working_days_left(left);
  SetClockState(pauses, calendar, today, clock_start, paused, d);
  if (!new_due.has_value() && AnswerDueProjected(pauses, today, walk.due)) {
    d.set_answer_due_projected(true);
  }

  if (new_due.has_value()) years.answer.clear();  // the deferral fixed it
  SetProvisional(d, {&years.duty, &years.window, &years.answer});
  AddStep(d,
          absl::StrCat("答复期限：", FormatIsoDate(due), "，",
                       left >= 0 ? absl::StrCat("剩余 ", left, " 个工作日")
                                 : absl::StrCat("已逾期 ", -left, " 个工作日"),
                       ProvisionalNote(years.answer), "。"),
          due);
  return absl::OkStatus();
}

// The clocks of a case that is not concluded.
absl::StatusOr<v1::Deadlines> ComputeOpenDeadlines(
    const v1::Case& c, const WorkingCalendar& calendar, Day today,
    const ClockPolicy& policy) {
  v1::Deadlines d;
  *d.mutable_as_of() = ToProtoDate(today);
  OGI_ASSIGN_OR_RETURN(std::optional<Day> receipt,
                       ToOptionalCivilDay(c.has_receipt_date(),
                                          c.receipt_date(), "receipt_date"));
  if (!receipt.has_value()) {
    d.set_state(v1::CLOCK_STATE_NOT_STARTED);
    if (c.status() != v1::CASE_STATUS_CONCLUDED) {
      OGI_RETURN_IF_ERROR(AddConfirmationDuty(c, calendar, today, policy, d));
    }
    return d;
  }
  ProvisionalYears years;
  OGI_ASSIGN_OR_RETURN(
      const WorkingDayCount duty,
      AddReceiptAndNoticeDuty(c, calendar, *receipt, years.duty, d));
  OGI_ASSIGN_OR_RETURN(const CorrectionRecord correction,
                       ReadCorrection(c.procedure()));
  d.set_correction_notice_late(correction.sent.has_value()
                                   ? *correction.sent > duty.end
                                   : today > duty.end);
  OGI_ASSIGN_OR_RETURN(const int extension_days,
                       ExtensionWorkingDays(c.procedure()));
  d.set_allowed_working_days(kAnswerWorkingDays + extension_days);
  AddCorrectionNoticeStep(correction, duty.end, d);
  if (correction.sent.has_value() && !correction.supplement.has_value()) {
    AwaitSupplement(correction, today, years.duty, d);
    return d;
  }

  const Day clock_start = correction.supplement.value_or(*receipt);
  *d.mutable_clock_start() = ToProtoDate(clock_start);
  if (correction.supplement.has_value()) {
    AddStep(d,
            absl::StrCat(FormatIsoDate(clock_start),
                         " 收到补正材料，答复期限自该日起重新计算",
                         kAnswerWorkingDays,
                         "个工作日（条例第三十条），"
                         "自次日起计算。"),
            clock_start);
  }
  OGI_RETURN_IF_ERROR(ComputeAnswerClock(
      c, calendar, today, policy, clock_start, extension_days, years, d));
  return d;
}

}  // namespace

absl::StatusOr<v1::Deadlines> ComputeDeadlines(const v1::Case& c,
                                               const WorkingCalendar& calendar,
                                               Day today,
                                               const ClockPolicy& policy) {
  if (c.status() != v1::CASE_STATUS_CONCLUDED) {
    return ComputeOpenDeadlines(c, calendar, today, policy);
  }
  // Concluded: the clocks stopped on the conclusion date and are shown as of
  // that day, so answer_due and working_days_left are what the answer was
  // served against. Nothing is left for the applicant or the agency to do.
  const v1::Conclusion& k = c.conclusion();
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> served,
      ToOptionalCivilDay(k.has_served(), k.served(), "conclusion.served"));
  const Day stopped = served.has_value() ? std::min(*served, today) : today;
  OGI_ASSIGN_OR_RETURN(v1::Deadlines d,
                       ComputeOpenDeadlines(c, calendar, stopped, policy));
  d.set_state(v1::CLOCK_STATE_STOPPED);
  // Nothing is pending any more: no confirmation duty, no pause holding.
  d.clear_confirmation_due();
  d.clear_confirmation_working_days_left();
  d.clear_working_days_used();
  d.clear_paused_since();
  d.clear_pause_until();
  d.clear_answer_due_projected();
  d.clear_window_kind();
  d.clear_window_end();
  d.clear_window_lapsed();
  d.clear_proposal();
  if (!c.procedure().has_correction()) {
    // No notice was needed after all: the duty lapsed with the case.
    d.clear_correction_notice_due();
    d.clear_correction_notice_late();
  }
  const std::string late =
      k.served_late() && d.has_answer_due()
          ? absl::StrCat("，晚于答复期限 ", FormatIsoDate(d.answer_due()))
          : "";
  AddStep(d,
          absl::StrCat(FormatIsoDate(stopped), " 办结（",
                       EnumLabel(v1::ConclusionKind_descriptor(), k.kind()),
                       "）", late, "，各项期限停止计算。"),
          stopped);
  return d;
}

std::vector<v1::FieldChange> DiffDeadlineDates(const v1::Deadlines& before,
                                               const v1::Deadlines& after) {
  std::vector<v1::FieldChange> changes;
  auto diff = [&changes](absl::string_view field, std::string old_value,
                         std::string new_value) {
    if (old_value == new_value) return;
    v1::FieldChange change;
    change.set_field(std::string(field));
    change.set_old_value(std::move(old_value));
    change.set_new_value(std::move(new_value));
    changes.push_back(std::move(change));
  };
  auto date = [](bool has, const v1::Date& value) {
    return has ? FormatIsoDate(value) : std::string();
  };
  diff("deadlines.answer_due",
       date(before.has_answer_due(), before.answer_due()),
       date(after.has_answer_due(), after.answer_due()));
  diff("deadlines.correction_notice_due",
       date(before.has_correction_notice_due(), before.correction_notice_due()),
       date(after.has_correction_notice_due(), after.correction_notice_due()));
  diff("deadlines.window_end",
       date(before.has_window_end(), before.window_end()),
       date(after.has_window_end(), after.window_end()));
  diff("deadlines.provisional", before.provisional() ? "true" : "false",
       after.provisional() ? "true" : "false");
  return changes;
}

}  // namespace ogi
