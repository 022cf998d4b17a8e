// ProceedingService through the proto-only client: administrative reviews and
// lawsuits about a case's answer.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
using ::testing::ElementsAre;
using ::testing::IsEmpty;

void ProtoOnlyClientTest::ExerciseProceedingService() {
  const std::string proceeding = kProceedingService;

  // --- 王晓明 asks 聊城市人民政府 to review the partial disclosure of 04-08.
  // The agency got the copy on Friday 04-25: its defence is due on the 10th
  // working day after, Tuesday 05-13 (Sunday 04-27 is a make-up day (1),
  // 04-28..30 (2..4), 05-01..05 off, 05-06..09 (5..8), 05-12..13 (9..10)).
  // Accepted on 04-28, the decision is expected 60 days later, Friday 06-27.
  Reply filed = Call(proceeding + ".FileReview",
                     absl::Substitute(R"json({"number": "$0", "review": {
                       "organ": "聊城市人民政府",
                       "filed": {"year": 2025, "month": 4, "day": 21},
                       "copy_received": {"year": 2025, "month": 4, "day": 25},
                       "accepted": {"year": 2025, "month": 4,
                                    "day": 28}}})json",
                                      kFirstCaseNumber),
                     Clerk());
  ASSERT_RPC_OK(filed);
  const std::string review_id = Value(*filed.response, "review.id");
  EXPECT_EQ(review_id, "2025-0001-R1");
  EXPECT_EQ(Value(*filed.response, "review.organ"), "聊城市人民政府");
  EXPECT_EQ(Value(*filed.response, "review.procedure"),
            "REVIEW_PROCEDURE_ORDINARY");
  EXPECT_EQ(DateAt(*filed.response, "review.defence_due"), "2025-05-13");
  EXPECT_EQ(DateAt(*filed.response, "review.decision_expected"), "2025-06-27");
  EXPECT_EQ(Value(*filed.response, "review.column"), "RESULT_COLUMN_PENDING");
  EXPECT_EQ(Value(*filed.response, "review.dates_provisional"), "false");
  EXPECT_EQ(Elements(*filed.response, "case.reviews").size(), 1u);

  // The defence went in on 05-12 and the organ took its 30 more days once:
  // 90 days after 04-28 is Sunday 07-27, so Monday 07-28.
  Reply progress = Call(proceeding + ".RecordReviewProgress",
                        absl::Substitute(R"json({"id": "$0",
                          "defence_filed": {"year": 2025, "month": 5,
                                            "day": 12},
                          "extend_decision_period": true})json",
                                         review_id),
                        Clerk());
  ASSERT_RPC_OK(progress);
  EXPECT_EQ(DateAt(*progress.response, "review.defence_filed"), "2025-05-12");
  EXPECT_EQ(Value(*progress.response, "review.decision_period_extended"),
            "true");
  EXPECT_EQ(DateAt(*progress.response, "review.decision_expected"),
            "2025-07-28");

  Reply upheld = Call(proceeding + ".DecideReview",
                      absl::Substitute(R"json({"id": "$0",
                        "decision": "PROCEEDING_DECISION_UPHELD",
                        "decided": {"year": 2025, "month": 7,
                                    "day": 21}})json",
                                       review_id),
                      Clerk());
  ASSERT_RPC_OK(upheld);
  EXPECT_EQ(Value(*upheld.response, "review.decision"),
            "PROCEEDING_DECISION_UPHELD");
  EXPECT_EQ(DateAt(*upheld.response, "review.decided"), "2025-07-21");
  EXPECT_EQ(Value(*upheld.response, "review.column"), "RESULT_COLUMN_UPHELD");
  Reply decided_again = Call(proceeding + ".DecideReview",
                             absl::Substitute(R"json({"id": "$0",
                               "decision": "PROCEEDING_DECISION_REVOKED",
                               "decided": {"year": 2025, "month": 7,
                                           "day": 22}})json",
                                              review_id),
                             Clerk());
  EXPECT_EQ(decided_again.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // --- He then sues (复议后起诉). The complaint copy arrived Friday 08-08:
  // the defence is due 15 days later, Saturday 08-23, so Monday 08-25. The
  // judgment is expected 6 months after filing, Wednesday 2026-02-04.
  Reply sued = Call(proceeding + ".FileLawsuit",
                    absl::Substitute(R"json({"number": "$0", "lawsuit": {
                      "court": "聊城市东昌府区人民法院",
                      "filed": {"year": 2025, "month": 8, "day": 4},
                      "complaint_received": {"year": 2025, "month": 8,
                                             "day": 8},
                      "after_review_id": "$1"}})json",
                                     kFirstCaseNumber, review_id),
                    Clerk());
  ASSERT_RPC_OK(sued);
  const std::string lawsuit_id = Value(*sued.response, "lawsuit.id");
  EXPECT_EQ(lawsuit_id, "2025-0001-L1");
  EXPECT_EQ(Value(*sued.response, "lawsuit.route"),
            "LAWSUIT_ROUTE_AFTER_REVIEW");
  EXPECT_EQ(Value(*sued.response, "lawsuit.role"), "LAWSUIT_ROLE_DEFENDANT");
  EXPECT_EQ(DateAt(*sued.response, "lawsuit.defence_due"), "2025-08-25");
  EXPECT_EQ(DateAt(*sued.response, "lawsuit.judgment_expected"), "2026-02-04");
  EXPECT_EQ(Value(*sued.response, "lawsuit.column"), "RESULT_COLUMN_PENDING");

  Reply answered = Call(proceeding + ".RecordLawsuitProgress",
                        absl::Substitute(R"json({"id": "$0",
                          "defence_filed": {"year": 2025, "month": 8,
                                            "day": 20}})json",
                                         lawsuit_id),
                        Clerk());
  ASSERT_RPC_OK(answered);
  EXPECT_EQ(DateAt(*answered.response, "lawsuit.defence_filed"), "2025-08-20");

  Reply judged = Call(proceeding + ".JudgeLawsuit",
                      absl::Substitute(R"json({"id": "$0",
                        "decision": "PROCEEDING_DECISION_CLAIM_DISMISSED",
                        "date": {"year": 2025, "month": 9, "day": 30}})json",
                                       lawsuit_id),
                      Clerk());
  ASSERT_RPC_OK(judged);
  EXPECT_EQ(Value(*judged.response, "lawsuit.first_instance.decision"),
            "PROCEEDING_DECISION_CLAIM_DISMISSED");
  EXPECT_EQ(Value(*judged.response, "lawsuit.column"), "RESULT_COLUMN_UPHELD");

  // Under appeal the result is not final: 尚未审结 again.
  Reply appealed = Call(proceeding + ".AppealLawsuit",
                        absl::Substitute(R"json({"id": "$0",
                          "filed": {"year": 2025, "month": 10, "day": 14},
                          "appellant": "王晓明",
                          "court": "聊城市中级人民法院"})json",
                                         lawsuit_id),
                        Clerk());
  ASSERT_RPC_OK(appealed);
  EXPECT_EQ(DateAt(*appealed.response, "lawsuit.appeal.filed"), "2025-10-14");
  EXPECT_EQ(Value(*appealed.response, "lawsuit.appeal.court"),
            "聊城市中级人民法院");
  EXPECT_EQ(Value(*appealed.response, "lawsuit.column"),
            "RESULT_COLUMN_PENDING");

  // The appeal court revokes and orders a new answer by 11-14: recorded on
  // the case as a pending re-answer.
  Reply revoked = Call(proceeding + ".DecideAppeal",
                       absl::Substitute(R"json({"id": "$0",
                         "decision": "PROCEEDING_DECISION_REVOKED",
                         "date": {"year": 2025, "month": 10, "day": 30},
                         "reanswer_due": {"year": 2025, "month": 11,
                                          "day": 14}})json",
                                        lawsuit_id),
                       Clerk());
  ASSERT_RPC_OK(revoked);
  EXPECT_EQ(Value(*revoked.response, "lawsuit.appeal.result.decision"),
            "PROCEEDING_DECISION_REVOKED");
  EXPECT_EQ(Value(*revoked.response, "lawsuit.column"),
            "RESULT_COLUMN_CORRECTED");
  const std::vector<const Message*> ordered =
      Elements(*revoked.response, "case.re_answers");
  ASSERT_EQ(ordered.size(), 1u);
  EXPECT_EQ(Value(*ordered[0], "id"), "1");
  EXPECT_EQ(Value(*ordered[0], "ordered_by"), lawsuit_id);
  EXPECT_EQ(DateAt(*ordered[0], "ordered"), "2025-10-30");
  EXPECT_EQ(DateAt(*ordered[0], "due"), "2025-11-14");
  EXPECT_EQ(DateAt(*ordered[0], "served"), "<unset>");

  // The new answer (OutcomeService), posted 11-04, in time. The case keeps
  // the category of its first conclusion.
  Reply reanswered = Call(std::string(kOutcomeService) + ".RecordReAnswer",
                          absl::Substitute(R"json({"number": "$0",
                            "ordered_by": "$1",
                            "outcome": "OUTCOME_DISCLOSED",
                            "service_method": "SERVICE_METHOD_POSTED",
                            "served": {"year": 2025, "month": 11,
                                       "day": 4}})json",
                                           kFirstCaseNumber, lawsuit_id),
                          Clerk());
  ASSERT_RPC_OK(reanswered);
  const std::vector<const Message*> re_answers =
      Elements(*reanswered.response, "case.re_answers");
  ASSERT_EQ(re_answers.size(), 1u);
  EXPECT_EQ(Value(*re_answers[0], "outcome"), "OUTCOME_DISCLOSED");
  EXPECT_EQ(DateAt(*re_answers[0], "served"), "2025-11-04");
  EXPECT_EQ(DateAt(*re_answers[0], "due"), "2025-11-14");
  EXPECT_EQ(Value(*re_answers[0], "served_late"), "false");
  EXPECT_EQ(Value(*reanswered.response, "case.conclusion.outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");

  // --- 周敏, still unanswered, asks for a review of the failure to answer.
  // Copy received Friday 10-10: Saturday 10-11 is a make-up day (1),
  // 10-13..17 (2..6), 10-20..23 (7..10): the defence is due Thursday 10-23.
  // Not accepted yet: no decision date is expected.
  Reply silence = Call(proceeding + ".FileReview",
                       absl::Substitute(R"json({"number": "$0", "review": {
                         "organ": "聊城市人民政府",
                         "filed": {"year": 2025, "month": 10, "day": 9},
                         "copy_received": {"year": 2025, "month": 10,
                                           "day": 10}}})json",
                                        kOverdueCase),
                       Clerk());
  ASSERT_RPC_OK(silence);
  EXPECT_EQ(Value(*silence.response, "review.id"), "2025-0008-R1");
  EXPECT_EQ(DateAt(*silence.response, "review.defence_due"), "2025-10-23");
  EXPECT_EQ(DateAt(*silence.response, "review.decision_expected"), "<unset>");
  EXPECT_EQ(Value(*silence.response, "case.status"), "CASE_STATUS_PROCESSING");

  // --- The listings, by filing date.
  Reply reviews = Call(proceeding + ".ListReviews", "{}");
  ASSERT_RPC_OK(reviews);
  std::vector<std::string> listed;
  for (const Message* entry : Elements(*reviews.response, "reviews")) {
    listed.push_back(absl::StrCat(
        Value(*entry, "review.id"), " ", Value(*entry, "case_number"), " ",
        Value(*entry, "applicant_name"), " ", Value(*entry, "review.column")));
  }
  EXPECT_THAT(listed,
              ElementsAre("2025-0001-R1 2025-0001 王晓明 RESULT_COLUMN_UPHELD",
                          "2025-0008-R1 2025-0008 周敏 RESULT_COLUMN_PENDING"));
  Reply open = Call(proceeding + ".ListReviews", R"({"open_only": true})");
  ASSERT_RPC_OK(open);
  const std::vector<const Message*> open_reviews =
      Elements(*open.response, "reviews");
  ASSERT_EQ(open_reviews.size(), 1u);
  EXPECT_EQ(Value(*open_reviews[0], "review.id"), "2025-0008-R1");

  Reply lawsuits = Call(proceeding + ".ListLawsuits", "{}");
  ASSERT_RPC_OK(lawsuits);
  const std::vector<const Message*> suits =
      Elements(*lawsuits.response, "lawsuits");
  ASSERT_EQ(suits.size(), 1u);
  EXPECT_EQ(Value(*suits[0], "case_number"), kFirstCaseNumber);
  EXPECT_EQ(Value(*suits[0], "applicant_name"), "王晓明");
  EXPECT_EQ(Value(*suits[0], "lawsuit.id"), lawsuit_id);
  EXPECT_EQ(Value(*suits[0], "lawsuit.route"), "LAWSUIT_ROUTE_AFTER_REVIEW");
  EXPECT_EQ(Value(*suits[0], "lawsuit.column"), "RESULT_COLUMN_CORRECTED");
}

TEST_F(ProtoOnlyClientTest,
       FileReviewWithoutOrganIsInvalidArgumentNamingField) {
  std::unique_ptr<Message> c = CreateInPersonCase(
      "陈志强", 9, 26, "聊城市某工业园区环境影响评价审批文件");
  ASSERT_NE(c, nullptr);
  const std::string number = Value(*c, "number");
  Reply reply = Call(std::string(kProceedingService) + ".FileReview",
                     absl::Substitute(R"json({"number": "$0", "review": {
                       "filed": {"year": 2025, "month": 10, "day": 9}}})json",
                                      number),
                     Clerk());
  EXPECT_THAT(reply,
              RefusedWith(grpc::StatusCode::INVALID_ARGUMENT, "review.organ"));

  // Nothing was recorded.
  Reply got = GetCase(number);
  ASSERT_RPC_OK(got);
  EXPECT_THAT(Elements(*got.response, "case.reviews"), IsEmpty());
  EXPECT_EQ(Value(*got.response, "case.version"), "1");
}

}  // namespace ogi::proto_only
