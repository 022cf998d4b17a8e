#include "services/alerts/deadline_alerts.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/alerts/case_index.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi {
namespace {

// How far either side of today DeadlineListing remembers working days: past
// every date a listing of up to 60 working days asks about, but for the
// rare long overdue answer.
constexpr int kMemoDays = 366;

absl::CivilDay Day(const v1::Date& d) {
  return absl::CivilDay(d.year(), d.month(), d.day());
}

// Urgency groups: the answer or a duty after it (a defence, a re-answer)
// overdue, due today, a lapsed applicant window, a 补正 notice duty due or
// late, the answer or a duty after it due soon, a 补正 notice duty coming up,
// then the dates a review organ or court is expected to decide by.
int UrgencyGroup(v1::AlertKind kind, int working_days_left) {
  switch (kind) {
    case v1::ALERT_KIND_ANSWER_OVERDUE:
      return 0;
    case v1::ALERT_KIND_ANSWER_DUE_TODAY:
      return 1;
    case v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED:
      return 2;
    case v1::ALERT_KIND_CORRECTION_NOTICE_DUE:
    case v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE:
      return working_days_left <= 0 ? 3 : 5;
    case v1::ALERT_KIND_ANSWER_DUE_SOON:
      return 4;
    case v1::ALERT_KIND_REVIEW_DEFENCE_DUE:
    case v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE:
    case v1::ALERT_KIND_REANSWER_DUE:
      return working_days_left < 0 ? 0 : working_days_left == 0 ? 1 : 4;
    default:
      return 6;
  }
}

// The rank of `left` working days on a clock with alert `thresholds`
// (descending): 0 before the largest threshold, then one rank per threshold
// reached, then due today, then overdue.
int DaysLeftRank(int left, const std::vector<int>& thresholds) {
  const int n = static_cast<int>(thresholds.size());
  if (left < 0) return n + 2;
  if (left == 0) return n + 1;
  for (int i = n - 1; i >= 0; --i) {
    if (left <= thresholds[i]) return i + 1;
  }
  return 0;
}

// The threshold a rank of DaysLeftRank stands for (0 for due today and
// overdue).
int ThresholdOfRank(int rank, const std::vector<int>& thresholds) {
  const int n = static_cast<int>(thresholds.size());
  return rank >= 1 && rank <= n ? thresholds[rank - 1] : 0;
}

// (year, sequence) of "2025-0013", so that 2025-10000 sorts after 2025-9999.
std::pair<int, int64_t> NumberKey(const std::string& number) {
  int year = 0;
  int64_t sequence = 0;
  const size_t dash = number.find('-');
  if (dash != std::string::npos) {
    // A part that is not a number counts as 0 (it sorts first).
    if (!absl::SimpleAtoi(absl::string_view(number).substr(0, dash), &year)) {
      year = 0;
    }
    if (!absl::SimpleAtoi(absl::string_view(number).substr(dash + 1),
                          &sequence)) {
      sequence = 0;
    }
  }
  return {year, sequence};
}

// Whether an applicant window of `kind` (UNSPECIFIED: none) whose last day
// is `end` has lapsed by `today`.
bool WindowLapsed(v1::ApplicantWindowKind kind, absl::CivilDay end,
                  absl::CivilDay today) {
  return kind != v1::APPLICANT_WINDOW_KIND_UNSPECIFIED && today > end;
}

// The conclusion proposed when a window of `kind` lapsed; none otherwise.
v1::ProposedConclusion ProposalFor(bool lapsed, v1::ApplicantWindowKind kind) {
  if (!lapsed) return v1::PROPOSED_CONCLUSION_UNSPECIFIED;
  return kind == v1::APPLICANT_WINDOW_KIND_CORRECTION
             ? v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED
             : v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID;
}

// What the deadline alerts of one case are built from, as of one day: the
// dates they are about. Built from a whole case (DueDatesOf) or from a
// store's summary (SummaryDueDates); both give the same alerts. A new kind of
// deadline alert adds its date here and to CaseDeadlineSummary (as a summary
// column), and its rule to ForEachListedAlert, UrgencyGroup and WriteAlert.
// (The duties after the answer are OpenDuties, read from the record; so is
// the receipt confirmation, whose cases the store reads whole.)
struct DueDates {
  // The answer due date (projected while paused), when the clock has one.
  std::optional<absl::CivilDay> answer_due;
  // Working days left on the answer clock, as counted (negative when
  // overdue). While paused it can be fewer than the days until answer_due.
  int answer_days_left = 0;
  bool provisional = false;
  // The 补正 notice due date while the duty is pending.
  std::optional<absl::CivilDay> correction_notice_due;
  // An applicant window that lapsed: its kind, last day and the conclusion
  // proposed.
  bool window_lapsed = false;
  v1::ApplicantWindowKind window_kind = v1::APPLICANT_WINDOW_KIND_UNSPECIFIED;
  absl::CivilDay window_end;
  v1::ProposedConclusion proposal = v1::PROPOSED_CONCLUSION_UNSPECIFIED;
  // While the receipt date waits for confirmation: the day by which it
  // should be recorded (ClockPolicy::confirm_receipt_alert_days).
  std::optional<absl::CivilDay> confirmation_due;
};

// The DueDates of `c` with deadlines `d` (computed for the day in question).
DueDates DueDatesOf(const v1::Case& c, const v1::Deadlines& d) {
  DueDates dates;
  // A stopped clock keeps the due date the answer was served against.
  if (d.has_answer_due() && d.state() != v1::CLOCK_STATE_STOPPED) {
    dates.answer_due = Day(d.answer_due());
  }
  dates.answer_days_left = d.working_days_left();
  dates.provisional = d.provisional();
  if (!c.procedure().has_correction() && d.has_correction_notice_due() &&
      d.state() != v1::CLOCK_STATE_STOPPED) {
    dates.correction_notice_due = Day(d.correction_notice_due());
  }
  dates.window_lapsed = d.window_lapsed();
  dates.window_kind = d.window_kind();
  dates.window_end = Day(d.window_end());
  dates.proposal = d.proposal();
  if (d.state() == v1::CLOCK_STATE_NOT_STARTED && d.has_confirmation_due()) {
    dates.confirmation_due = Day(d.confirmation_due());
  }
  return dates;
}

// Working days from the day alerts are computed for until a given day
// (negative for a past day), as WorkingCalendar::WorkingDaysBetween counts.
using DaysUntil = absl::FunctionRef<int(absl::CivilDay)>;

// The DueDates of the summarized case `s` as of `today`: what DeadlinesAsOf
// does with stored deadlines, on the summary.
// REQUIRES: !DeadlinesNeedFullComputation for the case (s.record is null).
DueDates SummaryDueDates(const CaseDeadlineSummary& s, absl::CivilDay today,
                         DaysUntil days_until) {
  DueDates dates;
  dates.answer_due = s.answer_due;
  if (s.answer_due) dates.answer_days_left = days_until(*s.answer_due);
  dates.provisional = s.provisional;
  dates.correction_notice_due = s.notice_due;
  dates.window_kind = s.window_kind;
  if (s.window_end) {
    dates.window_end = *s.window_end;
    dates.window_lapsed = WindowLapsed(s.window_kind, *s.window_end, today);
  }
  dates.proposal = ProposalFor(dates.window_lapsed, s.window_kind);
  return dates;
}

// One alert before it becomes a message: all it says but whom it is about.
struct PendingAlert {
  v1::AlertKind kind;
  absl::CivilDay due;
  int left;  // working days left until `due`
  bool provisional;
  // For a lapsed window: its kind and the conclusion proposed.
  v1::ApplicantWindowKind window_kind = v1::APPLICANT_WINDOW_KIND_UNSPECIFIED;
  v1::ProposedConclusion proposal = v1::PROPOSED_CONCLUSION_UNSPECIFIED;
  // For a duty after the answer: the duty (owned by whoever built the alert).
  const OpenDuty* duty = nullptr;
};

PendingAlert DutyAlert(const OpenDuty& duty, DaysUntil days_until) {
  PendingAlert a{duty.kind, duty.due, days_until(duty.due), duty.provisional};
  a.duty = &duty;
  return a;
}

// Calls `add` for each duty of `duties` a listing of `within` working days
// shows: those due within them, and those past (until the defence is filed,
// the decision recorded or the re-answer served).
void ForEachListedDuty(const std::vector<OpenDuty>& duties,
                       DaysUntil days_until, int within,
                       absl::FunctionRef<void(const PendingAlert&)> add) {
  for (const OpenDuty& duty : duties) {
    const PendingAlert a = DutyAlert(duty, days_until);
    if (a.left <= within) add(a);
  }
}

// REQUIRES: d.answer_due.
PendingAlert AnswerAlert(const DueDates& d) {
  const int left = d.answer_days_left;
  return {left < 0    ? v1::ALERT_KIND_ANSWER_OVERDUE
          : left == 0 ? v1::ALERT_KIND_ANSWER_DUE_TODAY
                      : v1::ALERT_KIND_ANSWER_DUE_SOON,
          *d.answer_due, left, d.provisional};
}

// REQUIRES: d.correction_notice_due.
PendingAlert CorrectionNoticeAlert(const DueDates& d, DaysUntil days_until) {
  const absl::CivilDay due = *d.correction_notice_due;
  return {v1::ALERT_KIND_CORRECTION_NOTICE_DUE, due, days_until(due),
          d.provisional};
}

// REQUIRES: d.window_lapsed.
PendingAlert WindowAlert(const DueDates& d, DaysUntil days_until) {
  return {v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED,
          d.window_end,
          days_until(d.window_end),
          d.provisional,
          d.window_kind,
          d.proposal};
}

// REQUIRES: d.confirmation_due.
PendingAlert ConfirmationAlert(const DueDates& d, DaysUntil days_until) {
  const absl::CivilDay due = *d.confirmation_due;
  return {v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE, due, days_until(due),
          d.provisional};
}

// Calls `add` for each alert AlertsForCase lists, in its order.
void ForEachListedAlert(const DueDates& d, DaysUntil days_until, int within,
                        absl::FunctionRef<void(const PendingAlert&)> add) {
  // Listed for as long as it waits, whatever `within`: until it is
  // confirmed the case has no other date that would bring it to notice.
  if (d.confirmation_due) add(ConfirmationAlert(d, days_until));
  // By the (projected) due date: a paused clock can have few counted days
  // left and still not be due soon.
  if (d.answer_due && days_until(*d.answer_due) <= within) {
    add(AnswerAlert(d));
  }
  if (d.correction_notice_due) {
    // Listed while the duty can still be met; once lapsed there is nothing
    // left to do about it (the stream alerted when it became late).
    const PendingAlert notice = CorrectionNoticeAlert(d, days_until);
    if (notice.left >= 0 && notice.left <= within) add(notice);
  }
  if (d.window_lapsed) add(WindowAlert(d, days_until));
}

// DaysUntil for one case: straight from the calendar.
auto CalendarDaysUntil(const WorkingCalendar& calendar, absl::CivilDay today) {
  return [&calendar, today](absl::CivilDay day) {
    return static_cast<int>(calendar.WorkingDaysBetween(today, day));
  };
}

// Who an alert is about.
struct Subject {
  const std::string& agency_code;
  const std::string& number;
  const std::string& applicant_name;
};

Subject SubjectOf(const v1::Case& c) {
  return {c.agency_code(), c.number(), c.applicant().name()};
}

Subject SubjectOf(const CaseDeadlineSummary& s) {
  return {s.agency_code, s.number, s.applicant_name};
}

// Appends what a duty after the answer is about: "行政复议
// 2022-0013-R1（某市人民 政府）", "行政诉讼 …（…法院）", or
// "重新答复（2022-0013-R1 决定）".
void AppendDutySubject(std::string& out, const OpenDuty& duty) {
  switch (duty.kind) {
    case v1::ALERT_KIND_REANSWER_DUE:
      absl::StrAppend(&out, "重新答复（", duty.reference, " 决定）");
      return;
    case v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE:
    case v1::ALERT_KIND_JUDGMENT_EXPECTED:
      absl::StrAppend(&out, "行政诉讼 ", duty.reference);
      break;
    default:
      absl::StrAppend(&out, "行政复议 ", duty.reference);
      break;
  }
  if (!duty.party.empty()) absl::StrAppend(&out, "（", duty.party, "）");
}

// What is due on a duty's date, in Chinese.
const char* DutyDueText(v1::AlertKind kind) {
  switch (kind) {
    case v1::ALERT_KIND_REVIEW_DEFENCE_DUE:
      return "书面答复和证据提交期限 ";
    case v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE:
      return "答辩状提交期限 ";
    case v1::ALERT_KIND_REVIEW_DECISION_EXPECTED:
      return "复议决定应于此日前作出：";
    case v1::ALERT_KIND_JUDGMENT_EXPECTED:
      return "一审判决应于此日前作出：";
    default:
      return "答复期限 ";
  }
}

// Appends how many working days are left (`left` < 0: overdue), in Chinese.
void AppendDaysText(std::string& out, int left) {
  if (left < 0) {
    absl::StrAppend(&out, "已逾期 ", -left, " 个工作日");
  } else if (left == 0) {
    out += "今日到期";
  } else {
    absl::StrAppend(&out, "剩余 ", left, " 个工作日");
  }
}

// Writes alert `a` about `who` into the empty `out` (threshold unset).
void WriteAlert(const Subject& who, const PendingAlert& a,
                const v1::Date& as_of, v1::DeadlineAlert& out) {
  out.set_agency_code(who.agency_code);
  out.set_number(who.number);
  out.set_applicant_name(who.applicant_name);
  out.set_kind(a.kind);
  *out.mutable_due() = ToProtoDate(a.due);
  out.set_working_days_left(a.left);
  out.set_provisional(a.provisional);
  *out.mutable_as_of() = as_of;
  // Built in one buffer: a listing writes tens of thousands of these.
  std::string message;
  message.reserve(160);
  absl::StrAppend(&message, who.number, " ", who.applicant_name, "：");
  switch (a.kind) {
    case v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED:
      out.set_proposal(a.proposal);
      absl::StrAppend(
          &message,
          EnumLabel(v1::ApplicantWindowKind_descriptor(), a.window_kind), " ");
      AppendIsoDate(message, a.due);
      absl::StrAppend(
          &message, " 已过，建议办结为「",
          EnumLabel(v1::ProposedConclusion_descriptor(), a.proposal), "」");
      break;
    case v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE:
      message += "待确认收到，请与申请人确认收到日期并登记（应于 ";
      AppendIsoDate(message, a.due);
      message += " 前），";
      if (a.left < 0) {
        absl::StrAppend(&message, "已超过 ", -a.left, " 个工作日");
      } else {
        AppendDaysText(message, a.left);
      }
      if (a.provisional) message += "（暂定）";
      break;
    case v1::ALERT_KIND_CORRECTION_NOTICE_DUE:
      message += "如需补正，补正通知应于 ";
      AppendIsoDate(message, a.due);
      message += " 前发出，";
      AppendDaysText(message, a.left);
      break;
    case v1::ALERT_KIND_REVIEW_DEFENCE_DUE:
    case v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE:
    case v1::ALERT_KIND_REANSWER_DUE:
    case v1::ALERT_KIND_REVIEW_DECISION_EXPECTED:
    case v1::ALERT_KIND_JUDGMENT_EXPECTED:
      out.set_reference(a.duty->reference);
      AppendDutySubject(message, *a.duty);
      message += DutyDueText(a.kind);
      AppendIsoDate(message, a.due);
      message += "，";
      AppendDaysText(message, a.left);
      if (a.provisional) message += "（暂定）";
      break;
    default:  // the answer
      message += "答复期限 ";
      AppendIsoDate(message, a.due);
      message += "，";
      AppendDaysText(message, a.left);
      if (a.provisional) message += "（暂定）";
      break;
  }
  out.set_message(std::move(message));
}

}  // namespace

DutyRankKey DutyKey(const OpenDuty& duty) {
  return {duty.kind, duty.reference, duty.re_answer_id};
}

absl::StatusOr<AttentionQuery> ListingQuery(const WorkingCalendar& calendar,
                                            absl::CivilDay today, int within,
                                            std::string agency_code) {
  // The last day with at most `within` working days left: the day before the
  // first working day after the horizon (AddWorkingDays' end).
  OGI_ASSIGN_OR_RETURN(const WorkingDayCount beyond,
                       calendar.AddWorkingDays(today, within + 1));
  const absl::CivilDay last = beyond.end - 1;
  // The first day with no working day in (day, today]: the last working day
  // on or before today (a make-up working day counts). A calendar has at most
  // a few rest days in a row; past a year of them the range would only widen.
  absl::CivilDay first = today;
  for (int i = 0; i < 366 && !calendar.IsWorkingDay(first); ++i) --first;
  AttentionQuery query;
  query.agency_code = std::move(agency_code);
  query.answer_due_until = last;
  query.notice_due_from = first;
  query.notice_due_until = last;
  // An applicant window lapses by calendar days (today > its end).
  query.window_end_until = today - 1;
  // Duties after the answer are listed from their due date's horizon on and
  // for as long as they stay open, however long ago they fell due.
  query.duty_due_until = last;
  // Every application awaiting receipt confirmation, however recent.
  query.pending_confirmation = true;
  return query;
}

absl::StatusOr<v1::Deadlines> DeadlinesAsOf(const v1::Case& c,
                                            absl::CivilDay today,
                                            const WorkingCalendar& calendar,
                                            const CaseClock& clock) {
  if (DeadlinesNeedFullComputation(c)) {
    return clock.Compute(c, today, calendar);
  }
  v1::Deadlines d = c.deadlines();
  *d.mutable_as_of() = ToProtoDate(today);
  if (d.has_answer_due()) {
    d.set_working_days_left(static_cast<int>(
        calendar.WorkingDaysBetween(today, Day(d.answer_due()))));
  }
  d.set_window_lapsed(
      WindowLapsed(d.window_kind(), Day(d.window_end()), today));
  d.set_proposal(ProposalFor(d.window_lapsed(), d.window_kind()));
  return d;
}

std::vector<v1::DeadlineAlert> AlertsForCase(const v1::Case& c,
                                             const WorkingCalendar& calendar,
                                             absl::CivilDay today, int within) {
  const DueDates d = DueDatesOf(c, c.deadlines());
  const v1::Date as_of = ToProtoDate(today);
  std::vector<v1::DeadlineAlert> alerts;
  const auto days_until = CalendarDaysUntil(calendar, today);
  const auto write = [&](const PendingAlert& a) {
    WriteAlert(SubjectOf(c), a, as_of, alerts.emplace_back());
  };
  ForEachListedAlert(d, days_until, within, write);
  const std::vector<OpenDuty> duties = OpenDuties(c);
  ForEachListedDuty(duties, days_until, within, write);
  return alerts;
}

void SortByUrgency(std::vector<v1::DeadlineAlert>& alerts) {
  // Sort keys, then move each message once (messages are costly to shuffle).
  using Key = std::tuple<int, int, std::pair<int, int64_t>, std::string, int,
                         std::string, size_t>;
  std::vector<Key> keys;
  keys.reserve(alerts.size());
  for (size_t i = 0; i < alerts.size(); ++i) {
    const v1::DeadlineAlert& a = alerts[i];
    keys.emplace_back(UrgencyGroup(a.kind(), a.working_days_left()),
                      a.working_days_left(), NumberKey(a.number()),
                      a.agency_code(), a.kind(), a.reference(), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<v1::DeadlineAlert> sorted;
  sorted.reserve(alerts.size());
  for (const Key& key : keys)
    sorted.push_back(std::move(alerts[std::get<6>(key)]));
  alerts = std::move(sorted);
}

struct DeadlineListing::Entry {
  int group;  // the urgency group
  std::pair<int, int64_t> number;
  const CaseDeadlineSummary* c;  // in cases_
  PendingAlert alert;
};

DeadlineListing::DeadlineListing(const WorkingCalendar& calendar,
                                 const CaseClock& clock, absl::CivilDay today,
                                 int within)
    : calendar_(calendar),
      clock_(clock),
      today_(today),
      within_(within),
      working_days_until_(2 * kMemoDays + 1, std::numeric_limits<int>::min()) {}

DeadlineListing::~DeadlineListing() = default;

int DeadlineListing::WorkingDaysUntil(absl::CivilDay day) {
  const int64_t slot = (day - today_) + kMemoDays;
  if (slot < 0 || slot >= static_cast<int64_t>(working_days_until_.size())) {
    return static_cast<int>(calendar_.WorkingDaysBetween(today_, day));
  }
  int& days = working_days_until_[slot];
  if (days == std::numeric_limits<int>::min()) {
    days = static_cast<int>(calendar_.WorkingDaysBetween(today_, day));
  }
  return days;
}

absl::Status DeadlineListing::Add(CaseDeadlineSummary&& c) {
  const auto days_until = [this](absl::CivilDay day) {
    return WorkingDaysUntil(day);
  };
  const size_t first = entries_.size();
  if (c.for_duties) {
    if (c.record == nullptr) {
      return absl::InternalError("for_duties: 摘要缺少对应的案件记录");
    }
    for (OpenDuty& duty : OpenDuties(*c.record)) {
      if (days_until(duty.due) > within_) continue;
      const PendingAlert a =
          DutyAlert(duties_.emplace_back(std::move(duty)), days_until);
      entries_.push_back({UrgencyGroup(a.kind, a.left), {}, nullptr, a});
    }
    return Keep(std::move(c), first);
  }
  DueDates dates;
  if (c.record != nullptr) {
    OGI_ASSIGN_OR_RETURN(v1::Deadlines d,
                         DeadlinesAsOf(*c.record, today_, calendar_, clock_));
    dates = DueDatesOf(*c.record, d);
  } else {
    dates = SummaryDueDates(c, today_, days_until);
  }
  ForEachListedAlert(dates, days_until, within_, [&](const PendingAlert& a) {
    entries_.push_back({UrgencyGroup(a.kind, a.left), {}, nullptr, a});
  });
  return Keep(std::move(c), first);
}

absl::Status DeadlineListing::Keep(CaseDeadlineSummary&& c, size_t first) {
  if (entries_.size() == first) return absl::OkStatus();
  c.record.reset();  // its alerts are computed
  const CaseDeadlineSummary& kept = cases_.emplace_back(std::move(c));
  const std::pair<int, int64_t> number = NumberKey(kept.number);
  for (size_t i = first; i < entries_.size(); ++i) {
    entries_[i].number = number;
    entries_[i].c = &kept;
  }
  return absl::OkStatus();
}

void DeadlineListing::SortEntries() {
  // SortByUrgency's key. SortByUrgency breaks the remaining ties by
  // position, which for a listing built in creation order is the creation
  // order; here the case's creation order breaks them, then the order in
  // which the case's alerts were added.
  static const std::string kNoReference;
  const auto reference = [](const Entry& e) -> const std::string& {
    return e.alert.duty != nullptr ? e.alert.duty->reference : kNoReference;
  };
  std::stable_sort(
      entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
        const int a_kind = a.alert.kind;
        const int b_kind = b.alert.kind;
        return std::tie(a.group, a.alert.left, a.number, a.c->agency_code,
                        a_kind, reference(a), a.c->creation_order) <
               std::tie(b.group, b.alert.left, b.number, b.c->agency_code,
                        b_kind, reference(b), b.c->creation_order);
      });
}

void DeadlineListing::Clear() {
  entries_.clear();
  cases_.clear();
  duties_.clear();
}

v1::ListDeadlinesResponse DeadlineListing::TakeResponse() {
  SortEntries();
  v1::ListDeadlinesResponse response;
  *response.mutable_as_of() = ToProtoDate(today_);
  response.mutable_alerts()->Reserve(static_cast<int>(entries_.size()));
  for (const Entry& e : entries_) {
    WriteAlert(SubjectOf(*e.c), e.alert, response.as_of(),
               *response.add_alerts());
  }
  Clear();
  return response;
}

v1::ListDeadlinesResponse DeadlineListing::TakePage(const PageRequest& page) {
  SortEntries();
  v1::ListDeadlinesResponse response;
  *response.mutable_as_of() = ToProtoDate(today_);
  const size_t total = entries_.size();
  size_t next = std::min<size_t>(static_cast<size_t>(page.position()), total);
  PageBudget budget(page.size());
  while (next < total) {
    v1::DeadlineAlert* alert = response.add_alerts();
    WriteAlert(SubjectOf(*entries_[next].c), entries_[next].alert,
               response.as_of(), *alert);
    if (!budget.Admit(alert->ByteSizeLong())) {
      response.mutable_alerts()->RemoveLast();
      break;
    }
    ++next;
  }
  if (next < total) {
    response.set_next_page_token(page.NextToken(static_cast<int64_t>(next)));
  }
  Clear();
  return response;
}

AlertRanks RanksOf(const v1::Case& c, const WorkingCalendar& calendar,
                   absl::CivilDay today, const std::vector<int>& thresholds) {
  AlertRanks ranks;
  const DueDates d = DueDatesOf(c, c.deadlines());
  if (d.answer_due) ranks.answer = DaysLeftRank(d.answer_days_left, thresholds);
  const auto days_until = CalendarDaysUntil(calendar, today);
  if (d.correction_notice_due) {
    const int left = CorrectionNoticeAlert(d, days_until).left;
    ranks.correction_notice = left < 0 ? 2 : left == 0 ? 1 : 0;
  }
  ranks.window = d.window_lapsed ? 1 : 0;
  if (d.confirmation_due) {
    const int left = ConfirmationAlert(d, days_until).left;
    ranks.confirmation = left < 0 ? 2 : left == 0 ? 1 : 0;
  }
  for (const OpenDuty& duty : OpenDuties(c)) {
    const int left = days_until(duty.due);
    const int rank =
        IsOwnDuty(duty.kind) ? DaysLeftRank(left, thresholds) : (left < 0);
    if (rank > 0) ranks.duties[DutyKey(duty)] = rank;
  }
  return ranks;
}

std::vector<v1::DeadlineAlert> Crossings(const v1::Case& c,
                                         const WorkingCalendar& calendar,
                                         absl::CivilDay today,
                                         const std::vector<int>& thresholds,
                                         const AlertRanks& before,
                                         const AlertRanks& after) {
  const DueDates d = DueDatesOf(c, c.deadlines());
  const v1::Date as_of = ToProtoDate(today);
  std::vector<v1::DeadlineAlert> alerts;
  if (after.answer > before.answer) {
    WriteAlert(SubjectOf(c), AnswerAlert(d), as_of, alerts.emplace_back());
    alerts.back().set_threshold(ThresholdOfRank(after.answer, thresholds));
  }
  const auto days_until = CalendarDaysUntil(calendar, today);
  if (after.correction_notice > before.correction_notice) {
    WriteAlert(SubjectOf(c), CorrectionNoticeAlert(d, days_until), as_of,
               alerts.emplace_back());
  }
  if (after.window > before.window) {
    WriteAlert(SubjectOf(c), WindowAlert(d, days_until), as_of,
               alerts.emplace_back());
  }
  if (after.confirmation > before.confirmation) {
    WriteAlert(SubjectOf(c), ConfirmationAlert(d, days_until), as_of,
               alerts.emplace_back());
  }
  for (const OpenDuty& duty : OpenDuties(c)) {
    const DutyRankKey key = DutyKey(duty);
    const auto reached = after.duties.find(key);
    if (reached == after.duties.end()) continue;
    const auto was = before.duties.find(key);
    if (was != before.duties.end() && was->second >= reached->second) continue;
    WriteAlert(SubjectOf(c), DutyAlert(duty, days_until), as_of,
               alerts.emplace_back());
    if (IsOwnDuty(duty.kind)) {
      alerts.back().set_threshold(ThresholdOfRank(reached->second, thresholds));
    }
  }
  return alerts;
}

}  // namespace ogi
