#include "services/deadlines/deadline_engine.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"

// Every expected date below is worked out by hand from the rules in
// deadline_engine.h and the official arrangements (legal-notes §4). The 2025
// facts used most: 国庆节、中秋节 off 2025-10-01..10-08; make-up working days
// Sun 2025-09-28 and Sat 2025-10-11. For a case received Fri 2025-09-26 the
// counted days are:
//   1 09-28(Sun, make-up)  2 09-29  3 09-30  [10-01..10-08 off]  4 10-09
//   5 10-10  6 10-11(Sat, make-up)  7 10-13  8 10-14  9 10-15  10 10-16
//   11 10-17  12 10-20  13 10-21  14 10-22  15 10-23  16 10-24  17 10-27
//   18 10-28  19 10-29  20 10-30  21 10-31  22 11-03  23 11-04  24 11-05
//   25 11-06  26 11-07  27 11-10  28 11-11  29 11-12  30 11-13  31 11-14
//   32 11-17  33 11-18  34 11-19  35 11-20  36 11-21  37 11-24  38 11-25
//   39 11-26  40 11-27

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }
v1::Date P(int y, int m, int d) { return ToProtoDate(D(y, m, d)); }

std::string Iso(bool has, const v1::Date& date) {
  return has ? FormatIsoDate(date) : "";
}

// A case handed in on `receipt` (its legal receipt date).
v1::Case CaseReceived(Day receipt) {
  v1::Case c = ogi::testing::ValidNewCase();
  c.set_agency_code("default");
  c.set_number("2025-0001");
  *c.mutable_arrival_date() = ToProtoDate(receipt);
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  return c;
}

void SetCorrection(v1::Case& c, Day sent, Day applicant_deadline,
                   std::optional<Day> supplement) {
  v1::CorrectionNotice* n = c.mutable_procedure()->mutable_correction();
  *n->mutable_sent() = ToProtoDate(sent);
  n->set_items_to_supplement("请写明所需信息的文号");
  *n->mutable_applicant_deadline() = ToProtoDate(applicant_deadline);
  if (supplement) *n->mutable_supplement_received() = ToProtoDate(*supplement);
}

void AddConsultation(v1::Case& c, v1::ConsultedPartyKind kind,
                     const std::string& party, Day sent,
                     std::optional<Day> party_received,
                     std::optional<Day> reply) {
  v1::Consultation* k = c.mutable_procedure()->add_consultations();
  k->set_id(c.procedure().consultations_size());
  k->set_kind(kind);
  k->set_party(party);
  *k->mutable_sent() = ToProtoDate(sent);
  if (party_received)
    *k->mutable_party_received() = ToProtoDate(*party_received);
  if (reply) *k->mutable_reply_received() = ToProtoDate(*reply);
}

void SetFee(v1::Case& c, Day served, std::optional<Day> paid) {
  v1::FeeNotice* f = c.mutable_procedure()->mutable_fee();
  f->set_method(v1::FEE_METHOD_PER_APPLICATION);
  f->set_prior_applications_this_month(8);
  f->set_units(5);
  f->set_amount_yuan(300);
  *f->mutable_served() = ToProtoDate(served);
  if (paid) *f->mutable_paid() = ToProtoDate(*paid);
}

void SetExtension(v1::Case& c, int days, Day approved, Day notified) {
  v1::Extension* e = c.mutable_procedure()->mutable_extension();
  e->set_working_days(days);
  e->set_approver("王主任");
  *e->mutable_approved() = ToProtoDate(approved);
  *e->mutable_notified() = ToProtoDate(notified);
}

v1::Deadlines Compute(const v1::Case& c, Day today,
                      ClockPolicy policy = ClockPolicy()) {
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), today, policy);
  EXPECT_THAT(d, IsOk());
  return d.ok() ? *d : v1::Deadlines();
}

std::vector<std::string> Texts(const v1::Deadlines& d) {
  std::vector<std::string> texts;
  for (const v1::ExplanationStep& step : d.explanation()) {
    texts.push_back(step.text());
  }
  return texts;
}

bool Mentions(const v1::Deadlines& d, const std::string& text) {
  for (const v1::ExplanationStep& step : d.explanation()) {
    if (step.text().find(text) != std::string::npos) return true;
  }
  return false;
}

// The answer clock of plain cases and their correction-notice duty.
struct DueCase {
  const char* working;
  Day receipt;
  Day correction_notice_due;
  Day answer_due;
};

TEST(ComputeDeadlinesTest, StatutoryDueDates) {
  const DueCase kCases[] = {
      {"Fri 2025-09-26: 7th = 10-13, 20th = 10-30 (table at the top)",
       D(2025, 9, 26), D(2025, 10, 13), D(2025, 10, 30)},
      {"Fri 2020-01-17: 1 01-19(Sun, make-up) 2 01-20 3 01-21 4 01-22 "
       "5 01-23 [01-24..02-02 off, COVID extension; 02-01 make-up cancelled] "
       "6 02-03 7 02-04 … 11 02-10 16 02-17 20 02-21",
       D(2020, 1, 17), D(2020, 2, 4), D(2020, 2, 21)},
      {"Thu 2024-02-08: 1 02-09 (除夕, not a holiday) [02-10..02-17 off] "
       "2 02-18(Sun, make-up) 3 02-19 … 7 02-23 8 02-26 … 12 03-01 13 03-04 "
       "… 17 03-08 18 03-11 19 03-12 20 03-13",
       D(2024, 2, 8), D(2024, 2, 23), D(2024, 3, 13)},
      {"Wed 2025-12-31 over 元旦 2026: [01-01..01-03 off] 1 01-04(Sun, "
       "make-up) "
       "2 01-05 … 6 01-09 7 01-12 … 11 01-16 16 01-23 20 01-29",
       D(2025, 12, 31), D(2026, 1, 12), D(2026, 1, 29)},
  };
  for (const DueCase& c : kCases) {
    SCOPED_TRACE(c.working);
    const v1::Deadlines d = Compute(CaseReceived(c.receipt), c.receipt);
    EXPECT_EQ(d.state(), v1::CLOCK_STATE_RUNNING);
    EXPECT_EQ(FormatIsoDate(d.clock_start()), FormatIsoDate(c.receipt));
    EXPECT_EQ(FormatIsoDate(d.correction_notice_due()),
              FormatIsoDate(c.correction_notice_due));
    EXPECT_EQ(FormatIsoDate(d.answer_due()), FormatIsoDate(c.answer_due));
    EXPECT_EQ(d.allowed_working_days(), 20);
    EXPECT_EQ(d.working_days_left(), 20) << "as of the receipt day";
    EXPECT_FALSE(d.provisional());
  }
}

TEST(ComputeDeadlinesTest, NotStartedWithoutReceiptDate) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  const v1::Deadlines d = Compute(c, D(2025, 10, 1));
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_NOT_STARTED);
  EXPECT_EQ(FormatIsoDate(d.as_of()), "2025-10-01");
  EXPECT_FALSE(d.has_answer_due());
  EXPECT_FALSE(d.has_correction_notice_due());
  EXPECT_FALSE(d.has_clock_start());
  EXPECT_EQ(d.allowed_working_days(), 0);
  // Arrived Fri 09-26; with the default policy the confirmation is due on
  // the 2nd working day after: 1 09-28 (Sun, make-up) 2 09-29. On Wed 10-01
  // (a holiday) one working day (09-30) has passed since.
  EXPECT_EQ(FormatIsoDate(d.confirmation_due()), "2025-09-29");
  EXPECT_EQ(d.confirmation_working_days_left(), -1);
  EXPECT_FALSE(d.provisional());
}

TEST(ComputeDeadlinesTest, AwaitingConfirmationSaysWhatIsPendingAndWhatToDo) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  c.set_channel(v1::CHANNEL_FAX);
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  ClockPolicy five_days;
  five_days.confirm_receipt_alert_days = 5;
  // 1 09-28 2 09-29 3 09-30 [10-01..10-08 off] 4 10-09 5 10-10; as of 10-09
  // one working day (10-10) is left.
  const v1::Deadlines d = Compute(c, D(2025, 10, 9), five_days);
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_NOT_STARTED);
  EXPECT_EQ(FormatIsoDate(d.confirmation_due()), "2025-10-10");
  EXPECT_EQ(d.confirmation_working_days_left(), 1);
  EXPECT_THAT(
      Texts(d),
      ElementsAre(
          "2025-09-26 申请到达（传真，以双方确认之日为准）；尚未登记确认收到"
          "日期，答复期限未起算（条例第三十一条）。",
          "待确认收到：应与申请人确认收到日期并登记，本机关要求在到达后5个工"
          "作日内完成：2025-10-10，剩余 1 个工作日。",
          "登记确认日期后，答复期限自确认之日次日起计算20个工作日，补正通知应"
          "于其后7个工作日内发出。"));
  // On the day, and 0 days allowed: due the day it arrived.
  EXPECT_EQ(
      Compute(c, D(2025, 10, 10), five_days).confirmation_working_days_left(),
      0);
  ClockPolicy at_once;
  at_once.confirm_receipt_alert_days = 0;
  const v1::Deadlines now = Compute(c, D(2025, 9, 26), at_once);
  EXPECT_EQ(FormatIsoDate(now.confirmation_due()), "2025-09-26");
  EXPECT_EQ(now.confirmation_working_days_left(), 0);
  EXPECT_TRUE(Mentions(now, "到达后0个工作日内完成：2025-09-26，今日到期。"));
  // A policy outside 0..20 is a programming error the server refuses first.
  ClockPolicy too_many;
  too_many.confirm_receipt_alert_days = 21;
  EXPECT_THAT(ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 9), too_many),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("confirm_receipt_alert_days")));
  // Confirmed: the duty is gone.
  c.set_status(v1::CASE_STATUS_PROCESSING);
  *c.mutable_confirmation_date() = P(2025, 9, 29);
  *c.mutable_receipt_date() = P(2025, 9, 29);
  const v1::Deadlines confirmed = Compute(c, D(2025, 10, 9), five_days);
  EXPECT_FALSE(confirmed.has_confirmation_due());
  EXPECT_EQ(confirmed.state(), v1::CLOCK_STATE_RUNNING);
}

TEST(ComputeDeadlinesTest,
     AwaitingConfirmationIntoAnUnloadedYearIsProvisional) {
  // Arrived Tue 2027-03-09 (online); 2027 has no arrangement shipped, and no
  // holiday falls near: 1 03-10 2 03-11, provisional.
  v1::Case c = CaseReceived(D(2027, 3, 9));
  c.set_channel(v1::CHANNEL_ONLINE);
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  const v1::Deadlines d = Compute(c, D(2027, 3, 9));
  EXPECT_EQ(FormatIsoDate(d.confirmation_due()), "2027-03-11");
  EXPECT_EQ(d.confirmation_working_days_left(), 2);
  EXPECT_TRUE(d.provisional());
  EXPECT_THAT(d.provisional_years(), ElementsAre(2027));
}

TEST(ComputeDeadlinesTest, PausedClockReportsDaysUsedAndTheProjection) {
  // Received Fri 2025-09-26; letter 10-09 to 市财政局, received 10-10, no
  // reply: its window ends 10-30 (see Pauses below). Counted before the
  // pause: 1 09-28 2 09-29 3 09-30; due projected to 11-24.
  v1::Case c = CaseReceived(D(2025, 9, 26));
  AddConsultation(c, v1::CONSULTED_PARTY_KIND_OTHER_AGENCY, "市财政局",
                  D(2025, 10, 9), D(2025, 10, 10), std::nullopt);
  const v1::Deadlines d = Compute(c, D(2025, 10, 20));
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_PAUSED_CONSULTATION);
  EXPECT_EQ(d.working_days_used(), 3);
  EXPECT_EQ(d.working_days_left(), 17);
  EXPECT_EQ(FormatIsoDate(d.paused_since()), "2025-10-09");
  EXPECT_EQ(FormatIsoDate(d.pause_until()), "2025-10-30");
  EXPECT_TRUE(d.answer_due_projected());
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-11-24");

  // The reply arrives 10-20: that day is still not counted (the pause runs
  // through it: 10-09, 10, 11, 13..17, 20 = 9 working days, so 4 10-21 …
  // 20 11-12), but the clock is no longer held: 计时中, a fixed date.
  c.mutable_procedure()
      ->mutable_consultations(0)
      ->mutable_reply_received()
      ->CopyFrom(P(2025, 10, 20));
  const v1::Deadlines replied = Compute(c, D(2025, 10, 20));
  EXPECT_EQ(replied.state(), v1::CLOCK_STATE_RUNNING);
  EXPECT_EQ(FormatIsoDate(replied.answer_due()), "2025-11-12");
  EXPECT_EQ(replied.working_days_left(), 17);
  EXPECT_FALSE(replied.answer_due_projected());
  EXPECT_EQ(replied.working_days_used(), 0);
  EXPECT_FALSE(replied.has_paused_since());

  // A deferral fixes the date: paused, but not a projection.
  c.mutable_procedure()->mutable_consultations(0)->clear_reply_received();
  v1::Deferral* deferral = c.mutable_procedure()->mutable_deferral();
  *deferral->mutable_new_due() = P(2025, 12, 31);
  *deferral->mutable_notified() = P(2025, 10, 15);
  deferral->set_reason("需要较长时间调取档案");
  const v1::Deadlines deferred = Compute(c, D(2025, 10, 20));
  EXPECT_EQ(deferred.state(), v1::CLOCK_STATE_PAUSED_CONSULTATION);
  EXPECT_FALSE(deferred.answer_due_projected());
  EXPECT_EQ(deferred.working_days_used(), 3);
}

// Received 2025-09-26, due 2025-10-30 (20th counted day).
struct LeftCase {
  const char* working;
  Day today;
  int expected_left;
};

TEST(ComputeDeadlinesTest, WorkingDaysLeft) {
  const LeftCase kCases[] = {
      {"10-05 (holiday): counted so far 09-28, 09-29, 09-30 → 20-3",
       D(2025, 10, 5), 17},
      {"10-12 (Sun): counted so far 6 (10-11 is the 6th) → 20-6",
       D(2025, 10, 12), 14},
      {"10-27: 10-28, 10-29, 10-30 remain", D(2025, 10, 27), 3},
      {"10-30: the due day itself", D(2025, 10, 30), 0},
      {"11-01 (Sat): working days in (10-30, 11-01] = 10-31", D(2025, 11, 1),
       -1},
      {"11-03: 10-31, 11-03", D(2025, 11, 3), -2},
  };
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  for (const LeftCase& lc : kCases) {
    SCOPED_TRACE(lc.working);
    const v1::Deadlines d = Compute(c, lc.today);
    EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-10-30");
    EXPECT_EQ(d.working_days_left(), lc.expected_left);
    EXPECT_EQ(d.state(), v1::CLOCK_STATE_RUNNING);
    EXPECT_EQ(FormatIsoDate(d.as_of()), FormatIsoDate(lc.today));
  }
}

TEST(ComputeDeadlinesTest, ExplanationOfAPlainCase) {
  const v1::Deadlines d =
      Compute(CaseReceived(D(2025, 9, 26)), D(2025, 10, 27));
  EXPECT_THAT(
      Texts(d),
      ElementsAre(
          "收到申请日期 2025-09-26（当面提交，以提交之日为准），自次日起计算。",
          "补正通知应于收到申请后7个工作日内发出：2025-10-13。",
          "答复期限20个工作日：跳过 2025-10-01至2025-10-08 "
          "国庆节、中秋节放假；计入调休上班日 2025-09-28（第1个工作日）、"
          "2025-10-11（第6个工作日）。",
          "答复期限：2025-10-30，剩余 3 个工作日。"));
  ASSERT_EQ(d.explanation_size(), 4);
  EXPECT_EQ(FormatIsoDate(d.explanation(0).date()), "2025-09-26");
  EXPECT_EQ(FormatIsoDate(d.explanation(1).date()), "2025-10-13");
  EXPECT_EQ(FormatIsoDate(d.explanation(2).date()), "2025-10-30");
  EXPECT_EQ(FormatIsoDate(d.explanation(3).date()), "2025-10-30");
}

TEST(ComputeDeadlinesTest, ExplanationNamesOtherHolidaysAndOverdue) {
  // 2020-01-17: make-up 01-19 is the 1st; 01-24..02-02 off as one range.
  // As of 2020-02-25: working days in (02-21, 02-25] = 02-24, 02-25.
  const v1::Deadlines d = Compute(CaseReceived(D(2020, 1, 17)), D(2020, 2, 25));
  EXPECT_TRUE(Mentions(d,
                       "跳过 2020-01-24至2020-02-02 春节(含延长)放假；"
                       "计入调休上班日 2020-01-19（第1个工作日）。"));
  EXPECT_TRUE(Mentions(d, "答复期限：2020-02-21，已逾期 2 个工作日。"));
  EXPECT_EQ(d.working_days_left(), -2);
}

TEST(ComputeDeadlinesTest, ExtensionAddsWorkingDays) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetExtension(c, 20, D(2025, 10, 27), D(2025, 10, 28));
  // 40th counted day = 11-27 (table at the top). As of 11-20: 11-21, 11-24,
  // 11-25, 11-26, 11-27 remain.
  v1::Deadlines d = Compute(c, D(2025, 11, 20));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-11-27");
  EXPECT_EQ(d.allowed_working_days(), 40);
  EXPECT_EQ(d.working_days_left(), 5);
  EXPECT_TRUE(
      Mentions(d, "答复期限40个工作日（20个工作日，延长20个工作日）："));
  EXPECT_TRUE(Mentions(d,
                       "经 王主任 批准延长答复期限20个工作日（2025-10-27 "
                       "批准，2025-10-28 告知申请人，条例第三十三条），由 "
                       "2025-10-30 延至 2025-11-27。"));

  // A 5-day extension: 21 10-31 22 11-03 23 11-04 24 11-05 25 11-06.
  c.mutable_procedure()->mutable_extension()->set_working_days(5);
  d = Compute(c, D(2025, 11, 20));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-11-06");
  EXPECT_EQ(d.allowed_working_days(), 25);
}

TEST(ComputeDeadlinesTest, CorrectionNoticeLateness) {
  struct LateCase {
    const char* working;
    std::optional<Day> sent;
    Day today;
    bool late;
  };
  // Received 2025-09-26: notice due 10-13.
  const LateCase kCases[] = {
      {"not sent, today is the due day", std::nullopt, D(2025, 10, 13), false},
      {"not sent, today after the due day", std::nullopt, D(2025, 10, 14),
       true},
      {"sent on the due day", D(2025, 10, 13), D(2025, 10, 14), false},
      {"sent the day after", D(2025, 10, 14), D(2025, 10, 14), true},
  };
  for (const LateCase& lc : kCases) {
    SCOPED_TRACE(lc.working);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    if (lc.sent) SetCorrection(c, *lc.sent, D(2025, 10, 31), std::nullopt);
    const v1::Deadlines d = Compute(c, lc.today);
    EXPECT_EQ(FormatIsoDate(d.correction_notice_due()), "2025-10-13");
    EXPECT_EQ(d.correction_notice_late(), lc.late);
  }
}

TEST(ComputeDeadlinesTest, AwaitingCorrectionAndItsWindow) {
  struct WindowCase {
    const char* working;
    Day today;
    bool lapsed;
  };
  // Notice sent 2025-10-09 with the applicant's deadline 2025-10-24
  // (inclusive).
  const WindowCase kCases[] = {
      {"inside the window", D(2025, 10, 15), false},
      {"the last day of the window", D(2025, 10, 24), false},
      {"the day after", D(2025, 10, 25), true},
  };
  for (const WindowCase& wc : kCases) {
    SCOPED_TRACE(wc.working);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24), std::nullopt);
    SetFee(c, D(2025, 10, 9), std::nullopt);  // the correction window wins
    const v1::Deadlines d = Compute(c, wc.today);
    EXPECT_EQ(d.state(), v1::CLOCK_STATE_AWAITING_CORRECTION);
    EXPECT_FALSE(d.has_answer_due());
    EXPECT_FALSE(d.has_clock_start());
    EXPECT_EQ(d.window_kind(), v1::APPLICANT_WINDOW_KIND_CORRECTION);
    EXPECT_EQ(FormatIsoDate(d.window_end()), "2025-10-24");
    EXPECT_EQ(d.window_lapsed(), wc.lapsed);
    EXPECT_EQ(d.proposal(),
              wc.lapsed ? v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED
                        : v1::PROPOSED_CONCLUSION_UNSPECIFIED);
    EXPECT_FALSE(d.correction_notice_late()) << "10-09 <= 10-13";
    EXPECT_TRUE(Mentions(d,
                         "2025-10-09 发出补正通知，申请人补正期限至 "
                         "2025-10-24。"));
    EXPECT_EQ(Mentions(d, "建议按“逾期不补正，不再处理”办结"), wc.lapsed);
  }
}

TEST(ComputeDeadlinesTest, SupplementRestartsAFresh20WorkingDays) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24), D(2025, 10, 20));
  // From Mon 10-20: 1 10-21 2 10-22 3 10-23 4 10-24 5 10-27 6 10-28 7 10-29
  // 8 10-30 9 10-31 10 11-03 11 11-04 12 11-05 13 11-06 14 11-07 15 11-10
  // 16 11-11 17 11-12 18 11-13 19 11-14 20 11-17.
  const v1::Deadlines d = Compute(c, D(2025, 10, 20));
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_RUNNING);
  EXPECT_EQ(FormatIsoDate(d.clock_start()), "2025-10-20");
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-11-17");
  EXPECT_EQ(d.working_days_left(), 20);
  EXPECT_EQ(d.window_kind(), v1::APPLICANT_WINDOW_KIND_UNSPECIFIED);
  EXPECT_FALSE(d.has_window_end());
  EXPECT_EQ(FormatIsoDate(d.correction_notice_due()), "2025-10-13");
  EXPECT_TRUE(Mentions(d,
                       "2025-10-20 收到补正材料，答复期限自该日起重新计算"
                       "20个工作日（条例第三十条），自次日起计算。"));
  EXPECT_TRUE(
      Mentions(d, "答复期限20个工作日：期间无节假日放假或调休上班日。"));
}

// Pauses on a case received 2025-09-26 (base due 10-30).
struct PauseCase {
  const char* working;
  std::function<void(v1::Case&)> setup;
  Day today;
  ClockPolicy policy;
  Day answer_due;
  v1::ClockState state;
  int left;
  std::string mentions;
};

TEST(ComputeDeadlinesTest, Pauses) {
  const ClockPolicy kPauseFee;
  ClockPolicy no_fee_pause;
  no_fee_pause.pause_for_fee_payment = false;
  auto reply_by_10_15 = [](v1::Case& c) {
    AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某某公司",
                    D(2025, 10, 9), std::nullopt, D(2025, 10, 15));
  };
  // Party received 10-10; its 15 working days: 1 10-11(make-up) 2 10-13 …
  // 6 10-17 7 10-20 … 11 10-24 12 10-27 13 10-28 14 10-29 15 10-30.
  auto window_to_10_30 = [](v1::Case& c) {
    AddConsultation(c, v1::CONSULTED_PARTY_KIND_OTHER_AGENCY, "市财政局",
                    D(2025, 10, 9), D(2025, 10, 10), std::nullopt);
  };
  // Fee served 10-09; payment window: 1 10-10 2 10-11(make-up) 3 10-13 …
  // 7 10-17 8 10-20 … 12 10-24 13 10-27 … 17 10-31 18 11-03 19 11-04
  // 20 11-05.
  auto fee_unpaid = [](v1::Case& c) {
    SetFee(c, D(2025, 10, 9), std::nullopt);
  };
  const PauseCase kCases[] = {
      {"reply: paused 10-09..10-15 = working 10-09, 10-10, 10-11, 10-13, "
       "10-14, 10-15 (6); counted 3 by 09-30, then 4 10-16 … 20 11-07; "
       "today in the pause: 3 counted → 17 left",
       reply_by_10_15, D(2025, 10, 12), kPauseFee, D(2025, 11, 7),
       v1::CLOCK_STATE_PAUSED_CONSULTATION, 17,
       "征求第三方意见（某某公司）：2025-10-09 发函，2025-10-15 收到回复，"
       "暂停期间 6 个工作日不计入。"},
      {"reply: the pause includes its first day", reply_by_10_15,
       D(2025, 10, 9), kPauseFee, D(2025, 11, 7),
       v1::CLOCK_STATE_PAUSED_CONSULTATION, 17, "收到回复"},
      {"reply: the pause includes the reply day (not counted), but on that "
       "day the clock is no longer held: running, counting from 10-16",
       reply_by_10_15, D(2025, 10, 15), kPauseFee, D(2025, 11, 7),
       v1::CLOCK_STATE_RUNNING, 17, "收到回复"},
      {"reply: running again the day after; 10-16 is the 4th → 16 left",
       reply_by_10_15, D(2025, 10, 16), kPauseFee, D(2025, 11, 7),
       v1::CLOCK_STATE_RUNNING, 16, "收到回复"},
      {"window: paused 10-09..10-30 = 10-09, 10-10 + 15 = 17 working days; "
       "4 10-31 5 11-03 … 9 11-07 10 11-10 … 14 11-14 15 11-17 … 19 11-21 "
       "20 11-24; today in the pause → 17 left",
       window_to_10_30, D(2025, 10, 20), kPauseFee, D(2025, 11, 24),
       v1::CLOCK_STATE_PAUSED_CONSULTATION, 17,
       "征求其他机关意见（市财政局）：2025-10-09 发函，对方 2025-10-10 收到，"
       "征求意见期限至 2025-10-30（收函次日起15个工作日），尚未收到回复，"
       "暂停按持续至期限届满推算，暂停期间 17 个工作日不计入。"},
      {"window closed without reply: running; counted by 11-03 = 5 → 15 left",
       window_to_10_30, D(2025, 11, 3), kPauseFee, D(2025, 11, 24),
       v1::CLOCK_STATE_RUNNING, 15,
       "期限届满未收到回复，暂停至期限届满，暂停期间 17 个工作日不计入。"},
      {"window counted from sent when party_received is absent: 15th "
       "working day after 10-09 = 10-29; paused 16 working days; 4 10-30 "
       "5 10-31 6 11-03 … 10 11-07 11 11-10 … 15 11-14 16 11-17 … 20 11-21",
       [](v1::Case& c) {
         AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "李四",
                         D(2025, 10, 9), std::nullopt, std::nullopt);
       },
       D(2025, 11, 3), kPauseFee, D(2025, 11, 21), v1::CLOCK_STATE_RUNNING, 14,
       "征求意见期限至 2025-10-29（发函次日起15个工作日）"},
      {"a late reply (11-05) does not extend the pause past 10-30",
       [](v1::Case& c) {
         AddConsultation(c, v1::CONSULTED_PARTY_KIND_OTHER_AGENCY, "市财政局",
                         D(2025, 10, 9), D(2025, 10, 10), D(2025, 11, 5));
       },
       D(2025, 11, 5), kPauseFee, D(2025, 11, 24), v1::CLOCK_STATE_RUNNING, 13,
       "2025-11-05 收到回复，晚于该期限"},
      {"fee paid 10-15: same pause as the reply case",
       [](v1::Case& c) { SetFee(c, D(2025, 10, 9), D(2025, 10, 15)); },
       D(2025, 10, 13), kPauseFee, D(2025, 11, 7), v1::CLOCK_STATE_PAUSED_FEE,
       17,
       "收费通知（按件计收，300 元）：2025-10-09 送达，2025-10-15 缴费，"
       "暂停期间 6 个工作日不计入。"},
      {"fee unpaid, window open on its last day 11-05: paused 10-09..11-05; "
       "4 11-06 5 11-07 6 11-10 … 10 11-14 11 11-17 … 15 11-21 16 11-24 … "
       "20 11-28",
       fee_unpaid, D(2025, 11, 5), kPauseFee, D(2025, 11, 28),
       v1::CLOCK_STATE_PAUSED_FEE, 17, "尚未缴费，暂停按持续至期限届满推算"},
      {"fee unpaid after the window: running, 11-06 is the 4th → 16 left",
       fee_unpaid, D(2025, 11, 6), kPauseFee, D(2025, 11, 28),
       v1::CLOCK_STATE_RUNNING, 16,
       "申请人未在缴费期限 2025-11-05 前缴费：建议按“逾期未缴费，不再处理”"
       "办结（须经人工确认）。"},
      {"fee without the pause policy: due stays 10-30; 10-21..10-30 = 8 left",
       fee_unpaid, D(2025, 10, 20), no_fee_pause, D(2025, 10, 30),
       v1::CLOCK_STATE_RUNNING, 8, "等待缴费期间不暂停答复期限"},
      {"overlap: consultation 10-09..10-15 and fee 10-13..10-17 merge into "
       "10-09..10-17 = 8 working days; 4 10-20 … 8 10-24 9 10-27 … 13 10-31 "
       "14 11-03 … 18 11-07 19 11-10 20 11-11; fee pause wins the state; "
       "counted 3 → 17 left",
       [](v1::Case& c) {
         AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某某公司",
                         D(2025, 10, 9), std::nullopt, D(2025, 10, 15));
         SetFee(c, D(2025, 10, 13), D(2025, 10, 17));
       },
       D(2025, 10, 14), kPauseFee, D(2025, 11, 11), v1::CLOCK_STATE_PAUSED_FEE,
       17,
       "2025-10-13 送达，2025-10-17 缴费，暂停期间 2 个工作日不计入（另有 3 "
       "个工作日与前述暂停重叠）。"},
  };
  for (const PauseCase& pc : kCases) {
    SCOPED_TRACE(pc.working);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    pc.setup(c);
    const v1::Deadlines d = Compute(c, pc.today, pc.policy);
    EXPECT_EQ(FormatIsoDate(d.answer_due()), FormatIsoDate(pc.answer_due));
    EXPECT_EQ(d.state(), pc.state);
    EXPECT_EQ(d.working_days_left(), pc.left);
    EXPECT_TRUE(Mentions(d, pc.mentions)) << ::testing::PrintToString(Texts(d));
    EXPECT_EQ(d.allowed_working_days(), 20);
  }
}

TEST(ComputeDeadlinesTest, PausedCountStepLeavesPausedMakeupDayOut) {
  // 10-11 (make-up) lies in the 10-09..10-15 pause: not counted, not listed.
  v1::Case c = CaseReceived(D(2025, 9, 26));
  AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某某公司",
                  D(2025, 10, 9), std::nullopt, D(2025, 10, 15));
  const v1::Deadlines d = Compute(c, D(2025, 10, 20));
  EXPECT_TRUE(Mentions(d,
                       "答复期限20个工作日：跳过 2025-10-01至2025-10-08 "
                       "国庆节、中秋节放假；计入调休上班日 2025-09-28（第1个"
                       "工作日）；暂停期间的工作日不计入（见下）。"));
}

TEST(ComputeDeadlinesTest, FeeWindow) {
  struct FeeWindowCase {
    const char* working;
    std::optional<Day> paid;
    Day today;
    v1::ApplicantWindowKind kind;
    std::string window_end;
    bool lapsed;
    v1::ProposedConclusion proposal;
  };
  // Served 2025-10-09: payment window ends 11-05 (see Pauses).
  const FeeWindowCase kCases[] = {
      {"unpaid, open", std::nullopt, D(2025, 10, 20),
       v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT, "2025-11-05", false,
       v1::PROPOSED_CONCLUSION_UNSPECIFIED},
      {"unpaid, last day", std::nullopt, D(2025, 11, 5),
       v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT, "2025-11-05", false,
       v1::PROPOSED_CONCLUSION_UNSPECIFIED},
      {"unpaid, lapsed", std::nullopt, D(2025, 11, 6),
       v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT, "2025-11-05", true,
       v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID},
      {"paid: nothing left for the applicant to do", D(2025, 10, 15),
       D(2025, 11, 6), v1::APPLICANT_WINDOW_KIND_UNSPECIFIED, "", false,
       v1::PROPOSED_CONCLUSION_UNSPECIFIED},
  };
  for (const FeeWindowCase& fc : kCases) {
    SCOPED_TRACE(fc.working);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    SetFee(c, D(2025, 10, 9), fc.paid);
    const v1::Deadlines d = Compute(c, fc.today);
    EXPECT_EQ(d.window_kind(), fc.kind);
    EXPECT_EQ(Iso(d.has_window_end(), d.window_end()), fc.window_end);
    EXPECT_EQ(d.window_lapsed(), fc.lapsed);
    EXPECT_EQ(d.proposal(), fc.proposal);
  }
}

TEST(ComputeDeadlinesTest, DeferralReplacesTheDueDate) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  v1::Deferral* deferral = c.mutable_procedure()->mutable_deferral();
  *deferral->mutable_new_due() = P(2025, 12, 15);
  *deferral->mutable_notified() = P(2025, 10, 20);
  deferral->set_reason("申请数量明显超过合理范围");
  // As of Fri 12-12: 12-15 (Mon) remains.
  const v1::Deadlines d = Compute(c, D(2025, 12, 12));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2025-12-15");
  EXPECT_EQ(d.working_days_left(), 1);
  EXPECT_TRUE(
      Mentions(d,
               "依条例第三十五条另行确定答复期限为 2025-12-15（2025-10-20 "
               "告知申请人；理由：申请数量明显超过合理范围），取代按工作日"
               "计算的 2025-10-30。"));
  EXPECT_TRUE(Mentions(d, "答复期限：2025-12-15，剩余 1 个工作日。"));
  EXPECT_EQ(Compute(c, D(2025, 12, 15)).working_days_left(), 0);
}

TEST(ComputeDeadlinesTest, ProvisionalWhenAYearIsNotLoaded) {
  std::vector<v1::CalendarYear> years;
  for (const v1::CalendarYear& year : BuiltinCalendarYears()) {
    if (year.year() != 2026) years.push_back(year);
  }
  absl::StatusOr<WorkingCalendar> without_2026 = WorkingCalendar::Create(years);
  ASSERT_THAT(without_2026, IsOk());

  const v1::Case c = CaseReceived(D(2025, 12, 15));
  // Without 2026, Thu 2026-01-01 is skipped as the statutory 元旦 and Fri
  // 01-02 counts (no 调休 known): 1 12-16 … 4 12-19 5 12-22 … 9 12-26 10 12-29
  // 11 12-30 12 12-31 13 01-02 14 01-05 … 18 01-09 19 01-12 20 01-13. Notice
  // due: 7th = 12-24 (all in 2025).
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, *without_2026, D(2025, 12, 15), ClockPolicy());
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->answer_due()), "2026-01-13");
  EXPECT_EQ(FormatIsoDate(d->correction_notice_due()), "2025-12-24");
  EXPECT_TRUE(d->provisional());
  EXPECT_THAT(d->provisional_years(), ElementsAre(2026));
  EXPECT_TRUE(
      Mentions(*d,
               "答复期限20个工作日：跳过 2026-01-01 元旦（法定节假日）；"
               "2026年调休安排尚未公布，日期暂定。"));
  EXPECT_TRUE(
      Mentions(*d,
               "答复期限：2026-01-13，剩余 20 个工作日（暂定：2026年调休"
               "安排尚未公布，已跳过法定节假日）。"));

  // With 2026 loaded: [01-01..01-03 元旦 off] 13 01-04(Sun, make-up) 14 01-05
  // … 18 01-09 19 01-12 20 01-13.
  const v1::Deadlines loaded = Compute(c, D(2025, 12, 15));
  EXPECT_EQ(FormatIsoDate(loaded.answer_due()), "2026-01-13");
  EXPECT_FALSE(loaded.provisional());
  EXPECT_THAT(loaded.provisional_years(), IsEmpty());
  EXPECT_FALSE(Mentions(loaded, "暂定"));
}

TEST(ComputeDeadlinesTest, ProvisionalWhenCountingInto2027) {
  // Tue 2026-12-15 (no holidays left in 2026): 1 12-16 2 12-17 3 12-18
  // 4 12-21 … 8 12-25 9 12-28 … 12 12-31, Fri 2027-01-01 元旦 (statutory)
  // skipped, 13 01-04 … 17 01-08 18 01-11 19 01-12 20 01-13. Notice due: 7th
  // = 12-24.
  const v1::Deadlines d =
      Compute(CaseReceived(D(2026, 12, 15)), D(2026, 12, 15));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2027-01-13");
  EXPECT_EQ(FormatIsoDate(d.correction_notice_due()), "2026-12-24");
  EXPECT_TRUE(d.provisional());
  EXPECT_THAT(d.provisional_years(), ElementsAre(2027));
  EXPECT_TRUE(
      Mentions(d,
               "答复期限20个工作日：跳过 2027-01-01 元旦（法定节假日）；"
               "2027年调休安排尚未公布，日期暂定。"));
  EXPECT_TRUE(
      Mentions(d, "（暂定：2027年调休安排尚未公布，已跳过法定节假日）"));
  EXPECT_FALSE(Mentions(d, "期间无节假日放假或调休上班日"));
}

TEST(ComputeDeadlinesTest, AProvisionalStretchIsNeverSaidToBeFreeOfHolidays) {
  // Mon 2027-03-01: 20 working days to Mon 03-29, no statutory holiday on the
  // way, but 2027's 调休 is unknown, so nothing is said to be certain.
  const v1::Deadlines d = Compute(CaseReceived(D(2027, 3, 1)), D(2027, 3, 1));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2027-03-29");
  EXPECT_TRUE(d.provisional());
  EXPECT_TRUE(Mentions(d,
                       "答复期限20个工作日：期间无法定节假日；2027年调休安排"
                       "尚未公布，日期暂定。"));
  EXPECT_FALSE(Mentions(d, "期间无节假日放假或调休上班日"));
}

TEST(ComputeDeadlinesTest, ProvisionalThroughAPaymentWindow) {
  // Received Fri 2026-11-20; counted 1 11-23 … 5 11-27 6 11-30 7 12-01 …
  // 11 12-07. Fee served Tue 12-08 and unpaid: paused from 12-08. Payment
  // window: 1 12-09 2 12-10 3 12-11 4 12-14 … 8 12-18 9 12-21 … 13 12-25
  // 14 12-28 … 17 12-31, 2027-01-01 元旦 (statutory) skipped, 18 01-04
  // 19 01-05 20 01-06. Then 12 01-07 13 01-08 14 01-11 … 18 01-15 19 01-18
  // 20 01-19. As of 12-08 (paused): 11 counted → 9 left.
  v1::Case c = CaseReceived(D(2026, 11, 20));
  SetFee(c, D(2026, 12, 8), std::nullopt);
  const v1::Deadlines d = Compute(c, D(2026, 12, 8));
  EXPECT_EQ(FormatIsoDate(d.window_end()), "2027-01-06");
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2027-01-19");
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_PAUSED_FEE);
  EXPECT_TRUE(d.provisional());
  EXPECT_THAT(d.provisional_years(), ElementsAre(2027));
  EXPECT_TRUE(Mentions(d,
                       "缴费期限至 2027-01-06（送达次日起20个工作日）（暂定："
                       "2027年调休安排尚未公布，已跳过法定节假日）"));
  EXPECT_TRUE(Mentions(d, "答复期限：2027-01-19，剩余 9 个工作日（暂定："));

  // Without the fee pause the answer clock stays in 2026: 6 11-30 7 12-01 …
  // 10 12-04 11 12-07 … 15 12-11 16 12-14 … 20 12-18. Only the payment
  // window is provisional, and only its step says so.
  ClockPolicy no_fee_pause;
  no_fee_pause.pause_for_fee_payment = false;
  const v1::Deadlines unpaused = Compute(c, D(2026, 12, 8), no_fee_pause);
  EXPECT_EQ(FormatIsoDate(unpaused.answer_due()), "2026-12-18");
  EXPECT_TRUE(unpaused.provisional());
  EXPECT_THAT(unpaused.provisional_years(), ElementsAre(2027));
  EXPECT_TRUE(Mentions(unpaused, "缴费期限至 2027-01-06（暂定：2027年"));
  EXPECT_TRUE(Mentions(unpaused, "答复期限：2026-12-18，剩余 8 个工作日。"));
}

TEST(ComputeDeadlinesTest, ProvisionalConsultationWindow) {
  // Received Tue 2026-12-01: 1 12-02 2 12-03 3 12-04 4 12-07 … 8 12-11
  // 9 12-14. Letter sent Tue 12-15 (no party_received, no reply): window
  // 1 12-16 2 12-17 3 12-18 4 12-21 … 8 12-25 9 12-28 … 12 12-31,
  // 2027-01-01 元旦 (statutory) skipped, 13 01-04 14 01-05 15 01-06. Then
  // 10 01-07 11 01-08 12 01-11 … 16 01-15 17 01-18 18 01-19 19 01-20
  // 20 01-21.
  v1::Case c = CaseReceived(D(2026, 12, 1));
  AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某某公司",
                  D(2026, 12, 15), std::nullopt, std::nullopt);
  const v1::Deadlines d = Compute(c, D(2026, 12, 16));
  EXPECT_EQ(FormatIsoDate(d.answer_due()), "2027-01-21");
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_PAUSED_CONSULTATION);
  EXPECT_THAT(d.provisional_years(), ElementsAre(2027));
  EXPECT_TRUE(
      Mentions(d,
               "征求意见期限至 2027-01-06（发函次日起15个工作日）（暂定："
               "2027年调休安排尚未公布，已跳过法定节假日）"));
}

TEST(ComputeDeadlinesTest, ProvisionalCorrectionNoticeDueWhileAwaiting) {
  // Mon 2026-12-28: 1 12-29 2 12-30 3 12-31, Fri 2027-01-01 元旦
  // (statutory) skipped, 4 01-04 5 01-05 6 01-06 7 01-07.
  v1::Case c = CaseReceived(D(2026, 12, 28));
  SetCorrection(c, D(2026, 12, 29), D(2027, 1, 15), std::nullopt);
  const v1::Deadlines d = Compute(c, D(2026, 12, 30));
  EXPECT_EQ(d.state(), v1::CLOCK_STATE_AWAITING_CORRECTION);
  EXPECT_EQ(FormatIsoDate(d.correction_notice_due()), "2027-01-07");
  EXPECT_TRUE(d.provisional());
  EXPECT_THAT(d.provisional_years(), ElementsAre(2027));
  EXPECT_TRUE(
      Mentions(d,
               "补正通知应于收到申请后7个工作日内发出：2027-01-07（暂定："
               "2027年调休安排尚未公布，已跳过法定节假日）。"));
}

TEST(ComputeDeadlinesTest, RejectsAnUnrealStoredDate) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某某公司",
                  D(2025, 10, 9), std::nullopt, std::nullopt);
  *c.mutable_procedure()->mutable_consultations(0)->mutable_sent() = [] {
    v1::Date bad;
    bad.set_year(2025);
    bad.set_month(2);
    bad.set_day(30);
    return bad;
  }();
  EXPECT_THAT(
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 10), ClockPolicy()),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("procedure.consultations[id=1].sent")));

  v1::Case e = CaseReceived(D(2025, 9, 26));
  SetExtension(e, 21, D(2025, 10, 20), D(2025, 10, 20));
  EXPECT_THAT(
      ComputeDeadlines(e, BuiltinCalendar(), D(2025, 10, 20), ClockPolicy()),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("procedure.extension.working_days")));
}

// A concluded case: the clocks stop on its conclusion date and are shown as
// of that day; nothing is left to propose or to alert on.
TEST(ComputeDeadlinesTest, ConcludedCaseStopsOnItsConclusionDate) {
  const struct {
    const char* name;
    std::function<void(v1::Case&)> record;
    v1::ConclusionKind kind;
    Day served;
    bool late;
    std::string answer_due;
    int left;
    std::string correction_notice_due;
    std::string last_step;
  } kCases[] = {
      {"answered 10-20: 10-21..10-30 left, 8 working days", [](v1::Case&) {},
       v1::CONCLUSION_KIND_ANSWERED, D(2025, 10, 20), false, "2025-10-30", 8,
       "", "2025-10-20 办结（作出答复），各项期限停止计算。"},
      {"answered 11-03: 10-31 and 11-03 late", [](v1::Case&) {},
       v1::CONCLUSION_KIND_ANSWERED, D(2025, 11, 3), true, "2025-10-30", -2, "",
       "2025-11-03 办结（作出答复），晚于答复期限 "
       "2025-10-30，各项期限停止计算。"},
      {"answered 10-20 during a consultation sent 10-09 with no reply: "
       "paused to its window end 10-29, days 4..20 = 10-30..11-21 left",
       [](v1::Case& c) {
         AddConsultation(c, v1::CONSULTED_PARTY_KIND_THIRD_PARTY, "某公司",
                         D(2025, 10, 9), std::nullopt, std::nullopt);
       },
       v1::CONCLUSION_KIND_ANSWERED, D(2025, 10, 20), false, "2025-11-21", 17,
       "", "2025-10-20 办结（作出答复），各项期限停止计算。"},
      {"补正 window to 10-24 lapsed, concluded 10-27: the notice's due date "
       "stays",
       [](v1::Case& c) {
         SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24), std::nullopt);
       },
       v1::CONCLUSION_KIND_CORRECTION_LAPSED, D(2025, 10, 27), false, "", 0,
       "2025-10-13", "2025-10-27 办结（逾期不补正），各项期限停止计算。"},
      {"fee served 10-09 unpaid (window to 11-05), concluded 11-06: 11-07.."
       "11-28 left of the projected clock",
       [](v1::Case& c) { SetFee(c, D(2025, 10, 9), std::nullopt); },
       v1::CONCLUSION_KIND_FEE_UNPAID, D(2025, 11, 6), false, "2025-11-28", 16,
       "", "2025-11-06 办结（逾期未缴费），各项期限停止计算。"},
  };
  for (const auto& k : kCases) {
    SCOPED_TRACE(k.name);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    k.record(c);
    c.set_status(v1::CASE_STATUS_CONCLUDED);
    c.mutable_conclusion()->set_kind(k.kind);
    *c.mutable_conclusion()->mutable_served() = ToProtoDate(k.served);
    c.mutable_conclusion()->set_served_late(k.late);
    const v1::Deadlines d = Compute(c, D(2025, 12, 1));
    EXPECT_EQ(d.state(), v1::CLOCK_STATE_STOPPED);
    EXPECT_EQ(Iso(d.has_as_of(), d.as_of()), FormatIsoDate(k.served));
    EXPECT_EQ(Iso(d.has_answer_due(), d.answer_due()), k.answer_due);
    EXPECT_EQ(d.working_days_left(), k.left);
    EXPECT_EQ(Iso(d.has_correction_notice_due(), d.correction_notice_due()),
              k.correction_notice_due);
    EXPECT_FALSE(d.correction_notice_late());
    EXPECT_EQ(d.window_kind(), v1::APPLICANT_WINDOW_KIND_UNSPECIFIED);
    EXPECT_FALSE(d.has_window_end());
    EXPECT_FALSE(d.window_lapsed());
    EXPECT_EQ(d.proposal(), v1::PROPOSED_CONCLUSION_UNSPECIFIED);
    ASSERT_GT(d.explanation_size(), 0);
    EXPECT_EQ(d.explanation(d.explanation_size() - 1).text(), k.last_step);
  }
}

TEST(DiffDeadlineDatesTest, ListsChangedDatesInOrder) {
  v1::Deadlines before;
  *before.mutable_answer_due() = P(2025, 10, 30);
  *before.mutable_correction_notice_due() = P(2025, 10, 13);
  before.set_working_days_left(3);
  v1::Deadlines after = before;
  after.set_working_days_left(5);  // not a date: not listed
  EXPECT_THAT(DiffDeadlineDates(before, after), IsEmpty());

  *after.mutable_answer_due() = P(2025, 11, 27);
  *after.mutable_window_end() = P(2025, 11, 5);
  after.set_provisional(true);
  const std::vector<v1::FieldChange> changes = DiffDeadlineDates(before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].field(), "deadlines.answer_due");
  EXPECT_EQ(changes[0].old_value(), "2025-10-30");
  EXPECT_EQ(changes[0].new_value(), "2025-11-27");
  EXPECT_EQ(changes[1].field(), "deadlines.window_end");
  EXPECT_EQ(changes[1].old_value(), "");
  EXPECT_EQ(changes[1].new_value(), "2025-11-05");
  EXPECT_EQ(changes[2].field(), "deadlines.provisional");
  EXPECT_EQ(changes[2].old_value(), "false");
  EXPECT_EQ(changes[2].new_value(), "true");

  v1::Deadlines cleared = before;
  cleared.clear_answer_due();
  *cleared.mutable_correction_notice_due() = P(2025, 10, 14);
  const std::vector<v1::FieldChange> two = DiffDeadlineDates(before, cleared);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].field(), "deadlines.answer_due");
  EXPECT_EQ(two[0].new_value(), "");
  EXPECT_EQ(two[1].field(), "deadlines.correction_notice_due");
  EXPECT_EQ(two[1].new_value(), "2025-10-14");
}

TEST(WindowsTest, ConsultationAndPaymentWindows) {
  v1::Consultation k;
  *k.mutable_sent() = P(2025, 10, 9);
  absl::StatusOr<WorkingDayCount> from_sent =
      ConsultationWindow(k, BuiltinCalendar());
  ASSERT_THAT(from_sent, IsOk());
  EXPECT_EQ(from_sent->end, D(2025, 10, 29));  // see Pauses
  *k.mutable_party_received() = P(2025, 10, 10);
  EXPECT_EQ(ConsultationWindow(k, BuiltinCalendar())->end, D(2025, 10, 30));
  EXPECT_THAT(ConsultationWindow(v1::Consultation(), BuiltinCalendar()),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(FeePaymentWindow(D(2025, 10, 9), BuiltinCalendar()).end,
            D(2025, 11, 5));
}

}  // namespace
}  // namespace ogi
