#include "services/alerts/alert_hub.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"
#include "services/common/timestamps.h"
#include "services/procedure/procedure_manager.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

// The hub on a manual clock: time moves only when a test sets the clock and
// calls CheckDayRollover, as the timer thread would at midnight.
//
// Dates worked out by hand for a case received Fri 2025-09-26 (国庆节、中秋节
// off 10-01..10-08; make-up working days 09-28 and 10-11 count): 补正 notice
// due 10-13, answer due 10-30 (20th working day), 11-27 with a 20-day
// extension (40th). Working days left until 10-30: on 10-20 → 8 (10-21..24,
// 10-27..30), 10-21 → 7, 10-22 → 6, 10-23 → 5, 10-24..26 → 4, 10-27 → 3,
// 10-28 → 2, 10-29 → 1, 10-30 → 0, 10-31..11-02 → -1, 11-03 → -2.

namespace ogi {
namespace {

using ::ogi::testing::DescribeAlert;
using ::ogi::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }
absl::Time NineAm(Day day) { return ::ogi::testing::BeijingAt(day, 9); }

// Records what the hub sends. Thread-safe (the timer thread may push).
class FakeSink final : public AlertSink {
 public:
  void Push(const v1::DeadlineAlert& alert) override {
    absl::MutexLock lock(&mu_);
    alerts_.push_back(alert);
  }
  void Close() override {
    absl::MutexLock lock(&mu_);
    ++closes_;
  }

  // The alerts pushed since the last call, described.
  std::vector<std::string> Take() {
    absl::MutexLock lock(&mu_);
    std::vector<std::string> out;
    for (const v1::DeadlineAlert& a : alerts_) out.push_back(DescribeAlert(a));
    last_ = std::move(alerts_);
    alerts_.clear();
    return out;
  }
  // The alerts the last Take() returned.
  std::vector<v1::DeadlineAlert> last() {
    absl::MutexLock lock(&mu_);
    return last_;
  }
  int closes() {
    absl::MutexLock lock(&mu_);
    return closes_;
  }

 private:
  absl::Mutex mu_;
  std::vector<v1::DeadlineAlert> alerts_ ABSL_GUARDED_BY(mu_);
  std::vector<v1::DeadlineAlert> last_ ABSL_GUARDED_BY(mu_);
  int closes_ ABSL_GUARDED_BY(mu_) = 0;
};

// A CaseStore that forwards to another and can run a hook right after
// the hub has selected the cases (to interleave a change deterministically).
class HookedStore final : public CaseStore {
 public:
  explicit HookedStore(CaseStore* base) : base_(base) {}

  void AfterNextSelection(std::function<void()> hook) {
    absl::MutexLock lock(&mu_);
    hook_ = std::move(hook);
  }

  absl::StatusOr<v1::Agency> UpsertAgency(const v1::Agency& agency) override {
    return base_->UpsertAgency(agency);
  }
  absl::StatusOr<v1::Agency> GetAgency(absl::string_view code) override {
    return base_->GetAgency(code);
  }
  absl::StatusOr<std::vector<v1::Agency>> ListAgencies() override {
    return base_->ListAgencies();
  }
  absl::StatusOr<v1::Case> CreateCase(v1::Case c,
                                      v1::CaseEvent created) override {
    return base_->CreateCase(std::move(c), std::move(created));
  }
  absl::StatusOr<KeyedCreation> CreateCaseOnce(
      v1::Case c, v1::CaseEvent created, const IdempotencyKey& key) override {
    return base_->CreateCaseOnce(std::move(c), std::move(created), key);
  }
  absl::StatusOr<v1::Case> GetCase(absl::string_view agency_code,
                                   absl::string_view number) override {
    return base_->GetCase(agency_code, number);
  }
  absl::StatusOr<CasePage> ListCases(const CaseQuery& query) override {
    return base_->ListCases(query);
  }
  absl::StatusOr<v1::Case> MutateCase(absl::string_view agency_code,
                                      absl::string_view number,
                                      const CaseMutation& mutation) override {
    return base_->MutateCase(agency_code, number, mutation);
  }
  absl::StatusOr<std::vector<v1::CaseEvent>> ListCaseEvents(
      absl::string_view agency_code, absl::string_view number) override {
    return base_->ListCaseEvents(agency_code, number);
  }
  absl::StatusOr<std::vector<v1::Case>> ListCasesNeedingAttention(
      const AttentionQuery& query) override {
    absl::StatusOr<std::vector<v1::Case>> cases =
        base_->ListCasesNeedingAttention(query);
    std::function<void()> hook;
    {
      absl::MutexLock lock(&mu_);
      hook = std::move(hook_);
      hook_ = nullptr;
    }
    if (hook) hook();
    return cases;
  }
  absl::Status ForEachDeadlineSummary(
      const AttentionQuery& query,
      absl::FunctionRef<absl::Status(CaseDeadlineSummary&)> visit) override {
    return base_->ForEachDeadlineSummary(query, visit);
  }
  absl::StatusOr<std::vector<v1::Case>> StoreCalendarAndUpdateOpenCases(
      const std::vector<StoredCalendarYear>& years,
      const OpenCaseMutation& mutation) override {
    return base_->StoreCalendarAndUpdateOpenCases(years, mutation);
  }
  absl::StatusOr<std::vector<StoredCalendarYear>> ListStoredCalendarYears()
      override {
    return base_->ListStoredCalendarYears();
  }

 private:
  CaseStore* const base_;
  absl::Mutex mu_;
  std::function<void()> hook_ ABSL_GUARDED_BY(mu_);
};

class AlertHubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    sqlite_ = std::move(*store);
    v1::Agency other;
    other.set_code("xzsp");
    other.set_name("行政审批服务局");
    ASSERT_THAT(sqlite_->UpsertAgency(other), IsOk());
    store_ = std::make_unique<HookedStore>(sqlite_.get());
    hub_ = std::make_unique<AlertHub>(store_.get(), &clock_, &case_clock_,
                                      std::vector<int>{1, 5, 3});
    // Cases logged before the hub runs (e.g. in an earlier server run).
    earlier_ = std::make_unique<CaseManager>(store_.get(), &clock_,
                                             &case_clock_, nullptr, "default");
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           hub_.get(), "default");
    procedure_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, hub_.get(), "default");
  }

  void TearDown() override { hub_->Shutdown(); }

  // A sink that outlives the hub's use of it.
  FakeSink& NewSink() {
    sinks_.push_back(std::make_unique<FakeSink>());
    return *sinks_.back();
  }

  void SetDay(Day day) { clock_.Set(NineAm(day)); }

  // Logs a case handed in on `received` and returns its number.
  std::string Log(CaseManager& manager, Day received,
                  const std::string& agency = "default") {
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    request.mutable_case_()->set_agency_code(agency);
    *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(received);
    auto response = manager.CreateCase(request, "王科员");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->case_().number() : "";
  }

  // Moves to 09:00 on `day` and runs the rollover check; returns its count.
  int Rollover(Day day) {
    SetDay(day);
    absl::StatusOr<int> raised = hub_->CheckDayRollover();
    EXPECT_THAT(raised, IsOk());
    return raised.ok() ? *raised : -1;
  }

  absl::Status Extend(const std::string& number, Day notified) {
    v1::ExtendDeadlineRequest request;
    request.set_number(number);
    request.set_working_days(20);
    request.set_approver("李主任");
    *request.mutable_notified() = ToProtoDate(notified);
    return procedure_->Record(request, "王科员").status();
  }

  ManualClock clock_{NineAm(D(2025, 10, 20))};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> sqlite_;
  std::unique_ptr<HookedStore> store_;
  std::vector<std::unique_ptr<FakeSink>> sinks_;  // destroyed after the hub
  std::unique_ptr<AlertHub> hub_;
  std::unique_ptr<CaseManager> earlier_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> procedure_;
};

TEST_F(AlertHubTest, ThresholdsAreSortedDescending) {
  EXPECT_THAT(hub_->thresholds(), ElementsAre(5, 3, 1));
}

TEST_F(AlertHubTest, StartIsSilentForWhatIsAlreadyLate) {
  SetDay(D(2025, 11, 3));
  // Overdue since 10-31, its notice late since 10-14.
  EXPECT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0001");
  // Received Mon 10-27: notice due 10-28, 29, 30, 31, 11-03, 04, 05 → 11-05.
  EXPECT_EQ(Log(*earlier_, D(2025, 10, 27)), "2025-0002");
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  EXPECT_EQ(Rollover(D(2025, 11, 3)), 0);  // the day Start evaluated
  EXPECT_EQ(Rollover(D(2025, 11, 4)), 0);  // more overdue, same rank
  EXPECT_THAT(sink.Take(), IsEmpty());
  EXPECT_EQ(Rollover(D(2025, 11, 5)), 1);
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_CORRECTION_NOTICE_DUE "
                                       "default/2025-0002 2025-11-05 0"));
}

struct DayAlerts {
  Day day;
  std::vector<std::string> expected;
};

TEST_F(AlertHubTest, DayByDayEachCrossingAlertsExactlyOnce) {
  ASSERT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0001");
  ASSERT_THAT(hub_->Start(), IsOk());  // 10-20: 8 left, notice late (silent)
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  const std::string kCase = "default/2025-0001 2025-10-30";
  const DayAlerts kDays[] = {
      {D(2025, 10, 21), {}},
      {D(2025, 10, 22), {}},
      {D(2025, 10, 23), {"ALERT_KIND_ANSWER_DUE_SOON " + kCase + " 5/5"}},
      {D(2025, 10, 24), {}},
      {D(2025, 10, 25), {}},
      {D(2025, 10, 26), {}},
      {D(2025, 10, 27), {"ALERT_KIND_ANSWER_DUE_SOON " + kCase + " 3/3"}},
      {D(2025, 10, 28), {}},
      {D(2025, 10, 29), {"ALERT_KIND_ANSWER_DUE_SOON " + kCase + " 1/1"}},
      {D(2025, 10, 30), {"ALERT_KIND_ANSWER_DUE_TODAY " + kCase + " 0"}},
      {D(2025, 10, 31), {"ALERT_KIND_ANSWER_OVERDUE " + kCase + " -1"}},
      {D(2025, 11, 1), {}},
      {D(2025, 11, 2), {}},
      {D(2025, 11, 3), {}},
      {D(2025, 11, 4), {}},
  };
  for (const DayAlerts& t : kDays) {
    EXPECT_EQ(Rollover(t.day), static_cast<int>(t.expected.size()))
        << FormatIsoDate(t.day);
    EXPECT_EQ(sink.Take(), t.expected) << FormatIsoDate(t.day);
    for (const v1::DeadlineAlert& a : sink.last()) {
      EXPECT_EQ(FormatIsoDate(a.as_of()), FormatIsoDate(t.day));
      EXPECT_EQ(FromProtoTimestamp(a.raised_at()), NineAm(t.day));
      EXPECT_EQ(a.applicant_name(), "张三");
    }
    // A second check on the same day raises nothing.
    EXPECT_EQ(hub_->CheckDayRollover().value_or(-1), 0);
    EXPECT_THAT(sink.Take(), IsEmpty());
  }
}

// Concludes case `number` (answered 2025-08-20) and records a review of it
// whose application copy reached the agency Fri 2025-09-26: the defence is
// due 10 working days later, 1 09-28 (make-up), 2 09-29, 3 09-30, 4 10-09,
// 5 10-10, 6 10-11 (make-up), 7 10-13, 8 10-14, 9 10-15, 10 Thu 10-16. The
// stored derived date is what the hub reads (proceeding_derived.h sets it).
v1::Case ConcludeAndContest(CaseStore& store, const CaseClock& case_clock,
                            const std::string& number, Day today) {
  absl::StatusOr<v1::Case> stored = store.MutateCase(
      "default", number, [&](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
        c.set_status(v1::CASE_STATUS_CONCLUDED);
        c.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_ANSWERED);
        *c.mutable_conclusion()->mutable_served() = ToProtoDate(D(2025, 8, 20));
        v1::Review* r = c.add_reviews();
        r->set_id(number + "-R1");
        r->set_organ("聊城市人民政府");
        *r->mutable_filed() = ToProtoDate(D(2025, 9, 20));
        *r->mutable_copy_received() = ToProtoDate(D(2025, 9, 26));
        *r->mutable_defence_due() = ToProtoDate(D(2025, 10, 16));
        OGI_RETURN_IF_ERROR(case_clock.Refresh(c, today));
        v1::CaseEvent event;
        event.set_type(v1::CASE_EVENT_TYPE_REVIEW_FILED);
        event.set_actor("王科员");
        return event;
      });
  EXPECT_THAT(stored, IsOk());
  return stored.ok() ? *stored : v1::Case();
}

TEST_F(AlertHubTest, AReviewDefenceOfAConcludedCaseCrossesItsThresholds) {
  SetDay(D(2025, 10, 8));
  ASSERT_EQ(Log(*earlier_, D(2025, 8, 1)), "2025-0001");
  ConcludeAndContest(*sqlite_, case_clock_, "2025-0001", D(2025, 10, 8));
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  const std::string kDefence =
      "ALERT_KIND_REVIEW_DEFENCE_DUE default/2025-0001 2025-10-16 ";
  const DayAlerts kDays[] = {
      {D(2025, 10, 9), {}},                   // 6 left
      {D(2025, 10, 10), {kDefence + "5/5"}},  // 5
      {D(2025, 10, 11), {}},                  // 4
      {D(2025, 10, 13), {kDefence + "3/3"}},  // 3
      {D(2025, 10, 14), {}},                  // 2
      {D(2025, 10, 15), {kDefence + "1/1"}},  // 1
      {D(2025, 10, 16), {kDefence + "0"}},    // due today
      {D(2025, 10, 17), {kDefence + "-1"}},   // late
      {D(2025, 10, 20), {}},
  };
  for (const DayAlerts& t : kDays) {
    EXPECT_EQ(Rollover(t.day), static_cast<int>(t.expected.size()))
        << FormatIsoDate(t.day);
    EXPECT_EQ(sink.Take(), t.expected) << FormatIsoDate(t.day);
    for (const v1::DeadlineAlert& a : sink.last()) {
      EXPECT_EQ(a.reference(), "2025-0001-R1");
    }
  }
}

TEST_F(AlertHubTest, AConcludedCaseWithAnOpenDutyStaysTracked) {
  SetDay(D(2025, 10, 13));
  ASSERT_EQ(Log(*earlier_, D(2025, 8, 1)), "2025-0001");
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);
  // The review is recorded today, 3 working days before its defence is due:
  // the change alerts at once.
  hub_->OnCaseChanged(
      ConcludeAndContest(*sqlite_, case_clock_, "2025-0001", D(2025, 10, 13)));
  EXPECT_THAT(sink.Take(),
              ElementsAre("ALERT_KIND_REVIEW_DEFENCE_DUE default/2025-0001 "
                          "2025-10-16 3/3"));
  // The defence is filed: nothing more, on any day.
  absl::StatusOr<v1::Case> filed = sqlite_->MutateCase(
      "default", "2025-0001", [](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
        *c.mutable_reviews(0)->mutable_defence_filed() =
            ToProtoDate(D(2025, 10, 14));
        v1::CaseEvent event;
        event.set_type(v1::CASE_EVENT_TYPE_UPDATED);
        event.set_actor("王科员");
        return event;
      });
  ASSERT_THAT(filed, IsOk());
  hub_->OnCaseChanged(*filed);
  EXPECT_EQ(Rollover(D(2025, 10, 16)), 0);
  EXPECT_EQ(Rollover(D(2025, 10, 17)), 0);
  EXPECT_THAT(sink.Take(), IsEmpty());
}

TEST_F(AlertHubTest, AJumpOverSeveralThresholdsAlertsOnceAtTheRankReached) {
  ASSERT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0001");
  ASSERT_THAT(hub_->Start(), IsOk());  // 10-20: 8 left
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);
  EXPECT_EQ(Rollover(D(2025, 10, 28)), 1);  // 2 left: past 5 and 3
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0001 2025-10-30 2/3"));
  EXPECT_EQ(Rollover(D(2025, 11, 3)), 1);  // 1, due today and overdue at once
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_OVERDUE "
                                       "default/2025-0001 2025-10-30 -2"));
}

TEST_F(AlertHubTest, ANewCaseThatIsAlreadyUrgentAlertsAtOnce) {
  SetDay(D(2025, 10, 27));
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  // Logged late: 3 working days left, its notice late by (10-13, 10-27] = 10.
  ASSERT_EQ(Log(*cases_, D(2025, 9, 26)), "2025-0001");
  EXPECT_THAT(sink.Take(),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON default/2025-0001 "
                          "2025-10-30 3/3",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE default/2025-0001 "
                          "2025-10-13 -10"));
  for (const v1::DeadlineAlert& a : sink.last()) {
    EXPECT_EQ(FormatIsoDate(a.as_of()), "2025-10-27");
    EXPECT_EQ(FromProtoTimestamp(a.raised_at()), NineAm(D(2025, 10, 27)));
  }

  // A correction that moves no date raises nothing.
  v1::UpdateCaseRequest update;
  update.set_number("2025-0001");
  update.mutable_case_()->mutable_applicant()->set_phone("13800000000");
  update.mutable_update_mask()->add_paths("applicant.phone");
  update.set_reason("申请人更换电话");
  ASSERT_THAT(cases_->UpdateCase(update, "王科员"), IsOk());
  // A fresh case (notice due 11-05, answer due 11-24) raises nothing.
  ASSERT_EQ(Log(*cases_, D(2025, 10, 27)), "2025-0002");
  EXPECT_THAT(sink.Take(), IsEmpty());
  // Nor does the day's check repeat the first case's alerts.
  EXPECT_EQ(Rollover(D(2025, 10, 27)), 0);
  EXPECT_THAT(sink.Take(), IsEmpty());
}

TEST_F(AlertHubTest, AnExtensionLowersTheRankSilentlyAndALaterCrossingAlerts) {
  SetDay(D(2025, 10, 29));
  ASSERT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0001");
  ASSERT_THAT(hub_->Start(), IsOk());  // 1 left: the top rank, silently
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  // Due 11-27 now: (10-29, 11-27] holds 21 working days.
  ASSERT_THAT(Extend("2025-0001", D(2025, 10, 29)), IsOk());
  EXPECT_THAT(sink.Take(), IsEmpty());
  EXPECT_EQ(Rollover(D(2025, 10, 30)), 0);  // the old due date: nothing
  // 11-19: 11-20, 21, 24, 25, 26, 27 = 6 left.
  EXPECT_EQ(Rollover(D(2025, 11, 19)), 0);
  EXPECT_THAT(sink.Take(), IsEmpty());
  EXPECT_EQ(Rollover(D(2025, 11, 20)), 1);  // 5 left
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0001 2025-11-27 5/5"));
  EXPECT_EQ(Rollover(D(2025, 11, 26)), 1);  // 1 left
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0001 2025-11-27 1/1"));
}

// A day's check reads the open cases before it takes its lock; a case that
// changes in between must not be judged on its old record.
TEST_F(AlertHubTest, ACaseChangedDuringTheDayCheckIsNotJudgedOnItsOldRecord) {
  SetDay(D(2025, 10, 28));
  ASSERT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0001");
  ASSERT_THAT(hub_->Start(), IsOk());  // 2 left
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);

  store_->AfterNextSelection(
      [&] { EXPECT_THAT(Extend("2025-0001", D(2025, 10, 29)), IsOk()); });
  // On 10-29 the extended case has 21 working days left (due 11-27): no
  // threshold is crossed. Judged on the record read before the extension it
  // would have 1 left.
  Rollover(D(2025, 10, 29));
  EXPECT_THAT(sink.Take(), IsEmpty());
  // ... and the next crossing is still reported: 5 left on 11-20.
  EXPECT_EQ(Rollover(D(2025, 10, 30)), 0);
  EXPECT_EQ(Rollover(D(2025, 11, 20)), 1);
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0001 2025-11-27 5/5"));
}

// One record the deadline engine refuses must not silence every other case.
TEST_F(AlertHubTest, ARecordThatCannotBeComputedDoesNotSilenceTheOthers) {
  // A 25-day extension: stored data the procedure steps never accept.
  v1::Case broken =
      ::ogi::testing::MakeStoredCase("default", "李四", D(2025, 9, 26));
  broken.mutable_procedure()->mutable_extension()->set_working_days(25);
  ASSERT_THAT(
      sqlite_->CreateCase(broken, ::ogi::testing::MakeEvent(
                                      v1::CASE_EVENT_TYPE_CREATED, "王科员")),
      IsOk());
  ASSERT_EQ(Log(*earlier_, D(2025, 9, 26)), "2025-0002");  // 8 left on 10-20
  EXPECT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);
  SetDay(D(2025, 10, 23));
  (void)hub_->CheckDayRollover();
  EXPECT_THAT(sink.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0002 2025-10-30 5/5"));
}

TEST_F(AlertHubTest, WatchersSeeOnlyTheirAgency) {
  SetDay(D(2025, 10, 27));
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& all = NewSink();
  FakeSink& mine = NewSink();
  FakeSink& theirs = NewSink();
  hub_->Subscribe("", &all);
  hub_->Subscribe("default", &mine);
  hub_->Subscribe("xzsp", &theirs);

  ASSERT_EQ(Log(*cases_, D(2025, 9, 26), "default"), "2025-0001");
  ASSERT_EQ(Log(*cases_, D(2025, 9, 26), "xzsp"), "2025-0001");
  EXPECT_THAT(all.Take(),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON default/2025-0001 "
                          "2025-10-30 3/3",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE default/2025-0001 "
                          "2025-10-13 -10",
                          "ALERT_KIND_ANSWER_DUE_SOON xzsp/2025-0001 "
                          "2025-10-30 3/3",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE xzsp/2025-0001 "
                          "2025-10-13 -10"));
  EXPECT_THAT(mine.Take(),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON default/2025-0001 "
                          "2025-10-30 3/3",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE default/2025-0001 "
                          "2025-10-13 -10"));
  EXPECT_THAT(theirs.Take(),
              ElementsAre("ALERT_KIND_ANSWER_DUE_SOON xzsp/2025-0001 "
                          "2025-10-30 3/3",
                          "ALERT_KIND_CORRECTION_NOTICE_DUE xzsp/2025-0001 "
                          "2025-10-13 -10"));

  // The day's check is filtered the same way: from 3 left (10-27) to 1 left
  // (10-29) both cases cross.
  EXPECT_EQ(Rollover(D(2025, 10, 29)), 2);
  EXPECT_THAT(mine.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                       "default/2025-0001 2025-10-30 1/1"));
  EXPECT_THAT(theirs.Take(), ElementsAre("ALERT_KIND_ANSWER_DUE_SOON "
                                         "xzsp/2025-0001 2025-10-30 1/1"));
  EXPECT_THAT(all.Take(), ::testing::SizeIs(2));
}

TEST_F(AlertHubTest, UnsubscribeStopsDelivery) {
  SetDay(D(2025, 10, 27));
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& stays = NewSink();
  FakeSink& leaves = NewSink();
  hub_->Subscribe("", &stays);
  const int64_t id = hub_->Subscribe("", &leaves);
  hub_->Unsubscribe(id);
  ASSERT_EQ(Log(*cases_, D(2025, 9, 26)), "2025-0001");
  EXPECT_THAT(stays.Take(), ::testing::SizeIs(2));
  EXPECT_THAT(leaves.Take(), IsEmpty());
  EXPECT_EQ(Rollover(D(2025, 10, 29)), 1);
  EXPECT_THAT(stays.Take(), ::testing::SizeIs(1));
  EXPECT_THAT(leaves.Take(), IsEmpty());
  EXPECT_EQ(leaves.closes(), 0);  // unsubscribing is not a shutdown
}

TEST_F(AlertHubTest, ShutdownClosesEverySinkOnceAndThenStaysQuiet) {
  SetDay(D(2025, 10, 27));
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& a = NewSink();
  FakeSink& b = NewSink();
  hub_->Subscribe("", &a);
  hub_->Subscribe("default", &b);
  hub_->Shutdown();
  EXPECT_EQ(a.closes(), 1);
  EXPECT_EQ(b.closes(), 1);
  hub_->Shutdown();  // idempotent
  EXPECT_EQ(a.closes(), 1);

  ASSERT_EQ(Log(*cases_, D(2025, 9, 26)), "2025-0001");  // urgent, but...
  EXPECT_EQ(Rollover(D(2025, 10, 29)), 0);
  EXPECT_THAT(a.Take(), IsEmpty());
  EXPECT_THAT(b.Take(), IsEmpty());

  // A watcher arriving after the shutdown is closed at once.
  FakeSink& late = NewSink();
  hub_->Subscribe("", &late);
  EXPECT_EQ(late.closes(), 1);
}

TEST_F(AlertHubTest, AnApplicationAwaitingConfirmationAlertsWhenDueAndLate) {
  // Fri 2025-10-24, a fax arrives and is logged before the hub starts;
  // another arrives Mon 10-27 while it runs. Confirmations are due on the
  // 2nd working day after arrival: Tue 10-28 and Wed 10-29.
  SetDay(D(2025, 10, 24));
  v1::CreateCaseRequest request;
  *request.mutable_case_() = ::ogi::testing::ValidNewCase();
  request.mutable_case_()->set_channel(v1::CHANNEL_FAX);
  *request.mutable_case_()->mutable_arrival_date() =
      ToProtoDate(D(2025, 10, 24));
  ASSERT_THAT(earlier_->CreateCase(request, "王科员"), IsOk());
  ASSERT_THAT(hub_->Start(), IsOk());
  FakeSink& sink = NewSink();
  hub_->Subscribe("", &sink);
  SetDay(D(2025, 10, 27));
  *request.mutable_case_()->mutable_arrival_date() =
      ToProtoDate(D(2025, 10, 27));
  ASSERT_THAT(cases_->CreateCase(request, "王科员"), IsOk());
  EXPECT_THAT(sink.Take(), IsEmpty());  // not due yet

  const DayAlerts kDays[] = {
      {D(2025, 10, 27), {}},
      {D(2025, 10, 28),
       {"ALERT_KIND_RECEIPT_CONFIRMATION_DUE default/2025-0001 2025-10-28 0"}},
      {D(2025, 10, 29),
       {"ALERT_KIND_RECEIPT_CONFIRMATION_DUE default/2025-0001 2025-10-28 -1",
        "ALERT_KIND_RECEIPT_CONFIRMATION_DUE default/2025-0002 2025-10-29 0"}},
      {D(2025, 10, 30),
       {"ALERT_KIND_RECEIPT_CONFIRMATION_DUE default/2025-0002 2025-10-29 -1"}},
      {D(2025, 10, 31), {}},
  };
  for (const DayAlerts& t : kDays) {
    Rollover(t.day);
    std::vector<std::string> got = sink.Take();
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, t.expected) << FormatIsoDate(t.day);
  }
}

}  // namespace
}  // namespace ogi
