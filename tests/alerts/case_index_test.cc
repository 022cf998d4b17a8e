#include "services/alerts/case_index.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/proceedings/open_duties.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;

v1::Date P(int y, int m, int d) { return ToProtoDate(Day(y, m, d)); }

// A processing case with stored deadlines and nothing paused.
v1::Case ProcessingCase() {
  v1::Case c;
  c.set_status(v1::CASE_STATUS_PROCESSING);
  *c.mutable_deadlines()->mutable_answer_due() = P(2024, 3, 29);
  return c;
}

TEST(DeadlinesNeedFullComputationTest, StoredDeadlinesWithNoPauseSuffice) {
  EXPECT_FALSE(DeadlinesNeedFullComputation(ProcessingCase()));
}

TEST(DeadlinesNeedFullComputationTest, NoStoredDeadlines) {
  v1::Case c = ProcessingCase();
  c.clear_deadlines();
  EXPECT_TRUE(DeadlinesNeedFullComputation(c));
}

TEST(DeadlinesNeedFullComputationTest, AwaitingReceiptConfirmation) {
  v1::Case c = ProcessingCase();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  EXPECT_TRUE(DeadlinesNeedFullComputation(c));
}

TEST(DeadlinesNeedFullComputationTest, ConsultationAwaitingItsReply) {
  v1::Case c = ProcessingCase();
  v1::Consultation* consultation = c.mutable_procedure()->add_consultations();
  EXPECT_TRUE(DeadlinesNeedFullComputation(c));
  *consultation->mutable_reply_received() = P(2024, 3, 20);
  EXPECT_FALSE(DeadlinesNeedFullComputation(c));
}

TEST(DeadlinesNeedFullComputationTest, FeeAwaitingPayment) {
  v1::Case c = ProcessingCase();
  c.mutable_procedure()->mutable_fee();
  EXPECT_TRUE(DeadlinesNeedFullComputation(c));
  *c.mutable_procedure()->mutable_fee()->mutable_paid() = P(2024, 3, 21);
  EXPECT_FALSE(DeadlinesNeedFullComputation(c));
}

TEST(IndexCaseTest, CaseWithoutProceedings) {
  const CaseIndex index = IndexCase(ProcessingCase());
  EXPECT_FALSE(index.compute_in_full);
  EXPECT_EQ(index.duty_due, std::nullopt);
  EXPECT_EQ(index.proceedings_filed_from, std::nullopt);
  EXPECT_EQ(index.proceedings_filed_until, std::nullopt);
  EXPECT_TRUE(IndexCase(v1::Case()).compute_in_full);
}

TEST(IndexCaseTest, DutyIsTheEarliestOpenDuty) {
  v1::Case c = ProcessingCase();
  v1::Review* review = c.add_reviews();
  review->set_id("R1");
  *review->mutable_filed() = P(2024, 9, 20);
  *review->mutable_defence_due() = P(2024, 10, 16);
  *review->mutable_decision_expected() = P(2024, 12, 9);
  ASSERT_EQ(EarliestOpenDuty(c), Day(2024, 10, 16));
  EXPECT_EQ(IndexCase(c).duty_due, Day(2024, 10, 16));
}

TEST(IndexCaseTest, FilingRangeSpansReviewsAndLawsuits) {
  v1::Case c = ProcessingCase();
  *c.add_reviews()->mutable_filed() = P(2024, 9, 20);
  *c.add_lawsuits()->mutable_filed() = P(2025, 9, 10);
  *c.add_reviews()->mutable_filed() = P(2024, 2, 1);
  c.add_lawsuits();  // no filing date: places nothing
  v1::Date not_a_day = P(2024, 1, 1);
  not_a_day.set_day(31);
  not_a_day.set_month(2);
  *c.add_reviews()->mutable_filed() = not_a_day;  // not a date: ignored
  const CaseIndex index = IndexCase(c);
  EXPECT_EQ(index.proceedings_filed_from, Day(2024, 2, 1));
  EXPECT_EQ(index.proceedings_filed_until, Day(2025, 9, 10));
}

}  // namespace
}  // namespace ogi
