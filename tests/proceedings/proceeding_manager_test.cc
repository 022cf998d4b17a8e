#include "services/proceedings/proceeding_manager.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/store_test_util.h"

// ProceedingManager on an in-memory store: each call is one history event on
// the contested case, the id routes to its case, and the listings filter and
// order what the agency faces. Today is Tue 2024-12-31 unless a test moves
// the clock.

namespace ogi {
namespace {

using ::ogi::testing::Changes;
using ::ogi::testing::IsOk;
using ::ogi::testing::RecordingObserver;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

class ProceedingManagerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ::ogi::testing::OpenStoreWithAgency("default", "本机关");
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    manager_ = std::make_unique<ProceedingManager>(
        store_.get(), &clock_, &case_clock_, &observer_, "default");
  }

  // Stores a received case and returns its number.
  std::string AddCase(const std::string& applicant, Day received) {
    auto c = store_->CreateCase(
        ::ogi::testing::MakeStoredCase("default", applicant, received),
        ::ogi::testing::MakeEvent(v1::CASE_EVENT_TYPE_CREATED, "王科员"));
    EXPECT_THAT(c, IsOk());
    return c.ok() ? c->number() : "";
  }

  std::string FileReview(const std::string& number, Day filed) {
    v1::FileReviewRequest r;
    r.set_number(number);
    r.mutable_review()->set_organ("聊城市人民政府");
    *r.mutable_review()->mutable_filed() = ToProtoDate(filed);
    auto response = manager_->Record(r, "李法务");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->review().id() : "";
  }

  std::string FileLawsuit(const std::string& number, Day filed,
                          const std::string& after_review = "") {
    v1::FileLawsuitRequest r;
    r.set_number(number);
    r.mutable_lawsuit()->set_court("聊城市东昌府区人民法院");
    *r.mutable_lawsuit()->mutable_filed() = ToProtoDate(filed);
    r.mutable_lawsuit()->set_after_review_id(after_review);
    auto response = manager_->Record(r, "李法务");
    EXPECT_THAT(response, IsOk());
    return response.ok() ? response->lawsuit().id() : "";
  }

  absl::StatusOr<v1::ProceedingResponse> DecideReview(
      const std::string& id, v1::ProceedingDecision decision, Day decided) {
    v1::DecideReviewRequest r;
    r.set_id(id);
    r.set_decision(decision);
    *r.mutable_decided() = ToProtoDate(decided);
    return manager_->Record(r, "李法务");
  }

  absl::StatusOr<v1::ProceedingResponse> Judge(const std::string& id,
                                               v1::ProceedingDecision decision,
                                               Day date) {
    v1::JudgeLawsuitRequest r;
    r.set_id(id);
    r.set_decision(decision);
    *r.mutable_date() = ToProtoDate(date);
    return manager_->Record(r, "李法务");
  }

  absl::StatusOr<v1::ProceedingResponse> Appeal(const std::string& id,
                                                Day filed) {
    v1::AppealLawsuitRequest r;
    r.set_id(id);
    *r.mutable_filed() = ToProtoDate(filed);
    return manager_->Record(r, "李法务");
  }

  std::vector<std::string> ReviewIds(const v1::ListProceedingsRequest& r) {
    auto list = manager_->ListReviews(r);
    EXPECT_THAT(list, IsOk());
    return list.ok() ? IdsOf(list->reviews(), &v1::ReviewEntry::review)
                     : std::vector<std::string>{};
  }

  std::vector<std::string> LawsuitIds(const v1::ListProceedingsRequest& r) {
    auto list = manager_->ListLawsuits(r);
    EXPECT_THAT(list, IsOk());
    return list.ok() ? IdsOf(list->lawsuits(), &v1::LawsuitEntry::lawsuit)
                     : std::vector<std::string>{};
  }

  // The ids of a listing's entries, in order.
  template <typename Entries, typename Get>
  static std::vector<std::string> IdsOf(const Entries& entries, Get get) {
    std::vector<std::string> ids;
    for (const auto& entry : entries) ids.push_back((entry.*get)().id());
    return ids;
  }

  ManualClock clock_{::ogi::testing::BeijingAt(D(2024, 12, 31), 10)};
  CalendarRegistry calendars_;
  CaseClock case_clock_{&calendars_, ClockPolicy()};
  RecordingObserver observer_;
  std::unique_ptr<SqliteCaseStore> store_;
  std::unique_ptr<ProceedingManager> manager_;
};

TEST_F(ProceedingManagerTest, FilingIsOneEventOnTheContestedCase) {
  const std::string number = AddCase("张三", D(2024, 8, 1));
  ASSERT_EQ(number, "2024-0001");
  v1::FileReviewRequest r;
  r.set_number(number);
  r.mutable_review()->set_organ("聊城市人民政府");
  *r.mutable_review()->mutable_filed() = ToProtoDate(D(2024, 9, 10));
  *r.mutable_review()->mutable_copy_received() = ToProtoDate(D(2024, 9, 27));
  auto response = manager_->Record(r, "李法务");
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->review().id(), "2024-0001-R1");
  EXPECT_EQ(FormatIsoDate(response->review().defence_due()), "2024-10-16");
  EXPECT_EQ(response->case_().version(), 2);
  ASSERT_EQ(response->case_().reviews_size(), 1);

  auto stored = store_->GetCase("default", number);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(FormatIsoDate(stored->reviews(0).defence_due()), "2024-10-16");

  auto history = store_->ListCaseEvents("default", number);
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->size(), 2u);
  const v1::CaseEvent& event = history->back();
  EXPECT_EQ(event.type(), v1::CASE_EVENT_TYPE_REVIEW_FILED);
  EXPECT_EQ(event.actor(), "李法务");
  EXPECT_THAT(
      Changes(event),
      ElementsAre(Pair("reviews[id=2024-0001-R1].organ", "→聊城市人民政府"),
                  Pair("reviews[id=2024-0001-R1].filed", "→2024-09-10"),
                  Pair("reviews[id=2024-0001-R1].procedure", "→ordinary"),
                  Pair("reviews[id=2024-0001-R1].copy_received", "→2024-09-27"),
                  Pair("reviews[id=2024-0001-R1].defence_due", "→2024-10-16"),
                  Pair("reviews[id=2024-0001-R1].column", "→pending")));
  EXPECT_EQ(event.snapshot().reviews_size(), 1);
  EXPECT_EQ(observer_.Take().size(), 1u);
}

TEST_F(ProceedingManagerTest, TheIdRoutesToItsCase) {
  AddCase("张三", D(2024, 8, 1));
  const std::string second = AddCase("李四", D(2024, 8, 2));
  const std::string review = FileReview(second, D(2024, 9, 10));
  ASSERT_EQ(review, "2024-0002-R1");

  auto decided =
      DecideReview(review, v1::PROCEEDING_DECISION_UPHELD, D(2024, 11, 20));
  ASSERT_THAT(decided, IsOk());
  EXPECT_EQ(decided->case_().number(), "2024-0002");
  EXPECT_EQ(decided->review().column(), v1::RESULT_COLUMN_UPHELD);
  EXPECT_EQ(decided->case_().version(), 3);
  auto first = store_->GetCase("default", "2024-0001");
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->version(), 1);  // untouched

  EXPECT_THAT(DecideReview("2024-0003-R1", v1::PROCEEDING_DECISION_UPHELD,
                           D(2024, 11, 20)),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(DecideReview("2024-0002-R2", v1::PROCEEDING_DECISION_UPHELD,
                           D(2024, 11, 20)),
              StatusIs(absl::StatusCode::kNotFound,
                       "案件 2024-0002 没有行政复议 2024-0002-R2"));
  EXPECT_THAT(DecideReview("2024-0002-L1", v1::PROCEEDING_DECISION_UPHELD,
                           D(2024, 11, 20)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "id: \"2024-0002-L1\" 是行政诉讼编号，不是行政复议"
                       "编号"));
  EXPECT_THAT(
      DecideReview(review, v1::PROCEEDING_DECISION_REVOKED, D(2024, 11, 21)),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               "行政复议 2024-0002-R1 已于 2024-11-20（upheld）作出决定"));
  // A refused call writes nothing.
  auto stored = store_->GetCase("default", second);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->version(), 3);
}

TEST_F(ProceedingManagerTest, AnActorIsRequiredBeforeAnythingElse) {
  v1::RecordReviewProgressRequest r;  // no id either
  EXPECT_THAT(manager_->Record(r, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("actor")));
  v1::FileLawsuitRequest file;
  EXPECT_THAT(manager_->Record(file, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("actor")));
}

TEST_F(ProceedingManagerTest, RevocationWithDueDateLeavesAPendingReAnswer) {
  const std::string number = AddCase("张三", D(2024, 8, 1));
  const std::string review = FileReview(number, D(2024, 9, 10));
  v1::DecideReviewRequest r;
  r.set_id(review);
  r.set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *r.mutable_decided() = ToProtoDate(D(2024, 11, 20));
  *r.mutable_reanswer_due() = ToProtoDate(D(2025, 1, 10));
  auto response = manager_->Record(r, "李法务");
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->review().column(), v1::RESULT_COLUMN_CORRECTED);
  ASSERT_EQ(response->case_().re_answers_size(), 1);
  const v1::ReAnswer& order = response->case_().re_answers(0);
  EXPECT_EQ(order.id(), 1);
  EXPECT_EQ(order.ordered_by(), review);
  EXPECT_EQ(FormatIsoDate(order.ordered()), "2024-11-20");
  EXPECT_EQ(FormatIsoDate(order.due()), "2025-01-10");

  auto history = store_->ListCaseEvents("default", number);
  ASSERT_THAT(history, IsOk());
  EXPECT_EQ(history->back().type(), v1::CASE_EVENT_TYPE_REVIEW_DECIDED);
}

TEST_F(ProceedingManagerTest, LawsuitAfterReviewThroughTheAppeal) {
  const std::string number = AddCase("张三", D(2024, 8, 1));
  const std::string review = FileReview(number, D(2024, 9, 10));
  ASSERT_THAT(
      DecideReview(review, v1::PROCEEDING_DECISION_UPHELD, D(2024, 10, 25)),
      IsOk());
  const std::string lawsuit = FileLawsuit(number, D(2024, 11, 1), review);
  ASSERT_EQ(lawsuit, "2024-0001-L1");

  v1::RecordLawsuitProgressRequest progress;
  progress.set_id(lawsuit);
  *progress.mutable_complaint_received() = ToProtoDate(D(2024, 11, 5));
  auto response = manager_->Record(progress, "李法务");
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->lawsuit().route(), v1::LAWSUIT_ROUTE_AFTER_REVIEW);
  EXPECT_EQ(FormatIsoDate(response->lawsuit().defence_due()), "2024-11-20");
  EXPECT_EQ(FormatIsoDate(response->lawsuit().judgment_expected()),
            "2025-05-06");

  response =
      Judge(lawsuit, v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 12, 10));
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->lawsuit().column(), v1::RESULT_COLUMN_UPHELD);
  response = Appeal(lawsuit, D(2024, 12, 20));
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->lawsuit().column(), v1::RESULT_COLUMN_PENDING);

  clock_.Set(::ogi::testing::BeijingAt(D(2025, 3, 14), 10));
  v1::DecideAppealRequest decide;
  decide.set_id(lawsuit);
  decide.set_decision(v1::PROCEEDING_DECISION_APPEAL_DISMISSED);
  *decide.mutable_date() = ToProtoDate(D(2025, 3, 14));
  response = manager_->Record(decide, "李法务");
  ASSERT_THAT(response, IsOk());
  EXPECT_EQ(response->lawsuit().column(), v1::RESULT_COLUMN_UPHELD);

  auto history = store_->ListCaseEvents("default", number);
  ASSERT_THAT(history, IsOk());
  std::vector<v1::CaseEventType> types;
  for (const v1::CaseEvent& e : *history) types.push_back(e.type());
  EXPECT_THAT(types, ElementsAre(v1::CASE_EVENT_TYPE_CREATED,
                                 v1::CASE_EVENT_TYPE_REVIEW_FILED,
                                 v1::CASE_EVENT_TYPE_REVIEW_DECIDED,
                                 v1::CASE_EVENT_TYPE_LAWSUIT_FILED,
                                 v1::CASE_EVENT_TYPE_LAWSUIT_PROGRESS,
                                 v1::CASE_EVENT_TYPE_LAWSUIT_JUDGED,
                                 v1::CASE_EVENT_TYPE_LAWSUIT_APPEALED,
                                 v1::CASE_EVENT_TYPE_APPEAL_DECIDED));
}

TEST_F(ProceedingManagerTest, ReviewListFiltersAndOrders) {
  const std::string a = AddCase("张三", D(2024, 3, 1));
  const std::string b = AddCase("李四", D(2024, 4, 1));
  AddCase("王五", D(2024, 5, 1));  // never contested: not listed
  // Filed out of order; two on the same day are ordered by id.
  const std::string b1 = FileReview(b, D(2024, 6, 10));
  const std::string a1 = FileReview(a, D(2024, 6, 10));
  const std::string a2 = FileReview(a, D(2024, 5, 20));
  const std::string b2 = FileReview(b, D(2024, 12, 2));
  ASSERT_THAT(DecideReview(a2, v1::PROCEEDING_DECISION_UPHELD, D(2024, 7, 1)),
              IsOk());

  v1::ListProceedingsRequest all;
  EXPECT_THAT(ReviewIds(all), ElementsAre(a2, a1, b1, b2));

  auto list = manager_->ListReviews(all);
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(list->reviews(0).case_number(), a);
  EXPECT_EQ(list->reviews(0).applicant_name(), "张三");
  EXPECT_EQ(list->reviews(0).review().column(), v1::RESULT_COLUMN_UPHELD);
  EXPECT_EQ(list->reviews(2).applicant_name(), "李四");

  v1::ListProceedingsRequest open;
  open.set_open_only(true);
  EXPECT_THAT(ReviewIds(open), ElementsAre(a1, b1, b2));

  v1::ListProceedingsRequest range;
  *range.mutable_filed_from() = ToProtoDate(D(2024, 6, 10));
  *range.mutable_filed_to() = ToProtoDate(D(2024, 6, 10));
  EXPECT_THAT(ReviewIds(range), ElementsAre(a1, b1));
  range.clear_filed_to();
  EXPECT_THAT(ReviewIds(range), ElementsAre(a1, b1, b2));
  range.clear_filed_from();
  *range.mutable_filed_to() = ToProtoDate(D(2024, 6, 9));
  EXPECT_THAT(ReviewIds(range), ElementsAre(a2));
}

TEST_F(ProceedingManagerTest, LawsuitListOpenOnlyKeepsTheUnresolved) {
  const std::string number = AddCase("张三", D(2024, 3, 1));
  const std::string judged = FileLawsuit(number, D(2024, 5, 6));
  const std::string appealed = FileLawsuit(number, D(2024, 5, 7));
  const std::string waiting = FileLawsuit(number, D(2024, 5, 8));
  ASSERT_THAT(
      Judge(judged, v1::PROCEEDING_DECISION_CLAIM_DISMISSED, D(2024, 10, 8)),
      IsOk());
  ASSERT_THAT(Judge(appealed, v1::PROCEEDING_DECISION_REVOKED, D(2024, 10, 8)),
              IsOk());
  ASSERT_THAT(Appeal(appealed, D(2024, 10, 20)), IsOk());

  EXPECT_THAT(LawsuitIds({}), ElementsAre(judged, appealed, waiting));
  v1::ListProceedingsRequest open;
  open.set_open_only(true);
  EXPECT_THAT(LawsuitIds(open), ElementsAre(appealed, waiting));
}

TEST_F(ProceedingManagerTest, ListingFindsProceedingsAmongManyCases) {
  // A thousand cases without proceedings between the two with a review
  // (more than one page of the store's listing).
  const std::string oldest = AddCase("张三", D(2024, 1, 2));
  for (int i = 0; i < 1000; ++i) AddCase("李四", D(2024, 2, 1));
  const std::string newest = AddCase("王五", D(2024, 3, 1));
  const std::string old_review = FileReview(oldest, D(2024, 4, 1));
  const std::string new_review = FileReview(newest, D(2024, 4, 2));
  EXPECT_THAT(ReviewIds({}), ElementsAre(old_review, new_review));
}

TEST_F(ProceedingManagerTest, ListingRefusesBadFilters) {
  v1::ListProceedingsRequest r;
  *r.mutable_filed_from() = ToProtoDate(D(2024, 2, 1));
  *r.mutable_filed_to() = ToProtoDate(D(2024, 1, 1));
  EXPECT_THAT(manager_->ListReviews(r),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "filed_to: 2024-01-01 早于 filed_from"
                       "（2024-02-01）"));
  r.clear_filed_to();
  r.mutable_filed_from()->set_month(13);
  EXPECT_THAT(manager_->ListLawsuits(r),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "filed_from: 2024-13-01 不是有效的日期"));
  v1::ListProceedingsRequest unknown;
  unknown.set_agency_code("nowhere");
  EXPECT_THAT(manager_->ListReviews(unknown),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace ogi
