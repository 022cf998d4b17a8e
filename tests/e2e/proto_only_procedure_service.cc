// ProcedureService through the proto-only client: 补正, consultation, fees,
// extension and deferral, each with the deadlines it moves.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/proto_only_fixture.h"

namespace ogi::proto_only {
namespace {

// The answer deadline of the case in `response` and the working days left
// before it, as "2025-11-27, 28 working days left".
std::string AnswerDue(const Message& response) {
  return absl::StrCat(DateAt(response, "case.deadlines.answer_due"), ", ",
                      Value(response, "case.deadlines.working_days_left"),
                      " working days left");
}

}  // namespace

void ProtoOnlyClientTest::ExerciseProcedureService() {
  const std::string procedure = kProcedureService;
  const std::string case_service = kCaseService;

  // Five applications received in person on Friday 2025-09-26.
  const std::vector<std::pair<std::string, std::string>> applications = {
      {"李红梅", "2025年东昌府区老旧小区改造项目资金使用情况"},
      {"张建国", "凤凰街道某地块土地征收的征地批复"},
      {"赵丽", "2024年度本机关行政许可办理情况统计"},
      {"陈志强", "聊城市某工业园区环境影响评价审批文件"},
      {"刘芳", "2023年至2025年本机关政府采购合同"}};
  const std::vector<std::string> numbers = {kCorrectionCase, kConsultationCase,
                                            kFeeCase, kExtensionCase,
                                            kDeferralCase};
  for (size_t i = 0; i < applications.size(); ++i) {
    std::unique_ptr<Message> c = CreateInPersonCase(applications[i].first, 9,
                                                    26, applications[i].second);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(Value(*c, "number"), numbers[i]);
    EXPECT_EQ(DateAt(*c, "receipt_date"), "2025-09-26");
    EXPECT_EQ(Value(*c, "deadlines.state"), "CLOCK_STATE_RUNNING");
    EXPECT_EQ(DateAt(*c, "deadlines.clock_start"), "2025-09-26");
    EXPECT_EQ(DateAt(*c, "deadlines.answer_due"), "2025-10-30");
    EXPECT_EQ(Value(*c, "deadlines.allowed_working_days"), "20");
    // (10-20, 10-30]: 10-21..24 and 10-27..30.
    EXPECT_EQ(Value(*c, "deadlines.working_days_left"), "8");
    EXPECT_EQ(DateAt(*c, "deadlines.correction_notice_due"), "2025-10-13");
    EXPECT_EQ(Value(*c, "deadlines.correction_notice_late"), "true");
  }

  // --- 补正: notice on Monday 09-29 (in time), supplement on 10-14.
  Reply notice = Call(procedure + ".SendCorrectionNotice",
                      absl::Substitute(R"json({"number": "$0",
                        "sent": {"year": 2025, "month": 9, "day": 29},
                        "items_to_supplement": "请补充申请人身份证明复印件",
                        "applicant_deadline": {"year": 2025, "month": 10,
                                               "day": 24}})json",
                                       kCorrectionCase),
                      Clerk());
  ASSERT_RPC_OK(notice);
  EXPECT_EQ(Value(*notice.response, "case.version"), "2");
  EXPECT_EQ(Value(*notice.response, "case.status"),
            "CASE_STATUS_AWAITING_CORRECTION");
  EXPECT_EQ(DateAt(*notice.response, "case.procedure.correction.sent"),
            "2025-09-29");
  EXPECT_EQ(
      Value(*notice.response, "case.procedure.correction.items_to_supplement"),
      "请补充申请人身份证明复印件");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.state"),
            "CLOCK_STATE_AWAITING_CORRECTION");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.answer_due"), "<unset>");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.correction_notice_late"),
            "false");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_CORRECTION");
  EXPECT_EQ(DateAt(*notice.response, "case.deadlines.window_end"),
            "2025-10-24");
  EXPECT_EQ(Value(*notice.response, "case.deadlines.window_lapsed"), "false");

  // A second notice is against Art. 30.
  Reply second_notice = Call(procedure + ".SendCorrectionNotice",
                             absl::Substitute(R"json({"number": "$0",
                               "sent": {"year": 2025, "month": 10, "day": 9},
                               "items_to_supplement": "补充委托书",
                               "applicant_deadline": {"year": 2025,
                                                      "month": 10,
                                                      "day": 24}})json",
                                              kCorrectionCase),
                             Clerk());
  EXPECT_EQ(second_notice.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // The clock restarts from Tuesday 10-14: its 20th working day is 11-11
  // (10-15..17, 10-20..24, 10-27..31, 11-03..07, 11-10..11); 4 of them lie on
  // or before 10-20.
  Reply supplement = Call(procedure + ".ReceiveSupplement",
                          absl::Substitute(R"json({"number": "$0",
                            "received": {"year": 2025, "month": 10,
                                         "day": 14}})json",
                                           kCorrectionCase),
                          Clerk());
  ASSERT_RPC_OK(supplement);
  EXPECT_EQ(Value(*supplement.response, "case.version"), "3");
  EXPECT_EQ(Value(*supplement.response, "case.status"),
            "CASE_STATUS_PROCESSING");
  EXPECT_EQ(DateAt(*supplement.response,
                   "case.procedure.correction.supplement_received"),
            "2025-10-14");
  EXPECT_EQ(Value(*supplement.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(DateAt(*supplement.response, "case.deadlines.clock_start"),
            "2025-10-14");
  EXPECT_EQ(AnswerDue(*supplement.response),
            "2025-11-11, 16 working days left");

  Reply history =
      Call(case_service + ".ListCaseHistory",
           absl::Substitute(R"({"number": "$0"})", kCorrectionCase));
  ASSERT_RPC_OK(history);
  const std::vector<const Message*> events =
      Elements(*history.response, "events");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(Value(*events[1], "type"),
            "CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT");
  EXPECT_EQ(Value(*events[2], "type"), "CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED");
  EXPECT_EQ(Value(*events[2], "actor"), "clerk-li");
  const Message* due_change = ChangeOf(*events[2], "deadlines.answer_due");
  ASSERT_NE(due_change, nullptr);
  EXPECT_EQ(Value(*due_change, "old_value"), "");
  EXPECT_EQ(Value(*due_change, "new_value"), "2025-11-11");
  const Message* status_change = ChangeOf(*events[2], "status");
  ASSERT_NE(status_change, nullptr);
  // FieldChange values are canonical text: enums as lower-case identifiers.
  EXPECT_EQ(Value(*status_change, "old_value"), "awaiting_correction");
  EXPECT_EQ(Value(*status_change, "new_value"), "processing");

  // No notice, so nothing to supplement.
  Reply stray = Call(procedure + ".ReceiveSupplement",
                     absl::Substitute(R"json({"number": "$0",
                       "received": {"year": 2025, "month": 10,
                                    "day": 14}})json",
                                      kConsultationCase),
                     Clerk());
  EXPECT_EQ(stray.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- Consultation: letter sent 09-29, received by the party 09-30.
  // While open, the pause is projected to the end of the party's 15 working
  // days (10-09..11, 10-13..17, 10-20..24, 10-27..28: 10-28), so the days
  // 09-29..10-28 do not count: 09-28 is the 1st, 10-29 the 2nd, ... 11-24
  // the 20th.
  Reply consultation = Call(procedure + ".SendConsultation",
                            absl::Substitute(R"json({"number": "$0",
                              "kind": "CONSULTED_PARTY_KIND_THIRD_PARTY",
                              "party": "聊城市东昌置业有限公司",
                              "sent": {"year": 2025, "month": 9, "day": 29},
                              "party_received": {"year": 2025, "month": 9,
                                                 "day": 30}})json",
                                             kConsultationCase),
                            Clerk());
  ASSERT_RPC_OK(consultation);
  const std::vector<const Message*> letters =
      Elements(*consultation.response, "case.procedure.consultations");
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(Value(*letters[0], "id"), "1");
  EXPECT_EQ(Value(*letters[0], "kind"), "CONSULTED_PARTY_KIND_THIRD_PARTY");
  EXPECT_EQ(Value(*letters[0], "party"), "聊城市东昌置业有限公司");
  EXPECT_EQ(Value(*consultation.response, "case.deadlines.state"),
            "CLOCK_STATE_PAUSED_CONSULTATION");
  EXPECT_EQ(DateAt(*consultation.response, "case.deadlines.answer_due"),
            "2025-11-24");

  // The reply on 10-10 ends the pause: only 09-29, 09-30, 10-09 and 10-10
  // are lost, so the 20th working day is 11-05 (the 24th after receipt);
  // 10-21..24, 10-27..31 and 11-03..05 are left.
  Reply reply = Call(procedure + ".ReceiveConsultationReply",
                     absl::Substitute(R"json({"number": "$0",
                       "consultation_id": 0,
                       "received": {"year": 2025, "month": 10,
                                    "day": 10}})json",
                                      kConsultationCase),
                     Clerk());
  ASSERT_RPC_OK(reply);
  const std::vector<const Message*> replied =
      Elements(*reply.response, "case.procedure.consultations");
  ASSERT_EQ(replied.size(), 1u);
  EXPECT_EQ(DateAt(*replied[0], "reply_received"), "2025-10-10");
  EXPECT_EQ(Value(*reply.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(AnswerDue(*reply.response), "2025-11-05, 12 working days left");

  // --- Fee: per page, 50 pages: the first 30 are free, 20 at 10 yuan.
  // Served on 10-09; the payment window is 20 working days (10-10..11-05).
  // Unpaid, the pause is projected to the window's end: 09-28..30 count,
  // then 11-06 is the 4th, ... 11-28 the 20th.
  Reply fee = Call(procedure + ".IssueFeeNotice",
                   absl::Substitute(R"json({"number": "$0",
                     "method": "FEE_METHOD_PER_PAGE", "pages": 50,
                     "served": {"year": 2025, "month": 10, "day": 9}})json",
                                    kFeeCase),
                   Clerk());
  ASSERT_RPC_OK(fee);
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.method"),
            "FEE_METHOD_PER_PAGE");
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.pages"), "50");
  EXPECT_EQ(Value(*fee.response, "case.procedure.fee.amount_yuan"), "200");
  EXPECT_EQ(Value(*fee.response, "case.deadlines.state"),
            "CLOCK_STATE_PAUSED_FEE");
  EXPECT_EQ(Value(*fee.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_FEE_PAYMENT");
  EXPECT_EQ(DateAt(*fee.response, "case.deadlines.window_end"), "2025-11-05");
  EXPECT_EQ(DateAt(*fee.response, "case.deadlines.answer_due"), "2025-11-28");

  // Paid on 10-14: 10-09..11 and 10-13..14 are lost, so the 20th working day
  // is 11-06 (the 25th after receipt), 13 left after 10-20.
  Reply paid = Call(procedure + ".ReceiveFeePayment",
                    absl::Substitute(R"json({"number": "$0",
                      "paid": {"year": 2025, "month": 10, "day": 14}})json",
                                     kFeeCase),
                    Clerk());
  ASSERT_RPC_OK(paid);
  EXPECT_EQ(DateAt(*paid.response, "case.procedure.fee.paid"), "2025-10-14");
  EXPECT_EQ(Value(*paid.response, "case.deadlines.state"),
            "CLOCK_STATE_RUNNING");
  EXPECT_EQ(Value(*paid.response, "case.deadlines.window_kind"),
            "APPLICANT_WINDOW_KIND_UNSPECIFIED");
  EXPECT_EQ(AnswerDue(*paid.response), "2025-11-06, 13 working days left");

  // --- Extension by 20 working days, notified today (before 10-30): the
  // 40th working day after receipt is 11-27, 28 of them after 10-20.
  Reply extended = Call(procedure + ".ExtendDeadline",
                        absl::Substitute(R"json({"number": "$0",
                          "working_days": 20, "approver": "办公室主任赵志刚",
                          "approved": {"year": 2025, "month": 10, "day": 17},
                          "notified": {"year": 2025, "month": 10,
                                       "day": 20}})json",
                                         kExtensionCase),
                        Clerk());
  ASSERT_RPC_OK(extended);
  EXPECT_EQ(Value(*extended.response, "case.procedure.extension.working_days"),
            "20");
  EXPECT_EQ(Value(*extended.response, "case.procedure.extension.approver"),
            "办公室主任赵志刚");
  EXPECT_EQ(Value(*extended.response, "case.deadlines.allowed_working_days"),
            "40");
  EXPECT_EQ(AnswerDue(*extended.response), "2025-11-27, 28 working days left");
  // Art. 33 allows one extension.
  Reply again = Call(procedure + ".ExtendDeadline",
                     absl::Substitute(R"json({"number": "$0",
                       "working_days": 5, "approver": "办公室主任赵志刚",
                       "notified": {"year": 2025, "month": 10,
                                    "day": 20}})json",
                                      kExtensionCase),
                     Clerk());
  EXPECT_EQ(again.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // --- Art. 35 deferral to 12-31: 41 working days after receipt run to
  // 11-28, December has 23 more, so 64 - 12 = 52 are left after 10-20.
  Reply deferred = Call(procedure + ".DeferDeadline",
                        absl::Substitute(R"json({"number": "$0",
                          "new_due": {"year": 2025, "month": 12, "day": 31},
                          "notified": {"year": 2025, "month": 10, "day": 20},
                          "reason": "申请内容涉及多个部门，需协调后答复"})json",
                                         kDeferralCase),
                        Clerk());
  ASSERT_RPC_OK(deferred);
  EXPECT_EQ(DateAt(*deferred.response, "case.procedure.deferral.new_due"),
            "2025-12-31");
  EXPECT_EQ(Value(*deferred.response, "case.procedure.deferral.reason"),
            "申请内容涉及多个部门，需协调后答复");
  EXPECT_EQ(AnswerDue(*deferred.response), "2025-12-31, 52 working days left");

  // A procedural step records who made it: it needs a signed-in caller.
  Reply anonymous = Call(procedure + ".DeferDeadline",
                         absl::Substitute(R"json({"number": "$0",
                           "new_due": {"year": 2026, "month": 1, "day": 30},
                           "notified": {"year": 2025, "month": 10, "day": 20},
                           "reason": "再次延期"})json",
                                          kExtensionCase),
                         NoToken());
  EXPECT_THAT(anonymous,
              RefusedWith(grpc::StatusCode::UNAUTHENTICATED, "authorization"));
}

}  // namespace ogi::proto_only
