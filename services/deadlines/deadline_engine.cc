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
#include "services/common/status_macros.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// An optional stored date: nullopt when unset, an error when not real.
absl::StatusOr<std::optional<Day>> StoredDate(bool has, const v1::Date& date,
                                              absl::string_view field) {
  if (!has || IsUnset(date)) return std::optional<Day>();
  OGI_ASSIGN_OR_RETURN(Day day, ToCivilDay(date, field));
  return std::optional<Day>(day);
}

std::string Iso(Day day) { return FormatIsoDate(day); }

bool IsSet(bool has, const v1::Date& date) { return has && !IsUnset(date); }

// Why the receipt date is what it is (Regs Art. 31), by channel.
const char* ReceiptBasis(v1::Channel channel) {
  switch (channel) {
    case v1::CHANNEL_IN_PERSON:
      return "当面提交，以提交之日为准";
    case v1::CHANNEL_SIGNED_POST:
      return "邮寄，以签收之日为准";
    case v1::CHANNEL_ORDINARY_MAIL:
      return "平常信函，以与申请人确认之日为准";
    case v1::CHANNEL_ONLINE:
      return "网络平台提交，以双方确认之日为准";
    case v1::CHANNEL_FAX:
      return "传真，以双方确认之日为准";
    case v1::CHANNEL_EMAIL:
      return "电子邮件，以双方确认之日为准";
    default:
      return "";
  }
}

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

// "跳过 A至B 春节放假，C 元旦放假；计入调休上班日 D（第1个工作日）". With
// `provisional_years` (years the count crossed whose 调休 is not published):
// "跳过 2027-01-01 元旦（法定节假日）；2027年调休安排尚未公布，日期暂定" — a
// provisional stretch is never said to have no holidays or make-up days.
std::string DescribeNotableDays(const std::vector<NotableDay>& days,
                                const std::set<int>& provisional_years) {
  std::vector<std::string> holidays;
  std::vector<std::string> makeups;
  for (const NotableRun& run : GroupNotableDays(days)) {
    if (run.first.kind == v1::DAY_KIND_HOLIDAY) {
      holidays.push_back(absl::StrCat(
          RunDates(run), " ", run.first.holiday_name,
          run.first.statutory_estimate ? "（法定节假日）" : "放假"));
    } else {
      makeups.push_back(
          absl::StrCat(RunDates(run), "（第", run.ordinal, "个工作日）"));
    }
  }
  std::vector<std::string> parts;
  if (!holidays.empty()) {
    parts.push_back(absl::StrCat("跳过 ", absl::StrJoin(holidays, "，")));
  }
  if (!makeups.empty()) {
    parts.push_back(
        absl::StrCat("计入调休上班日 ", absl::StrJoin(makeups, "、")));
  }
  if (provisional_years.empty()) {
    if (parts.empty()) return "期间无节假日放假或调休上班日";
    return absl::StrJoin(parts, "；");
  }
  std::vector<std::string> names;
  for (int year : provisional_years) names.push_back(absl::StrCat(year, "年"));
  if (holidays.empty()) parts.insert(parts.begin(), "期间无法定节假日");
  parts.push_back(
      absl::StrCat(absl::StrJoin(names, "、"), "调休安排尚未公布，日期暂定"));
  return absl::StrJoin(parts, "；");
}

// "" when `years` is empty; otherwise "（暂定：2027年调休安排尚未公布，已跳过
// 法定节假日）": the statutory holidays of those years are known and skipped,
// the make-up working days (调休) are not.
std::string ProvisionalNote(const std::set<int>& years) {
  if (years.empty()) return "";
  std::vector<std::string> names;
  for (int year : years) names.push_back(absl::StrCat(year, "年"));
  return absl::StrCat("（暂定：", absl::StrJoin(names, "、"),
                      "调休安排尚未公布，已跳过法定节假日）");
}

void AddStep(v1::Deadlines& d, std::string text, std::optional<Day> date) {
  v1::ExplanationStep* step = d.add_explanation();
  step->set_text(std::move(text));
  if (date.has_value()) *step->mutable_date() = ToProtoDate(*date);
}

void AddYears(std::set<int>& years, const WorkingDayCount& count) {
  years.insert(count.provisional_years.begin(), count.provisional_years.end());
}

// Sets provisional and provisional_years from the union of `sets`.
void SetProvisional(v1::Deadlines& d,
                    std::initializer_list<const std::set<int>*> sets) {
  std::set<int> years;
  for (const std::set<int>* set : sets) years.insert(set->begin(), set->end());
  d.set_provisional(!years.empty());
  for (int year : years) d.add_provisional_years(year);
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
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> arrival,
      StoredDate(c.has_arrival_date(), c.arrival_date(), "arrival_date"));
  if (!arrival.has_value()) return absl::OkStatus();
  const int days = policy.confirm_receipt_alert_days;
  if (days < 0 || days > kMaxConfirmReceiptAlertDays) {
    return Invalid("confirm_receipt_alert_days",
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
              Iso(*arrival), " 申请到达",
              basis.empty() ? "" : absl::StrCat("（", basis, "）"),
              "；尚未登记确认收到日期，答复期限未起算（条例第三十一条）。"),
          *arrival);
  AddStep(d,
          absl::StrCat(
              "待确认收到：应与申请人确认收到日期并登记，本机关要求在到达后",
              days, "个工作日内完成：", Iso(due.end), ProvisionalNote(years),
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
      StoredDate(consultation.has_party_received(),
                 consultation.party_received(), "party_received"));
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> sent,
      StoredDate(consultation.has_sent(), consultation.sent(), "sent"));
  if (!received.has_value() && !sent.has_value()) {
    return Invalid("sent", "必须填写");
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

// The clocks of a case that is not concluded.
absl::StatusOr<v1::Deadlines> ComputeOpenDeadlines(
    const v1::Case& c, const WorkingCalendar& calendar, Day today,
    const ClockPolicy& policy) {
  v1::Deadlines d;
  *d.mutable_as_of() = ToProtoDate(today);
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> receipt_or,
      StoredDate(c.has_receipt_date(), c.receipt_date(), "receipt_date"));
  if (!receipt_or.has_value()) {
    d.set_state(v1::CLOCK_STATE_NOT_STARTED);
    if (c.status() != v1::CASE_STATUS_CONCLUDED) {
      OGI_RETURN_IF_ERROR(AddConfirmationDuty(c, calendar, today, policy, d));
    }
    return d;
  }
  const Day receipt = *receipt_or;
  const v1::Procedure& p = c.procedure();
  // Years without an arrangement that decided each shown date; each step
  // marks its own date provisional.
  std::set<int> duty_years;    // correction_notice_due
  std::set<int> window_years;  // the fee window_end
  std::set<int> answer_years;  // answer_due (unless a deferral fixed it)

  const std::string basis = ReceiptBasis(c.channel());
  AddStep(d,
          absl::StrCat("收到申请日期 ", Iso(receipt),
                       basis.empty() ? "" : absl::StrCat("（", basis, "）"),
                       "，自次日起计算。"),
          receipt);

  // 补正 notice duty (Art. 30).
  OGI_ASSIGN_OR_RETURN(
      WorkingDayCount duty,
      calendar.AddWorkingDays(receipt, kCorrectionNoticeWorkingDays));
  AddYears(duty_years, duty);
  *d.mutable_correction_notice_due() = ToProtoDate(duty.end);
  AddStep(d,
          absl::StrCat("补正通知应于收到申请后", kCorrectionNoticeWorkingDays,
                       "个工作日内发出：", Iso(duty.end),
                       ProvisionalNote(duty_years), "。"),
          duty.end);

  const v1::CorrectionNotice& correction = p.correction();
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> correction_sent,
      StoredDate(p.has_correction() && correction.has_sent(), correction.sent(),
                 "procedure.correction.sent"));
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> applicant_deadline,
      StoredDate(p.has_correction() && correction.has_applicant_deadline(),
                 correction.applicant_deadline(),
                 "procedure.correction.applicant_deadline"));
  OGI_ASSIGN_OR_RETURN(
      std::optional<Day> supplement,
      StoredDate(p.has_correction() && correction.has_supplement_received(),
                 correction.supplement_received(),
                 "procedure.correction.supplement_received"));
  if (supplement.has_value() && !correction_sent.has_value()) {
    return Invalid("procedure.correction.sent",
                   "已记录 supplement_received 时必须填写");
  }
  d.set_correction_notice_late(correction_sent.has_value()
                                   ? *correction_sent > duty.end
                                   : today > duty.end);

  const int extension_days =
      p.has_extension() ? p.extension().working_days() : 0;
  if (extension_days < 0 || extension_days > kMaxExtensionWorkingDays) {
    return Invalid("procedure.extension.working_days",
                   absl::StrCat("须在 0 至 ", kMaxExtensionWorkingDays,
                                " 之间，而不是 ", extension_days));
  }
  const int allowed = kAnswerWorkingDays + extension_days;
  d.set_allowed_working_days(allowed);

  if (correction_sent.has_value()) {
    AddStep(
        d,
        absl::StrCat(
            Iso(*correction_sent), " 发出补正通知",
            *correction_sent > duty.end ? "（晚于应发出日期）" : "",
            applicant_deadline.has_value()
                ? absl::StrCat("，申请人补正期限至 ", Iso(*applicant_deadline))
                : "",
            "。"),
        *correction_sent);
  }

  if (correction_sent.has_value() && !supplement.has_value()) {
    // Waiting for the applicant: the answer clock restarts on the supplement.
    d.set_state(v1::CLOCK_STATE_AWAITING_CORRECTION);
    d.set_window_kind(v1::APPLICANT_WINDOW_KIND_CORRECTION);
    if (applicant_deadline.has_value()) {
      *d.mutable_window_end() = ToProtoDate(*applicant_deadline);
      if (today > *applicant_deadline) {
        d.set_window_lapsed(true);
        d.set_proposal(v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED);
        AddStep(d,
                absl::StrCat("补正期限 ", Iso(*applicant_deadline),
                             " 已过，尚未收到补正材料：建议按“逾期不补正，"
                             "不再处理”办结（须经人工确认）。"),
                *applicant_deadline);
      }
    }
    SetProvisional(d, {&duty_years});
    AddStep(d,
            absl::StrCat("答复期限：待收到补正材料后自次日起重新计算",
                         kAnswerWorkingDays, "个工作日。"),
            std::nullopt);
    return d;
  }

  const Day clock_start = supplement.has_value() ? *supplement : receipt;
  *d.mutable_clock_start() = ToProtoDate(clock_start);
  if (supplement.has_value()) {
    AddStep(d,
            absl::StrCat(Iso(*supplement),
                         " 收到补正材料，答复期限自该日起重新计算",
                         kAnswerWorkingDays,
                         "个工作日（条例第三十条），"
                         "自次日起计算。"),
            *supplement);
  }

  // The pauses, in the order consultations then fee.
  std::vector<Pause> pauses;
  for (const v1::Consultation& k : p.consultations()) {
    OGI_ASSIGN_OR_RETURN(
        std::optional<Day> sent,
        StoredDate(k.has_sent(), k.sent(), ConsultationField(k, "sent")));
    if (!sent.has_value()) continue;
    OGI_RETURN_IF_ERROR(StoredDate(k.has_party_received(), k.party_received(),
                                   ConsultationField(k, "party_received"))
                            .status());
    OGI_ASSIGN_OR_RETURN(std::optional<Day> reply,
                         StoredDate(k.has_reply_received(), k.reply_received(),
                                    ConsultationField(k, "reply_received")));
    OGI_ASSIGN_OR_RETURN(WorkingDayCount window,
                         ConsultationWindow(k, calendar));
    Pause pause;
    pause.state = v1::CLOCK_STATE_PAUSED_CONSULTATION;
    pause.start = *sent;
    pause.window_end = window.end;
    pause.arrived = reply;
    pause.end = reply.has_value() ? std::min(*reply, window.end) : window.end;
    pause.window_basis =
        IsSet(k.has_party_received(), k.party_received()) ? "收函" : "发函";
    std::string label =
        EnumLabel(v1::ConsultedPartyKind_descriptor(), k.kind());
    if (k.kind() == v1::CONSULTED_PARTY_KIND_UNSPECIFIED) label.clear();
    pause.text = absl::StrCat("征求", label, "意见（", k.party(), "）：",
                              Iso(*sent), " 发函");
    if (IsSet(k.has_party_received(), k.party_received())) {
      absl::StrAppend(&pause.text, "，对方 ", FormatIsoDate(k.party_received()),
                      " 收到");
    }
    // The window decides the pause only when it closed it.
    if (pause.end == window.end) AddYears(pause.window_years, window);
    pauses.push_back(std::move(pause));
  }
  std::optional<Day> fee_served;
  std::string unpaused_fee_step;  // when the policy does not pause for fees
  std::optional<Day> unpaid_window_end;
  if (p.has_fee()) {
    OGI_ASSIGN_OR_RETURN(fee_served,
                         StoredDate(p.fee().has_served(), p.fee().served(),
                                    "procedure.fee.served"));
  }
  if (fee_served.has_value()) {
    OGI_ASSIGN_OR_RETURN(
        std::optional<Day> paid,
        StoredDate(p.fee().has_paid(), p.fee().paid(), "procedure.fee.paid"));
    const WorkingDayCount window = FeePaymentWindow(*fee_served, calendar);
    const std::string opening = absl::StrCat(
        "收费通知（", EnumLabel(v1::FeeMethod_descriptor(), p.fee().method()),
        "，", p.fee().amount_yuan(), " 元）：", Iso(*fee_served), " 送达");
    if (!paid.has_value()) {
      // The applicant must act: show the window (it is itself a date).
      AddYears(window_years, window);
      unpaid_window_end = window.end;
      d.set_window_kind(v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT);
      *d.mutable_window_end() = ToProtoDate(window.end);
      if (today > window.end) {
        d.set_window_lapsed(true);
        d.set_proposal(v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID);
      }
    }
    if (policy.pause_for_fee_payment) {
      Pause pause;
      pause.state = v1::CLOCK_STATE_PAUSED_FEE;
      pause.start = *fee_served;
      pause.window_end = window.end;
      pause.arrived = paid;
      pause.end = paid.has_value() ? std::min(*paid, window.end) : window.end;
      pause.text = opening;
      pause.window_basis = "送达";
      if (pause.end == window.end) AddYears(pause.window_years, window);
      pauses.push_back(std::move(pause));
    } else {
      unpaused_fee_step = absl::StrCat(
          opening,
          paid.has_value() ? absl::StrCat("，", Iso(*paid), " 缴费")
                           : absl::StrCat("，缴费期限至 ", Iso(window.end),
                                          ProvisionalNote(window_years)),
          "；按本机关设置，等待缴费期间不暂停答复期限。");
    }
  }

  // Only what lies after clock_start matters.
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

  const Walk walk = WalkAnswerClock(calendar, clock_start, allowed, paused);
  answer_years.insert(walk.unloaded_years.begin(), walk.unloaded_years.end());
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

  // Each pause with the working days it added (credited to the earliest
  // pause that covers a day; days after the due date add nothing).
  std::set<Day> credited;
  for (const Pause& pause : pauses) {
    std::string text = pause.text;
    const bool is_fee = pause.state == v1::CLOCK_STATE_PAUSED_FEE;
    const char* arrival = is_fee ? " 缴费" : " 收到回复";
    if (pause.arrived.has_value() && *pause.arrived <= pause.window_end) {
      absl::StrAppend(&text, "，", Iso(*pause.arrived), arrival);
    } else {
      absl::StrAppend(
          &text, "，", is_fee ? "缴费期限至 " : "征求意见期限至 ",
          Iso(pause.window_end), "（", pause.window_basis, "次日起",
          is_fee ? kFeePaymentWorkingDays : kConsultationWorkingDays,
          "个工作日）", ProvisionalNote(pause.window_years));
      if (pause.arrived.has_value()) {
        absl::StrAppend(&text, "，", Iso(*pause.arrived), arrival,
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
      absl::StrAppend(&text, "；该暂停在答复期限起算日 ", Iso(clock_start),
                      " 之前结束，不影响答复期限。");
    } else if (pause.first > walk.due) {
      absl::StrAppend(&text, "；暂停开始时答复期限已届满，不影响答复期限。");
    } else {
      int added = 0;
      int shared = 0;
      for (Day day = pause.first; day <= pause.last && day <= walk.due; ++day) {
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
        absl::StrAppend(&text, "（自 ", Iso(pause.first), " 起计）");
      }
      absl::StrAppend(&text, "。");
    }
    AddStep(d, std::move(text), pause.end);
  }

  if (!unpaused_fee_step.empty()) {
    AddStep(d, std::move(unpaused_fee_step), *fee_served);
  }

  if (extension_days > 0) {
    const v1::Extension& e = p.extension();
    std::string when;
    const std::string approved = FormatIsoDate(e.approved());
    const std::string notified = FormatIsoDate(e.notified());
    if (approved.empty() || approved == notified) {
      when = absl::StrCat(notified, " 批准并告知申请人");
    } else {
      when = absl::StrCat(approved, " 批准，", notified, " 告知申请人");
    }
    AddStep(
        d,
        absl::StrCat("经 ", e.approver(), " 批准延长答复期限", extension_days,
                     "个工作日（", when, "，条例第三十三条），由 ",
                     Iso(walk.base_due), " 延至 ", Iso(walk.due), "。"),
        walk.due);
  }

  Day due = walk.due;
  bool deferred = false;
  if (p.has_deferral()) {
    OGI_ASSIGN_OR_RETURN(
        std::optional<Day> new_due,
        StoredDate(p.deferral().has_new_due(), p.deferral().new_due(),
                   "procedure.deferral.new_due"));
    if (new_due.has_value()) {
      due = *new_due;
      deferred = true;
      AddStep(d,
              absl::StrCat("依条例第三十五条另行确定答复期限为 ", Iso(due),
                           "（", FormatIsoDate(p.deferral().notified()),
                           " 告知申请人；理由：", p.deferral().reason(),
                           "），取代按工作日计算的 ", Iso(walk.due), "。"),
              due);
    }
  }
  *d.mutable_answer_due() = ToProtoDate(due);

  if (d.proposal() == v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID) {
    AddStep(d,
            absl::StrCat(
                "申请人未在缴费期限 ", FormatIsoDate(d.window_end()),
                " 前缴费：建议按“逾期未缴费，不再处理”办结（须经人工确认）。"),
            unpaid_window_end);
  }

  // Working days left, or overdue.
  int left = 0;
  if (today <= due) {
    for (Day day = std::max(today, clock_start) + 1; day <= due; ++day) {
      if (calendar.IsWorkingDay(day) && !paused.Contains(day)) ++left;
    }
  } else {
    left = -static_cast<int>(calendar.WorkingDaysBetween(due, today));
  }
  d.set_working_days_left(left);

  // A pause holds the clock today when today lies in it and what ends it
  // (reply, payment) has not arrived by today: on the arrival day the clock
  // has resumed, though that day is not counted.
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
  if (holding != nullptr) {
    int used = 0;
    for (Day day = clock_start + 1; day <= today; ++day) {
      if (calendar.IsWorkingDay(day) && !paused.Contains(day)) ++used;
    }
    d.set_working_days_used(used);
    *d.mutable_paused_since() = ToProtoDate(holding->start);
    *d.mutable_pause_until() = ToProtoDate(holding->last);
  }
  if (!deferred) {
    for (const Pause& pause : pauses) {
      if (!pause.arrived.has_value() && today <= pause.window_end &&
          pause.first <= pause.last && pause.first <= walk.due) {
        d.set_answer_due_projected(true);
      }
    }
  }

  if (deferred) answer_years.clear();  // the deferral fixed the date
  SetProvisional(d, {&duty_years, &window_years, &answer_years});
  AddStep(d,
          absl::StrCat("答复期限：", Iso(due), "，",
                       left >= 0 ? absl::StrCat("剩余 ", left, " 个工作日")
                                 : absl::StrCat("已逾期 ", -left, " 个工作日"),
                       ProvisionalNote(answer_years), "。"),
          due);
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
      StoredDate(k.has_served(), k.served(), "conclusion.served"));
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
          absl::StrCat(Iso(stopped), " 办结（",
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
