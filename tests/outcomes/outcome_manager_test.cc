#include "services/outcomes/outcome_manager.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/alerts/alert_hub.h"
#include "services/alerts/deadline_manager.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/procedure/procedure_manager.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

// Conclusions through the store: one event per call with its actor, the
// clocks stopped, and the concluded case gone from deadline listings and
// alert streams. Cases are received Fri 2025-09-26: 补正 notice due 10-13,
// answer due 10-30 (国庆节、中秋节 10-01..10-08 off; make-up days 09-28 and
// 10-11 counted).

namespace ogi {
namespace {

using ::ogi::testing::Changes;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

// Remembers the alerts pushed to it.
class RecordingSink final : public AlertSink {
 public:
  void Push(const v1::DeadlineAlert& alert) override {
    absl::MutexLock lock(&mu_);
    numbers_.push_back(alert.number());
  }
  void Close() override {}
  std::vector<std::string> numbers() {
    absl::MutexLock lock(&mu_);
    return numbers_;
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> numbers_ ABSL_GUARDED_BY(mu_);
};

class OutcomeManagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    hub_ = std::make_unique<AlertHub>(store_.get(), &clock_, &case_clock_,
                                      std::vector<int>{5, 3, 1});
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           hub_.get(), "default");
    procedure_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, hub_.get(), "default");
    manager_ = std::make_unique<OutcomeManager>(
        store_.get(), &clock_, &case_clock_, hub_.get(), "default");
    deadlines_ = std::make_unique<DeadlineManager>(store_.get(), &clock_,
                                                   &case_clock_, "default");
  }

  void TearDown() override { hub_->Shutdown(); }

  void SetDay(Day day) { clock_.Set(::ogi::testing::BeijingAt(day, 10)); }

  // Logs a case received on 2025-09-26; returns its number.
  std::string Log() {
    SetDay(D(2025, 9, 26));
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    *request.mutable_case_()->mutable_arrival_date() =
        ToProtoDate(D(2025, 9, 26));
    auto response = cases_->CreateCase(request, "王科员");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->case_().number() : "";
  }

  v1::ConcludeCaseRequest Answer(const std::string& number, v1::Outcome outcome,
                                 Day served) {
    v1::ConcludeCaseRequest r;
    r.set_number(number);
    r.set_outcome(outcome);
    r.mutable_conclusion()->set_service_method(
        v1::SERVICE_METHOD_SIGNED_IN_PERSON);
    *r.mutable_conclusion()->mutable_served() = ToProtoDate(served);
    return r;
  }

  std::vector<v1::CaseEvent> History(const std::string& number) {
    auto events = store_->ListCaseEvents("default", number);
    EXPECT_THAT(events, IsOk());
    return events.value_or(std::vector<v1::CaseEvent>{});
  }

  std::vector<std::string> Listed(int within) {
    v1::ListDeadlinesRequest request;
    request.set_within_working_days(within);
    auto response = deadlines_->ListDeadlines(request);
    EXPECT_THAT(response, IsOk());
    std::vector<std::string> numbers;
    if (response.ok()) {
      for (const auto& alert : response->alerts()) {
        numbers.push_back(alert.number());
      }
    }
    return numbers;
  }

  ManualClock clock_{::ogi::testing::BeijingAt(D(2025, 9, 26), 10)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  std::unique_ptr<SqliteCaseStore> store_;
  RecordingSink sink_;  // outlives the hub's Shutdown in TearDown
  std::unique_ptr<AlertHub> hub_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> procedure_;
  std::unique_ptr<OutcomeManager> manager_;
  std::unique_ptr<DeadlineManager> deadlines_;
};

TEST_F(OutcomeManagerTest, LateAnswerIsStoredFlaggedAndStopsTheClock) {
  const std::string number = Log();
  SetDay(D(2025, 11, 3));
  EXPECT_THAT(Listed(5), ElementsAre(number));  // overdue

  auto response = manager_->Record(
      Answer(number, v1::OUTCOME_DISCLOSED, D(2025, 10, 31)), "李科长");
  ASSERT_THAT(response, IsOk());
  const v1::Case& c = response->case_();
  EXPECT_EQ(c.status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_EQ(c.version(), 2);
  EXPECT_TRUE(c.conclusion().served_late());
  // Stopped on the service date, one working day late.
  EXPECT_EQ(c.deadlines().state(), v1::CLOCK_STATE_STOPPED);
  EXPECT_EQ(FormatIsoDate(c.deadlines().as_of()), "2025-10-31");
  EXPECT_EQ(FormatIsoDate(c.deadlines().answer_due()), "2025-10-30");
  EXPECT_EQ(c.deadlines().working_days_left(), -1);

  const std::vector<v1::CaseEvent> history = History(number);
  ASSERT_EQ(history.size(), 2u);
  const v1::CaseEvent& e = history.back();
  EXPECT_EQ(e.type(), v1::CASE_EVENT_TYPE_CONCLUDED);
  EXPECT_EQ(e.actor(), "李科长");
  EXPECT_THAT(Changes(e), Contains(Pair("conclusion.served_late", "→true")));
  EXPECT_THAT(Changes(e), Contains(Pair("conclusion.due_date", "→2025-10-30")));
  EXPECT_THAT(Changes(e), Contains(Pair("status", "processing→concluded")));
  // The 补正 notice duty went with the case.
  EXPECT_THAT(Changes(e),
              Contains(Pair("deadlines.correction_notice_due", "2025-10-13→")));
  EXPECT_EQ(e.snapshot().status(), v1::CASE_STATUS_CONCLUDED);

  EXPECT_THAT(Listed(60), IsEmpty());
}

TEST_F(OutcomeManagerTest, ConcludedCaseRefusesStepsAndASecondConclusion) {
  const std::string number = Log();
  SetDay(D(2025, 10, 20));
  ASSERT_THAT(
      manager_->Record(Answer(number, v1::OUTCOME_DISCLOSED, D(2025, 10, 20)),
                       "王科员"),
      IsOk());

  v1::ExtendDeadlineRequest extension;
  extension.set_number(number);
  extension.set_working_days(10);
  extension.set_approver("李主任");
  *extension.mutable_notified() = ToProtoDate(D(2025, 10, 20));
  EXPECT_THAT(procedure_->Record(extension, "王科员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "案件 2025-0001 已办结（送达日期 2025-10-20），不能再"
                       "记录办理步骤"));
  EXPECT_THAT(manager_->Record(Answer(number, v1::OUTCOME_WITHHELD_STATE_SECRET,
                                      D(2025, 10, 20)),
                               "王科员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "案件 2025-0001 已办结（送达日期 2025-10-20，办理结果 "
                       "disclosed），如需修改请更正办结记录"));
  EXPECT_EQ(History(number).size(), 2u);
}

TEST_F(OutcomeManagerTest, ConcludedCasesDropOutOfTheAlertStream) {
  const std::string answered = Log();
  const std::string open = Log();
  SetDay(D(2025, 10, 20));
  ASSERT_THAT(hub_->Start(), IsOk());
  hub_->Subscribe("", &sink_);
  ASSERT_THAT(
      manager_->Record(Answer(answered, v1::OUTCOME_DISCLOSED, D(2025, 10, 20)),
                       "王科员"),
      IsOk());

  // By 10-31 the open case is overdue; the answered one alerts no more.
  SetDay(D(2025, 10, 31));
  ASSERT_THAT(hub_->CheckDayRollover(), IsOk());
  const std::vector<std::string> alerted = sink_.numbers();
  EXPECT_THAT(alerted, Contains(open));
  EXPECT_THAT(alerted, ::testing::Not(Contains(answered)));
  EXPECT_THAT(Listed(5), ElementsAre(open));
}

TEST_F(OutcomeManagerTest,
       WithdrawalLapseCorrectionAndReAnswerAreEachOneEvent) {
  const std::string withdrawn = Log();
  const std::string lapsed = Log();
  SetDay(D(2025, 10, 9));
  v1::SendCorrectionNoticeRequest notice;
  notice.set_number(lapsed);
  *notice.mutable_sent() = ToProtoDate(D(2025, 10, 9));
  notice.set_items_to_supplement("请写明所需信息的名称或文号");
  *notice.mutable_applicant_deadline() = ToProtoDate(D(2025, 10, 24));
  ASSERT_THAT(procedure_->Record(notice, "王科员"), IsOk());

  SetDay(D(2025, 10, 27));
  v1::WithdrawCaseRequest withdrawal;
  withdrawal.set_number(withdrawn);
  *withdrawal.mutable_withdrawn() = ToProtoDate(D(2025, 10, 27));
  auto w = manager_->Record(withdrawal, "王科员");
  ASSERT_THAT(w, IsOk());
  EXPECT_EQ(w->case_().conclusion().outcome(), v1::OUTCOME_OTHER);
  EXPECT_EQ(w->case_().conclusion().note(), "申请人撤回申请");

  v1::ConfirmLapseRequest lapse;
  lapse.set_number(lapsed);
  *lapse.mutable_concluded() = ToProtoDate(D(2025, 10, 27));
  auto l = manager_->Record(lapse, "李科长");
  ASSERT_THAT(l, IsOk());
  EXPECT_EQ(l->case_().conclusion().outcome(),
            v1::OUTCOME_OTHER_CORRECTION_LAPSED);
  EXPECT_EQ(l->case_().deadlines().state(), v1::CLOCK_STATE_STOPPED);
  EXPECT_EQ(l->case_().deadlines().proposal(),
            v1::PROPOSED_CONCLUSION_UNSPECIFIED);
  EXPECT_THAT(Listed(60), IsEmpty());

  // A correction: the withdrawal was a 不予处理 answer after all.
  v1::CorrectConclusionRequest correction;
  correction.set_number(withdrawn);
  v1::Conclusion* k = correction.mutable_conclusion();
  k->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  v1::ItemDisposition* d = k->add_dispositions();
  d->set_item(1);
  d->set_outcome(v1::OUTCOME_NOT_PROCESSED_COMPLAINT);
  k->set_service_method(v1::SERVICE_METHOD_POSTED);
  *k->mutable_served() = ToProtoDate(D(2025, 10, 27));
  correction.set_reason("申请内容为投诉举报，已告知通过信访渠道反映");
  ASSERT_THAT(manager_->Record(correction, "李科长"), IsOk());
  const v1::CaseEvent corrected = History(withdrawn).back();
  EXPECT_EQ(corrected.type(), v1::CASE_EVENT_TYPE_CONCLUSION_CORRECTED);
  EXPECT_EQ(corrected.reason(), "申请内容为投诉举报，已告知通过信访渠道反映");
  EXPECT_THAT(
      Changes(corrected),
      Contains(Pair("conclusion.outcome", "other→not_processed_complaint")));

  // A review of it (as services/proceedings records one) orders a new
  // answer, which is then served.
  ASSERT_THAT(
      store_->MutateCase(
          "default", withdrawn,
          [](v1::Case& c) -> absl::StatusOr<v1::CaseEvent> {
            v1::Review* review = c.add_reviews();
            review->set_id(c.number() + "-R1");
            review->set_organ("聊城市人民政府");
            *review->mutable_filed() = ToProtoDate(D(2025, 11, 3));
            review->set_decision(v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM);
            *review->mutable_decided() = ToProtoDate(D(2025, 12, 10));
            v1::CaseEvent e;
            e.set_type(v1::CASE_EVENT_TYPE_REVIEW_DECIDED);
            e.set_actor("法制科");
            e.mutable_recorded_at()->set_seconds(1765339200);
            return e;
          }),
      IsOk());
  SetDay(D(2025, 12, 11));
  v1::RecordReAnswerRequest order;
  order.set_number(withdrawn);
  order.set_ordered_by(withdrawn + "-R1");
  *order.mutable_due() = ToProtoDate(D(2026, 1, 9));
  ASSERT_THAT(manager_->Record(order, "法制科"), IsOk());
  SetDay(D(2026, 1, 6));
  v1::RecordReAnswerRequest answer = order;
  answer.clear_due();
  answer.set_outcome(v1::OUTCOME_DISCLOSED);
  answer.set_service_method(v1::SERVICE_METHOD_POSTED);
  *answer.mutable_served() = ToProtoDate(D(2026, 1, 6));
  auto reanswered = manager_->Record(answer, "法制科");
  ASSERT_THAT(reanswered, IsOk());
  ASSERT_EQ(reanswered->case_().re_answers_size(), 1);
  EXPECT_FALSE(reanswered->case_().re_answers(0).served_late());
  EXPECT_EQ(reanswered->case_().conclusion().outcome(),
            v1::OUTCOME_NOT_PROCESSED_COMPLAINT);

  std::vector<v1::CaseEventType> types;
  for (const v1::CaseEvent& e : History(withdrawn)) types.push_back(e.type());
  EXPECT_THAT(types, ElementsAre(v1::CASE_EVENT_TYPE_CREATED,
                                 v1::CASE_EVENT_TYPE_CONCLUDED,
                                 v1::CASE_EVENT_TYPE_CONCLUSION_CORRECTED,
                                 v1::CASE_EVENT_TYPE_REVIEW_DECIDED,
                                 v1::CASE_EVENT_TYPE_REANSWER_ORDERED,
                                 v1::CASE_EVENT_TYPE_REANSWERED));
}

// Correcting the recorded fields (CaseService.UpdateCase) leaves the
// conclusion and the stopped clock alone, and cannot take the receipt date
// past the conclusion.
TEST_F(OutcomeManagerTest, UpdatingTheRecordKeepsTheCaseConcluded) {
  const std::string number = Log();
  SetDay(D(2025, 10, 20));
  ASSERT_THAT(
      manager_->Record(Answer(number, v1::OUTCOME_DISCLOSED, D(2025, 10, 20)),
                       "王科员"),
      IsOk());
  v1::UpdateCaseRequest update;
  update.set_number(number);
  update.mutable_case_()->mutable_applicant()->set_phone("0635-8902701");
  update.mutable_update_mask()->add_paths("applicant.phone");
  update.set_reason("补充联系电话");
  auto updated = cases_->UpdateCase(update, "王科员");
  ASSERT_THAT(updated, IsOk());
  EXPECT_EQ(updated->case_().status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_EQ(updated->case_().deadlines().state(), v1::CLOCK_STATE_STOPPED);
  EXPECT_THAT(Listed(60), IsEmpty());

  SetDay(D(2025, 10, 22));
  v1::UpdateCaseRequest later = update;
  later.mutable_case_()->Clear();
  *later.mutable_case_()->mutable_arrival_date() = ToProtoDate(D(2025, 10, 21));
  later.mutable_update_mask()->Clear();
  later.mutable_update_mask()->add_paths("arrival_date");
  later.set_reason("收件日期登记错误");
  EXPECT_THAT(cases_->UpdateCase(later, "王科员"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "案件 2025-0001 已于 2025-10-20 办结：收到申请日期须"
                       "保留且不能晚于该日（请先更正办结记录）"));
}

TEST_F(OutcomeManagerTest, ActorAndNumberAreChecked) {
  const std::string number = Log();
  SetDay(D(2025, 10, 20));
  const v1::ConcludeCaseRequest r =
      Answer(number, v1::OUTCOME_DISCLOSED, D(2025, 10, 20));
  EXPECT_THAT(manager_->Record(r, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("actor: 缺失")));
  v1::ConcludeCaseRequest unknown = r;
  unknown.set_number("2025-0042");
  EXPECT_THAT(manager_->Record(unknown, "王科员"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(History(number).size(), 1u);
}

}  // namespace
}  // namespace ogi
