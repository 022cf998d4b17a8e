#include "cli/history_fields.h"

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace ogi::cli {
namespace {

// Field paths as the services record them (services/outcomes,
// services/proceedings, services/deadlines).
TEST(FieldLabelTest, CaseProcedureOutcomeAndProceedingPaths) {
  for (const auto& [field, label] :
       std::vector<std::pair<std::string, std::string>>{
           {"applicant.name", "申请人"},
           {"status", "状态"},
           {"procedure.consultations[id=2].sent", "征求意见2·发函日期"},
           {"conclusion.kind", "办结方式"},
           {"conclusion.dispositions[item=2]", "第2项答复"},
           {"conclusion.outcome", "办理结果"},
           {"conclusion.derived_outcome", "计算结果"},
           {"conclusion.override_outcome", "调整结果"},
           {"conclusion.override_reason", "调整理由"},
           {"conclusion.legal_basis", "法律依据"},
           {"conclusion.not_held_reason", "不掌握原因"},
           {"conclusion.responsible_agency", "负责公开机关"},
           {"conclusion.service_method", "答复送达方式"},
           {"conclusion.served", "答复送达日期"},
           {"conclusion.due_date", "办结时答复期限"},
           {"conclusion.served_late", "逾期送达"},
           {"re_answers[id=1].due", "重新答复1·答复期限"},
           {"re_answers[id=1].ordered_by", "重新答复1·责令决定"},
           {"reviews[id=2022-0013-R1].copy_received",
            "复议2022-0013-R1·收到副本日期"},
           {"reviews[id=2022-0013-R1].decision", "复议2022-0013-R1·复议决定"},
           {"reviews[id=2022-0013-R1].defence_due",
            "复议2022-0013-R1·答辩期限"},
           {"reviews[id=2022-0013-R1].column", "复议2022-0013-R1·表四结果"},
           {"reviews[id=2022-0013-R1]", "复议2022-0013-R1"},
           {"lawsuits[id=2022-0013-L1].after_review_id",
            "诉讼2022-0013-L1·前置复议"},
           {"lawsuits[id=2022-0013-L1].first_instance.decision",
            "诉讼2022-0013-L1·一审裁判"},
           {"lawsuits[id=2022-0013-L1].appeal.result.date",
            "诉讼2022-0013-L1·二审裁判日期"},
           {"lawsuits[id=2022-0013-L1].route", "诉讼2022-0013-L1·起诉类别"},
           // Unknown to this client: shown as recorded.
           {"lawsuits[id=2022-0013-L1].hearing",
            "lawsuits[id=2022-0013-L1].hearing"},
           {"reviews[id=2022-0013-R1", "reviews[id=2022-0013-R1"},
           {"conclusion.mood", "conclusion.mood"},
       }) {
    EXPECT_EQ(FieldLabel(field), label) << field;
  }
}

TEST(ChangeValueTest, EnumsFlagsDatesAndText) {
  for (const auto& [field, value, shown] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"status", "concluded", "已办结"},
           {"conclusion.kind", "withdrawn", "申请人撤回"},
           {"conclusion.dispositions[item=1]", "withheld_state_secret",
            "属于国家秘密"},
           {"conclusion.outcome", "withheld_process_information",
            "属于四类过程性信息"},
           {"conclusion.override_outcome", "", "（空）"},
           {"conclusion.not_held_reason", "does_not_exist",
            "经检索没有所申请公开信息"},
           {"conclusion.service_method", "posted", "邮寄（交邮）"},
           {"conclusion.served_late", "true", "是"},
           {"conclusion.served_late", "", "否"},
           {"re_answers[id=1].outcome", "disclosed", "予以公开"},
           {"re_answers[id=1].served_late", "true", "是"},
           {"reviews[id=2022-0013-R1].decision", "revoked", "撤销"},
           {"reviews[id=2022-0013-R1].column", "corrected", "结果纠正"},
           {"reviews[id=2022-0013-R1].procedure", "simplified", "简易程序"},
           {"reviews[id=2022-0013-R1].decision_period_extended", "true", "是"},
           {"lawsuits[id=2022-0013-L1].route", "after_review", "复议后起诉"},
           {"lawsuits[id=2022-0013-L1].role", "co_defendant_review_organ",
            "复议机关共同被告"},
           {"lawsuits[id=2022-0013-L1].first_instance.decision",
            "claim_dismissed", "判决驳回诉讼请求"},
           {"lawsuits[id=2022-0013-L1].appeal.result.decision",
            "appeal_dismissed", "驳回上诉、维持原判"},
           {"lawsuits[id=2022-0013-L1].simplified", "false", "否"},
           {"reviews[id=2022-0013-R1].defence_due", "2022-05-16", "2022-05-16"},
           {"conclusion.legal_basis", "第十四条\n第十五条",
            "第十四条；第十五条"},
           // A value this client does not know stays as recorded.
           {"reviews[id=2022-0013-R1].decision", "remitted", "remitted"},
       }) {
    EXPECT_EQ(ChangeValue(field, value), shown) << field << " " << value;
  }
}

}  // namespace
}  // namespace ogi::cli
