#include "services/alerts/deadline_manager.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/case_index.h"
#include "services/alerts/deadline_alerts.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/procedure/procedure_manager.h"
#include "storage/schema_migrations.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/storage/store_test_util.h"

// Expected dates are worked out by hand from the official arrangements
// (2025: 国庆节、中秋节 off 10-01..10-08; make-up working days Sun 09-28 and
// Sat 10-11). Counted working days after each receipt date:
//   Thu 09-25: 1 09-26, 2 09-28, 3 09-29, 4 09-30, 5 10-09, 6 10-10,
//              7 10-11 (notice due), ..., 18 10-27, 19 10-28, 20 10-29.
//   Fri 09-26: 7 = 10-13 (notice due), 20 = 10-30.
//   Tue 09-30: 1 10-09, 2 10-10, 3 10-11, 4..7 10-13..10-16 (notice due).
//   Thu 10-09: 1 10-10, 2 10-11, 3..7 10-13..10-17 (notice due), ...,
//              18 11-03, 19 11-04, 20 11-05.
//   Fri 10-24: 1..5 10-27..10-31, 6 11-03, 7 11-04 (notice due), ..., 11-21.
//   Tue 10-28: 1 10-29, ..., 7 11-06.  Wed 10-29: 7 = 11-07.

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }
absl::Time NineAm(Day day) { return ::ogi::testing::BeijingAt(day, 9); }

// "KIND number due left[ proposal]".
std::string Describe(const v1::DeadlineAlert& a) {
  return absl::StrCat(
      v1::AlertKind_Name(a.kind()), " ", a.number(), " ",
      FormatIsoDate(a.due()), " ", a.working_days_left(),
      a.proposal() != v1::PROPOSED_CONCLUSION_UNSPECIFIED
          ? absl::StrCat(" ", v1::ProposedConclusion_Name(a.proposal()))
          : "");
}

class DeadlineManagerTest : public ::testing::Test {
 protected:
  // The database the store opens.
  virtual std::string DbPath() { return ":memory:"; }

  void SetUp() override {
    auto store =
        ::ogi::testing::OpenStoreWithAgency("default", "本机关", DbPath());
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    v1::Agency other;
    other.set_code("xzsp");
    other.set_name("行政审批服务局");
    ASSERT_THAT(store_->UpsertAgency(other), IsOk());
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "default");
    procedure_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, nullptr, "default");
    manager_ = std::make_unique<DeadlineManager>(store_.get(), &clock_,
                                                 &case_clock_, "default");
  }

  void SetDay(Day day) { clock_.Set(NineAm(day)); }

  std::string Log(Day received, const std::string& agency = "default") {
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    request.mutable_case_()->set_agency_code(agency);
    *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(received);
    auto response = cases_->CreateCase(request, "王科员");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->case_().number() : "";
  }

  void SendCorrectionNotice(const std::string& number, Day sent,
                            Day applicant_deadline) {
    v1::SendCorrectionNoticeRequest r;
    r.set_number(number);
    *r.mutable_sent() = ToProtoDate(sent);
    r.set_items_to_supplement("请写明所需信息的名称或文号");
    *r.mutable_applicant_deadline() = ToProtoDate(applicant_deadline);
    ASSERT_THAT(procedure_->Record(r, "王科员"), IsOk());
  }

  void ReceiveSupplement(const std::string& number, Day received) {
    v1::ReceiveSupplementRequest r;
    r.set_number(number);
    *r.mutable_received() = ToProtoDate(received);
    ASSERT_THAT(procedure_->Record(r, "王科员"), IsOk());
  }

  void SendConsultation(const std::string& number, Day sent) {
    v1::SendConsultationRequest r;
    r.set_number(number);
    r.set_kind(v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
    r.set_party("聊城某建设有限公司");
    *r.mutable_sent() = ToProtoDate(sent);
    ASSERT_THAT(procedure_->Record(r, "王科员"), IsOk());
  }

  void IssueFeeNotice(const std::string& number, Day served) {
    v1::IssueFeeNoticeRequest r;
    r.set_number(number);
    r.set_method(v1::FEE_METHOD_PER_PAGE);
    r.set_pages(150);
    *r.mutable_served() = ToProtoDate(served);
    ASSERT_THAT(procedure_->Record(r, "王科员"), IsOk());
  }

  absl::StatusOr<v1::ListDeadlinesResponse> List(
      int within = 0, const std::string& agency = "") {
    v1::ListDeadlinesRequest request;
    request.set_within_working_days(within);
    request.set_agency_code(agency);
    return manager_->ListDeadlines(request);
  }

  std::vector<std::string> Listed(int within = 0,
                                  const std::string& agency = "") {
    absl::StatusOr<v1::ListDeadlinesResponse> response = List(within, agency);
    EXPECT_THAT(response, IsOk());
    std::vector<std::string> out;
    if (!response.ok()) return out;
    for (const v1::DeadlineAlert& a : response->alerts()) {
      out.push_back(Describe(a));
    }
    return out;
  }

  // What the listing must contain by definition: every open case of the
  // agency, computed for today, through AlertsForCase (no index).
  std::vector<std::string> FullScan(int within,
                                    const std::string& agency = "default") {
    const Day today = TodayInChina(clock_);
    CaseQuery all;
    all.agency_code = agency;
    all.page_size = 1000;
    auto page = store_->ListCases(all);
    EXPECT_THAT(page, IsOk());
    std::vector<v1::DeadlineAlert> alerts;
    for (v1::Case& c : page.ok() ? page->cases : std::vector<v1::Case>{}) {
      EXPECT_THAT(case_clock_.Refresh(c, today), IsOk());
      for (v1::DeadlineAlert& a :
           AlertsForCase(c, *calendars_.Current(), today, within)) {
        alerts.push_back(std::move(a));
      }
    }
    SortByUrgency(alerts);
    std::vector<std::string> out;
    for (const v1::DeadlineAlert& a : alerts) out.push_back(Describe(a));
    return out;
  }

  ManualClock clock_{NineAm(D(2025, 10, 30))};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> procedure_;
  std::unique_ptr<DeadlineManager> manager_;
};

TEST_F(DeadlineManagerTest, WhatIsDueWithinFiveWorkingDaysMostUrgentFirst) {
  // Today is Thu 2025-10-30.
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");   // due today
  ASSERT_EQ(Log(D(2025, 9, 25)), "2025-0002");   // overdue since 10-30
  ASSERT_EQ(Log(D(2025, 10, 9)), "2025-0003");   // 10-31, 11-03..05: 4 left
  ASSERT_EQ(Log(D(2025, 10, 24)), "2025-0004");  // notice in 3, answer in 16
  ASSERT_EQ(Log(D(2025, 10, 28)), "2025-0005");  // notice in 5
  ASSERT_EQ(Log(D(2025, 10, 29)), "2025-0006");  // notice in 6: not listed
  ASSERT_EQ(Log(D(2025, 9, 26), "xzsp"), "2025-0001");  // another agency

  auto response = List();
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(FormatIsoDate(response->as_of()), "2025-10-30");
  EXPECT_THAT(
      Listed(),
      ElementsAre(
          // Answers overdue, then due today. (The 补正 notice duties of
          // cases 1, 2 and 3 lapsed on 10-13, 10-11 and 10-17: not listed.)
          "ALERT_KIND_ANSWER_OVERDUE 2025-0002 2025-10-29 -1",
          "ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-10-30 0",
          // Answers due soon.
          "ALERT_KIND_ANSWER_DUE_SOON 2025-0003 2025-11-05 4",
          // Notices coming up: 10-31, 11-03, 11-04; and 10-31, 11-03..06.
          "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0004 2025-11-04 3",
          "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0005 2025-11-06 5"));
  // 0 means the default, 5.
  EXPECT_EQ(Listed(0), Listed(5));
  // The other agency's list holds only its own case.
  EXPECT_THAT(
      Listed(0, "xzsp"),
      ElementsAre("ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-10-30 0"));
  const v1::DeadlineAlert first = response->alerts(0);
  EXPECT_EQ(first.agency_code(), "default");
  EXPECT_EQ(first.applicant_name(), "张三");
  EXPECT_EQ(first.message(),
            "2025-0002 张三：答复期限 2025-10-29，已逾期 1 个工作日");
}

TEST_F(DeadlineManagerTest, WithinBoundsTheHorizon) {
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");   // due today
  ASSERT_EQ(Log(D(2025, 10, 9)), "2025-0002");   // answer in 4
  ASSERT_EQ(Log(D(2025, 10, 24)), "2025-0003");  // notice in 3, answer in 16
  ASSERT_EQ(Log(D(2025, 10, 28)), "2025-0004");  // notice in 5
  EXPECT_THAT(
      Listed(3),
      ElementsAre("ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-10-30 0",
                  "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0003 2025-11-04 3"));
  EXPECT_THAT(
      Listed(1),
      ElementsAre("ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-10-30 0"));
  EXPECT_THAT(Listed(4),
              ElementsAre("ALERT_KIND_ANSWER_DUE_TODAY 2025-0001 2025-10-30 0",
                          "ALERT_KIND_ANSWER_DUE_SOON 2025-0002 2025-11-05 4",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0003 "
                          "2025-11-04 3"));
  // 16 working days: (10-30, 11-21] reaches case 3's answer.
  EXPECT_THAT(Listed(16),
              ::testing::Contains(
                  "ALERT_KIND_ANSWER_DUE_SOON 2025-0003 2025-11-21 16"));
  EXPECT_THAT(Listed(15),
              ::testing::Not(::testing::Contains(
                  "ALERT_KIND_ANSWER_DUE_SOON 2025-0003 2025-11-21 16")));
  EXPECT_THAT(List(60), IsOk());
}

TEST_F(DeadlineManagerTest, BadArguments) {
  EXPECT_THAT(List(-1), StatusIs(absl::StatusCode::kInvalidArgument,
                                 HasSubstr("within_working_days")));
  EXPECT_THAT(List(61), StatusIs(absl::StatusCode::kInvalidArgument,
                                 HasSubstr("within_working_days")));
  EXPECT_THAT(List(5, "nope"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(DeadlineManagerTest, CorrectionNoticeDutyUntilTheNoticeIsSent) {
  SetDay(D(2025, 10, 9));
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  // Due 10-13: 10-10, 10-11 (make-up), 10-13.
  EXPECT_THAT(Listed(), ElementsAre("ALERT_KIND_CORRECTION_NOTICE_DUE "
                                    "2025-0001 2025-10-13 3"));
  auto response = List();
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->alerts(0).message(),
            "2025-0001 张三：如需补正，补正通知应于 2025-10-13 前发出，"
            "剩余 3 个工作日");
  SendCorrectionNotice("2025-0001", D(2025, 10, 9), D(2025, 10, 24));
  EXPECT_THAT(Listed(), IsEmpty());
  SetDay(D(2025, 10, 24));  // the applicant's last day
  EXPECT_THAT(Listed(), IsEmpty());
}

TEST_F(DeadlineManagerTest, LapsedWindowsProposeTheirConclusion) {
  SetDay(D(2025, 10, 9));
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0002");
  SendCorrectionNotice("2025-0001", D(2025, 10, 9), D(2025, 10, 24));
  // Per page, 150 pages. Payment window: 20th working day after 10-09 =
  // 11-05; the answer clock pauses 10-09..11-05 → due 11-28.
  IssueFeeNotice("2025-0002", D(2025, 10, 9));

  SetDay(D(2025, 11, 5));  // the payment window's last day
  EXPECT_THAT(Listed(),
              ElementsAre(
                  // (10-24, 11-05] = 10-27..31, 11-03..05 = 8 working days.
                  "ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-0001 2025-10-24 -8 "
                  "PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED"));

  SetDay(D(2025, 11, 6));
  EXPECT_THAT(
      Listed(),
      ElementsAre("ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-0001 2025-10-24 -9 "
                  "PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED",
                  "ALERT_KIND_APPLICANT_WINDOW_LAPSED 2025-0002 2025-11-05 -1 "
                  "PROPOSED_CONCLUSION_OTHER_FEE_UNPAID"));
  auto response = List();
  ASSERT_THAT(response, IsOk());
  ASSERT_EQ(response->alerts_size(), 2);
  EXPECT_EQ(response->alerts(0).proposal(),
            v1::PROPOSED_CONCLUSION_OTHER_CORRECTION_LAPSED);
  EXPECT_EQ(response->alerts(1).proposal(),
            v1::PROPOSED_CONCLUSION_OTHER_FEE_UNPAID);
  EXPECT_EQ(response->alerts(1).message(),
            "2025-0002 张三：缴费期限 2025-11-05 已过，建议办结为"
            "「逾期未缴费，不再处理」");
}

// Two cases whose answer clocks are identical (restarted / received on
// 09-30, a consultation pausing them from 10-29) must be listed alike,
// whatever their 补正 history.
TEST_F(DeadlineManagerTest, PausedCasesWithTheSameClockAreListedAlike) {
  SetDay(D(2025, 10, 29));
  // A: received 09-26; 补正 notice 09-29, supplement 09-30: the clock
  // restarts from 09-30 and no notice duty is pending.
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  SendCorrectionNotice("2025-0001", D(2025, 9, 29), D(2025, 10, 20));
  ReceiveSupplement("2025-0001", D(2025, 9, 30));
  // B: received 09-30; its notice duty (due 10-16) lapsed unused.
  ASSERT_EQ(Log(D(2025, 9, 30)), "2025-0002");
  // Both consult a third party on 10-29 (no receipt date: the window counts
  // from sending): 15th working day after 10-29 = 11-19. Counted from 09-30:
  // 1..15 = 10-09..10-28, paused 10-29..11-19, 16..20 = 11-20, 21, 24, 25,
  // 26 → due 11-26.
  SendConsultation("2025-0001", D(2025, 10, 29));
  SendConsultation("2025-0002", D(2025, 10, 29));

  // Paused: only 5 counted days are left (11-20..11-26), but the clock does
  // not run until the pause ends, so neither is due soon: the listing goes by
  // the projected due date, 19 working days away.
  SetDay(D(2025, 10, 30));
  EXPECT_THAT(Listed(), ::testing::IsEmpty());
  // The last paused day: 11-26 is 5 working days away for both.
  SetDay(D(2025, 11, 19));
  EXPECT_THAT(Listed(),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON 2025-0001 2025-11-26 5",
                          "ALERT_KIND_ANSWER_DUE_SOON 2025-0002 2025-11-26 5"));
}

// The stored deadline dates only narrow the search: the listing must be
// what computing every open case for today gives, on every day.
TEST_F(DeadlineManagerTest, ListingEqualsAFullScanOnEveryDay) {
  SetDay(D(2025, 10, 29));
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  SendCorrectionNotice("2025-0001", D(2025, 9, 29), D(2025, 10, 20));
  ReceiveSupplement("2025-0001", D(2025, 9, 30));
  SendConsultation("2025-0001", D(2025, 10, 29));
  ASSERT_EQ(Log(D(2025, 9, 30)), "2025-0002");
  SendConsultation("2025-0002", D(2025, 10, 29));
  ASSERT_EQ(Log(D(2025, 10, 9)), "2025-0003");
  IssueFeeNotice("2025-0003", D(2025, 10, 28));
  ASSERT_EQ(Log(D(2025, 10, 20)), "2025-0004");
  SendCorrectionNotice("2025-0004", D(2025, 10, 22), D(2025, 11, 7));
  ASSERT_EQ(Log(D(2025, 10, 27)), "2025-0005");
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0006");

  std::vector<std::string> differences;
  for (Day day = D(2025, 10, 29); day <= D(2025, 12, 31); ++day) {
    SetDay(day);
    for (int within : {1, 5, 10}) {
      const std::vector<std::string> listed = Listed(within);
      const std::vector<std::string> expected = FullScan(within);
      if (listed == expected) continue;
      std::string line = absl::StrCat(FormatIsoDate(day), " within ", within);
      for (const std::string& e : expected) {
        if (std::find(listed.begin(), listed.end(), e) == listed.end()) {
          absl::StrAppend(&line, "; missing ", e);
        }
      }
      for (const std::string& l : listed) {
        if (std::find(expected.begin(), expected.end(), l) == expected.end()) {
          absl::StrAppend(&line, "; extra ", l);
        }
      }
      differences.push_back(line);
    }
  }
  EXPECT_THAT(differences, IsEmpty());
}

// The same listing from a file database (the store then reads through its
// pool of reader connections).
class DeadlineManagerFileTest : public DeadlineManagerTest {
 protected:
  std::string DbPath() override { return dir_.File("ogi.db"); }
  const ::ogi::testing::TempDir& dir() const { return dir_; }

 private:
  // Removed when the test ends (before the base class closes the store: an
  // open SQLite file may be unlinked on POSIX systems).
  ::ogi::testing::TempDir dir_;
};

// A database written by schema version 3 (before the deadline summary
// columns) upgrades itself and lists exactly what the current schema lists.
TEST_F(DeadlineManagerFileTest, Version3DatabaseListsTheSameAlerts) {
  SetDay(D(2025, 10, 29));
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  SendCorrectionNotice("2025-0001", D(2025, 9, 29), D(2025, 10, 20));
  ReceiveSupplement("2025-0001", D(2025, 9, 30));
  SendConsultation("2025-0001", D(2025, 10, 29));  // an open pause
  ASSERT_EQ(Log(D(2025, 9, 30)), "2025-0002");
  ASSERT_EQ(Log(D(2025, 10, 9)), "2025-0003");
  IssueFeeNotice("2025-0003", D(2025, 10, 28));  // unpaid: a window
  ASSERT_EQ(Log(D(2025, 10, 20)), "2025-0004");
  SendCorrectionNotice("2025-0004", D(2025, 10, 22), D(2025, 11, 7));
  ASSERT_EQ(Log(D(2025, 10, 27)), "2025-0005");
  ASSERT_EQ(Log(D(2025, 9, 26), "xzsp"), "2025-0001");
  const std::vector<Day> kDays = {D(2025, 10, 29), D(2025, 11, 7),
                                  D(2025, 11, 10), D(2025, 11, 28)};
  std::vector<std::vector<std::string>> expected;
  for (Day day : kDays) {
    SetDay(day);
    expected.push_back(Listed(10));
    EXPECT_THAT(expected.back(), ::testing::Not(IsEmpty()));
  }

  // The same rows in a database at version 3: migration 3's columns only.
  const std::string v3_path = dir().File("v3.db");
  {
    auto db = Database::Open(v3_path, Database::Mode::kReadWrite);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT(MigrateSchema(**db, IndexCase, 3), IsOk());
    ASSERT_THAT(
        (*db)->Exec(absl::StrCat(
            "ATTACH '", DbPath(), "' AS current; ",
            "INSERT INTO agencies SELECT id, code, name FROM "
            "current.agencies; ",
            "INSERT INTO case_number_sequences SELECT * FROM "
            "current.case_number_sequences; ",
            "INSERT INTO cases SELECT id, agency_id, number, version, status, "
            "applicant_type, applicant_name, items_text, arrival_date, "
            "receipt_date, payload, is_open, answer_due, notice_due, "
            "window_end FROM current.cases; ",
            "INSERT INTO case_events SELECT * FROM current.case_events; ",
            "DETACH current;")),
        IsOk());
  }
  SqliteStoreOptions options;
  options.path = v3_path;
  auto upgraded = OpenSqliteCaseStore(options);
  ASSERT_THAT(upgraded, IsOk());
  manager_ = std::make_unique<DeadlineManager>(upgraded->get(), &clock_,
                                               &case_clock_, "default");
  for (size_t i = 0; i < kDays.size(); ++i) {
    SetDay(kDays[i]);
    EXPECT_EQ(Listed(10), expected[i]) << FormatIsoDate(kDays[i]);
  }
  manager_.reset();
}

// A fax whose receipt date waits for confirmation, arrived on `arrived`.
std::string LogFax(CaseManager& cases, Day arrived,
                   const std::string& agency = "default") {
  v1::CreateCaseRequest request;
  *request.mutable_case_() = ::ogi::testing::ValidNewCase();
  request.mutable_case_()->set_agency_code(agency);
  request.mutable_case_()->set_channel(v1::CHANNEL_FAX);
  *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(arrived);
  auto response = cases.CreateCase(request, "王科员");
  EXPECT_THAT(response, IsOk());
  if (!response.ok()) return "";
  EXPECT_EQ(response->case_().status(), v1::CASE_STATUS_PENDING_CONFIRMATION);
  return response->case_().number();
}

TEST_F(DeadlineManagerTest, ApplicationsAwaitingConfirmationAreListed) {
  // Today is Thu 2025-10-30. Confirmation due the 2nd working day after
  // arrival: Thu 10-30 → Mon 11-03 (2 left); Tue 10-28 → Thu 10-30 (due
  // today); Fri 10-24 → Tue 10-28 (10-29, 10-30 since: -2).
  ASSERT_EQ(LogFax(*cases_, D(2025, 10, 30)), "2025-0001");
  ASSERT_EQ(LogFax(*cases_, D(2025, 10, 28)), "2025-0002");
  ASSERT_EQ(LogFax(*cases_, D(2025, 10, 24)), "2025-0003");
  ASSERT_EQ(LogFax(*cases_, D(2025, 10, 24), "xzsp"), "2025-0001");
  // Listed whatever the horizon, the late and due ones with the duties due,
  // the one still to come after them.
  const std::vector<std::string> expected = {
      "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0003 2025-10-28 -2",
      "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0002 2025-10-30 0",
      "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0001 2025-11-03 2"};
  EXPECT_EQ(Listed(1), expected);
  EXPECT_EQ(Listed(60), expected);
  EXPECT_EQ(Listed(60), FullScan(60));
  EXPECT_THAT(Listed(0, "xzsp"),
              ElementsAre("ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0001 "
                          "2025-10-28 -2"));

  // Confirmed on 10-28: the duty is gone, and the answer clock runs from
  // then (due 20 working days on, not within 5).
  v1::UpdateCaseRequest update;
  update.set_number("2025-0003");
  *update.mutable_case_()->mutable_confirmation_date() =
      ToProtoDate(D(2025, 10, 28));
  update.mutable_update_mask()->add_paths("confirmation_date");
  update.set_reason("电话确认收到");
  ASSERT_THAT(cases_->UpdateCase(update, "王科员"), IsOk());
  EXPECT_THAT(
      Listed(),
      ElementsAre(
          "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0002 2025-10-30 0",
          "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0001 2025-11-03 2",
          // Its 补正 notice duty: 10-29, 10-30, 10-31, 11-03..06 → 11-06.
          "ALERT_KIND_CORRECTION_NOTICE_DUE 2025-0003 2025-11-06 5"));
}

TEST_F(DeadlineManagerTest, TheConfirmationDateFollowsTheServersPolicy) {
  ASSERT_EQ(LogFax(*cases_, D(2025, 10, 24)), "2025-0001");
  // The same store read by a server configured for 5 working days:
  // 10-27..10-31 → due Fri 10-31, 1 left.
  ClockPolicy five;
  five.confirm_receipt_alert_days = 5;
  const CaseClock clock(&calendars_, five);
  DeadlineManager manager(store_.get(), &clock_, &clock, "default");
  v1::ListDeadlinesRequest request;
  auto response = manager.ListDeadlines(request);
  ASSERT_THAT(response, IsOk());
  ASSERT_EQ(response->alerts_size(), 1);
  EXPECT_EQ(Describe(response->alerts(0)),
            "ALERT_KIND_RECEIPT_CONFIRMATION_DUE 2025-0001 2025-10-31 1");
}

}  // namespace
}  // namespace ogi

namespace ogi {
namespace {

// 250 overdue or due-soon answers over three pages of 100: each exactly
// once, in the one-page order; a token of another horizon is refused.
TEST_F(DeadlineManagerTest, PagesKeepTheOrderOfTheWholeListing) {
  for (int i = 0; i < 250; ++i) {
    // Received 09-25 (overdue), 09-26 (due today) or 10-09 (4 left).
    const Day received = i % 3 == 0   ? D(2025, 9, 25)
                         : i % 3 == 1 ? D(2025, 9, 26)
                                      : D(2025, 10, 9);
    ASSERT_FALSE(Log(received).empty());
  }
  const std::vector<std::string> whole = FullScan(5);
  ASSERT_EQ(whole.size(), 250u);

  v1::ListDeadlinesRequest request;
  request.set_page_size(100);
  std::vector<std::string> paged;
  std::vector<int> sizes;
  std::string first_token;
  do {
    auto page = manager_->ListDeadlines(request);
    ASSERT_THAT(page, IsOk());
    sizes.push_back(page->alerts_size());
    for (const v1::DeadlineAlert& a : page->alerts()) {
      paged.push_back(Describe(a));
    }
    if (first_token.empty()) first_token = page->next_page_token();
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty() && sizes.size() < 10);
  EXPECT_THAT(sizes, ElementsAre(100, 100, 50));
  EXPECT_EQ(paged, whole);

  // The default page is 100; more than the maximum is coerced to 1000.
  request.clear_page_token();
  request.set_page_size(0);
  auto first = manager_->ListDeadlines(request);
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->alerts_size(), 100);
  request.set_page_size(5000);
  auto all = manager_->ListDeadlines(request);
  ASSERT_THAT(all, IsOk());
  EXPECT_EQ(all->alerts_size(), 250);
  EXPECT_EQ(all->next_page_token(), "");

  request.set_page_size(100);
  request.set_page_token(first_token);
  request.set_within_working_days(10);
  EXPECT_THAT(manager_->ListDeadlines(request),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("page_token: 与本次查询条件不符")));
  request.set_within_working_days(0);
  request.set_page_size(-1);
  EXPECT_THAT(
      manager_->ListDeadlines(request),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

// Regressions found by fast_path_agreement_test: the store's date ranges
// must select every case whose working days left fall in the listing's
// bounds, also where calendar order and working-day order part.

TEST_F(DeadlineManagerTest, NoticeDueOnAMakeUpSaturdayIsDueTodayOnTheSunday) {
  // Received Sat 2019-09-28 (a rest day); 2019: 国庆节 off
  // 10-01..10-07, make-up working days Sun 09-29 and Sat 10-12. Counted:
  // 1 09-29, 2 09-30, 3 10-08, 4 10-09, 5 10-10, 6 10-11, 7 Sat 10-12 (补正
  // notice due). On Sun 10-13 no working day lies in (10-12, 10-13]: 0 left,
  // due today, as the engine says.
  SetDay(D(2019, 9, 28));
  ASSERT_EQ(Log(D(2019, 9, 28)), "2019-0001");
  SetDay(D(2019, 10, 13));
  EXPECT_THAT(Listed(),
              ElementsAre("ALERT_KIND_CORRECTION_NOTICE_DUE 2019-0001 "
                          "2019-10-12 0"));
  EXPECT_EQ(Listed(), FullScan(5));
}

TEST_F(DeadlineManagerTest, DeferredToARestDayJustPastTheHorizonIsListed) {
  // Received Fri 2025-09-26, answer due 10-30; deferred (Art. 35) to Sat
  // 11-08. On Fri 10-31 the 5 working days ahead are 11-03..11-07; Sat 11-08
  // adds none: 5 left, within the listing of 5.
  SetDay(D(2025, 9, 26));
  ASSERT_EQ(Log(D(2025, 9, 26)), "2025-0001");
  SetDay(D(2025, 10, 20));
  v1::DeferDeadlineRequest r;
  r.set_number("2025-0001");
  *r.mutable_new_due() = ToProtoDate(D(2025, 11, 8));
  *r.mutable_notified() = ToProtoDate(D(2025, 10, 20));
  r.set_reason("需要调取档案馆馆藏资料");
  ASSERT_THAT(procedure_->Record(r, "王科员"), IsOk());
  SetDay(D(2025, 10, 31));
  EXPECT_THAT(Listed(5),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON 2025-0001 2025-11-08 5"));
  EXPECT_EQ(Listed(5), FullScan(5));
  EXPECT_THAT(Listed(4), IsEmpty());
}

}  // namespace
}  // namespace ogi
