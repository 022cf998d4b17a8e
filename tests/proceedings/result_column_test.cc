#include "services/proceedings/result_column.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"

// The SPEC §2 decision table and SPEC §4 rule 3 (result as of the year end),
// as the annual report and ProceedingService rely on them.

namespace ogi {
namespace {

using ::testing::ElementsAre;
using Day = absl::CivilDay;
using Stage = DecisionStage;

constexpr v1::ResultColumn kUpheld = v1::RESULT_COLUMN_UPHELD;
constexpr v1::ResultColumn kCorrected = v1::RESULT_COLUMN_CORRECTED;
constexpr v1::ResultColumn kOther = v1::RESULT_COLUMN_OTHER;
constexpr v1::ResultColumn kPending = v1::RESULT_COLUMN_PENDING;

struct DecisionRow {
  v1::ProceedingDecision decision;
  bool review, first_instance, appeal;
  v1::ResultColumn column;
};

// SPEC §2: ✓ review / lawsuit, and the column. An appeal court may also reach
// every first-instance result (改判), and only it dismisses an appeal.
TEST(ResultColumnTest, DecisionTableOfSpec) {
  const DecisionRow kTable[] = {
      {v1::PROCEEDING_DECISION_UPHELD, true, false, false, kUpheld},
      {v1::PROCEEDING_DECISION_CLAIM_REJECTED, true, false, false, kUpheld},
      {v1::PROCEEDING_DECISION_CLAIM_DISMISSED, false, true, true, kUpheld},
      {v1::PROCEEDING_DECISION_APPEAL_DISMISSED, false, false, true, kUpheld},
      {v1::PROCEEDING_DECISION_REVOKED, true, true, true, kCorrected},
      {v1::PROCEEDING_DECISION_VARIED, true, true, true, kCorrected},
      {v1::PROCEEDING_DECISION_DECLARED_UNLAWFUL, true, true, true, kCorrected},
      {v1::PROCEEDING_DECISION_DECLARED_VOID, true, true, true, kCorrected},
      {v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM, true, true, true,
       kCorrected},
      {v1::PROCEEDING_DECISION_APPLICATION_DISMISSED, true, false, false,
       kOther},
      {v1::PROCEEDING_DECISION_SUIT_DISMISSED, false, true, true, kOther},
      {v1::PROCEEDING_DECISION_WITHDRAWN_OR_TERMINATED, true, true, true,
       kOther},
      {v1::PROCEEDING_DECISION_SETTLED, true, true, true, kOther},
      {v1::PROCEEDING_DECISION_UNSPECIFIED, false, false, false, kPending},
  };
  for (const DecisionRow& row : kTable) {
    SCOPED_TRACE(v1::ProceedingDecision_Name(row.decision));
    EXPECT_EQ(IsValidDecision(Stage::kReview, row.decision), row.review);
    EXPECT_EQ(IsValidDecision(Stage::kFirstInstance, row.decision),
              row.first_instance);
    EXPECT_EQ(IsValidDecision(Stage::kAppeal, row.decision), row.appeal);
    EXPECT_EQ(ColumnOfDecision(row.decision), row.column);
  }
  EXPECT_FALSE(
      IsValidDecision(Stage::kReview, static_cast<v1::ProceedingDecision>(99)));
  EXPECT_EQ(ColumnOfDecision(static_cast<v1::ProceedingDecision>(99)),
            kPending);
}

TEST(ResultColumnTest, ValidDecisionsInDeclarationOrder) {
  EXPECT_THAT(ValidDecisions(Stage::kReview),
              ElementsAre(v1::PROCEEDING_DECISION_UPHELD,
                          v1::PROCEEDING_DECISION_CLAIM_REJECTED,
                          v1::PROCEEDING_DECISION_REVOKED,
                          v1::PROCEEDING_DECISION_VARIED,
                          v1::PROCEEDING_DECISION_DECLARED_UNLAWFUL,
                          v1::PROCEEDING_DECISION_DECLARED_VOID,
                          v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM,
                          v1::PROCEEDING_DECISION_APPLICATION_DISMISSED,
                          v1::PROCEEDING_DECISION_WITHDRAWN_OR_TERMINATED,
                          v1::PROCEEDING_DECISION_SETTLED));
  EXPECT_EQ(ValidDecisions(Stage::kFirstInstance).size(), 9u);
  EXPECT_EQ(ValidDecisions(Stage::kAppeal).size(), 10u);
}

TEST(ResultColumnTest, OnlyRevocationAndOrderToPerformOrderANewAnswer) {
  const google::protobuf::EnumDescriptor* type =
      v1::ProceedingDecision_descriptor();
  std::vector<std::string> ordering;
  for (int i = 0; i < type->value_count(); ++i) {
    const auto d =
        static_cast<v1::ProceedingDecision>(type->value(i)->number());
    if (OrdersNewAnswer(d)) ordering.push_back(v1::ProceedingDecision_Name(d));
  }
  EXPECT_THAT(ordering, ElementsAre("PROCEEDING_DECISION_REVOKED",
                                    "PROCEEDING_DECISION_ORDERED_TO_PERFORM"));
}

v1::Review Review(v1::ProceedingDecision decision, Day decided) {
  v1::Review review;
  *review.mutable_filed() = ToProtoDate(Day(2024, 11, 4));
  review.set_decision(decision);
  *review.mutable_decided() = ToProtoDate(decided);
  return review;
}

TEST(ResultColumnTest, ReviewCountsItsDecisionFromTheDayItIsDecided) {
  const v1::Review revoked =
      Review(v1::PROCEEDING_DECISION_REVOKED, Day(2025, 1, 10));
  EXPECT_EQ(ReviewColumnAsOf(revoked, Day(2024, 12, 31)), kPending);
  EXPECT_EQ(ReviewColumnAsOf(revoked, Day(2025, 1, 9)), kPending);
  EXPECT_EQ(ReviewColumnAsOf(revoked, Day(2025, 1, 10)), kCorrected);
  EXPECT_EQ(ReviewColumnAsOf(revoked, Day(2025, 12, 31)), kCorrected);

  v1::Review undecided;
  *undecided.mutable_filed() = ToProtoDate(Day(2024, 11, 4));
  EXPECT_EQ(ReviewColumnAsOf(undecided, Day(2030, 1, 1)), kPending);
  // A decision without its date is not counted as reached.
  v1::Review dateless = undecided;
  dateless.set_decision(v1::PROCEEDING_DECISION_UPHELD);
  EXPECT_EQ(ReviewColumnAsOf(dateless, Day(2030, 1, 1)), kPending);
}

v1::Judgment Judgment(v1::ProceedingDecision decision, Day date) {
  v1::Judgment j;
  j.set_decision(decision);
  *j.mutable_date() = ToProtoDate(date);
  return j;
}

struct LawsuitRow {
  const char* name;
  // First instance and appeal; a zero decision means "not recorded".
  v1::ProceedingDecision first = v1::PROCEEDING_DECISION_UNSPECIFIED;
  Day judged;
  bool appealed = false;
  Day appeal_filed;
  v1::ProceedingDecision appeal_result = v1::PROCEEDING_DECISION_UNSPECIFIED;
  Day appeal_decided;
  v1::ResultColumn at_2024_end;
  v1::ResultColumn at_2025_end;
};

v1::Lawsuit Build(const LawsuitRow& row) {
  v1::Lawsuit lawsuit;
  *lawsuit.mutable_filed() = ToProtoDate(Day(2024, 6, 3));
  if (row.first != v1::PROCEEDING_DECISION_UNSPECIFIED) {
    *lawsuit.mutable_first_instance() = Judgment(row.first, row.judged);
  }
  if (row.appealed) {
    *lawsuit.mutable_appeal()->mutable_filed() = ToProtoDate(row.appeal_filed);
    if (row.appeal_result != v1::PROCEEDING_DECISION_UNSPECIFIED) {
      *lawsuit.mutable_appeal()->mutable_result() =
          Judgment(row.appeal_result, row.appeal_decided);
    }
  }
  return lawsuit;
}

TEST(ResultColumnTest, LawsuitCountsTheResultInForceAtTheDay) {
  const LawsuitRow kRows[] = {
      {"not judged", {}, {}, false, {}, {}, {}, kPending, kPending},
      {"judged in 2024, no appeal",
       v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
       Day(2024, 11, 20),
       false,
       {},
       {},
       {},
       kUpheld,
       kUpheld},
      {"judged on 31 December counts that year",
       v1::PROCEEDING_DECISION_REVOKED,
       Day(2024, 12, 31),
       false,
       {},
       {},
       {},
       kCorrected,
       kCorrected},
      {"judged in 2025",
       v1::PROCEEDING_DECISION_SUIT_DISMISSED,
       Day(2025, 1, 2),
       false,
       {},
       {},
       {},
       kPending,
       kOther},
      {"appeal pending at the year end: 尚未审结, whatever the judgment",
       v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
       Day(2024, 11, 20),
       true,
       Day(2024, 12, 2),
       {},
       {},
       kPending,
       kPending},
      {"appeal filed in 2025: the 2024 judgment counts at 2024's end",
       v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
       Day(2024, 12, 20),
       true,
       Day(2025, 1, 3),
       {},
       {},
       kUpheld,
       kPending},
      {"appeal dismissed keeps the first-instance column (agency won)",
       v1::PROCEEDING_DECISION_CLAIM_DISMISSED, Day(2024, 11, 20), true,
       Day(2024, 12, 2), v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
       Day(2025, 3, 14), kPending, kUpheld},
      {"appeal dismissed keeps the first-instance column (agency lost)",
       v1::PROCEEDING_DECISION_REVOKED, Day(2024, 9, 20), true,
       Day(2024, 10, 8), v1::PROCEEDING_DECISION_APPEAL_DISMISSED,
       Day(2024, 12, 30), kCorrected, kCorrected},
      {"appeal reverses to dismissing the claim: its own column",
       v1::PROCEEDING_DECISION_REVOKED, Day(2024, 9, 20), true,
       Day(2024, 10, 8), v1::PROCEEDING_DECISION_CLAIM_DISMISSED,
       Day(2025, 2, 1), kPending, kUpheld},
      {"appeal court ends the suit: 其他结果",
       v1::PROCEEDING_DECISION_CLAIM_DISMISSED, Day(2024, 9, 20), true,
       Day(2024, 10, 8), v1::PROCEEDING_DECISION_WITHDRAWN_OR_TERMINATED,
       Day(2024, 11, 1), kOther, kOther},
  };
  for (const LawsuitRow& row : kRows) {
    SCOPED_TRACE(row.name);
    const v1::Lawsuit lawsuit = Build(row);
    EXPECT_EQ(LawsuitColumnAsOf(lawsuit, Day(2024, 12, 31)), row.at_2024_end);
    EXPECT_EQ(LawsuitColumnAsOf(lawsuit, Day(2025, 12, 31)), row.at_2025_end);
  }
}

TEST(ResultColumnTest, RouteFollowsTheReviewLink) {
  v1::Lawsuit direct;
  EXPECT_EQ(RouteOf(direct), v1::LAWSUIT_ROUTE_DIRECT);
  v1::Lawsuit after = direct;
  after.set_after_review_id("2024-0007-R1");
  EXPECT_EQ(RouteOf(after), v1::LAWSUIT_ROUTE_AFTER_REVIEW);
}

TEST(ResultColumnTest, CoDefendantReviewOrganIsNotCounted) {
  v1::Lawsuit lawsuit;
  EXPECT_TRUE(CountsInAgencyTable(lawsuit));  // unspecified: defendant
  lawsuit.set_role(v1::LAWSUIT_ROLE_DEFENDANT);
  EXPECT_TRUE(CountsInAgencyTable(lawsuit));
  lawsuit.set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  EXPECT_FALSE(CountsInAgencyTable(lawsuit));
}

}  // namespace
}  // namespace ogi
