#include "services/proceedings/proceeding_steps.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"

// Each step on a case received 2024-08-01 (number 2024-0007), with "today"
// 2024-12-31 unless a test says otherwise. Hand-worked dates:
//   copy received Fri 2024-09-27 → review defence due 2024-10-16 (10 working
//   days: make-up Sun 09-29 and Sat 10-12 count, 国庆节 10-01..10-07 not);
//   accepted 2024-09-20 → decision expected + 60 = Tue 11-19, extended
//   + 90 = Thu 12-19;
//   lawsuit filed 2024-11-01 → judgment expected Thu 2025-05-01 (劳动节) →
//   Tue 05-06; complaint received 2024-11-05 → defence due Wed 11-20.

namespace ogi {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::ogi::testing::Changes;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;
using Day = absl::CivilDay;
using Pairs = ::ogi::testing::ChangePairs;

Day D(int y, int m, int d) { return Day(y, m, d); }

constexpr char kNumber[] = "2024-0007";
constexpr char kR1[] = "2024-0007-R1";
constexpr char kL1[] = "2024-0007-L1";

v1::Case ReceivedCase() {
  v1::Case c;
  c.set_agency_code("default");
  c.set_number(kNumber);
  c.mutable_applicant()->set_name("张三");
  *c.mutable_arrival_date() = ToProtoDate(D(2024, 8, 1));
  *c.mutable_receipt_date() = ToProtoDate(D(2024, 8, 1));
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  return c;
}

v1::FileReviewRequest FileReview(Day filed) {
  v1::FileReviewRequest r;
  r.set_number(kNumber);
  r.mutable_review()->set_organ("聊城市人民政府");
  *r.mutable_review()->mutable_filed() = ToProtoDate(filed);
  return r;
}

v1::RecordReviewProgressRequest ReviewProgress(const std::string& id = kR1) {
  v1::RecordReviewProgressRequest r;
  r.set_id(id);
  return r;
}

v1::RecordReviewProgressRequest CopyReceived(Day day) {
  v1::RecordReviewProgressRequest r = ReviewProgress();
  *r.mutable_copy_received() = ToProtoDate(day);
  return r;
}

v1::RecordReviewProgressRequest Accepted(Day day) {
  v1::RecordReviewProgressRequest r = ReviewProgress();
  *r.mutable_accepted() = ToProtoDate(day);
  return r;
}

v1::RecordReviewProgressRequest Defence(Day day) {
  v1::RecordReviewProgressRequest r = ReviewProgress();
  *r.mutable_defence_filed() = ToProtoDate(day);
  return r;
}

v1::RecordReviewProgressRequest Extend() {
  v1::RecordReviewProgressRequest r = ReviewProgress();
  r.set_extend_decision_period(true);
  return r;
}

v1::RecordReviewProgressRequest Procedure(v1::ReviewProcedure procedure) {
  v1::RecordReviewProgressRequest r = ReviewProgress();
  r.set_procedure(procedure);
  return r;
}

v1::DecideReviewRequest Decide(v1::ProceedingDecision decision, Day decided) {
  v1::DecideReviewRequest r;
  r.set_id(kR1);
  r.set_decision(decision);
  *r.mutable_decided() = ToProtoDate(decided);
  return r;
}

v1::FileLawsuitRequest FileLawsuit(Day filed, const std::string& after = "") {
  v1::FileLawsuitRequest r;
  r.set_number(kNumber);
  r.mutable_lawsuit()->set_court("聊城市东昌府区人民法院");
  *r.mutable_lawsuit()->mutable_filed() = ToProtoDate(filed);
  r.mutable_lawsuit()->set_after_review_id(after);
  return r;
}

v1::RecordLawsuitProgressRequest LawsuitProgress() {
  v1::RecordLawsuitProgressRequest r;
  r.set_id(kL1);
  return r;
}

v1::RecordLawsuitProgressRequest ComplaintReceived(Day day) {
  v1::RecordLawsuitProgressRequest r = LawsuitProgress();
  *r.mutable_complaint_received() = ToProtoDate(day);
  return r;
}

v1::RecordLawsuitProgressRequest LawsuitDefence(Day day) {
  v1::RecordLawsuitProgressRequest r = LawsuitProgress();
  *r.mutable_defence_filed() = ToProtoDate(day);
  return r;
}

v1::JudgeLawsuitRequest Judge(v1::ProceedingDecision decision, Day date) {
  v1::JudgeLawsuitRequest r;
  r.set_id(kL1);
  r.set_decision(decision);
  *r.mutable_date() = ToProtoDate(date);
  return r;
}

v1::AppealLawsuitRequest Appeal(Day filed) {
  v1::AppealLawsuitRequest r;
  r.set_id(kL1);
  *r.mutable_filed() = ToProtoDate(filed);
  r.set_appellant("原告");
  r.set_court("聊城市中级人民法院");
  return r;
}

v1::DecideAppealRequest DecideAppeal(v1::ProceedingDecision decision,
                                     Day date) {
  v1::DecideAppealRequest r;
  r.set_id(kL1);
  r.set_decision(decision);
  *r.mutable_date() = ToProtoDate(date);
  return r;
}

// A step bound to its request, applied on a given day.
using Step =
    std::function<absl::StatusOr<v1::CaseEvent>(v1::Case& c, Day today)>;

template <typename Request>
Step Do(Request r) {
  return [r](v1::Case& c, Day today) {
    return ApplyStep(r, today, BuiltinCalendar(), ClockPolicy(), c);
  };
}

template <typename Request, typename Edit>
Step Do(Request r, Edit edit) {
  edit(r);
  return Do(std::move(r));
}

const Day kToday = D(2024, 12, 31);

TEST(ProceedingStepsTest, FilingAReviewRecordsItsFactsAndDerivedDates) {
  v1::Case c = ReceivedCase();
  v1::FileReviewRequest r = FileReview(D(2024, 9, 10));
  *r.mutable_review()->mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  r.mutable_review()->set_note("申请人认为答复未说明理由");
  // Output-only fields are ignored.
  *r.mutable_review()->mutable_defence_due() = ToProtoDate(D(2030, 1, 1));
  r.mutable_review()->set_id("x");
  absl::StatusOr<v1::CaseEvent> event =
      ApplyStep(r, kToday, BuiltinCalendar(), ClockPolicy(), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_REVIEW_FILED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("reviews[id=2024-0007-R1].organ", "→聊城市人民政府"),
          Pair("reviews[id=2024-0007-R1].filed", "→2024-09-10"),
          Pair("reviews[id=2024-0007-R1].procedure", "→ordinary"),
          Pair("reviews[id=2024-0007-R1].copy_received", "→2024-09-27"),
          Pair("reviews[id=2024-0007-R1].note", "→申请人认为答复未说明理由"),
          Pair("reviews[id=2024-0007-R1].defence_due", "→2024-10-16"),
          Pair("reviews[id=2024-0007-R1].column", "→pending")));
  ASSERT_EQ(c.reviews_size(), 1);
  const v1::Review& review = c.reviews(0);
  EXPECT_EQ(review.id(), kR1);
  EXPECT_EQ(FormatIsoDate(review.defence_due()), "2024-10-16");
  EXPECT_FALSE(review.has_decision_expected());  // not accepted yet
  EXPECT_EQ(review.column(), v1::RESULT_COLUMN_PENDING);
  EXPECT_FALSE(review.dates_provisional());

  // The next review of the same case is R2.
  ASSERT_THAT(Do(FileReview(D(2024, 12, 2)))(c, kToday), IsOk());
  EXPECT_EQ(c.reviews(1).id(), "2024-0007-R2");
}

TEST(ProceedingStepsTest, ProgressRecordsEachFieldAndMovesTheDerivedDates) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());

  v1::RecordReviewProgressRequest r = ReviewProgress();
  *r.mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  *r.mutable_accepted() = ToProtoDate(D(2024, 9, 20));
  *r.mutable_defence_filed() = ToProtoDate(D(2024, 10, 14));
  absl::StatusOr<v1::CaseEvent> event = Do(r)(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_REVIEW_PROGRESS);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("reviews[id=2024-0007-R1].copy_received", "→2024-09-27"),
          Pair("reviews[id=2024-0007-R1].accepted", "→2024-09-20"),
          Pair("reviews[id=2024-0007-R1].defence_filed", "→2024-10-14"),
          Pair("reviews[id=2024-0007-R1].defence_due", "→2024-10-16"),
          Pair("reviews[id=2024-0007-R1].decision_expected", "→2024-11-19")));

  event = Do(Extend())(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(Changes(*event),
              ElementsAre(Pair("reviews[id=2024-0007-R1]."
                               "decision_period_extended",
                               "→true"),
                          Pair("reviews[id=2024-0007-R1].decision_expected",
                               "2024-11-19→2024-12-19")));

  // A correction of the acceptance date shows old and new.
  event = Do(Accepted(D(2024, 9, 23)))(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(Changes(*event),
              ElementsAre(Pair("reviews[id=2024-0007-R1].accepted",
                               "2024-09-20→2024-09-23"),
                          Pair("reviews[id=2024-0007-R1].decision_expected",
                               "2024-12-19→2024-12-23")));
}

TEST(ProceedingStepsTest, SimplifiedProcedureShortensTheClocks) {
  v1::Case c = ReceivedCase();
  v1::FileReviewRequest r = FileReview(D(2024, 9, 10));
  *r.mutable_review()->mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  *r.mutable_review()->mutable_accepted() = ToProtoDate(D(2024, 9, 20));
  ASSERT_THAT(Do(r)(c, kToday), IsOk());
  absl::StatusOr<v1::CaseEvent> event =
      Do(Procedure(v1::REVIEW_PROCEDURE_SIMPLIFIED))(c, kToday);
  ASSERT_THAT(event, IsOk());
  // 5 working days: 09-29, 09-30, 10-08, 10-09, 10-10; 09-20 + 30 = Sun
  // 10-20 → Mon 10-21.
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("reviews[id=2024-0007-R1].procedure", "ordinary→simplified"),
          Pair("reviews[id=2024-0007-R1].defence_due", "2024-10-16→2024-10-10"),
          Pair("reviews[id=2024-0007-R1].decision_expected",
               "2024-11-19→2024-10-21")));
}

TEST(ProceedingStepsTest, RevocationOrdersAPendingReAnswer) {
  v1::Case c = ReceivedCase();
  // An earlier order already on the case (e.g. recorded by OutcomeService).
  v1::ReAnswer* earlier = c.add_re_answers();
  earlier->set_id(1);
  earlier->set_ordered_by("2024-0007-R0");
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  v1::DecideReviewRequest r =
      Decide(v1::PROCEEDING_DECISION_REVOKED, D(2024, 11, 20));
  *r.mutable_reanswer_due() = ToProtoDate(D(2025, 1, 10));
  absl::StatusOr<v1::CaseEvent> event = Do(r)(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_REVIEW_DECIDED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("reviews[id=2024-0007-R1].decision", "→revoked"),
          Pair("reviews[id=2024-0007-R1].decided", "→2024-11-20"),
          Pair("re_answers[id=2].ordered_by", "→2024-0007-R1"),
          Pair("re_answers[id=2].ordered", "→2024-11-20"),
          Pair("re_answers[id=2].due", "→2025-01-10"),
          Pair("reviews[id=2024-0007-R1].column", "pending→corrected")));
  ASSERT_EQ(c.re_answers_size(), 2);
  const v1::ReAnswer& order = c.re_answers(1);
  EXPECT_EQ(order.id(), 2);
  EXPECT_EQ(order.ordered_by(), kR1);
  EXPECT_EQ(FormatIsoDate(order.ordered()), "2024-11-20");
  EXPECT_EQ(FormatIsoDate(order.due()), "2025-01-10");
  EXPECT_FALSE(order.has_served());  // pending
  EXPECT_EQ(c.reviews(0).column(), v1::RESULT_COLUMN_CORRECTED);
}

TEST(ProceedingStepsTest, ADecisionWithoutReAnswerDueCreatesNoOrder) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  ASSERT_THAT(
      Do(Decide(v1::PROCEEDING_DECISION_REVOKED, D(2024, 11, 20)))(c, kToday),
      IsOk());
  EXPECT_EQ(c.re_answers_size(), 0);
}

TEST(ProceedingStepsTest, SuitAfterReviewOnceTheDecisionPeriodHasRunOut) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  // Undecided, deemed accepted 2024-09-18; the period ended 2024-11-18.
  ASSERT_THAT(Do(FileLawsuit(D(2024, 11, 19), kR1))(c, kToday), IsOk());
  ASSERT_EQ(c.lawsuits_size(), 1);
  EXPECT_EQ(c.lawsuits(0).route(), v1::LAWSUIT_ROUTE_AFTER_REVIEW);
}

TEST(ProceedingStepsTest, SuitAfterReviewOnTheDayOfTheDecision) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  ASSERT_THAT(
      Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 10, 25)))(c, kToday),
      IsOk());
  EXPECT_THAT(Do(FileLawsuit(D(2024, 10, 25), kR1))(c, kToday), IsOk());
}

TEST(ProceedingStepsTest, DirectSuitNeedsNoDecidedReview) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  ASSERT_THAT(Do(FileLawsuit(D(2024, 9, 20)))(c, kToday), IsOk());
  EXPECT_EQ(c.lawsuits(0).route(), v1::LAWSUIT_ROUTE_DIRECT);
}

TEST(ProceedingStepsTest, LawsuitAfterReviewThroughAppeal) {
  v1::Case c = ReceivedCase();
  ASSERT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday), IsOk());
  ASSERT_THAT(
      Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 10, 25)))(c, kToday),
      IsOk());

  v1::FileLawsuitRequest file = FileLawsuit(D(2024, 11, 1), kR1);
  *file.mutable_lawsuit()->mutable_complaint_received() =
      ToProtoDate(D(2024, 11, 5));
  absl::StatusOr<v1::CaseEvent> event = Do(file)(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_LAWSUIT_FILED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("lawsuits[id=2024-0007-L1].court", "→聊城市东昌府区人民法院"),
          Pair("lawsuits[id=2024-0007-L1].filed", "→2024-11-01"),
          Pair("lawsuits[id=2024-0007-L1].after_review_id", "→2024-0007-R1"),
          Pair("lawsuits[id=2024-0007-L1].role", "→defendant"),
          Pair("lawsuits[id=2024-0007-L1].complaint_received", "→2024-11-05"),
          Pair("lawsuits[id=2024-0007-L1].route", "→after_review"),
          Pair("lawsuits[id=2024-0007-L1].defence_due", "→2024-11-20"),
          Pair("lawsuits[id=2024-0007-L1].judgment_expected", "→2025-05-06"),
          Pair("lawsuits[id=2024-0007-L1].column", "→pending")));

  event = Do(LawsuitDefence(D(2024, 11, 18)))(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_LAWSUIT_PROGRESS);
  EXPECT_THAT(Changes(*event),
              ElementsAre(Pair("lawsuits[id=2024-0007-L1].defence_filed",
                               "→2024-11-18")));

  event = Do(Judge(v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 12, 10)))(
      c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_LAWSUIT_JUDGED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("lawsuits[id=2024-0007-L1].first_instance.decision",
               "→claim_dismissed"),
          Pair("lawsuits[id=2024-0007-L1].first_instance.date", "→2024-12-10"),
          Pair("lawsuits[id=2024-0007-L1].column", "pending→upheld")));

  event = Do(Appeal(D(2024, 12, 20)))(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_LAWSUIT_APPEALED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("lawsuits[id=2024-0007-L1].appeal.filed", "→2024-12-20"),
          Pair("lawsuits[id=2024-0007-L1].appeal.appellant", "→原告"),
          Pair("lawsuits[id=2024-0007-L1].appeal.court", "→聊城市中级人民法院"),
          Pair("lawsuits[id=2024-0007-L1].column", "upheld→pending")));

  event = Do(DecideAppeal(v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
                          D(2025, 3, 14)))(c, D(2025, 3, 14));
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_APPEAL_DECIDED);
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("lawsuits[id=2024-0007-L1].appeal.result.decision",
               "→appeal_dismissed"),
          Pair("lawsuits[id=2024-0007-L1].appeal.result.date", "→2025-03-14"),
          Pair("lawsuits[id=2024-0007-L1].column", "pending→upheld")));
}

TEST(ProceedingStepsTest, CoDefendantReviewOrganIsRecordedAsGiven) {
  v1::Case c = ReceivedCase();
  v1::FileLawsuitRequest r = FileLawsuit(D(2024, 11, 1));
  r.mutable_lawsuit()->set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  r.mutable_lawsuit()->set_simplified(true);
  absl::StatusOr<v1::CaseEvent> event = Do(r)(c, kToday);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(
      Changes(*event),
      ElementsAre(
          Pair("lawsuits[id=2024-0007-L1].court", "→聊城市东昌府区人民法院"),
          Pair("lawsuits[id=2024-0007-L1].filed", "→2024-11-01"),
          Pair("lawsuits[id=2024-0007-L1].role", "→co_defendant_review_organ"),
          Pair("lawsuits[id=2024-0007-L1].simplified", "→true"),
          Pair("lawsuits[id=2024-0007-L1].route", "→direct"),
          // 11-01 + 45 = Mon 12-16.
          Pair("lawsuits[id=2024-0007-L1].judgment_expected", "→2024-12-16"),
          Pair("lawsuits[id=2024-0007-L1].column", "→pending")));
}

TEST(ProceedingStepsTest, DatesPastTheLoadedYearsAreMarkedProvisional) {
  v1::Case c = ReceivedCase();
  const Day today = D(2027, 3, 1);
  v1::FileReviewRequest r = FileReview(D(2027, 2, 1));
  *r.mutable_review()->mutable_copy_received() = ToProtoDate(D(2027, 3, 1));
  ASSERT_THAT(Do(r)(c, today), IsOk());
  EXPECT_EQ(FormatIsoDate(c.reviews(0).defence_due()), "2027-03-15");
  EXPECT_TRUE(c.reviews(0).dates_provisional());
}

TEST(ProceedingStepsTest, ACaseWithoutReceiptDateCannotBeContested) {
  v1::Case c = ReceivedCase();
  c.clear_receipt_date();
  const v1::Case original = c;
  EXPECT_THAT(Do(FileReview(D(2024, 9, 10)))(c, kToday),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "案件 2024-0007 尚无收到申请日期（待确认收到）"));
  EXPECT_THAT(Do(FileLawsuit(D(2024, 9, 10)))(c, kToday),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "案件 2024-0007 尚无收到申请日期（待确认收到）"));
  EXPECT_TRUE(MessageDifferencer::Equals(c, original));
}

struct Refusal {
  const char* name;
  std::vector<Step> before;  // after the base: R1 filed 09-10, copy 09-27
  Step step;
  absl::StatusCode code;
  std::string message;
};

constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;
constexpr auto kFailed = absl::StatusCode::kFailedPrecondition;
constexpr auto kNotFound = absl::StatusCode::kNotFound;

const char kReviewDecisions[] =
    "upheld, claim_rejected, revoked, varied, declared_unlawful, "
    "declared_void, ordered_to_perform, application_dismissed, "
    "withdrawn_or_terminated, settled";
const char kFirstInstanceDecisions[] =
    "claim_dismissed, revoked, varied, declared_unlawful, declared_void, "
    "ordered_to_perform, suit_dismissed, withdrawn_or_terminated, settled";
const char kAppealDecisions[] =
    "claim_dismissed, appeal_dismissed, revoked, varied, declared_unlawful, "
    "declared_void, ordered_to_perform, suit_dismissed, "
    "withdrawn_or_terminated, settled";

TEST(ProceedingStepsTest, EachRefusalHasItsCodeAndMessage) {
  const Step kLawsuit = Do(FileLawsuit(D(2024, 11, 1)));
  const Step kJudged =
      Do(Judge(v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 12, 10)));
  const Step kUpheld =
      Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 11, 20)));
  const std::vector<Refusal> kRefusals = {
      // Filing a review.
      {"organ missing",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) { r.mutable_review()->clear_organ(); }),
       kInvalid,
       "review.organ: 不能为空"},
      {"filed missing",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) { r.mutable_review()->clear_filed(); }),
       kInvalid,
       "review.filed: 必须填写"},
      {"filed after today",
       {},
       Do(FileReview(D(2025, 1, 2))),
       kInvalid,
       "review.filed: 2025-01-02 晚于今天（2024-12-31）"},
      {"filed not a date",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) { r.mutable_review()->mutable_filed()->set_day(31); }),
       kInvalid,
       "review.filed: 2024-09-31 不是有效的日期"},
      {"decision at filing",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) {
            r.mutable_review()->set_decision(v1::PROCEEDING_DECISION_UPHELD);
          }),
       kInvalid,
       "review.decision: 在作出复议决定时（DecideReview）记录，"
       "不在申请时记录"},
      {"unknown procedure",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) {
            r.mutable_review()->set_procedure(
                static_cast<v1::ReviewProcedure>(7));
          }),
       kInvalid,
       "review.procedure: 须为以下之一：ordinary, simplified"},
      {"defence before the copy in the same filing",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) {
            *r.mutable_review()->mutable_copy_received() =
                ToProtoDate(D(2024, 9, 27));
            *r.mutable_review()->mutable_defence_filed() =
                ToProtoDate(D(2024, 9, 20));
          }),
       kInvalid,
       "review.defence_filed: 2024-09-20 早于 "
       "review.copy_received（2024-09-27）"},
      {"filed before the receipt date",
       {},
       Do(FileReview(D(2024, 7, 30))),
       kFailed,
       "review.filed: 2024-07-30 早于案件 2024-0007 "
       "的收到申请日期（2024-08-01）"},
      {"copy before the filing, at filing",
       {},
       Do(FileReview(D(2024, 9, 10)),
          [](auto& r) {
            *r.mutable_review()->mutable_copy_received() =
                ToProtoDate(D(2024, 9, 1));
          }),
       kFailed,
       "review.copy_received: 2024-09-01 "
       "早于行政复议申请日期（2024-09-10）"},

      // Ids.
      {"id empty", {}, Do(ReviewProgress("")), kInvalid, "id: 必须填写"},
      {"a lawsuit id for a review",
       {},
       Do(ReviewProgress(kL1)),
       kInvalid,
       "id: \"2024-0007-L1\" 是行政诉讼编号，不是行政复议编号"},
      {"not an id",
       {},
       Do(ReviewProgress("R1")),
       kInvalid,
       "id: \"R1\" 不是行政复议编号，编号形如 2022-0013-R1"},
      {"leading zero",
       {},
       Do(ReviewProgress("2024-0007-R01")),
       kInvalid,
       "id: \"2024-0007-R01\" 不是行政复议编号，编号形如 2022-0013-R1"},
      {"a review of another case",
       {},
       Do(ReviewProgress("2024-0008-R1")),
       kInvalid,
       "id: \"2024-0008-R1\" 不是案件 2024-0007 的行政复议"},
      {"unknown review",
       {},
       Do(ReviewProgress("2024-0007-R9")),
       kNotFound,
       "案件 2024-0007 没有行政复议 2024-0007-R9"},
      {"unknown lawsuit",
       {},
       Do(Judge(v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 12, 10))),
       kNotFound,
       "案件 2024-0007 没有行政诉讼 2024-0007-L1"},

      // Review progress.
      {"nothing to record",
       {},
       Do(ReviewProgress()),
       kInvalid,
       "id: 行政复议 2024-0007-R1 没有新的内容可记录"},
      {"the same copy date again",
       {},
       Do(CopyReceived(D(2024, 9, 27))),
       kInvalid,
       "id: 行政复议 2024-0007-R1 没有新的内容可记录"},
      {"copy after today",
       {},
       Do(CopyReceived(D(2025, 1, 6))),
       kInvalid,
       "copy_received: 2025-01-06 晚于今天（2024-12-31）"},
      {"multi-line note is fine, control characters are not",
       {},
       Do(ReviewProgress(), [](auto& r) { r.set_note("一\n二\x01"); }),
       kInvalid,
       "note: 不能包含控制字符"},
      {"acceptance before the filing",
       {},
       Do(Accepted(D(2024, 9, 9))),
       kFailed,
       "accepted: 2024-09-09 早于行政复议申请日期（2024-09-10）"},
      {"defence before the copy",
       {},
       Do(Defence(D(2024, 9, 20))),
       kFailed,
       "defence_filed: 2024-09-20 "
       "早于收到复议申请书副本的日期（2024-09-27）"},
      {"second defence",
       {Do(Defence(D(2024, 10, 10)))},
       Do(Defence(D(2024, 10, 11))),
       kFailed,
       "行政复议 2024-0007-R1 已答辩（答辩日期 2024-10-10）"},
      {"copy corrected to after the defence",
       {Do(Defence(D(2024, 10, 10)))},
       Do(CopyReceived(D(2024, 10, 15))),
       kFailed,
       "copy_received: 2024-10-15 晚于答辩日期（2024-10-10）"},
      {"extension without acceptance",
       {},
       Do(Extend()),
       kFailed,
       "行政复议 2024-0007-R1 没有受理日期，而决定期限自受理起算"},
      {"second extension",
       {Do(Accepted(D(2024, 9, 20))), Do(Extend())},
       Do(Extend()),
       kFailed,
       "行政复议 2024-0007-R1 已延长过决定期限；"
       "行政复议法第六十二条只允许延长一次"},
      {"extension of the simplified procedure",
       {Do(Accepted(D(2024, 9, 20))),
        Do(Procedure(v1::REVIEW_PROCEDURE_SIMPLIFIED))},
       Do(Extend()),
       kFailed,
       "行政复议 2024-0007-R1 适用简易程序，30 "
       "日的决定期限不能延长（行政复议法第六十二条）"},
      {"switch to simplified after an extension",
       {Do(Accepted(D(2024, 9, 20))), Do(Extend())},
       Do(Procedure(v1::REVIEW_PROCEDURE_SIMPLIFIED)),
       kFailed,
       "行政复议 2024-0007-R1 已延长决定期限，"
       "只有普通程序可以延长（行政复议法第六十二条），不能改为简易程序"},
      {"extension after the decision",
       {Do(Accepted(D(2024, 9, 20))), kUpheld},
       Do(Extend()),
       kFailed,
       "行政复议 2024-0007-R1 已于 2024-11-20（upheld）作出决定"},
      {"acceptance after the decision",
       {kUpheld},
       Do(Accepted(D(2024, 11, 25))),
       kFailed,
       "accepted: 2024-11-25 晚于复议决定日期（2024-11-20）"},

      // Review decision.
      {"decision missing",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_UNSPECIFIED, D(2024, 11, 20))),
       kInvalid,
       std::string("decision: 须为以下之一：") + kReviewDecisions},
      {"a court's decision for a review",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 11, 20))),
       kInvalid,
       std::string(
           "decision: claim_dismissed 不是行政复议决定，须为以下之一：") +
           kReviewDecisions},
      {"decided missing",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 11, 20)),
          [](auto& r) { r.clear_decided(); }),
       kInvalid,
       "decided: 必须填写"},
      {"re-answer due with a decision that orders none",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_VARIED, D(2024, 11, 20)),
          [](auto& r) {
            *r.mutable_reanswer_due() = ToProtoDate(D(2025, 1, 10));
          }),
       kInvalid,
       "reanswer_due: 只有责令重新答复的决定（revoked、"
       "ordered_to_perform）才设重新答复期限，varied 不设"},
      {"re-answer due not after the decision",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM, D(2024, 11, 20)),
          [](auto& r) {
            *r.mutable_reanswer_due() = ToProtoDate(D(2024, 11, 20));
          }),
       kInvalid,
       "reanswer_due: 2024-11-20 须晚于 decided（2024-11-20）"},
      {"decided twice",
       {kUpheld},
       Do(Decide(v1::PROCEEDING_DECISION_REVOKED, D(2024, 11, 21))),
       kFailed,
       "行政复议 2024-0007-R1 已于 2024-11-20（upheld）作出决定"},
      {"decided before the filing",
       {},
       Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 9, 1))),
       kFailed,
       "decided: 2024-09-01 早于行政复议申请日期（2024-09-10）"},
      {"decided before the acceptance",
       {Do(Accepted(D(2024, 9, 20)))},
       Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 9, 15))),
       kFailed,
       "decided: 2024-09-15 早于行政复议受理日期（2024-09-20）"},

      // Filing a lawsuit.
      {"court missing",
       {},
       Do(FileLawsuit(D(2024, 11, 1)),
          [](auto& r) { r.mutable_lawsuit()->clear_court(); }),
       kInvalid,
       "lawsuit.court: 不能为空"},
      {"unknown role",
       {},
       Do(FileLawsuit(D(2024, 11, 1)),
          [](auto& r) {
            r.mutable_lawsuit()->set_role(static_cast<v1::LawsuitRole>(5));
          }),
       kInvalid,
       "lawsuit.role: 须为以下之一：defendant, co_defendant_review_organ"},
      {"judgment at filing",
       {},
       Do(FileLawsuit(D(2024, 11, 1)),
          [](auto& r) {
            r.mutable_lawsuit()->mutable_first_instance()->set_decision(
                v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
          }),
       kInvalid,
       "lawsuit.first_instance: 在记录一审裁判时（JudgeLawsuit）记录，"
       "不在起诉时记录"},
      {"after a review of another case",
       {},
       Do(FileLawsuit(D(2024, 11, 1), "2024-0008-R1")),
       kInvalid,
       "lawsuit.after_review_id: \"2024-0008-R1\" 不是案件 2024-0007 "
       "的行政复议"},
      {"after a lawsuit id",
       {},
       Do(FileLawsuit(D(2024, 11, 1), kL1)),
       kInvalid,
       "lawsuit.after_review_id: \"2024-0007-L1\" 是行政诉讼编号，"
       "不是行政复议编号"},
      {"after an unknown review",
       {},
       Do(FileLawsuit(D(2024, 11, 1), "2024-0007-R4")),
       kNotFound,
       "案件 2024-0007 没有行政复议 2024-0007-R4"},
      // Litigation law Art. 45: after the decision, or after the decision
      // period. R1, filed Tuesday 2024-09-10 and not accepted by record,
      // counts as accepted after 5 working days (Review law Art. 30):
      // Wednesday 09-18 (09-14 is a make-up working day, 09-15..17 中秋).
      // 60 days later is Sunday 11-17, so the period ends Monday 11-18.
      {"filed before the review it follows",
       {},
       Do(FileLawsuit(D(2024, 9, 5), kR1)),
       kFailed,
       "lawsuit.filed: 2024-09-05 不能复议后起诉：复议 2024-0007-R1 "
       "尚未作出决定，复议期限至 2024-11-18 届满；自 2024-11-19 "
       "起方可复议后起诉（行政诉讼法第四十五条）；不经复议直接起诉不受此限"},
      {"suit after review on the last day of the decision period",
       {},
       Do(FileLawsuit(D(2024, 11, 18), kR1)),
       kFailed,
       "lawsuit.filed: 2024-11-18 不能复议后起诉：复议 2024-0007-R1 "
       "尚未作出决定，复议期限至 2024-11-18 届满；自 2024-11-19 "
       "起方可复议后起诉（行政诉讼法第四十五条）；不经复议直接起诉不受此限"},
      {"the period counts from the recorded acceptance",
       {Do(Accepted(D(2024, 9, 12)))},
       Do(FileLawsuit(D(2024, 11, 11), kR1)),
       kFailed,
       "lawsuit.filed: 2024-11-11 不能复议后起诉：复议 2024-0007-R1 "
       "尚未作出决定，复议期限至 2024-11-11 届满；自 2024-11-12 "
       "起方可复议后起诉（行政诉讼法第四十五条）；不经复议直接起诉不受此限"},
      {"suit after review before its decision",
       {Do(Decide(v1::PROCEEDING_DECISION_UPHELD, D(2024, 10, 25)))},
       Do(FileLawsuit(D(2024, 10, 24), kR1)),
       kFailed,
       "lawsuit.filed: 2024-10-24 不能复议后起诉：复议 2024-0007-R1 于 "
       "2024-10-25 作出决定；自 2024-10-25 "
       "起方可复议后起诉（行政诉讼法第四十五条）；不经复议直接起诉不受此限"},

      // Lawsuit progress.
      {"lawsuit: nothing to record",
       {kLawsuit},
       Do(LawsuitProgress()),
       kInvalid,
       "id: 行政诉讼 2024-0007-L1 没有新的内容可记录"},
      {"complaint copy before the filing",
       {kLawsuit},
       Do(ComplaintReceived(D(2024, 10, 30))),
       kFailed,
       "complaint_received: 2024-10-30 早于起诉日期（2024-11-01）"},
      {"lawsuit defence before the complaint copy",
       {kLawsuit, Do(ComplaintReceived(D(2024, 11, 5)))},
       Do(LawsuitDefence(D(2024, 11, 4))),
       kFailed,
       "defence_filed: 2024-11-04 早于收到起诉状副本的日期（2024-11-05）"},
      {"second lawsuit defence",
       {kLawsuit, Do(LawsuitDefence(D(2024, 11, 15)))},
       Do(LawsuitDefence(D(2024, 11, 18))),
       kFailed,
       "行政诉讼 2024-0007-L1 已答辩（答辩日期 2024-11-15）"},

      // Judgment.
      {"an appeal result at first instance",
       {kLawsuit},
       Do(Judge(v1::PROCEEDING_DECISION_APPEAL_DISMISSED, D(2024, 12, 10))),
       kInvalid,
       std::string("decision: appeal_dismissed 不是一审裁判，须为以下之一：") +
           kFirstInstanceDecisions},
      {"judged twice",
       {kLawsuit, kJudged},
       Do(Judge(v1::PROCEEDING_DECISION_REVOKED, D(2024, 12, 11))),
       kFailed,
       "行政诉讼 2024-0007-L1 已于 2024-12-10（claim_dismissed）"
       "作出一审裁判"},
      {"judged before the filing",
       {kLawsuit},
       Do(Judge(v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 10, 1))),
       kFailed,
       "date: 2024-10-01 早于起诉日期（2024-11-01）"},

      // Appeal.
      {"appeal before any judgment",
       {kLawsuit},
       Do(Appeal(D(2024, 12, 20))),
       kFailed,
       "行政诉讼 2024-0007-L1 尚无一审裁判，无从上诉"},
      {"appeal twice",
       {kLawsuit, kJudged, Do(Appeal(D(2024, 12, 20)))},
       Do(Appeal(D(2024, 12, 21))),
       kFailed,
       "行政诉讼 2024-0007-L1 已于 2024-12-20 提起上诉"},
      {"appeal before the judgment date",
       {kLawsuit, kJudged},
       Do(Appeal(D(2024, 12, 5))),
       kFailed,
       "filed: 2024-12-05 早于一审裁判日期（2024-12-10）"},
      {"appellant on two lines",
       {kLawsuit, kJudged},
       Do(Appeal(D(2024, 12, 20)), [](auto& r) { r.set_appellant("原告\n"); }),
       kInvalid,
       "appellant: 须为单行，且不能包含控制字符"},

      // Appeal decision.
      {"appeal decision without an appeal",
       {kLawsuit, kJudged},
       Do(DecideAppeal(v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
                       D(2024, 12, 30))),
       kFailed,
       "行政诉讼 2024-0007-L1 没有上诉，无从记录二审裁判"},
      {"a review decision for an appeal",
       {kLawsuit, kJudged, Do(Appeal(D(2024, 12, 20)))},
       Do(DecideAppeal(v1::PROCEEDING_DECISION_UPHELD, D(2024, 12, 30))),
       kInvalid,
       std::string("decision: upheld 不是二审裁判，须为以下之一：") +
           kAppealDecisions},
      {"appeal decided before it was filed",
       {kLawsuit, kJudged, Do(Appeal(D(2024, 12, 20)))},
       Do(DecideAppeal(v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
                       D(2024, 12, 15))),
       kFailed,
       "date: 2024-12-15 早于上诉日期（2024-12-20）"},
      {"appeal decided twice",
       {kLawsuit, kJudged, Do(Appeal(D(2024, 12, 20))),
        Do(DecideAppeal(v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
                        D(2024, 12, 30)))},
       Do(DecideAppeal(v1::PROCEEDING_DECISION_REVOKED, D(2024, 12, 31))),
       kFailed,
       "行政诉讼 2024-0007-L1 的上诉已于 2024-12-30（appeal_dismissed）"
       "作出二审裁判"},
  };
  for (const Refusal& refusal : kRefusals) {
    SCOPED_TRACE(refusal.name);
    v1::Case c = ReceivedCase();
    v1::FileReviewRequest base = FileReview(D(2024, 9, 10));
    *base.mutable_review()->mutable_copy_received() =
        ToProtoDate(D(2024, 9, 27));
    ASSERT_THAT(Do(base)(c, kToday), IsOk());
    for (const Step& step : refusal.before) {
      ASSERT_THAT(step(c, kToday), IsOk());
    }
    const v1::Case before = c;
    EXPECT_THAT(refusal.step(c, kToday),
                StatusIs(refusal.code, refusal.message));
    EXPECT_TRUE(MessageDifferencer::Equals(c, before)) << "the case changed";
  }
}

}  // namespace
}  // namespace ogi
