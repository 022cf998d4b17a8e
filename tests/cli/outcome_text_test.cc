#include "cli/outcome_text.h"

#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cli/case_commands.h"
#include "cli/proceeding_text.h"
#include "cli/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> CardLines(const v1::Case& c) {
  Card card;
  AddConclusionLines(c, &card);
  AddProceedingLines(c, &card);
  std::ostringstream out;
  card.Render(out, false);
  return Lines(out.str());
}

// Every one of the twenty outcomes with its table-三 group, in report order.
TEST(OutcomeTextTest, EveryOutcomeWithItsGroup) {
  for (const auto& [outcome, text] :
       std::vector<std::tuple<v1::Outcome, std::string>>{
           {v1::OUTCOME_DISCLOSED, "（一）予以公开"},
           {v1::OUTCOME_PARTIALLY_DISCLOSED, "（二）部分公开"},
           {v1::OUTCOME_WITHHELD_STATE_SECRET, "（三）不予公开：属于国家秘密"},
           {v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW,
            "（三）不予公开：其他法律行政法规禁止公开"},
           {v1::OUTCOME_WITHHELD_SECURITY_STABILITY,
            "（三）不予公开：危及“三安全一稳定”"},
           {v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS,
            "（三）不予公开：保护第三方合法权益"},
           {v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS,
            "（三）不予公开：属于三类内部事务信息"},
           {v1::OUTCOME_WITHHELD_PROCESS_INFORMATION,
            "（三）不予公开：属于四类过程性信息"},
           {v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE,
            "（三）不予公开：属于行政执法案卷"},
           {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY,
            "（三）不予公开：属于行政查询事项"},
           {v1::OUTCOME_UNAVAILABLE_NOT_HELD,
            "（四）无法提供：本机关不掌握相关政府信息"},
           {v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION,
            "（四）无法提供：没有现成信息需要另行制作"},
           {v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR,
            "（四）无法提供：补正后申请内容仍不明确"},
           {v1::OUTCOME_NOT_PROCESSED_COMPLAINT,
            "（五）不予处理：信访举报投诉类申请"},
           {v1::OUTCOME_NOT_PROCESSED_DUPLICATE, "（五）不予处理：重复申请"},
           {v1::OUTCOME_NOT_PROCESSED_PUBLICATION,
            "（五）不予处理：要求提供公开出版物"},
           {v1::OUTCOME_NOT_PROCESSED_EXCESSIVE,
            "（五）不予处理：无正当理由大量反复申请"},
           {v1::OUTCOME_NOT_PROCESSED_CONFIRMATION,
            "（五）不予处理：要求行政机关确认或重新出具已获取信息"},
           {v1::OUTCOME_OTHER_CORRECTION_LAPSED,
            "（六）其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府"
            "信息公开申请"},
           {v1::OUTCOME_OTHER_FEE_UNPAID,
            "（六）其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处"
            "理其政府信息公开申请"},
           {v1::OUTCOME_OTHER, "（六）其他处理：其他"},
           {v1::OUTCOME_UNSPECIFIED, "未指定"},
       }) {
    EXPECT_EQ(OutcomeText(outcome), text) << outcome;
  }
}

TEST(ServedTextTest, MethodAndLateMark) {
  EXPECT_EQ(ServedText(MakeDate(2022, 3, 20), v1::SERVICE_METHOD_POSTED, false,
                       MakeDate(2022, 3, 29)),
            "2022-03-20 邮寄（交邮）");
  EXPECT_EQ(ServedText(MakeDate(2022, 3, 31), v1::SERVICE_METHOD_ELECTRONIC,
                       true, MakeDate(2022, 3, 29)),
            "2022-03-31 电子送达（逾期送达，答复期限 2022-03-29）");
  EXPECT_EQ(ServedText(MakeDate(2022, 4, 1), v1::SERVICE_METHOD_UNSPECIFIED,
                       false, v1::Date()),
            "2022-04-01");
}

TEST(AddConclusionLinesTest, NothingBeforeTheConclusion) {
  EXPECT_THAT(CardLines(v1::Case()), ::testing::IsEmpty());
}

TEST(AddConclusionLinesTest, OverrideNotHeldAndAnswerDate) {
  v1::Case c;
  v1::Conclusion* k = c.mutable_conclusion();
  k->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  v1::ItemDisposition* d = k->add_dispositions();
  d->set_item(1);
  d->set_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  d = k->add_dispositions();
  d->set_item(2);
  d->set_outcome(v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  k->set_primary_item(1);
  k->set_derived_outcome(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  k->set_override_outcome(v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  k->set_override_reason("主要请求系重复申请");
  k->set_outcome(v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  k->set_not_held_reason(v1::NOT_HELD_REASON_OTHER_AGENCY);
  k->set_responsible_agency("聊城市自然资源和规划局");
  k->set_service_method(v1::SERVICE_METHOD_SIGNED_BY_ENTRUSTED);
  *k->mutable_answer_date() = MakeDate(2022, 3, 18);
  *k->mutable_served() = MakeDate(2022, 3, 20);
  EXPECT_THAT(
      CardLines(c),
      ElementsAre(
          "办理结果    （五）不予处理：重复申请",
          "计算结果    （四）无法提供：本机关不掌握相关政府信息",
          "调整理由    主要请求系重复申请",
          "各项答复    1. （四）无法提供：本机关不掌握相关政府信息（主要）",
          "            2. （五）不予处理：重复申请",
          "不掌握原因  属于其他机关负责公开：聊城市自然资源和规划局",
          "答复送达    2022-03-20 委托送达签收；答复书日期 2022-03-18"));
}

TEST(AddConclusionLinesTest, LapseShowsHowItEnded) {
  v1::Case c;
  v1::Conclusion* k = c.mutable_conclusion();
  k->set_kind(v1::CONCLUSION_KIND_FEE_UNPAID);
  k->set_outcome(v1::OUTCOME_OTHER_FEE_UNPAID);
  k->set_legal_basis("《中华人民共和国政府信息公开条例》第四十二条");
  *k->mutable_served() = MakeDate(2022, 5, 6);
  const std::vector<std::string> lines = CardLines(c);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[1], ::testing::EndsWith("逾期未缴费"));
  EXPECT_THAT(lines[0], HasSubstr("（六）其他处理：申请人逾期未按收费通知"));
  EXPECT_EQ(lines[3], "办结日期  2022-05-06");
}

TEST(ReAnswerTextTest, PendingAndServedLate) {
  v1::ReAnswer r;
  r.set_id(2);
  r.set_ordered_by("2022-0013-L1");
  *r.mutable_due() = MakeDate(2023, 2, 10);
  EXPECT_EQ(ReAnswerText(r),
            "2. 依 2022-0013-L1责令重新答复，期限 2023-02-10；尚未答复");
  *r.mutable_ordered() = MakeDate(2023, 1, 10);
  r.set_outcome(v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS);
  r.set_service_method(v1::SERVICE_METHOD_POSTED);
  *r.mutable_served() = MakeDate(2023, 2, 13);
  r.set_served_late(true);
  r.set_note("依判决重新答复");
  EXPECT_EQ(ReAnswerText(r),
            "2. 依 2022-0013-L1（2023-01-10）责令重新答复，期限 2023-02-10；"
            "2023-02-13 邮寄（交邮）（逾期送达，答复期限 2023-02-10）："
            "（三）不予公开：保护第三方合法权益；依判决重新答复");
}

TEST(ProceedingTextTest, UndecidedReviewWithoutCopy) {
  v1::Review r;
  r.set_id("2022-0020-R1");
  r.set_organ("山东省人民政府");
  *r.mutable_filed() = MakeDate(2022, 9, 1);
  r.set_procedure(v1::REVIEW_PROCEDURE_SIMPLIFIED);
  EXPECT_EQ(ReviewText(r),
            "2022-0020-R1  山东省人民政府（简易程序）\n"
            "申请 2022-09-01\n"
            "答辩期限 未收到副本（未答辩）\n"
            "决定 未决定  尚未审结");
  *r.mutable_accepted() = MakeDate(2022, 9, 2);
  *r.mutable_decision_expected() = MakeDate(2022, 10, 10);
  r.set_decision_period_extended(true);
  EXPECT_THAT(ReviewText(r), HasSubstr("\n决定期限 2022-10-10（已延长）\n"));
}

TEST(ProceedingTextTest, CoDefendantLawsuitIsNotCounted) {
  v1::Lawsuit l;
  l.set_id("2022-0030-L1");
  l.set_court("聊城市中级人民法院");
  *l.mutable_filed() = MakeDate(2022, 9, 5);
  l.set_role(v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN);
  l.set_simplified(true);
  *l.mutable_judgment_expected() = MakeDate(2022, 10, 20);
  EXPECT_EQ(
      LawsuitText(l),
      "2022-0030-L1  聊城市中级人民法院（未经复议直接起诉，复议机关共同被告）\n"
      "立案 2022-09-05\n"
      "答辩期限 未收到副本（未答辩）\n"
      "一审期限 2022-10-20（简易程序）\n"
      "一审 未决定\n"
      "表四 不计入（复议机关共同被告）");
}

TEST(RenderCaseCardTest, ConcludedCaseWithReviewAndLawsuit) {
  v1::Case c;
  c.set_number("2022-0013");
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_receipt_date() = MakeDate(2022, 3, 1);
  c.add_items()->set_description("会议纪要");
  v1::Conclusion* k = c.mutable_conclusion();
  k->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  k->set_outcome(v1::OUTCOME_WITHHELD_PROCESS_INFORMATION);
  k->set_legal_basis("《中华人民共和国政府信息公开条例》第十六条第二款");
  k->set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  *k->mutable_served() = MakeDate(2022, 3, 25);
  v1::Review* r = c.add_reviews();
  r->set_id("2022-0013-R1");
  r->set_organ("聊城市人民政府");
  *r->mutable_filed() = MakeDate(2022, 4, 25);
  r->set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *r->mutable_decided() = MakeDate(2022, 6, 20);
  r->set_column(v1::RESULT_COLUMN_CORRECTED);
  v1::Lawsuit* l = c.add_lawsuits();
  l->set_id("2022-0013-L1");
  l->set_court("东昌府区人民法院");
  l->set_after_review_id("2022-0013-R1");
  *l->mutable_filed() = MakeDate(2022, 8, 1);
  std::ostringstream out;
  RenderCaseCard(c, false, out);
  const std::string card = out.str();
  EXPECT_THAT(card, HasSubstr("状态          已办结\n"));
  EXPECT_THAT(card,
              HasSubstr("办理结果      （三）不予公开：属于四类过程性信息\n"));
  EXPECT_THAT(card, HasSubstr("法律依据      《中华人民共和国政府信息公开条例》"
                              "第十六条第二款\n"));
  EXPECT_THAT(card, HasSubstr("答复送达      2022-03-25 当面签收\n"));
  EXPECT_THAT(card, HasSubstr("行政复议      2022-0013-R1  聊城市人民政府（普通"
                              "程序）\n"));
  EXPECT_THAT(card,
              HasSubstr("              决定 撤销（2022-06-20）  结果纠正\n"));
  EXPECT_THAT(card, HasSubstr("行政诉讼      2022-0013-L1  东昌府区人民法院（复"
                              "议后起诉 2022-0013-R1）\n"));
  EXPECT_THAT(card, HasSubstr("              表四 尚未审结\n"));
  EXPECT_THAT(card, Not(HasSubstr("各项答复")));
  EXPECT_THAT(card, Not(HasSubstr("计算结果")));
}

}  // namespace
}  // namespace ogi::cli
