#include "cli/deadline_text.h"

#include <cstdlib>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"

namespace ogi::cli {
namespace {

// The statutory answer period before any extension (Regs Art. 33 ¶2).
constexpr int kStatutoryWorkingDays = 20;

// "YYYY-MM-DD" for a present, set date; "" otherwise.
std::string DateText(bool present, const v1::Date& date) {
  return present && !IsUnset(date) ? FormatIsoDate(date) : "";
}

bool HasDue(const v1::Deadlines& d) {
  return d.has_answer_due() && !IsUnset(d.answer_due());
}

bool IsPaused(const v1::Deadlines& d) {
  return d.state() == v1::CLOCK_STATE_PAUSED_CONSULTATION ||
         d.state() == v1::CLOCK_STATE_PAUSED_FEE;
}

// Whether the receipt date waits for confirmation, with a date to have it by.
bool AwaitsConfirmation(const v1::Deadlines& d) {
  return d.state() == v1::CLOCK_STATE_NOT_STARTED && d.has_confirmation_due() &&
         !IsUnset(d.confirmation_due());
}

// "应于 2026-12-03 前确认收到日期（剩余 2 个工作日）"; "今日到期" on the day,
// "已超过 1 个工作日" after it.
std::string ConfirmationDueText(const v1::Deadlines& d) {
  const int left = d.confirmation_working_days_left();
  return absl::StrCat("应于 ", FormatIsoDate(d.confirmation_due()),
                      " 前确认收到日期（",
                      left < 0 ? absl::StrCat("已超过 ", -left, " 个工作日")
                               : WorkingDaysLeftText(left),
                      "）");
}

// While paused and not overdue: the days used and left stand still, the
// date is where they lead if the pause lasts its whole window, e.g.
// "已用 3 个工作日，剩余 17 个工作日；预计 2025-11-24（假定暂停持续至
// 2025-10-30；提前恢复则相应提前）".
std::string PausedCountText(const v1::Deadlines& d) {
  std::string text =
      absl::StrCat("已用 ", d.working_days_used(), " 个工作日，剩余 ",
                   d.working_days_left(), " 个工作日；");
  const std::string due = FormatIsoDate(d.answer_due());
  if (!d.answer_due_projected()) return absl::StrCat(text, "期限 ", due);
  absl::StrAppend(&text, "预计 ", due, "（");
  const std::string until = DateText(d.has_pause_until(), d.pause_until());
  if (!until.empty()) absl::StrAppend(&text, "假定暂停持续至 ", until, "；");
  absl::StrAppend(&text, "提前恢复则相应提前）");
  return text;
}

// Paused, not overdue, and from a server that reports the pause (an older
// one sends no paused_since: its line stays as it was).
bool ShowsPausedCount(const v1::Deadlines& d) {
  return IsPaused(d) && HasDue(d) && d.working_days_left() >= 0 &&
         d.has_paused_since() && !IsUnset(d.paused_since());
}

// Free text on one line: line breaks become "；".
std::string OneLine(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\r", ""}, {"\n", "；"}});
}

std::string CorrectionText(const v1::CorrectionNotice& n) {
  std::vector<std::string> lines;
  std::string first = absl::StrCat(
      DateText(n.has_sent(), n.sent()), " 发出，补正期限 ",
      DateText(n.has_applicant_deadline(), n.applicant_deadline()));
  lines.push_back(std::move(first));
  if (!n.items_to_supplement().empty()) {
    lines.push_back(absl::StrCat("需补正：", OneLine(n.items_to_supplement())));
  }
  const std::string received =
      DateText(n.has_supplement_received(), n.supplement_received());
  lines.push_back(received.empty() ? "未收到补正材料"
                                   : absl::StrCat(received, " 收到补正材料"));
  return absl::StrJoin(lines, "\n");
}

std::string ConsultationText(const v1::Consultation& c) {
  std::string text = absl::StrCat(
      c.id(), ". ", EnumLabel(v1::ConsultedPartyKind_descriptor(), c.kind()),
      " ", c.party(), "：", DateText(c.has_sent(), c.sent()), " 发出");
  const std::string received =
      DateText(c.has_party_received(), c.party_received());
  if (!received.empty()) absl::StrAppend(&text, "，", received, " 送达");
  const std::string reply =
      DateText(c.has_reply_received(), c.reply_received());
  absl::StrAppend(&text, "，", reply.empty() ? "未回复" : reply + " 回复");
  return text;
}

std::string FeeText(const v1::FeeNotice& f) {
  std::string text =
      absl::StrCat(f.amount_yuan(), " 元（",
                   EnumLabel(v1::FeeMethod_descriptor(), f.method()));
  if (f.method() == v1::FEE_METHOD_PER_PAGE) {
    absl::StrAppend(&text, "，", f.pages(), " 页");
  } else if (f.prior_applications_this_month() > 0 || f.units() > 1) {
    absl::StrAppend(&text, "，本月此前 ", f.prior_applications_this_month(),
                    " 件，本件计 ", f.units() > 0 ? f.units() : 1, " 件");
  }
  absl::StrAppend(&text, "）：", DateText(f.has_served(), f.served()),
                  " 送达，");
  const std::string paid = DateText(f.has_paid(), f.paid());
  absl::StrAppend(&text, paid.empty() ? "未缴费" : paid + " 缴费");
  return text;
}

std::string ExtensionText(const v1::Extension& e) {
  std::string text =
      absl::StrCat(e.working_days(), " 个工作日：", e.approver());
  const std::string approved = DateText(e.has_approved(), e.approved());
  if (!approved.empty()) absl::StrAppend(&text, " ", approved, " 批准");
  absl::StrAppend(&text, "，", DateText(e.has_notified(), e.notified()),
                  " 告知申请人");
  return text;
}

std::string DeferralText(const v1::Deferral& d) {
  std::string text =
      absl::StrCat(DateText(d.has_new_due(), d.new_due()), "：",
                   DateText(d.has_notified(), d.notified()), " 告知申请人");
  if (!d.reason().empty()) {
    absl::StrAppend(&text, "；理由：", OneLine(d.reason()));
  }
  return text;
}

// "补正期限 2025-11-05（已过）" style value for the applicant's window.
std::string WindowText(const v1::Deadlines& d) {
  std::string text = DateText(d.has_window_end(), d.window_end());
  if (text.empty()) text = "（无日期）";
  if (d.window_lapsed()) absl::StrAppend(&text, "（已过）");
  return text;
}

std::string ProposalText(v1::ProposedConclusion proposal) {
  return absl::StrCat(EnumLabel(v1::ProposedConclusion_descriptor(), proposal),
                      "（需人工确认）");
}

// "1. text" lines, numbers right-aligned, continuation lines indented, and
// "→ date" appended when the step arrives at a date its text does not name.
std::string NumberedSteps(
    const google::protobuf::RepeatedPtrField<v1::ExplanationStep>& steps) {
  const size_t digits = absl::StrCat(steps.size()).size();
  std::vector<std::string> lines;
  for (int i = 0; i < steps.size(); ++i) {
    const v1::ExplanationStep& step = steps[i];
    std::string number = absl::StrCat(i + 1, ".");
    number.insert(0, digits + 1 - number.size(), ' ');
    std::string text = step.text();
    const std::string date = DateText(step.has_date(), step.date());
    if (!date.empty() && !absl::StrContains(text, date)) {
      absl::StrAppend(&text, " → ", date);
    }
    const std::string indent(number.size() + 1, ' ');
    bool first = true;
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      lines.push_back(absl::StrCat("  ", first ? number + " " : indent, line));
      first = false;
    }
  }
  return absl::StrJoin(lines, "\n");
}

}  // namespace

std::string WorkingDaysLeftText(int days) {
  if (days == 0) return "今日到期";
  if (days < 0) return absl::StrCat("已逾期 ", std::abs(days), " 个工作日");
  return absl::StrCat("剩余 ", days, " 个工作日");
}

std::string AnswerDueText(const v1::Deadlines& d) {
  if (!HasDue(d)) {
    if (d.state() == v1::CLOCK_STATE_AWAITING_CORRECTION) {
      return "收到补正材料后重新起算";
    }
    if (AwaitsConfirmation(d)) return "未起算（确认收到日期后起算）";
    return EnumLabel(v1::ClockState_descriptor(), d.state());
  }
  if (ShowsPausedCount(d)) return absl::StrCat("暂停中：", PausedCountText(d));
  const std::string due = FormatIsoDate(d.answer_due());
  if (d.state() == v1::CLOCK_STATE_STOPPED) return due;
  return absl::StrCat(due, "（", WorkingDaysLeftText(d.working_days_left()),
                      "）");
}

std::string DeadlineLine(const v1::Deadlines& d) {
  const std::string state = EnumLabel(v1::ClockState_descriptor(), d.state());
  std::string line;
  if (ShowsPausedCount(d)) {
    line = absl::StrCat(state, "：", PausedCountText(d));
  } else if (AwaitsConfirmation(d)) {
    line = absl::StrCat(state, "  待确认收到：", ConfirmationDueText(d));
  } else if (HasDue(d)) {
    line = absl::StrCat(AnswerDueText(d), "  ", state);
  } else if (d.state() == v1::CLOCK_STATE_AWAITING_CORRECTION) {
    line = absl::StrCat(state, "（", AnswerDueText(d), "）");
  } else {
    line = state;
  }
  if (d.provisional()) absl::StrAppend(&line, "  暂定");
  return line;
}

std::string ProvisionalWarning(
    const google::protobuf::RepeatedField<int32_t>& years) {
  const std::string which =
      years.empty() ? "" : absl::StrCat(absl::StrJoin(years, "、"), " 年");
  return absl::StrCat("暂定：", which, "调休安排尚未公布，已跳过法定节假日");
}

void AddProcedureLines(const v1::Procedure& procedure, Card* card) {
  if (procedure.has_correction()) {
    card->Add("补正通知", CorrectionText(procedure.correction()));
  }
  std::vector<std::string> consultations;
  for (const v1::Consultation& c : procedure.consultations()) {
    consultations.push_back(ConsultationText(c));
  }
  card->AddIfPresent("征求意见", absl::StrJoin(consultations, "\n"));
  if (procedure.has_fee()) card->Add("收费通知", FeeText(procedure.fee()));
  if (procedure.has_extension()) {
    card->Add("延期", ExtensionText(procedure.extension()));
  }
  if (procedure.has_deferral()) {
    card->Add("另定期限", DeferralText(procedure.deferral()));
  }
}

void AddDeadlineSummary(const v1::Deadlines& d, Card* card) {
  card->Add("期限状态", EnumLabel(v1::ClockState_descriptor(), d.state()));
  card->Add("答复期限", AnswerDueText(d));
  if (AwaitsConfirmation(d)) card->Add("待确认收到", ConfirmationDueText(d));
  if (d.window_kind() != v1::APPLICANT_WINDOW_KIND_UNSPECIFIED) {
    card->Add(EnumLabel(v1::ApplicantWindowKind_descriptor(), d.window_kind()),
              WindowText(d));
  }
  if (d.proposal() != v1::PROPOSED_CONCLUSION_UNSPECIFIED) {
    card->Add("建议结论", ProposalText(d.proposal()));
  }
  if (d.provisional()) {
    card->Add("注意", ProvisionalWarning(d.provisional_years()));
  }
}

void RenderExplanation(const v1::Case& c, bool color, std::ostream& out) {
  const v1::Deadlines& d = c.deadlines();
  Card card;
  card.Add("案件编号", c.number());
  card.Add("期限状态", EnumLabel(v1::ClockState_descriptor(), d.state()));
  card.AddIfPresent("起算日", DateText(d.has_clock_start(), d.clock_start()));
  const bool overdue = HasDue(d) && d.working_days_left() < 0 &&
                       d.state() != v1::CLOCK_STATE_STOPPED;
  card.Add("答复期限", Colorize(AnswerDueText(d),
                                overdue ? Tint::kRed : Tint::kNone, color));
  if (AwaitsConfirmation(d)) {
    const bool late = d.confirmation_working_days_left() < 0;
    card.Add("待确认收到", Colorize(ConfirmationDueText(d),
                                    late ? Tint::kRed : Tint::kNone, color));
    card.Add(
        "下一步",
        absl::StrCat("与申请人确认收到日期后登记：ogi case update ", c.number(),
                     " --confirmed YYYY-MM-DD --reason \"确认收到日期\""));
  }
  if (IsPaused(d)) {
    const std::string since = DateText(d.has_paused_since(), d.paused_since());
    const std::string until = DateText(d.has_pause_until(), d.pause_until());
    if (!since.empty()) {
      card.Add("暂停",
               absl::StrCat(
                   "自 ", since, " 起",
                   until.empty() ? "" : absl::StrCat("，至迟 ", until, " 结束"),
                   "；暂停期间的工作日不计入答复期限"));
    }
  }
  if (d.allowed_working_days() > 0) {
    std::string allowed = absl::StrCat(d.allowed_working_days(), " 个工作日");
    if (d.allowed_working_days() > kStatutoryWorkingDays) {
      absl::StrAppend(&allowed, "（含延长 ",
                      d.allowed_working_days() - kStatutoryWorkingDays,
                      " 个工作日）");
    }
    card.Add("答复时限", allowed);
  }
  const std::string notice_due =
      DateText(d.has_correction_notice_due(), d.correction_notice_due());
  if (!notice_due.empty()) {
    card.Add("补正通知期限",
             d.correction_notice_late()
                 ? Colorize(notice_due + "（已逾期）", Tint::kRed, color)
                 : notice_due);
  }
  if (d.window_kind() != v1::APPLICANT_WINDOW_KIND_UNSPECIFIED) {
    card.Add(EnumLabel(v1::ApplicantWindowKind_descriptor(), d.window_kind()),
             WindowText(d));
  }
  if (d.proposal() != v1::PROPOSED_CONCLUSION_UNSPECIFIED) {
    card.Add("建议结论", ProposalText(d.proposal()));
  }
  if (d.provisional()) {
    card.Add("注意", Colorize(ProvisionalWarning(d.provisional_years()),
                              Tint::kYellow, color));
  }
  card.AddIfPresent("计算日期", DateText(d.has_as_of(), d.as_of()));
  card.Render(out, color);
  if (d.explanation_size() > 0) {
    out << "\n"
        << Bold("推算过程：", color) << "\n"
        << NumberedSteps(d.explanation()) << "\n";
  }
}

}  // namespace ogi::cli
