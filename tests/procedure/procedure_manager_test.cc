#include "services/procedure/procedure_manager.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/cases/case_manager.h"
#include "services/common/civil_date.h"
#include "services/common/timestamps.h"
#include "storage/sqlite_case_store.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

// Each step goes through the store as one mutation with one history event.
// Dates are worked out by hand for a case received Fri 2025-09-26 (国庆节、
// 中秋节 off 10-01..10-08; make-up working days Sun 09-28 and Sat 10-11):
//   counted days 1 09-28, 2 09-29, 3 09-30, 4 10-09, 5 10-10, 6 10-11,
//   7 10-13 (补正 notice due), ..., 20 10-30 (answer due), ..., 40 11-27.

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Day = absl::CivilDay;
using Pairs = ::ogi::testing::ChangePairs;
absl::Time BeijingAt10(absl::CivilDay day) {
  return ::ogi::testing::BeijingAt(day, 10);
}
using ::ogi::testing::Changes;
using ::ogi::testing::RecordingObserver;

Day D(int y, int m, int d) { return Day(y, m, d); }

v1::SendCorrectionNoticeRequest CorrectionNotice(Day sent, Day deadline) {
  v1::SendCorrectionNoticeRequest r;
  r.set_number("2025-0001");
  *r.mutable_sent() = ToProtoDate(sent);
  r.set_items_to_supplement("请写明所需信息的名称或文号");
  *r.mutable_applicant_deadline() = ToProtoDate(deadline);
  return r;
}

v1::ReceiveSupplementRequest Supplement(Day received) {
  v1::ReceiveSupplementRequest r;
  r.set_number("2025-0001");
  *r.mutable_received() = ToProtoDate(received);
  return r;
}

v1::SendConsultationRequest Consultation(Day sent) {
  v1::SendConsultationRequest r;
  r.set_number("2025-0001");
  r.set_kind(v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
  r.set_party("聊城某建设有限公司");
  *r.mutable_sent() = ToProtoDate(sent);
  return r;
}

v1::ReceiveConsultationReplyRequest Reply(int id, Day received) {
  v1::ReceiveConsultationReplyRequest r;
  r.set_number("2025-0001");
  r.set_consultation_id(id);
  *r.mutable_received() = ToProtoDate(received);
  return r;
}

v1::IssueFeeNoticeRequest FeeNotice(int pages, Day served) {
  v1::IssueFeeNoticeRequest r;
  r.set_number("2025-0001");
  r.set_method(v1::FEE_METHOD_PER_PAGE);
  r.set_pages(pages);
  *r.mutable_served() = ToProtoDate(served);
  return r;
}

v1::ReceiveFeePaymentRequest Payment(Day paid) {
  v1::ReceiveFeePaymentRequest r;
  r.set_number("2025-0001");
  *r.mutable_paid() = ToProtoDate(paid);
  return r;
}

v1::ExtendDeadlineRequest Extension(int days, Day notified) {
  v1::ExtendDeadlineRequest r;
  r.set_number("2025-0001");
  r.set_working_days(days);
  r.set_approver("李主任");
  *r.mutable_notified() = ToProtoDate(notified);
  return r;
}

v1::DeferDeadlineRequest Deferral(Day new_due, Day notified) {
  v1::DeferDeadlineRequest r;
  r.set_number("2025-0001");
  *r.mutable_new_due() = ToProtoDate(new_due);
  *r.mutable_notified() = ToProtoDate(notified);
  r.set_reason("所需信息涉及多个部门，需较长时间汇总");
  return r;
}

// Public so that the step tables' lambdas can drive it.
class ProcedureManagerTest : public ::testing::Test {
 public:
  void SetUp() override { Reset(); }

  // A fresh store and managers (one per table row).
  void Reset() {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    cases_ = std::make_unique<CaseManager>(store_.get(), &clock_, &case_clock_,
                                           nullptr, "default");
    manager_ = std::make_unique<ProcedureManager>(
        store_.get(), &clock_, &case_clock_, &observer_, "default");
  }

  void SetDay(Day day) { clock_.Set(BeijingAt10(day)); }

  // Logs a case handed in on `received`, with the clock on that day.
  void Log(Day received, v1::Channel channel = v1::CHANNEL_IN_PERSON) {
    SetDay(received);
    v1::CreateCaseRequest request;
    *request.mutable_case_() = ::ogi::testing::ValidNewCase();
    request.mutable_case_()->set_channel(channel);
    *request.mutable_case_()->mutable_arrival_date() = ToProtoDate(received);
    auto response = cases_->CreateCase(request, "王科员");
    ASSERT_THAT(response, IsOk());
    ASSERT_EQ(response->case_().number(), "2025-0001");
  }

  template <typename Request>
  absl::StatusOr<v1::Case> Step(const Request& r,
                                absl::string_view actor = "王科员") {
    absl::StatusOr<v1::ProcedureStepResponse> response =
        manager_->Record(r, actor);
    if (!response.ok()) return response.status();
    return response->case_();
  }

  v1::Case Stored() {
    auto c = store_->GetCase("default", "2025-0001");
    EXPECT_THAT(c, IsOk());
    return c.value_or(v1::Case());
  }

  std::vector<v1::CaseEvent> History() {
    auto events = store_->ListCaseEvents("default", "2025-0001");
    EXPECT_THAT(events, IsOk());
    return events.value_or(std::vector<v1::CaseEvent>{});
  }

  ManualClock clock_{BeijingAt10(D(2025, 9, 26))};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  RecordingObserver observer_;
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<CaseManager> cases_;
  std::unique_ptr<ProcedureManager> manager_;
};

using StepFn =
    std::function<absl::StatusOr<v1::Case>(ProcedureManagerTest&, Day)>;

struct StepCase {
  const char* name;
  // Earlier steps, each with the day it is recorded on.
  std::vector<std::pair<Day, StepFn>> before;
  Day today;
  StepFn step;
  v1::CaseEventType type;
  Pairs changes;
  v1::CaseStatus status;
  std::string answer_due;  // "" while awaiting the 补正 supplement
  std::string reason;
};

template <typename Request>
StepFn Do(Request r) {
  return [r](ProcedureManagerTest& t, Day) { return t.Step(r); };
}

TEST_F(ProcedureManagerTest, EachStepIsOneEventWithItsFactsAndTheMovedDates) {
  const StepCase kCases[] = {
      {"补正 notice: the answer clock waits, the applicant's window opens",
       {},
       D(2025, 10, 9),
       Do(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24))),
       v1::CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT,
       {{"procedure.correction.sent", "→2025-10-09"},
        {"procedure.correction.items_to_supplement",
         "→请写明所需信息的名称或文号"},
        {"procedure.correction.applicant_deadline", "→2025-10-24"},
        {"status", "processing→awaiting_correction"},
        {"deadlines.answer_due", "2025-10-30→"},
        {"deadlines.window_end", "→2025-10-24"}},
       v1::CASE_STATUS_AWAITING_CORRECTION,
       "",
       ""},
      {"supplement on Mon 10-20: a fresh 20 working days, 10-21 .. 11-17",
       {{D(2025, 10, 9),
         Do(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)))}},
       D(2025, 10, 20),
       Do(Supplement(D(2025, 10, 20))),
       v1::CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED,
       {{"procedure.correction.supplement_received", "→2025-10-20"},
        {"status", "awaiting_correction→processing"},
        {"deadlines.answer_due", "→2025-11-17"},
        {"deadlines.window_end", "2025-10-24→"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-17",
       ""},
      {"consultation sent 10-09: paused to its window end 10-29 (15th "
       "working day), so days 4..20 are 10-30 .. 11-21",
       {},
       D(2025, 10, 9),
       Do(Consultation(D(2025, 10, 9))),
       v1::CASE_EVENT_TYPE_CONSULTATION_SENT,
       {{"procedure.consultations[id=1].kind", "→third_party"},
        {"procedure.consultations[id=1].party", "→聊城某建设有限公司"},
        {"procedure.consultations[id=1].sent", "→2025-10-09"},
        {"deadlines.answer_due", "2025-10-30→2025-11-21"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-21",
       ""},
      {"reply 10-14: paused 10-09..10-14 (5 working days) → 10-30 + 5 = "
       "11-06",
       {{D(2025, 10, 9), Do(Consultation(D(2025, 10, 9)))}},
       D(2025, 10, 14),
       Do(Reply(0, D(2025, 10, 14))),
       v1::CASE_EVENT_TYPE_CONSULTATION_REPLY_RECEIVED,
       {{"procedure.consultations[id=1].reply_received", "→2025-10-14"},
        {"deadlines.answer_due", "2025-11-21→2025-11-06"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-06",
       ""},
      {"fee notice served 10-09 (150 pages: 70×10 + 50×20 元): paused to "
       "the payment window end 11-05, so days 4..20 are 11-06 .. 11-28",
       {},
       D(2025, 10, 9),
       Do(FeeNotice(150, D(2025, 10, 9))),
       v1::CASE_EVENT_TYPE_FEE_NOTICE_ISSUED,
       {{"procedure.fee.method", "→per_page"},
        {"procedure.fee.pages", "→150"},
        {"procedure.fee.amount_yuan", "→1700"},
        {"procedure.fee.served", "→2025-10-09"},
        {"deadlines.answer_due", "2025-10-30→2025-11-28"},
        {"deadlines.window_end", "→2025-11-05"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-28",
       ""},
      {"fee paid 10-14: paused 10-09..10-14 → 11-06; the window closes",
       {{D(2025, 10, 9), Do(FeeNotice(150, D(2025, 10, 9)))}},
       D(2025, 10, 14),
       Do(Payment(D(2025, 10, 14))),
       v1::CASE_EVENT_TYPE_FEE_PAID,
       {{"procedure.fee.paid", "→2025-10-14"},
        {"deadlines.answer_due", "2025-11-28→2025-11-06"},
        {"deadlines.window_end", "2025-11-05→"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-06",
       ""},
      {"extension by 20: the 40th working day, 11-27",
       {},
       D(2025, 10, 23),
       Do(Extension(20, D(2025, 10, 23))),
       v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED,
       {{"procedure.extension.working_days", "→20"},
        {"procedure.extension.approver", "→李主任"},
        {"procedure.extension.approved", "→2025-10-23"},
        {"procedure.extension.notified", "→2025-10-23"},
        {"deadlines.answer_due", "2025-10-30→2025-11-27"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-11-27",
       ""},
      {"Art. 35 deferral to 12-31",
       {},
       D(2025, 10, 23),
       Do(Deferral(D(2025, 12, 31), D(2025, 10, 23))),
       v1::CASE_EVENT_TYPE_DEADLINE_DEFERRED,
       {{"procedure.deferral.new_due", "→2025-12-31"},
        {"procedure.deferral.notified", "→2025-10-23"},
        {"procedure.deferral.reason", "→所需信息涉及多个部门，需较长时间汇总"},
        {"deadlines.answer_due", "2025-10-30→2025-12-31"}},
       v1::CASE_STATUS_PROCESSING,
       "2025-12-31",
       "所需信息涉及多个部门，需较长时间汇总"},
  };
  for (const StepCase& t : kCases) {
    SCOPED_TRACE(t.name);
    Reset();
    Log(D(2025, 9, 26));
    for (const auto& [day, step] : t.before) {
      SetDay(day);
      ASSERT_THAT(step(*this, day), IsOk());
    }
    const int version = Stored().version();
    const size_t events = History().size();
    observer_.Take();

    SetDay(t.today);
    absl::StatusOr<v1::Case> after = t.step(*this, t.today);
    ASSERT_THAT(after, IsOk());
    EXPECT_EQ(after->version(), version + 1);
    EXPECT_EQ(after->status(), t.status);
    EXPECT_EQ(FormatIsoDate(after->deadlines().answer_due()), t.answer_due);
    EXPECT_EQ(FormatIsoDate(after->deadlines().as_of()),
              FormatIsoDate(t.today));

    const std::vector<v1::CaseEvent> history = History();
    ASSERT_EQ(history.size(), events + 1);
    const v1::CaseEvent& event = history.back();
    EXPECT_EQ(event.type(), t.type);
    EXPECT_EQ(event.actor(), "王科员");
    EXPECT_EQ(event.reason(), t.reason);
    EXPECT_EQ(event.sequence(), version + 1);
    EXPECT_EQ(FromProtoTimestamp(event.recorded_at()), BeijingAt10(t.today));
    EXPECT_EQ(Changes(event), t.changes);
    EXPECT_EQ(event.snapshot().version(), version + 1);
    EXPECT_EQ(event.snapshot().procedure().SerializeAsString(),
              after->procedure().SerializeAsString());

    const v1::Case stored = Stored();
    EXPECT_EQ(stored.version(), version + 1);
    EXPECT_EQ(FormatIsoDate(stored.deadlines().answer_due()), t.answer_due);
    EXPECT_EQ(FromProtoTimestamp(stored.updated_at()), BeijingAt10(t.today));

    const std::vector<v1::Case> told = observer_.Take();
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0].SerializeAsString(), after->SerializeAsString());
  }
}

struct RefusedCase {
  const char* name;
  std::vector<std::pair<Day, StepFn>> before;
  Day today;
  StepFn step;
  absl::StatusCode code;
  std::string message;
};

TEST_F(ProcedureManagerTest, AStepThatDoesNotFitStoresNothing) {
  const RefusedCase kCases[] = {
      {"a second extension",
       {{D(2025, 10, 23), Do(Extension(10, D(2025, 10, 23)))}},
       D(2025, 10, 24),
       Do(Extension(5, D(2025, 10, 24))),
       absl::StatusCode::kFailedPrecondition,
       "第三十三条只允许延长一次"},
      {"an extension notified after the due date 10-30",
       {},
       D(2025, 10, 31),
       Do(Extension(20, D(2025, 10, 31))),
       absl::StatusCode::kFailedPrecondition,
       "晚于答复期限（2025-10-30），延长答复期限须在期限届满前告知申请人"},
      {"an extension over 20 working days",
       {},
       D(2025, 10, 23),
       Do(Extension(21, D(2025, 10, 23))),
       absl::StatusCode::kFailedPrecondition,
       "延长答复期限最长不超过 20 个工作日"},
      {"an extension while awaiting the 补正 supplement",
       {{D(2025, 10, 9),
         Do(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)))}},
       D(2025, 10, 13),
       Do(Extension(20, D(2025, 10, 13))),
       absl::StatusCode::kFailedPrecondition,
       "正在等待补正材料（补正通知发出日期 "
       "2025-10-09），请在收到补正材料后再记录"
       "延长答复期限"},
      {"a supplement without a notice",
       {},
       D(2025, 10, 13),
       Do(Supplement(D(2025, 10, 13))),
       absl::StatusCode::kFailedPrecondition,
       "案件 2025-0001 没有待补正的补正通知"},
      {"a second 补正 notice",
       {{D(2025, 10, 9),
         Do(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)))}},
       D(2025, 10, 10),
       Do(CorrectionNotice(D(2025, 10, 10), D(2025, 10, 27))),
       absl::StatusCode::kFailedPrecondition,
       "已有补正通知（发出日期 2025-10-09）"},
      {"a fee notice for 30 pages (free)",
       {},
       D(2025, 10, 9),
       Do(FeeNotice(30, D(2025, 10, 9))),
       absl::StatusCode::kFailedPrecondition,
       "无需收费：共 30 页"},
      {"a payment after the window (11-05) closed",
       {{D(2025, 10, 9), Do(FeeNotice(150, D(2025, 10, 9)))}},
       D(2025, 11, 6),
       Do(Payment(D(2025, 11, 6))),
       absl::StatusCode::kFailedPrecondition,
       "晚于缴费期限届满日（2025-11-05"},
      {"a deferral that is not later than the due date",
       {},
       D(2025, 10, 23),
       Do(Deferral(D(2025, 10, 30), D(2025, 10, 23))),
       absl::StatusCode::kFailedPrecondition,
       "不晚于当前答复期限（2025-10-30）"},
      {"a reply with no consultation",
       {},
       D(2025, 10, 13),
       Do(Reply(0, D(2025, 10, 13))),
       absl::StatusCode::kFailedPrecondition,
       "案件 2025-0001 没有未答复的征求意见"},
      {"a reply to an unknown consultation",
       {{D(2025, 10, 9), Do(Consultation(D(2025, 10, 9)))}},
       D(2025, 10, 13),
       Do(Reply(7, D(2025, 10, 13))),
       absl::StatusCode::kNotFound,
       "没有编号为 7 的征求意见"},
      {"an extension of 0 days",
       {},
       D(2025, 10, 23),
       Do(Extension(0, D(2025, 10, 23))),
       absl::StatusCode::kInvalidArgument,
       "working_days"},
      {"a notice sent in the future",
       {},
       D(2025, 10, 9),
       Do(CorrectionNotice(D(2025, 10, 10), D(2025, 10, 24))),
       absl::StatusCode::kInvalidArgument,
       "sent: 2025-10-10 晚于今天（2025-10-09）"},
      // Issue 12: once 85,899,340,580 元.
      {"a fee notice for 2147483647 pages",
       {},
       D(2025, 10, 9),
       Do(FeeNotice(2147483647, D(2025, 10, 9))),
       absl::StatusCode::kInvalidArgument,
       "pages: 按量收费时最多 100000 页，而不是 2147483647"},
  };
  for (const RefusedCase& t : kCases) {
    SCOPED_TRACE(t.name);
    Reset();
    Log(D(2025, 9, 26));
    for (const auto& [day, step] : t.before) {
      SetDay(day);
      ASSERT_THAT(step(*this, day), IsOk());
    }
    const std::string stored_before = Stored().SerializeAsString();
    const size_t events = History().size();
    observer_.Take();

    SetDay(t.today);
    EXPECT_THAT(t.step(*this, t.today), StatusIs(t.code, HasSubstr(t.message)));
    EXPECT_EQ(Stored().SerializeAsString(), stored_before);
    EXPECT_EQ(History().size(), events);
    EXPECT_THAT(observer_.Take(), IsEmpty());
  }
}

TEST_F(ProcedureManagerTest, NoReceiptDateYetIsAFailedPrecondition) {
  // Ordinary mail with no confirmation with the applicant yet.
  Log(D(2025, 9, 26), v1::CHANNEL_ORDINARY_MAIL);
  ASSERT_EQ(Stored().status(), v1::CASE_STATUS_PENDING_CONFIRMATION);
  SetDay(D(2025, 10, 9));
  EXPECT_THAT(Step(Extension(20, D(2025, 10, 9))),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("尚无收到申请日期（待确认收到）")));
  EXPECT_EQ(Stored().version(), 1);
  EXPECT_EQ(History().size(), 1u);
}

TEST_F(ProcedureManagerTest, EveryStepNeedsAnActor) {
  Log(D(2025, 9, 26));
  SetDay(D(2025, 10, 9));
  for (const std::string actor : {"", "   ", "王科员\n李科长"}) {
    SCOPED_TRACE(actor);
    const auto invalid =
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("actor"));
    EXPECT_THAT(Step(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)), actor),
                invalid);
    EXPECT_THAT(Step(Supplement(D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(Consultation(D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(Reply(0, D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(FeeNotice(150, D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(Payment(D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(Extension(20, D(2025, 10, 9)), actor), invalid);
    EXPECT_THAT(Step(Deferral(D(2025, 12, 31), D(2025, 10, 9)), actor),
                invalid);
  }
  EXPECT_EQ(Stored().version(), 1);
  EXPECT_EQ(History().size(), 1u);
  EXPECT_THAT(observer_.Take(), IsEmpty());
}

TEST_F(ProcedureManagerTest, UnknownOrMalformedCase) {
  Log(D(2025, 9, 26));
  SetDay(D(2025, 10, 23));
  v1::ExtendDeadlineRequest r = Extension(20, D(2025, 10, 23));
  r.set_number("2025-0099");
  EXPECT_THAT(Step(r), StatusIs(absl::StatusCode::kNotFound));
  r.set_number("0099");
  EXPECT_THAT(Step(r), StatusIs(absl::StatusCode::kInvalidArgument,
                                HasSubstr("number")));
  r.set_number("2025-0001");
  r.set_agency_code("nope");
  EXPECT_THAT(Step(r), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Stored().version(), 1);
}

TEST_F(ProcedureManagerTest, TheWholeRecordBuildsUpOneEventPerStep) {
  Log(D(2025, 9, 26));
  SetDay(D(2025, 10, 9));
  ASSERT_THAT(Step(CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)), "王科员"),
              IsOk());
  SetDay(D(2025, 10, 20));
  ASSERT_THAT(Step(Supplement(D(2025, 10, 20)), "李科员"), IsOk());
  SetDay(D(2025, 10, 22));
  ASSERT_THAT(Step(Consultation(D(2025, 10, 22)), "王科员"), IsOk());
  SetDay(D(2025, 10, 24));
  ASSERT_THAT(Step(Reply(1, D(2025, 10, 24)), "王科员"), IsOk());
  SetDay(D(2025, 11, 14));
  absl::StatusOr<v1::Case> last =
      Step(Extension(20, D(2025, 11, 14)), "张主任");
  ASSERT_THAT(last, IsOk());
  EXPECT_EQ(last->version(), 6);

  std::vector<v1::CaseEventType> types;
  std::vector<std::string> actors;
  std::vector<int> sequences;
  for (const v1::CaseEvent& e : History()) {
    types.push_back(e.type());
    actors.push_back(e.actor());
    sequences.push_back(e.sequence());
  }
  EXPECT_THAT(types,
              ElementsAreArray({v1::CASE_EVENT_TYPE_CREATED,
                                v1::CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT,
                                v1::CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED,
                                v1::CASE_EVENT_TYPE_CONSULTATION_SENT,
                                v1::CASE_EVENT_TYPE_CONSULTATION_REPLY_RECEIVED,
                                v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED}));
  EXPECT_THAT(actors, ElementsAreArray({"王科员", "王科员", "李科员", "王科员",
                                        "王科员", "张主任"}));
  EXPECT_THAT(sequences, ElementsAreArray({1, 2, 3, 4, 5, 6}));
  // Restarted 10-20: 10-21..24 (4), 10-27..31 (9), 11-03..07 (14),
  // 11-10..14 (19), 11-17 (20). The consultation 10-22..10-24 paused 3
  // working days: 20th = 11-20. Extended by 20: 11-21 (1), 11-24..28 (6),
  // 12-01..05 (11), 12-08..12 (16), 12-15..18 (20) → 12-18.
  EXPECT_EQ(FormatIsoDate(last->deadlines().answer_due()), "2025-12-18");
  EXPECT_EQ(last->deadlines().allowed_working_days(), 40);
}

}  // namespace
}  // namespace ogi
