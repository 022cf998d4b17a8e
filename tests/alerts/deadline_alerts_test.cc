#include "services/alerts/deadline_alerts.h"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/calendar/calendar_registry.h"
#include "services/cases/case_clock.h"
#include "services/common/civil_date.h"
#include "services/deadlines/deadline_engine.h"
#include "services/proceedings/proceeding_derived.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"

// Every expected date and count is worked out by hand from the official
// arrangements. A case received Fri 2025-09-26 counts (国庆节、中秋节 off
// 10-01..10-08; make-up working days Sun 09-28 and Sat 10-11):
//   1 09-28  2 09-29  3 09-30  4 10-09  5 10-10  6 10-11  7 10-13 (补正 notice
//   due)  8..12 10-14..10-17,10-20  ...  16 10-24  17 10-27  18 10-28
//   19 10-29  20 10-30 (answer due).
// So on 10-23 the working days left are 10-24, 10-27, 10-28, 10-29, 10-30 = 5;
// on 10-27: 3; on 10-29: 1; on 10-30: 0; on 10-31: -1 (overdue by 10-31).

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

const std::vector<int> kThresholds = {5, 3, 1};

v1::Case CaseReceived(Day receipt, const std::string& number = "2025-0001") {
  v1::Case c = ::ogi::testing::ValidNewCase();
  c.set_agency_code("default");
  c.set_number(number);
  *c.mutable_arrival_date() = ToProtoDate(receipt);
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.set_version(1);
  return c;
}

void SendCorrectionNotice(v1::Case& c, Day sent, Day applicant_deadline) {
  v1::CorrectionNotice* n = c.mutable_procedure()->mutable_correction();
  *n->mutable_sent() = ToProtoDate(sent);
  n->set_items_to_supplement("请写明所需信息的文号");
  *n->mutable_applicant_deadline() = ToProtoDate(applicant_deadline);
  c.set_status(v1::CASE_STATUS_AWAITING_CORRECTION);
}

void IssueFeeNotice(v1::Case& c, Day served) {
  v1::FeeNotice* f = c.mutable_procedure()->mutable_fee();
  f->set_method(v1::FEE_METHOD_PER_PAGE);
  f->set_pages(150);
  f->set_amount_yuan(1700);
  *f->mutable_served() = ToProtoDate(served);
}

// `c` with its deadlines computed for `today` (built-in calendar).
v1::Case AsOf(v1::Case c, Day today) {
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), today, ClockPolicy());
  EXPECT_THAT(d, IsOk());
  if (d.ok()) *c.mutable_deadlines() = *d;
  return c;
}

// "KIND due left[/threshold][ proposal]" for compact comparison.
std::string Describe(const v1::DeadlineAlert& a) {
  return absl::StrCat(
      v1::AlertKind_Name(a.kind()), " ", FormatIsoDate(a.due()), " ",
      a.working_days_left(),
      a.threshold() > 0 ? absl::StrCat("/", a.threshold()) : "",
      a.proposal() != v1::PROPOSED_CONCLUSION_UNSPECIFIED
          ? absl::StrCat(" ", v1::ProposedConclusion_Name(a.proposal()))
          : "");
}

std::vector<std::string> DescribeAll(
    const std::vector<v1::DeadlineAlert>& alerts) {
  std::vector<std::string> out;
  for (const v1::DeadlineAlert& a : alerts) out.push_back(Describe(a));
  return out;
}

std::vector<std::string> Listing(const v1::Case& c, Day today, int within = 5) {
  return DescribeAll(
      AlertsForCase(AsOf(c, today), BuiltinCalendar(), today, within));
}

struct ListingCase {
  Day today;
  std::vector<std::string> expected;
};

TEST(AlertsForCaseTest, PlainCaseOverTime) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const ListingCase kCases[] = {
      // Answer 16 working days away; notice due 10-13: 10-10, 10-11, 10-13.
      {D(2025, 10, 9), {"ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 3"}},
      {D(2025, 10, 13), {"ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 0"}},
      // A lapsed duty is no longer listed (the stream alerted when it
      // became late).
      {D(2025, 10, 14), {}},
      // 6 left: 10-23, 24, 27, 28, 29, 30.
      {D(2025, 10, 22), {}},
      {D(2025, 10, 23), {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 5"}},
      // Saturday: still 4 left (10-27..10-30).
      {D(2025, 10, 25), {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 4"}},
      {D(2025, 10, 30), {"ALERT_KIND_ANSWER_DUE_TODAY 2025-10-30 0"}},
      {D(2025, 10, 31), {"ALERT_KIND_ANSWER_OVERDUE 2025-10-30 -1"}},
      // Monday after: 10-31 and 11-03 are past the due date.
      {D(2025, 11, 3), {"ALERT_KIND_ANSWER_OVERDUE 2025-10-30 -2"}},
  };
  for (const ListingCase& t : kCases) {
    EXPECT_EQ(Listing(c, t.today), t.expected) << FormatIsoDate(t.today);
  }
}

TEST(AlertsForCaseTest, WithinIsInclusive) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  // On 10-09 the notice is due in 3 working days, the answer in 16.
  EXPECT_THAT(Listing(c, D(2025, 10, 9), 2), IsEmpty());
  EXPECT_THAT(Listing(c, D(2025, 10, 9), 3),
              ElementsAre("ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 3"));
  EXPECT_THAT(Listing(c, D(2025, 10, 9), 15),
              ElementsAre("ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 3"));
  EXPECT_THAT(Listing(c, D(2025, 10, 9), 16),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 16",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 3"));
}

TEST(AlertsForCaseTest, AlertFieldsAndMessages) {
  const Day today = D(2025, 10, 30);
  const std::vector<v1::DeadlineAlert> alerts = AlertsForCase(
      AsOf(CaseReceived(D(2025, 9, 26)), today), BuiltinCalendar(), today, 5);
  ASSERT_EQ(alerts.size(), 1u);
  const v1::DeadlineAlert& answer = alerts[0];
  EXPECT_EQ(answer.agency_code(), "default");
  EXPECT_EQ(answer.number(), "2025-0001");
  EXPECT_EQ(answer.applicant_name(), "张三");
  EXPECT_EQ(answer.kind(), v1::ALERT_KIND_ANSWER_DUE_TODAY);
  EXPECT_EQ(FormatIsoDate(answer.due()), "2025-10-30");
  EXPECT_EQ(answer.working_days_left(), 0);
  EXPECT_EQ(answer.threshold(), 0);  // only the stream sets a threshold
  EXPECT_FALSE(answer.provisional());
  EXPECT_EQ(FormatIsoDate(answer.as_of()), "2025-10-30");
  EXPECT_EQ(answer.message(), "2025-0001 张三：答复期限 2025-10-30，今日到期");

  const Day next = D(2025, 10, 31);
  EXPECT_EQ(AlertsForCase(AsOf(CaseReceived(D(2025, 9, 26)), next),
                          BuiltinCalendar(), next, 5)[0]
                .message(),
            "2025-0001 张三：答复期限 2025-10-30，已逾期 1 个工作日");
  const Day early = D(2025, 10, 9);
  EXPECT_EQ(AlertsForCase(AsOf(CaseReceived(D(2025, 9, 26)), early),
                          BuiltinCalendar(), early, 5)[0]
                .message(),
            "2025-0001 张三：如需补正，补正通知应于 2025-10-13 前发出，"
            "剩余 3 个工作日");
}

TEST(AlertsForCaseTest, SentCorrectionNoticeEndsTheDutyAndItsWindowCanLapse) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SendCorrectionNotice(c, D(2025, 10, 9), D(2025, 10, 24));
  // Awaiting the supplement: no answer clock, no duty; the window is open.
  EXPECT_THAT(Listing(c, D(2025, 10, 13)), IsEmpty());
  EXPECT_THAT(Listing(c, D(2025, 10, 24)), IsEmpty());  // its last day
  // Mon 10-27: (10-24, 10-27] holds one working day.
  const Day today = D(2025, 10, 27);
  const std::vector<v1::DeadlineAlert> alerts =
      AlertsForCase(AsOf(c, today), BuiltinCalendar(), today, 5);
  EXPECT_THAT(DescribeAll(alerts),
              ElementsAre("ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-10-24 -1 "
                          "PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED"));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].message(),
            "2025-0001 张三：补正期限 2025-10-24 已过，建议办结为"
            "「逾期不补正，不再处理」");
}

TEST(AlertsForCaseTest, UnpaidFeeWindowLapses) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  IssueFeeNotice(c, D(2025, 10, 9));
  // Payment window: 20th working day after 10-09 = 10-10, 10-11, 10-13..17,
  // 10-20..24, 10-27..31, 11-03, 11-04, 11-05. The answer clock is paused
  // 10-09..11-05: days 4..20 are 11-06, 11-07, 11-10..14, 11-17..21,
  // 11-24..28 → 11-28, 16 left on 11-06.
  EXPECT_THAT(Listing(c, D(2025, 11, 5)), IsEmpty());  // the window's last day
  const Day today = D(2025, 11, 6);
  const std::vector<v1::DeadlineAlert> alerts =
      AlertsForCase(AsOf(c, today), BuiltinCalendar(), today, 5);
  EXPECT_THAT(DescribeAll(alerts),
              ElementsAre("ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-11-05 -1 "
                          "PROPOSED_CONCLUSION_OTHER_FEE_UNPAID"));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].message(),
            "2025-0001 张三：缴费期限 2025-11-05 已过，建议办结为"
            "「逾期未缴费，不再处理」");
}

TEST(AlertsForCaseTest, ProvisionalDueDateIsMarked) {
  // Received Thu 2026-12-10, no 2027 arrangement: 12-11, 12-14..18,
  // 12-21..25, 12-28..31 (15); Fri 2027-01-01 is 元旦, a statutory holiday
  // skipped even in a provisional year; 01-04..08 → 2027-01-08. On 12-31:
  // 01-04..08 = 5 left.
  const Day today = D(2026, 12, 31);
  const std::vector<v1::DeadlineAlert> alerts =
      AlertsForCase(AsOf(CaseReceived(D(2026, 12, 10), "2026-0001"), today),
                    BuiltinCalendar(), today, 5);
  ASSERT_EQ(alerts.size(), 1u);  // the notice duty (12-21) has lapsed
  EXPECT_EQ(Describe(alerts[0]), "ALERT_KIND_ANSWER_DUE_SOON 2027-01-08 5");
  EXPECT_TRUE(alerts[0].provisional());
  EXPECT_EQ(alerts[0].message(),
            "2026-0001 张三：答复期限 2027-01-08，剩余 5 个工作日（暂定）");
}

v1::DeadlineAlert Alert(v1::AlertKind kind, int left,
                        const std::string& number) {
  v1::DeadlineAlert a;
  a.set_kind(kind);
  a.set_working_days_left(left);
  a.set_number(number);
  return a;
}

TEST(SortByUrgencyTest, GroupsThenDaysLeftThenNumber) {
  // Groups: answers overdue, due today, lapsed windows, 补正 notices due or
  // late, answers due soon, notices coming up.
  std::vector<v1::DeadlineAlert> alerts = {
      Alert(v1::ALERT_KIND_ANSWER_DUE_SOON, 3, "2025-0009"),
      Alert(v1::ALERT_KIND_CORRECTION_NOTICE_DUE, -2, "2025-0002"),
      Alert(v1::ALERT_KIND_ANSWER_OVERDUE, -2, "2025-0003"),
      Alert(v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED, -1, "2025-0004"),
      Alert(v1::ALERT_KIND_ANSWER_OVERDUE, -5, "2025-0005"),
      Alert(v1::ALERT_KIND_CORRECTION_NOTICE_DUE, 0, "2025-0007"),
      Alert(v1::ALERT_KIND_ANSWER_DUE_TODAY, 0, "2025-0006"),
      Alert(v1::ALERT_KIND_ANSWER_DUE_SOON, 3, "2025-0001"),
      Alert(v1::ALERT_KIND_APPLICANT_WINDOW_LAPSED, 0, "2025-0008"),
      Alert(v1::ALERT_KIND_CORRECTION_NOTICE_DUE, 2, "2025-0010"),
      Alert(v1::ALERT_KIND_ANSWER_DUE_SOON, 1, "2025-0011"),
  };
  SortByUrgency(alerts);
  std::vector<std::string> order;
  for (const v1::DeadlineAlert& a : alerts) {
    order.push_back(absl::StrCat(a.number(), " ", a.working_days_left()));
  }
  EXPECT_THAT(order, ElementsAre("2025-0005 -5",   // overdue, most first
                                 "2025-0003 -2",   //
                                 "2025-0006 0",    // due today
                                 "2025-0004 -1",   // windows lapsed
                                 "2025-0008 0",    //
                                 "2025-0002 -2",   // notices late or due
                                 "2025-0007 0",    //
                                 "2025-0011 1",    // answers due soon
                                 "2025-0001 3",    // same days: by number
                                 "2025-0009 3",    //
                                 "2025-0010 2"));  // notice coming up
}

// Sequences have at least four digits; a large agency reaches five.
TEST(SortByUrgencyTest, CaseNumbersCompareByTheirSequence) {
  std::vector<v1::DeadlineAlert> alerts = {
      Alert(v1::ALERT_KIND_ANSWER_OVERDUE, -1, "2025-10000"),
      Alert(v1::ALERT_KIND_ANSWER_OVERDUE, -1, "2025-9999"),
      Alert(v1::ALERT_KIND_ANSWER_OVERDUE, -1, "2025-0002"),
  };
  SortByUrgency(alerts);
  std::vector<std::string> order;
  for (const v1::DeadlineAlert& a : alerts) order.push_back(a.number());
  EXPECT_THAT(order, ElementsAre("2025-0002", "2025-9999", "2025-10000"));
}

struct RankCase {
  Day today;
  int answer;
  int correction_notice;
};

TEST(RanksOfTest, ThresholdsFiveThreeOne) {
  // Ranks: 1 (≤5 left), 2 (≤3), 3 (≤1), 4 due today, 5 overdue; the notice:
  // 1 due today, 2 late.
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const RankCase kCases[] = {
      {D(2025, 10, 9), 0, 0},   // 16 left; notice in 3
      {D(2025, 10, 10), 0, 0},  // notice in 2 (10-11 make-up, 10-13)
      {D(2025, 10, 13), 0, 1},  // 13 left; notice due today
      {D(2025, 10, 14), 0, 2},  // notice late
      {D(2025, 10, 22), 0, 2},  // 6 left
      {D(2025, 10, 23), 1, 2},  // 5
      {D(2025, 10, 24), 1, 2},  // 4
      {D(2025, 10, 26), 1, 2},  // Sunday: 4
      {D(2025, 10, 27), 2, 2},  // 3
      {D(2025, 10, 28), 2, 2},  // 2
      {D(2025, 10, 29), 3, 2},  // 1
      {D(2025, 10, 30), 4, 2},  // due today
      {D(2025, 10, 31), 5, 2},  // overdue
      {D(2025, 12, 31), 5, 2},
  };
  for (const RankCase& t : kCases) {
    const AlertRanks ranks =
        RanksOf(AsOf(c, t.today), BuiltinCalendar(), t.today, kThresholds);
    EXPECT_EQ(ranks.answer, t.answer) << FormatIsoDate(t.today);
    EXPECT_EQ(ranks.correction_notice, t.correction_notice)
        << FormatIsoDate(t.today);
    EXPECT_EQ(ranks.window, 0) << FormatIsoDate(t.today);
  }
}

TEST(RanksOfTest, OneThreshold) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const std::vector<int> ten = {10};
  // 10-16: 10-17, 10-20..24, 10-27..30 = 10 left.
  EXPECT_EQ(
      RanksOf(AsOf(c, D(2025, 10, 15)), BuiltinCalendar(), D(2025, 10, 15), ten)
          .answer,
      0);
  EXPECT_EQ(
      RanksOf(AsOf(c, D(2025, 10, 16)), BuiltinCalendar(), D(2025, 10, 16), ten)
          .answer,
      1);
  EXPECT_EQ(
      RanksOf(AsOf(c, D(2025, 10, 29)), BuiltinCalendar(), D(2025, 10, 29), ten)
          .answer,
      1);
  EXPECT_EQ(
      RanksOf(AsOf(c, D(2025, 10, 30)), BuiltinCalendar(), D(2025, 10, 30), ten)
          .answer,
      2);
  EXPECT_EQ(
      RanksOf(AsOf(c, D(2025, 10, 31)), BuiltinCalendar(), D(2025, 10, 31), ten)
          .answer,
      3);
}

TEST(RanksOfTest, NoticeSentAndLapsedWindow) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SendCorrectionNotice(c, D(2025, 10, 9), D(2025, 10, 24));
  const Day before = D(2025, 10, 24);
  AlertRanks ranks =
      RanksOf(AsOf(c, before), BuiltinCalendar(), before, kThresholds);
  EXPECT_EQ(ranks.answer, 0);  // no answer clock while awaiting the supplement
  EXPECT_EQ(ranks.correction_notice, 0);  // the notice is sent
  EXPECT_EQ(ranks.window, 0);
  const Day after = D(2025, 10, 25);
  ranks = RanksOf(AsOf(c, after), BuiltinCalendar(), after, kThresholds);
  EXPECT_EQ(ranks.window, 1);
}

struct CrossingCase {
  const char* what;
  Day today;
  // The ranks before: answer, correction_notice, window (no duties).
  int before[3];
  std::vector<std::string> expected;
};

TEST(CrossingsTest, OneAlertPerKindAtTheRankReached) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const CrossingCase kCases[] = {
      {"first look, 1 left: one alert for the last threshold",
       D(2025, 10, 29),
       {0, 2, 0},
       {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 1/1"}},
      {"from ≤5 to ≤1 in one step: still one alert",
       D(2025, 10, 29),
       {1, 2, 0},
       {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 1/1"}},
      {"2 left reaches the threshold 3",
       D(2025, 10, 28),
       {0, 2, 0},
       {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 2/3"}},
      {"same rank: nothing", D(2025, 10, 28), {2, 2, 0}, {}},
      {"rank fell (e.g. an extension): nothing",
       D(2025, 10, 23),
       {3, 2, 0},
       {}},
      {"due today",
       D(2025, 10, 30),
       {3, 2, 0},
       {"ALERT_KIND_ANSWER_DUE_TODAY 2025-10-30 0"}},
      {"overdue",
       D(2025, 10, 31),
       {4, 2, 0},
       {"ALERT_KIND_ANSWER_OVERDUE 2025-10-30 -1"}},
      {"notice due today",
       D(2025, 10, 13),
       {0, 0, 0},
       {"ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 0"}},
      {"notice late, seen late: one alert",
       D(2025, 10, 14),
       {0, 0, 0},
       {"ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 -1"}},
      {"answer and notice together, answer first",
       D(2025, 10, 23),
       {0, 0, 0},
       {"ALERT_KIND_ANSWER_DUE_SOON 2025-10-30 5/5",
        "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-13 -8"}},
  };
  for (const CrossingCase& t : kCases) {
    const v1::Case now = AsOf(c, t.today);
    const AlertRanks after =
        RanksOf(now, BuiltinCalendar(), t.today, kThresholds);
    AlertRanks before;
    before.answer = t.before[0];
    before.correction_notice = t.before[1];
    before.window = t.before[2];
    EXPECT_EQ(DescribeAll(Crossings(now, BuiltinCalendar(), t.today,
                                    kThresholds, before, after)),
              t.expected)
        << t.what;
  }
}

TEST(CrossingsTest, LapsedWindowAlertsOnceWithItsProposal) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SendCorrectionNotice(c, D(2025, 10, 9), D(2025, 10, 24));
  const Day today = D(2025, 10, 27);
  const v1::Case now = AsOf(c, today);
  const AlertRanks after = RanksOf(now, BuiltinCalendar(), today, kThresholds);
  EXPECT_THAT(DescribeAll(Crossings(now, BuiltinCalendar(), today, kThresholds,
                                    AlertRanks(), after)),
              ElementsAre("ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-10-24 -1 "
                          "PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED"));
  EXPECT_THAT(
      Crossings(now, BuiltinCalendar(), today, kThresholds, after, after),
      IsEmpty());
}

// Case 2024-0003, received 2024-08-01 and answered 2024-08-20, then contested.
// Its review's application copy reached the agency Fri 2024-09-27: the
// defence is due 10 working days later (2024 国庆节 10-01..07 off, make-up
// Sun 09-29 and Sat 10-12): 1 09-29, 2 09-30, 3 10-08, 4 10-09, 5 10-10,
// 6 10-11, 7 10-12, 8 10-14, 9 10-15, 10 Wed 10-16. Accepted 10-08: the
// decision is expected 60 days later, Sat 12-07 (not a make-up day) → Mon
// 12-09.
v1::Case ContestedCase(Day today) {
  v1::Case c = CaseReceived(D(2024, 8, 1), "2024-0003");
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  c.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  *c.mutable_conclusion()->mutable_served() = ToProtoDate(D(2024, 8, 20));
  v1::Review* r = c.add_reviews();
  r->set_id("2024-0003-R1");
  r->set_organ("聊城市人民政府");
  *r->mutable_filed() = ToProtoDate(D(2024, 9, 20));
  *r->mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  *r->mutable_accepted() = ToProtoDate(D(2024, 10, 8));
  EXPECT_THAT(RefreshProceedings(c, today, BuiltinCalendar()), IsOk());
  return AsOf(c, today);
}

std::vector<std::string> DutyListing(const v1::Case& c, Day today,
                                     int within = 5) {
  return DescribeAll(AlertsForCase(c, BuiltinCalendar(), today, within));
}

TEST(DutyAlertsTest, ReviewDefenceAndDecisionOfAConcludedCase) {
  const ListingCase kCases[] = {
      // 10-16 is 6 working days after 10-08 (10-09..12, 10-14..16 = 7).
      {D(2024, 10, 8), {}},
      // Fri 10-11: 10-12 (make-up), 10-14, 10-15, 10-16 = 4 left.
      {D(2024, 10, 11), {"ALERT_KIND_REVIEW_DEFENCE_DUE 2024-10-16 4"}},
      {D(2024, 10, 16), {"ALERT_KIND_REVIEW_DEFENCE_DUE 2024-10-16 0"}},
      // Still listed once late, until the defence is recorded.
      {D(2024, 10, 21), {"ALERT_KIND_REVIEW_DEFENCE_DUE 2024-10-16 -3"}},
      // Mon 12-02: 12-03..06, 12-09 = 5 working days to the decision.
      {D(2024, 12, 2),
       {"ALERT_KIND_REVIEW_DEFENCE_DUE 2024-10-16 -33",
        "ALERT_KIND_REVIEW_DECISION_EXPECTED 2024-12-09 5"}},
  };
  for (const ListingCase& t : kCases) {
    // The answer's own due date (stopped clock) never alerts.
    EXPECT_EQ(DutyListing(ContestedCase(t.today), t.today), t.expected)
        << FormatIsoDate(t.today);
  }
}

TEST(DutyAlertsTest, MessagesNameTheProceedingAndItsOrgan) {
  const Day today = D(2024, 10, 14);
  const std::vector<v1::DeadlineAlert> alerts =
      AlertsForCase(ContestedCase(today), BuiltinCalendar(), today, 5);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].reference(), "2024-0003-R1");
  EXPECT_EQ(alerts[0].message(),
            "2024-0003 张三：行政复议 2024-0003-R1（聊城市人民政府）"
            "书面答复和证据提交期限 2024-10-16，剩余 2 个工作日");
}

TEST(DutyAlertsTest, DefenceFiledThenDecidedThenReAnswerDue) {
  Day today = D(2024, 12, 10);
  v1::Case c = ContestedCase(today);
  *c.mutable_reviews(0)->mutable_defence_filed() = ToProtoDate(D(2024, 10, 15));
  // The organ is late: listed until the decision is recorded.
  EXPECT_EQ(DutyListing(c, today),
            std::vector<std::string>{
                "ALERT_KIND_REVIEW_DECISION_EXPECTED 2024-12-09 -1"});
  // Revoked on 12-12, ordering a new answer by Fri 12-27.
  c.mutable_reviews(0)->set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *c.mutable_reviews(0)->mutable_decided() = ToProtoDate(D(2024, 12, 12));
  v1::ReAnswer* a = c.add_re_answers();
  a->set_id(1);
  a->set_ordered_by("2024-0003-R1");
  *a->mutable_ordered() = ToProtoDate(D(2024, 12, 12));
  *a->mutable_due() = ToProtoDate(D(2024, 12, 27));
  today = D(2024, 12, 20);  // 12-23..27: 5 left
  const std::vector<v1::DeadlineAlert> alerts =
      AlertsForCase(c, BuiltinCalendar(), today, 5);
  EXPECT_THAT(DescribeAll(alerts),
              ElementsAre("ALERT_KIND_REANSWER_DUE 2024-12-27 5"));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].message(),
            "2024-0003 张三：重新答复（2024-0003-R1 决定）答复期限 "
            "2024-12-27，剩余 5 个工作日");
  *a->mutable_served() = ToProtoDate(D(2024, 12, 26));
  EXPECT_THAT(DutyListing(c, today), IsEmpty());
}

TEST(DutyAlertsTest, OwnDutiesRankLikeTheAnswerAndExpectedDatesOncePast) {
  // Defence due 10-16; thresholds 5, 3, 1.
  struct DutyRankCase {
    Day today;
    int defence;   // rank of the defence
    int decision;  // rank of the expected decision
  };
  const DutyRankCase kCases[] = {
      {D(2024, 10, 8), 0, 0},   // 7 left
      {D(2024, 10, 9), 0, 0},   // 6
      {D(2024, 10, 10), 1, 0},  // 5
      {D(2024, 10, 11), 1, 0},  // 4
      {D(2024, 10, 12), 2, 0},  // 3
      {D(2024, 10, 15), 3, 0},  // 1
      {D(2024, 10, 16), 4, 0},  // due today
      {D(2024, 10, 17), 5, 0},  // late
      {D(2024, 12, 9), 5, 0},   // decision expected today: not yet past
      {D(2024, 12, 10), 5, 1},  // past
  };
  const DutyRankKey defence{v1::ALERT_KIND_REVIEW_DEFENCE_DUE, "2024-0003-R1",
                            0};
  const DutyRankKey decision{v1::ALERT_KIND_REVIEW_DECISION_EXPECTED,
                             "2024-0003-R1", 0};
  for (const DutyRankCase& t : kCases) {
    const AlertRanks ranks = RanksOf(ContestedCase(t.today), BuiltinCalendar(),
                                     t.today, kThresholds);
    EXPECT_EQ(ranks.answer, 0) << FormatIsoDate(t.today);
    const auto rank = [&](const DutyRankKey& key) {
      const auto it = ranks.duties.find(key);
      return it == ranks.duties.end() ? 0 : it->second;
    };
    EXPECT_EQ(rank(defence), t.defence) << FormatIsoDate(t.today);
    EXPECT_EQ(rank(decision), t.decision) << FormatIsoDate(t.today);
  }
}

TEST(DutyAlertsTest, CrossingsAlertEachDutyOnceAtTheRankReached) {
  const Day today = D(2024, 10, 12);  // 3 left on the defence
  const v1::Case c = ContestedCase(today);
  const AlertRanks after = RanksOf(c, BuiltinCalendar(), today, kThresholds);
  const std::vector<v1::DeadlineAlert> alerts =
      Crossings(c, BuiltinCalendar(), today, kThresholds, AlertRanks(), after);
  EXPECT_THAT(DescribeAll(alerts),
              ElementsAre("ALERT_KIND_REVIEW_DEFENCE_DUE 2024-10-16 3/3"));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].reference(), "2024-0003-R1");
  EXPECT_THAT(Crossings(c, BuiltinCalendar(), today, kThresholds, after, after),
              IsEmpty());
  // Past the expected decision: one alert for it, none again for the
  // defence already late before.
  const Day later = D(2024, 12, 10);
  const v1::Case then = ContestedCase(later);
  AlertRanks late_defence = after;
  late_defence.duties[{v1::ALERT_KIND_REVIEW_DEFENCE_DUE, "2024-0003-R1", 0}] =
      5;
  EXPECT_THAT(DescribeAll(Crossings(
                  then, BuiltinCalendar(), later, kThresholds, late_defence,
                  RanksOf(then, BuiltinCalendar(), later, kThresholds))),
              ElementsAre("ALERT_KIND_REVIEW_DECISION_EXPECTED 2024-12-09 -1"));
}

// A summary as a store gives it for a case whose stored deadlines can be
// carried to another day (no record).
CaseDeadlineSummary Summary(const std::string& agency,
                            const std::string& number, int64_t creation_order) {
  CaseDeadlineSummary s;
  s.agency_code = agency;
  s.number = number;
  s.applicant_name = "张三";
  s.creation_order = creation_order;
  return s;
}

// "KIND agency/number due left[ proposal]", in the order listed.
std::vector<std::string> DescribeListing(
    const v1::ListDeadlinesResponse& response) {
  std::vector<std::string> out;
  for (const v1::DeadlineAlert& a : response.alerts()) {
    out.push_back(
        absl::StrCat(a.agency_code(), "/", a.number(), " ", Describe(a)));
  }
  return out;
}

// A listing within 5 working days of Thu 2025-10-30: up to Thu 11-06
// (10-31, 11-03..06).
class DeadlineListingTest : public ::testing::Test {
 protected:
  const Day today = D(2025, 10, 30);
  CalendarRegistry calendars;
  const CaseClock clock{&calendars, ClockPolicy()};
  DeadlineListing listing{*calendars.Current(), clock, today, 5};
};

TEST_F(DeadlineListingTest, SummariesListedMostUrgentFirst) {
  std::deque<CaseDeadlineSummary> cases;  // stable while more are added
  auto add = [&](const std::string& agency, const std::string& number,
                 int64_t creation_order) -> CaseDeadlineSummary& {
    return cases.emplace_back(Summary(agency, number, creation_order));
  };
  add("b", "2025-0001", 1).answer_due = today;
  add("a", "2025-0001", 2).answer_due = today;
  // Numbers that do not parse tie: creation order decides.
  add("a", "X", 4).answer_due = D(2025, 10, 31);
  add("a", "Y", 3).answer_due = D(2025, 10, 31);
  // The fee window's last day was Fri 10-24: 10-27..30 have passed since.
  CaseDeadlineSummary& fee = add("a", "2025-0007", 5);
  fee.window_kind = v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT;
  fee.window_end = D(2025, 10, 24);
  fee.provisional = true;
  // Due in 5 working days, in a provisional count.
  CaseDeadlineSummary& provisional = add("a", "2025-0008", 6);
  provisional.answer_due = D(2025, 11, 6);
  provisional.provisional = true;
  // 补正 notice duties: due today is listed, a lapsed one is not.
  add("a", "2025-0009", 7).notice_due = today;
  add("a", "2025-0010", 8).notice_due = D(2025, 10, 29);
  // Not yet due: nothing.
  add("a", "2025-0011", 9).answer_due = D(2025, 11, 7);
  for (CaseDeadlineSummary& c : cases) {
    ASSERT_THAT(listing.Add(std::move(c)), IsOk());
  }

  const v1::ListDeadlinesResponse response = listing.TakeResponse();
  EXPECT_EQ(FormatIsoDate(response.as_of()), "2025-10-30");
  EXPECT_THAT(
      DescribeListing(response),
      ElementsAre("a/2025-0001 ALERT_KIND_ANSWER_DUE_TODAY 2025-10-30 0",
                  "b/2025-0001 ALERT_KIND_ANSWER_DUE_TODAY 2025-10-30 0",
                  "a/2025-0007 ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-10-24 "
                  "-4 PROPOSED_CONCLUSION_OTHER_FEE_UNPAID",
                  "a/2025-0009 ALERT_KIND_CORRECTION_NOTICE_DUE 2025-10-30 0",
                  "a/Y ALERT_KIND_ANSWER_DUE_SOON 2025-10-31 1",
                  "a/X ALERT_KIND_ANSWER_DUE_SOON 2025-10-31 1",
                  "a/2025-0008 ALERT_KIND_ANSWER_DUE_SOON 2025-11-06 5"));
  ASSERT_EQ(response.alerts_size(), 7);
  EXPECT_EQ(response.alerts(2).message(),
            "2025-0007 张三：缴费期限 2025-10-24 已过，建议办结为"
            "「逾期未缴费，不再处理」");
  EXPECT_TRUE(response.alerts(2).provisional());
  EXPECT_EQ(response.alerts(6).message(),
            "2025-0008 张三：答复期限 2025-11-06，剩余 5 个工作日（暂定）");
  EXPECT_EQ(FormatIsoDate(response.alerts(0).as_of()), "2025-10-30");
  EXPECT_EQ(response.alerts(0).threshold(), 0);
  // Taking the response leaves the listing empty.
  EXPECT_EQ(listing.TakeResponse().alerts_size(), 0);
}

TEST_F(DeadlineListingTest, RecordsAreComputedInFullAndTheirErrorsReported) {
  // A stored record (no deadlines stored) with an impossible receipt date:
  // the deadline engine refuses it, and nothing is listed for it.
  CaseDeadlineSummary broken = Summary("default", "2025-0001", 1);
  broken.record =
      std::make_unique<v1::Case>(CaseReceived(D(2025, 9, 26), "2025-0001"));
  broken.record->mutable_receipt_date()->set_month(13);
  EXPECT_THAT(listing.Add(std::move(broken)),
              ::ogi::testing::StatusIs(absl::StatusCode::kInvalidArgument,
                                       ::testing::HasSubstr("receipt_date")));
  EXPECT_EQ(broken.number, "2025-0001");  // left as it was, for the report
  EXPECT_NE(broken.record, nullptr);
  // Received 09-26, due 10-30 (see the top of this file): computed from the
  // record, whatever the summary's own dates say.
  CaseDeadlineSummary whole = Summary("default", "2025-0002", 2);
  whole.answer_due = D(2030, 1, 1);
  whole.record =
      std::make_unique<v1::Case>(CaseReceived(D(2025, 9, 26), "2025-0002"));
  ASSERT_THAT(listing.Add(std::move(whole)), IsOk());
  EXPECT_THAT(
      DescribeListing(listing.TakeResponse()),
      ElementsAre(
          "default/2025-0002 ALERT_KIND_ANSWER_DUE_TODAY 2025-10-30 0"));
}

TEST_F(DeadlineListingTest, DutiesAreListedFromTheirRecordBesideTheAnswers) {
  // Thu 2025-10-30, within 5: up to Thu 11-06.
  // A concluded case whose lawsuit's defence is due 11-03 (2 left) and whose
  // judgment is expected far later (not listed).
  v1::Case sued = CaseReceived(D(2025, 6, 2), "2025-0020");
  sued.set_status(v1::CASE_STATUS_CONCLUDED);
  v1::Lawsuit* l = sued.add_lawsuits();
  l->set_id("2025-0020-L1");
  l->set_court("聊城市东昌府区人民法院");
  *l->mutable_defence_due() = ToProtoDate(D(2025, 11, 3));
  *l->mutable_judgment_expected() = ToProtoDate(D(2026, 4, 1));
  CaseDeadlineSummary duties = Summary("a", "2025-0020", 20);
  duties.for_duties = true;
  duties.answer_due = D(2025, 7, 1);  // a for_duties visit ignores it
  duties.record = std::make_unique<v1::Case>(sued);
  // An open case visited for its deadlines and, once more, for a re-answer
  // already late.
  CaseDeadlineSummary open = Summary("a", "2025-0005", 5);
  open.answer_due = D(2025, 11, 4);
  v1::Case reanswer = CaseReceived(D(2025, 10, 9), "2025-0005");
  v1::ReAnswer* a = reanswer.add_re_answers();
  a->set_id(1);
  a->set_ordered_by("2025-0001-R1");
  *a->mutable_due() = ToProtoDate(D(2025, 10, 29));
  CaseDeadlineSummary open_duties = Summary("a", "2025-0005", 5);
  open_duties.for_duties = true;
  open_duties.record = std::make_unique<v1::Case>(reanswer);
  ASSERT_THAT(listing.Add(std::move(duties)), IsOk());
  ASSERT_THAT(listing.Add(std::move(open)), IsOk());
  ASSERT_THAT(listing.Add(std::move(open_duties)), IsOk());
  CaseDeadlineSummary no_record = Summary("a", "2025-0030", 30);
  no_record.for_duties = true;
  EXPECT_THAT(listing.Add(std::move(no_record)),
              ::ogi::testing::StatusIs(absl::StatusCode::kInternal));

  const v1::ListDeadlinesResponse response = listing.TakeResponse();
  EXPECT_THAT(
      DescribeListing(response),
      ElementsAre("a/2025-0005 ALERT_KIND_REANSWER_DUE 2025-10-29 -1",
                  "a/2025-0020 ALERT_KIND_LAWSUIT_DEFENCE_DUE 2025-11-03 2",
                  "a/2025-0005 ALERT_KIND_ANSWER_DUE_SOON 2025-11-04 3"));
  ASSERT_EQ(response.alerts_size(), 3);
  EXPECT_EQ(response.alerts(1).reference(), "2025-0020-L1");
  EXPECT_EQ(response.alerts(1).message(),
            "2025-0020 张三：行政诉讼 2025-0020-L1（聊城市东昌府区人民法院）"
            "答辩状提交期限 2025-11-03，剩余 2 个工作日");
}

// A fax that arrived Fri 2025-09-26 and waits for its receipt date to be
// confirmed; with the default policy the confirmation is due on the 2nd
// working day after arrival: 1 09-28 (Sun, make-up) 2 09-29.
v1::Case FaxAwaitingConfirmation(const std::string& number = "2025-0003") {
  v1::Case c = CaseReceived(D(2025, 9, 26), number);
  c.set_channel(v1::CHANNEL_FAX);
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  return c;
}

TEST(ReceiptConfirmationTest, ListedWhileItWaitsWhateverWithin) {
  const v1::Case c = FaxAwaitingConfirmation();
  // Listed from the day it arrives, even with a 1-day horizon; 09-27 is a
  // Saturday, 09-28 a make-up working day.
  EXPECT_THAT(Listing(c, D(2025, 9, 26), 1),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 2"));
  EXPECT_THAT(Listing(c, D(2025, 9, 29)),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 0"));
  // 09-30 and, after the holidays, 10-09: two working days late.
  EXPECT_THAT(Listing(c, D(2025, 10, 9)),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 -2"));
  const std::vector<v1::DeadlineAlert> alerts = AlertsForCase(
      AsOf(c, D(2025, 10, 9)), BuiltinCalendar(), D(2025, 10, 9), 5);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].message(),
            "2025-0003 张三：待确认收到，请与申请人确认收到日期并登记（应于 "
            "2025-09-29 前），已超过 2 个工作日");
  EXPECT_EQ(AlertsForCase(AsOf(c, D(2025, 9, 26)), BuiltinCalendar(),
                          D(2025, 9, 26), 5)[0]
                .message(),
            "2025-0003 张三：待确认收到，请与申请人确认收到日期并登记（应于 "
            "2025-09-29 前），剩余 2 个工作日");
}

TEST(ReceiptConfirmationTest, ConfirmedEndsTheDuty) {
  v1::Case c = FaxAwaitingConfirmation();
  *c.mutable_confirmation_date() = ToProtoDate(D(2025, 9, 29));
  *c.mutable_receipt_date() = ToProtoDate(D(2025, 9, 29));
  c.set_status(v1::CASE_STATUS_PROCESSING);
  for (const std::string& line : Listing(c, D(2025, 10, 9), 60)) {
    EXPECT_EQ(line.find("RECEIPT_CONFIRMATION"), std::string::npos) << line;
  }
  EXPECT_EQ(RanksOf(AsOf(c, D(2025, 10, 9)), BuiltinCalendar(), D(2025, 10, 9),
                    kThresholds)
                .confirmation,
            0);
}

TEST(ReceiptConfirmationTest, RanksEscalateOnTheDayAndAfter) {
  const v1::Case c = FaxAwaitingConfirmation();
  const auto rank = [&](Day today) {
    return RanksOf(AsOf(c, today), BuiltinCalendar(), today, kThresholds)
        .confirmation;
  };
  EXPECT_EQ(rank(D(2025, 9, 26)), 0);
  EXPECT_EQ(rank(D(2025, 9, 28)), 0);
  EXPECT_EQ(rank(D(2025, 9, 29)), 1);
  EXPECT_EQ(rank(D(2025, 9, 30)), 2);

  // Crossing into each rank alerts once; staying there does not.
  const Day due = D(2025, 9, 29);
  const v1::Case on_day = AsOf(c, due);
  const AlertRanks none;
  const AlertRanks reached =
      RanksOf(on_day, BuiltinCalendar(), due, kThresholds);
  EXPECT_THAT(DescribeAll(Crossings(on_day, BuiltinCalendar(), due, kThresholds,
                                    none, reached)),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 0"));
  EXPECT_THAT(
      Crossings(on_day, BuiltinCalendar(), due, kThresholds, reached, reached),
      IsEmpty());
  const Day late = D(2025, 9, 30);
  const v1::Case next = AsOf(c, late);
  EXPECT_THAT(DescribeAll(Crossings(
                  next, BuiltinCalendar(), late, kThresholds, reached,
                  RanksOf(next, BuiltinCalendar(), late, kThresholds))),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 -1"));
}

TEST(ReceiptConfirmationTest, SortsWithTheDutiesDueOrLate) {
  std::vector<v1::DeadlineAlert> alerts;
  const auto add = [&](v1::AlertKind kind, int left, const std::string& n) {
    v1::DeadlineAlert& a = alerts.emplace_back();
    a.set_kind(kind);
    a.set_working_days_left(left);
    a.set_number(n);
  };
  add(v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE, 2, "2025-0001");
  add(v1::ALERT_KIND_ANSWER_DUE_SOON, 3, "2025-0002");
  add(v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE, -1, "2025-0003");
  add(v1::ALERT_KIND_ANSWER_DUE_TODAY, 0, "2025-0004");
  SortByUrgency(alerts);
  std::vector<std::string> order;
  for (const v1::DeadlineAlert& a : alerts) order.push_back(a.number());
  // Due today, the late confirmation, an answer due soon, then the
  // confirmation still to come.
  EXPECT_THAT(order,
              ElementsAre("2025-0004", "2025-0003", "2025-0002", "2025-0001"));
}

TEST_F(DeadlineListingTest, AwaitingConfirmationComesFromTheRecord) {
  // Thu 2025-10-30: the fax's confirmation was due 09-29; since then 09-30,
  // 10-09..10-11 (Sat, make-up), 10-13..17, 10-20..24, 10-27..30 = 18.
  CaseDeadlineSummary pending = Summary("default", "2025-0003", 3);
  pending.record = std::make_unique<v1::Case>(FaxAwaitingConfirmation());
  ASSERT_THAT(listing.Add(std::move(pending)), IsOk());
  const v1::ListDeadlinesResponse response = listing.TakeResponse();
  EXPECT_THAT(
      DescribeListing(response),
      ElementsAre("default/2025-0003 "
                  "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-09-29 -18"));
}

TEST(DeadlinesAsOfTest, AwaitingConfirmationFollowsTheServersPolicy) {
  // Stored with one policy, read with another: the due date follows the
  // server's policy of today, not the stored one.
  v1::Case c = AsOf(FaxAwaitingConfirmation(), D(2025, 9, 26));
  ASSERT_EQ(FormatIsoDate(c.deadlines().confirmation_due()), "2025-09-29");
  CalendarRegistry calendars;
  ClockPolicy five;
  five.confirm_receipt_alert_days = 5;
  const CaseClock clock(&calendars, five);
  // 1 09-28 2 09-29 3 09-30 4 10-09 5 10-10.
  absl::StatusOr<v1::Deadlines> d =
      DeadlinesAsOf(c, D(2025, 10, 9), *calendars.Current(), clock);
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->confirmation_due()), "2025-10-10");
  EXPECT_EQ(d->confirmation_working_days_left(), 1);
}

TEST(ListingQueryTest, RangesFollowWorkingDaysNotCalendarOrder) {
  // Fri 2025-10-31, within 5: 11-03..11-07 are the 5 working days ahead; Sat
  // 11-08 and Sun 11-09 add none (5 left), Mon 11-10 is the 6th.
  absl::StatusOr<AttentionQuery> q =
      ListingQuery(BuiltinCalendar(), D(2025, 10, 31), 5, "default");
  ASSERT_THAT(q, IsOk());
  EXPECT_EQ(q->agency_code, "default");
  EXPECT_EQ(q->answer_due_until, D(2025, 11, 9));
  EXPECT_EQ(q->notice_due_from, D(2025, 10, 31));  // a working day: itself
  EXPECT_EQ(q->notice_due_until, D(2025, 11, 9));
  EXPECT_EQ(q->duty_due_until, D(2025, 11, 9));
  EXPECT_EQ(q->window_end_until, D(2025, 10, 30));
  EXPECT_TRUE(q->pending_confirmation);
  // Sun 2019-10-13: the last working day on or before it is the make-up
  // Saturday 10-12, which still has 0 working days left.
  q = ListingQuery(BuiltinCalendar(), D(2019, 10, 13), 5, "");
  ASSERT_THAT(q, IsOk());
  EXPECT_EQ(q->notice_due_from, D(2019, 10, 12));
  // Mon 2025-10-06, in the 国庆 holiday: back to Tue 09-30.
  q = ListingQuery(BuiltinCalendar(), D(2025, 10, 6), 0, "");
  ASSERT_THAT(q, IsOk());
  EXPECT_EQ(q->notice_due_from, D(2025, 9, 30));
  // within 0: nothing ahead; up to the day before the next working day 10-09.
  EXPECT_EQ(q->answer_due_until, D(2025, 10, 8));
}

}  // namespace
}  // namespace ogi
