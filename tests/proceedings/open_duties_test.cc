#include "services/proceedings/open_duties.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"

namespace ogi {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Day = absl::CivilDay;

v1::Date P(int y, int m, int d) { return ToProtoDate(Day(y, m, d)); }

// "KIND reference due[ party][ #re-answer][ provisional]".
std::vector<std::string> Describe(const std::vector<OpenDuty>& duties) {
  std::vector<std::string> out;
  for (const OpenDuty& d : duties) {
    out.push_back(absl::StrCat(
        v1::AlertKind_Name(d.kind), " ", d.reference, " ", FormatIsoDate(d.due),
        d.party.empty() ? "" : absl::StrCat(" ", d.party),
        d.re_answer_id != 0 ? absl::StrCat(" #", d.re_answer_id) : "",
        d.provisional ? " provisional" : ""));
  }
  return out;
}

// A review with its derived dates as ProceedingService stores them.
v1::Review* AddReview(v1::Case& c, const std::string& id) {
  v1::Review* r = c.add_reviews();
  r->set_id(id);
  r->set_organ("聊城市人民政府");
  *r->mutable_filed() = P(2024, 9, 20);
  *r->mutable_copy_received() = P(2024, 9, 27);
  *r->mutable_defence_due() = P(2024, 10, 16);
  *r->mutable_accepted() = P(2024, 10, 8);
  *r->mutable_decision_expected() = P(2024, 12, 9);
  return r;
}

v1::Lawsuit* AddLawsuit(v1::Case& c, const std::string& id) {
  v1::Lawsuit* l = c.add_lawsuits();
  l->set_id(id);
  l->set_court("聊城市东昌府区人民法院");
  *l->mutable_filed() = P(2025, 9, 10);
  *l->mutable_complaint_received() = P(2025, 9, 16);
  *l->mutable_defence_due() = P(2025, 10, 9);
  *l->mutable_judgment_expected() = P(2026, 3, 10);
  return l;
}

TEST(OpenDutiesTest, NoProceedingsNoDuties) {
  EXPECT_THAT(OpenDuties(v1::Case()), IsEmpty());
  EXPECT_EQ(EarliestOpenDuty(v1::Case()), std::nullopt);
}

TEST(OpenDutiesTest, UndecidedReviewAsksForTheDefenceAndAwaitsTheDecision) {
  v1::Case c;
  AddReview(c, "2024-0003-R1");
  EXPECT_THAT(
      Describe(OpenDuties(c)),
      ElementsAre("ALERT_KIND_REVIEW_DEFENCE_DUE 2024-0003-R1 2024-10-16 "
                  "聊城市人民政府",
                  "ALERT_KIND_REVIEW_DECISION_EXPECTED 2024-0003-R1 2024-12-09 "
                  "聊城市人民政府"));
  EXPECT_EQ(EarliestOpenDuty(c), Day(2024, 10, 16));
}

TEST(OpenDutiesTest, AFiledDefenceLeavesTheDecisionAndADecisionLeavesNothing) {
  v1::Case c;
  v1::Review* r = AddReview(c, "2024-0003-R1");
  *r->mutable_defence_filed() = P(2024, 10, 15);
  EXPECT_THAT(Describe(OpenDuties(c)),
              ElementsAre("ALERT_KIND_REVIEW_DECISION_EXPECTED 2024-0003-R1 "
                          "2024-12-09 聊城市人民政府"));
  EXPECT_EQ(EarliestOpenDuty(c), Day(2024, 12, 9));
  r->set_decision(v1::PROCEEDING_DECISION_UPHELD);
  *r->mutable_decided() = P(2024, 12, 2);
  EXPECT_THAT(OpenDuties(c), IsEmpty());
  EXPECT_EQ(EarliestOpenDuty(c), std::nullopt);
}

TEST(OpenDutiesTest, AReviewWithoutItsCopyHasNoDefenceDueYet) {
  v1::Case c;
  v1::Review* r = AddReview(c, "2024-0003-R1");
  r->clear_copy_received();
  r->clear_defence_due();
  r->clear_accepted();
  r->clear_decision_expected();
  EXPECT_THAT(OpenDuties(c), IsEmpty());
}

TEST(OpenDutiesTest, LawsuitUntilItsFirstInstanceJudgment) {
  v1::Case c;
  v1::Lawsuit* l = AddLawsuit(c, "2025-0001-L1");
  l->set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);  // defends too
  l->set_dates_provisional(true);
  EXPECT_THAT(
      Describe(OpenDuties(c)),
      ElementsAre("ALERT_KIND_LAWSUIT_DEFENCE_DUE 2025-0001-L1 2025-10-09 "
                  "聊城市东昌府区人民法院 provisional",
                  "ALERT_KIND_JUDGMENT_EXPECTED 2025-0001-L1 2026-03-10 "
                  "聊城市东昌府区人民法院 provisional"));
  l->mutable_first_instance()->set_decision(
      v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
  *l->mutable_first_instance()->mutable_date() = P(2026, 1, 5);
  EXPECT_THAT(OpenDuties(c), IsEmpty());
}

TEST(OpenDutiesTest, ReAnswerUntilServed) {
  v1::Case c;
  v1::ReAnswer* a = c.add_re_answers();
  a->set_id(1);
  a->set_ordered_by("2024-0003-R1");
  *a->mutable_ordered() = P(2024, 12, 2);
  *a->mutable_due() = P(2024, 12, 20);
  v1::ReAnswer* undated = c.add_re_answers();  // no due date: nothing to track
  undated->set_id(2);
  undated->set_ordered_by("2024-0003-R1");
  EXPECT_THAT(
      Describe(OpenDuties(c)),
      ElementsAre("ALERT_KIND_REANSWER_DUE 2024-0003-R1 2024-12-20 #1"));
  *a->mutable_served() = P(2024, 12, 18);
  EXPECT_THAT(OpenDuties(c), IsEmpty());
}

TEST(OpenDutiesTest, EarliestOverAllProceedingsAndAnImpossibleDateIsSkipped) {
  v1::Case c;
  AddLawsuit(c, "2025-0001-L1");
  v1::Review* r = AddReview(c, "2025-0001-R1");
  r->mutable_defence_due()->set_month(2);  // 2025-02-30: not a date
  r->mutable_defence_due()->set_day(30);
  *r->mutable_decision_expected() = P(2025, 11, 20);
  EXPECT_THAT(
      Describe(OpenDuties(c)),
      ElementsAre("ALERT_KIND_REVIEW_DECISION_EXPECTED 2025-0001-R1 "
                  "2025-11-20 聊城市人民政府",
                  "ALERT_KIND_LAWSUIT_DEFENCE_DUE 2025-0001-L1 "
                  "2025-10-09 聊城市东昌府区人民法院",
                  "ALERT_KIND_JUDGMENT_EXPECTED 2025-0001-L1 2026-03-10 "
                  "聊城市东昌府区人民法院"));
  EXPECT_EQ(EarliestOpenDuty(c), Day(2025, 10, 9));
}

TEST(OpenDutiesTest, OwnDutiesAreDefencesAndReAnswers) {
  EXPECT_TRUE(IsOwnDuty(v1::ALERT_KIND_REVIEW_DEFENCE_DUE));
  EXPECT_TRUE(IsOwnDuty(v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE));
  EXPECT_TRUE(IsOwnDuty(v1::ALERT_KIND_REANSWER_DUE));
  EXPECT_FALSE(IsOwnDuty(v1::ALERT_KIND_REVIEW_DECISION_EXPECTED));
  EXPECT_FALSE(IsOwnDuty(v1::ALERT_KIND_JUDGMENT_EXPECTED));
  EXPECT_FALSE(IsOwnDuty(v1::ALERT_KIND_ANSWER_OVERDUE));
}

}  // namespace
}  // namespace ogi
