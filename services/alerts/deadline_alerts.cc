#include "services/alerts/deadline_alerts.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"

namespace ogi {
namespace {

absl::CivilDay Day(const v1::Date& d) {
  return absl::CivilDay(d.year(), d.month(), d.day());
}

// Urgency groups: the answer overdue, due today, a lapsed applicant window,
// a 补正 notice duty due or late, the answer due soon, a duty coming up.
int UrgencyGroup(const v1::DeadlineAlert& alert) {
  switch (alert.kind()) {
    case v1::ALERT_KIND_ANSWER_OVERDUE:
      return 0;
    case v1::ALERT_KIND_ANSWER_DUE_TODAY:
      return 1;
    case v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED:
      return 2;
    case v1::ALERT_KIND_CORRECTION_NOTICE_DUE:
      return alert.working_days_left() <= 0 ? 3 : 5;
    case v1::ALERT_KIND_ANSWER_DUE_SOON:
      return 4;
    default:
      return 6;
  }
}

std::string DaysText(int left) {
  if (left < 0) return absl::StrCat("已逾期 ", -left, " 个工作日");
  if (left == 0) return "今日到期";
  return absl::StrCat("剩余 ", left, " 个工作日");
}

v1::DeadlineAlert Base(const v1::Case& c, absl::CivilDay today,
                       v1::AlertKind kind, const v1::Date& due, int left) {
  v1::DeadlineAlert alert;
  alert.set_agency_code(c.agency_code());
  alert.set_number(c.number());
  alert.set_applicant_name(c.applicant().name());
  alert.set_kind(kind);
  *alert.mutable_due() = due;
  alert.set_working_days_left(left);
  alert.set_provisional(c.deadlines().provisional());
  *alert.mutable_as_of() = ToProtoDate(today);
  return alert;
}

v1::DeadlineAlert AnswerAlert(const v1::Case& c, absl::CivilDay today,
                              int threshold) {
  const int left = c.deadlines().working_days_left();
  const v1::AlertKind kind = left < 0    ? v1::ALERT_KIND_ANSWER_OVERDUE
                             : left == 0 ? v1::ALERT_KIND_ANSWER_DUE_TODAY
                                         : v1::ALERT_KIND_ANSWER_DUE_SOON;
  v1::DeadlineAlert alert =
      Base(c, today, kind, c.deadlines().answer_due(), left);
  alert.set_threshold(threshold);
  alert.set_message(absl::StrCat(
      c.number(), " ", c.applicant().name(), "：答复期限 ",
      FormatIsoDate(c.deadlines().answer_due()), "，", DaysText(left),
      c.deadlines().provisional() ? "（暂定）" : ""));
  return alert;
}

v1::DeadlineAlert CorrectionNoticeAlert(const v1::Case& c,
                                        const WorkingCalendar& calendar,
                                        absl::CivilDay today) {
  const v1::Date& due = c.deadlines().correction_notice_due();
  const int left =
      static_cast<int>(calendar.WorkingDaysBetween(today, Day(due)));
  v1::DeadlineAlert alert =
      Base(c, today, v1::ALERT_KIND_CORRECTION_NOTICE_DUE, due, left);
  alert.set_message(absl::StrCat(
      c.number(), " ", c.applicant().name(), "：如需补正，补正通知应于 ",
      FormatIsoDate(due), " 前发出，", DaysText(left)));
  return alert;
}

v1::DeadlineAlert WindowAlert(const v1::Case& c,
                              const WorkingCalendar& calendar,
                              absl::CivilDay today) {
  const v1::Deadlines& d = c.deadlines();
  const int left =
      static_cast<int>(calendar.WorkingDaysBetween(today, Day(d.window_end())));
  v1::DeadlineAlert alert = Base(
      c, today, v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED, d.window_end(), left);
  alert.set_proposal(d.proposal());
  alert.set_message(absl::StrCat(
      c.number(), " ", c.applicant().name(), "：",
      EnumLabel(v1::ApplicantWindowKind_descriptor(), d.window_kind()), " ",
      FormatIsoDate(d.window_end()), " 已过，建议办结为「",
      EnumLabel(v1::ProposedConclusion_descriptor(), d.proposal()), "」"));
  return alert;
}

bool HasOpenPause(const v1::Case& c) {
  for (const v1::Consultation& consultation : c.procedure().consultations()) {
    if (!consultation.has_reply_received()) return true;
  }
  return c.procedure().has_fee() && !c.procedure().fee().has_paid();
}

// (year, sequence) of "2025-0013", so that 2025-10000 sorts after 2025-9999.
std::pair<int, int64_t> NumberKey(const std::string& number) {
  int year = 0;
  int64_t sequence = 0;
  const size_t dash = number.find('-');
  if (dash != std::string::npos) {
    absl::SimpleAtoi(absl::string_view(number).substr(0, dash), &year);
    absl::SimpleAtoi(absl::string_view(number).substr(dash + 1), &sequence);
  }
  return {year, sequence};
}

bool CorrectionNoticePending(const v1::Case& c) {
  return !c.procedure().has_correction() &&
         c.deadlines().has_correction_notice_due() &&
         c.deadlines().state() != v1::CLOCK_STATE_STOPPED;
}

}  // namespace

absl::StatusOr<v1::Deadlines> DeadlinesAsOf(const v1::Case& c,
                                            absl::CivilDay today,
                                            const WorkingCalendar& calendar,
                                            const CaseClock& clock) {
  if (!c.has_deadlines() || HasOpenPause(c)) {
    return clock.Compute(c, today, calendar);
  }
  v1::Deadlines d = c.deadlines();
  *d.mutable_as_of() = ToProtoDate(today);
  if (d.has_answer_due()) {
    d.set_working_days_left(static_cast<int>(
        calendar.WorkingDaysBetween(today, Day(d.answer_due()))));
  }
  d.set_window_lapsed(d.window_kind() !=
                          v1::APPLICANT_WINDOW_KIND_UNSPECIFIED &&
                      today > Day(d.window_end()));
  d.set_proposal(!d.window_lapsed() ? v1::PROPOSED_CONCLUSION_UNSPECIFIED
                 : d.window_kind() == v1::APPLICANT_WINDOW_KIND_CORRECTION
                     ? v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED
                     : v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID);
  return d;
}

std::vector<v1::DeadlineAlert> AlertsForCase(const v1::Case& c,
                                             const WorkingCalendar& calendar,
                                             absl::CivilDay today, int within) {
  std::vector<v1::DeadlineAlert> alerts;
  const v1::Deadlines& d = c.deadlines();
  // By the (projected) due date: a paused clock can have few counted days
  // left and still not be due soon.
  if (d.has_answer_due() &&
      calendar.WorkingDaysBetween(today, Day(d.answer_due())) <= within) {
    alerts.push_back(AnswerAlert(c, today, 0));
  }
  if (CorrectionNoticePending(c)) {
    // Listed while the duty can still be met; once lapsed there is nothing
    // left to do about it (the stream alerted when it became late).
    const int64_t left =
        calendar.WorkingDaysBetween(today, Day(d.correction_notice_due()));
    if (left >= 0 && left <= within) {
      alerts.push_back(CorrectionNoticeAlert(c, calendar, today));
    }
  }
  if (d.window_lapsed()) alerts.push_back(WindowAlert(c, calendar, today));
  return alerts;
}

void SortByUrgency(std::vector<v1::DeadlineAlert>& alerts) {
  // Sort keys, then move each message once (messages are costly to shuffle).
  using Key =
      std::tuple<int, int, std::pair<int, int64_t>, std::string, size_t>;
  std::vector<Key> keys;
  keys.reserve(alerts.size());
  for (size_t i = 0; i < alerts.size(); ++i) {
    const v1::DeadlineAlert& a = alerts[i];
    keys.emplace_back(UrgencyGroup(a), a.working_days_left(),
                      NumberKey(a.number()), a.agency_code(), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<v1::DeadlineAlert> sorted;
  sorted.reserve(alerts.size());
  for (const Key& key : keys)
    sorted.push_back(std::move(alerts[std::get<4>(key)]));
  alerts = std::move(sorted);
}

AlertRanks RanksOf(const v1::Case& c, const WorkingCalendar& calendar,
                   absl::CivilDay today, const std::vector<int>& thresholds) {
  AlertRanks ranks;
  const v1::Deadlines& d = c.deadlines();
  if (d.has_answer_due()) {
    const int left = d.working_days_left();
    const int n = static_cast<int>(thresholds.size());
    if (left < 0) {
      ranks.answer = n + 2;
    } else if (left == 0) {
      ranks.answer = n + 1;
    } else {
      for (int i = n - 1; i >= 0; --i) {
        if (left <= thresholds[i]) {
          ranks.answer = i + 1;
          break;
        }
      }
    }
  }
  if (CorrectionNoticePending(c)) {
    const int64_t left =
        calendar.WorkingDaysBetween(today, Day(d.correction_notice_due()));
    ranks.correction_notice = left < 0 ? 2 : left == 0 ? 1 : 0;
  }
  ranks.window = d.window_lapsed() ? 1 : 0;
  return ranks;
}

std::vector<v1::DeadlineAlert> Crossings(const v1::Case& c,
                                         const WorkingCalendar& calendar,
                                         absl::CivilDay today,
                                         const std::vector<int>& thresholds,
                                         const AlertRanks& before,
                                         const AlertRanks& after) {
  std::vector<v1::DeadlineAlert> alerts;
  if (after.answer > before.answer) {
    const int n = static_cast<int>(thresholds.size());
    const int threshold = after.answer <= n ? thresholds[after.answer - 1] : 0;
    alerts.push_back(AnswerAlert(c, today, threshold));
  }
  if (after.correction_notice > before.correction_notice) {
    alerts.push_back(CorrectionNoticeAlert(c, calendar, today));
  }
  if (after.window > before.window) {
    alerts.push_back(WindowAlert(c, calendar, today));
  }
  return alerts;
}

}  // namespace ogi
