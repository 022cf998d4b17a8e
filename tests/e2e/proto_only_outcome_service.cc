// OutcomeService through the proto-only client: conclusions, corrections and
// the lapse of an unanswered 补正 notice.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
using ::testing::AllOf;
using ::testing::HasSubstr;

void ProtoOnlyClientTest::ExerciseOutcomeService() {
  const std::string outcome = kOutcomeService;
  const std::string case_service = kCaseService;
  // Today is Wednesday 2025-11-05, where ExerciseWatchAlertsAndSetTime left
  // the clock.

  // --- 王晓明's two items got different answers: the compensation plan was
  // disclosed, the approval's internal deliberations withheld, so the case
  // counts as 部分公开 (SPEC §4 rule 2), its legal basis filled in from both
  // outcomes. Posted on 2025-04-08, after the due date 03-31: accepted, and
  // flagged as late.
  Reply partial = Call(outcome + ".ConcludeCase",
                       absl::Substitute(R"json({"number": "$0",
                         "dispositions": [
                           {"item": 1, "outcome": "OUTCOME_DISCLOSED"},
                           {"item": 2,
                            "outcome": "OUTCOME_WITHHELD_PROCESS_INFORMATION"}],
                         "provided_summary": "房屋征收补偿方案全文",
                         "withheld_summary": "立项审批过程中的部门间讨论记录",
                         "service_method": "SERVICE_METHOD_POSTED",
                         "served": {"year": 2025, "month": 4, "day": 8}})json",
                                        kFirstCaseNumber),
                       Clerk());
  ASSERT_RPC_OK(partial);
  EXPECT_EQ(Value(*partial.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_ANSWERED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.derived_outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.outcome"),
            "OUTCOME_PARTIALLY_DISCLOSED");
  // Art. 37 for the partial disclosure, Art. 16 ¶2 for process information.
  EXPECT_THAT(Value(*partial.response, "case.conclusion.legal_basis"),
              AllOf(HasSubstr("第三十七条"), HasSubstr("第十六条第二款")));
  EXPECT_EQ(DateAt(*partial.response, "case.conclusion.served"), "2025-04-08");
  EXPECT_EQ(DateAt(*partial.response, "case.conclusion.due_date"),
            "2025-03-31");
  EXPECT_EQ(Value(*partial.response, "case.conclusion.served_late"), "true");

  // A case is concluded once; a change is a correction.
  Reply twice = Call(outcome + ".ConcludeCase",
                     absl::Substitute(R"json({"number": "$0",
                       "outcome": "OUTCOME_DISCLOSED",
                       "service_method": "SERVICE_METHOD_POSTED",
                       "served": {"year": 2025, "month": 4, "day": 9}})json",
                                      kFirstCaseNumber),
                     Clerk());
  EXPECT_EQ(twice.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- 张建国's answer, handed over on its due date (today): in time.
  Reply disclosed = Call(outcome + ".ConcludeCase",
                         absl::Substitute(R"json({"number": "$0",
                           "outcome": "OUTCOME_DISCLOSED",
                           "service_method": "SERVICE_METHOD_SIGNED_IN_PERSON",
                           "served": {"year": 2025, "month": 11,
                                      "day": 5}})json",
                                          kConsultationCase),
                         Clerk());
  ASSERT_RPC_OK(disclosed);
  EXPECT_EQ(Value(*disclosed.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*disclosed.response, "case.conclusion.outcome"),
            "OUTCOME_DISCLOSED");
  EXPECT_EQ(DateAt(*disclosed.response, "case.conclusion.due_date"),
            "2025-11-05");
  EXPECT_EQ(Value(*disclosed.response, "case.conclusion.served_late"), "false");

  // The post office's receipt shows it was in fact posted the day before:
  // the conclusion is corrected, with the reason, and the history keeps both.
  Reply corrected = Call(outcome + ".CorrectConclusion",
                         absl::Substitute(R"json({"number": "$0",
                           "conclusion": {
                             "dispositions": [{"item": 1,
                                               "outcome": "OUTCOME_DISCLOSED"}],
                             "service_method": "SERVICE_METHOD_POSTED",
                             "served": {"year": 2025, "month": 11, "day": 4}},
                           "reason": "邮寄回执显示答复书于11月4日交邮"})json",
                                          kConsultationCase),
                         Clerk());
  ASSERT_RPC_OK(corrected);
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_ANSWERED");
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.outcome"),
            "OUTCOME_DISCLOSED");
  EXPECT_EQ(Value(*corrected.response, "case.conclusion.service_method"),
            "SERVICE_METHOD_POSTED");
  EXPECT_EQ(DateAt(*corrected.response, "case.conclusion.served"),
            "2025-11-04");
  EXPECT_EQ(DateAt(*corrected.response, "case.conclusion.due_date"),
            "2025-11-05");
  Reply history =
      Call(case_service + ".ListCaseHistory",
           absl::Substitute(R"({"number": "$0"})", kConsultationCase));
  ASSERT_RPC_OK(history);
  const std::vector<const Message*> events =
      Elements(*history.response, "events");
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(Value(*events[events.size() - 2], "type"),
            "CASE_EVENT_TYPE_CONCLUDED");
  const Message& correction = *events.back();
  EXPECT_EQ(Value(correction, "type"), "CASE_EVENT_TYPE_CONCLUSION_CORRECTED");
  EXPECT_EQ(Value(correction, "actor"), "clerk-li");
  EXPECT_EQ(Value(correction, "reason"), "邮寄回执显示答复书于11月4日交邮");
  const Message* served_change = ChangeOf(correction, "conclusion.served");
  ASSERT_NE(served_change, nullptr);
  EXPECT_EQ(Value(*served_change, "old_value"), "2025-11-05");
  EXPECT_EQ(Value(*served_change, "new_value"), "2025-11-04");
  const Message* method_change =
      ChangeOf(correction, "conclusion.service_method");
  ASSERT_NE(method_change, nullptr);
  EXPECT_EQ(Value(*method_change, "old_value"), "signed_in_person");
  EXPECT_EQ(Value(*method_change, "new_value"), "posted");

  // --- 刘芳 withdrew by telephone on 10-31: concluded as 其他. The deferred
  // due date (12-31) is what it was concluded against.
  Reply withdrawn = Call(outcome + ".WithdrawCase",
                         absl::Substitute(R"json({"number": "$0",
                           "withdrawn": {"year": 2025, "month": 10, "day": 31},
                           "note": "申请人来电撤回申请，已记录通话"})json",
                                          kDeferralCase),
                         Clerk());
  ASSERT_RPC_OK(withdrawn);
  EXPECT_EQ(Value(*withdrawn.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_WITHDRAWN");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.outcome"),
            "OUTCOME_OTHER");
  EXPECT_EQ(Value(*withdrawn.response, "case.conclusion.note"),
            "申请人来电撤回申请，已记录通话");
  EXPECT_EQ(DateAt(*withdrawn.response, "case.conclusion.served"),
            "2025-10-31");
  EXPECT_EQ(DateAt(*withdrawn.response, "case.conclusion.due_date"),
            "2025-12-31");

  // --- A vague application received in person on Thursday 10-09; the 补正
  // notice of 10-10 gives the applicant until Friday 10-24, and nothing
  // comes.
  std::unique_ptr<Message> vague =
      CreateInPersonCase("孙伟", 10, 9, "关于我家附近那块地的所有文件");
  ASSERT_NE(vague, nullptr);
  EXPECT_EQ(Value(*vague, "number"), kLapsedCase);
  Reply notice = Call(std::string(kProcedureService) + ".SendCorrectionNotice",
                      absl::Substitute(R"json({"number": "$0",
                        "sent": {"year": 2025, "month": 10, "day": 10},
                        "items_to_supplement":
                            "请写明所申请地块的位置及所需文件的名称",
                        "applicant_deadline": {"year": 2025, "month": 10,
                                               "day": 24}})json",
                                       kLapsedCase),
                      Clerk());
  ASSERT_RPC_OK(notice);
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_CORRECTION");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_lapsed"), "true");
  // On the window's last day nothing has lapsed yet.
  Reply early = Call(outcome + ".ConfirmLapse",
                     absl::Substitute(R"json({"number": "$0",
                       "concluded": {"year": 2025, "month": 10,
                                     "day": 24}})json",
                                      kLapsedCase),
                     Clerk());
  EXPECT_THAT(early,
              RefusedWith(grpc::StatusCode::FAILED_PRECONDITION, "2025-10-24"));
  Reply lapsed = Call(outcome + ".ConfirmLapse",
                      absl::Substitute(R"json({"number": "$0",
                        "concluded": {"year": 2025, "month": 10, "day": 28},
                        "service_method": "SERVICE_METHOD_POSTED",
                        "note": "申请人逾期未补正，已邮寄告知不再处理"})json",
                                       kLapsedCase),
                      Clerk());
  ASSERT_RPC_OK(lapsed);
  EXPECT_EQ(Value(*lapsed.response, "case.status"), "CASE_STATUS_CONCLUDED");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.kind"),
            "CONCLUSION_KIND_CORRECTION_LAPSED");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.outcome"),
            "OUTCOME_OTHER_CORRECTION_LAPSED");
  EXPECT_EQ(DateAt(*lapsed.response, "case.conclusion.served"), "2025-10-28");
  // While awaiting the supplement no answer was due.
  EXPECT_EQ(DateAt(*lapsed.response, "case.conclusion.due_date"), "<unset>");
  EXPECT_EQ(Value(*lapsed.response, "case.conclusion.served_late"), "false");
  // (RecordReAnswer follows a decision: ExerciseProceedingService.)
}

TEST_F(ProtoOnlyClientTest,
       ConcludeCaseWithoutServedIsInvalidArgumentNamingField) {
  std::unique_ptr<Message> c =
      CreateInPersonCase("赵丽", 9, 26, "2024年度本机关行政许可办理情况统计");
  ASSERT_NE(c, nullptr);
  const std::string number = Value(*c, "number");
  Reply reply = Call(std::string(kOutcomeService) + ".ConcludeCase",
                     absl::Substitute(R"json({"number": "$0",
                       "outcome": "OUTCOME_DISCLOSED",
                       "service_method": "SERVICE_METHOD_SIGNED_IN_PERSON"})json",
                                      number),
                     Clerk());
  EXPECT_THAT(reply,
              RefusedWith(grpc::StatusCode::INVALID_ARGUMENT, "served:"));

  // Nothing was recorded.
  Reply got = GetCase(number);
  ASSERT_RPC_OK(got);
  EXPECT_EQ(Value(*got.response, "case.status"), "CASE_STATUS_PROCESSING");
  EXPECT_EQ(Value(*got.response, "case.conclusion"), "<unset>");
  EXPECT_EQ(Value(*got.response, "case.version"), "1");
}

}  // namespace ogi::proto_only
