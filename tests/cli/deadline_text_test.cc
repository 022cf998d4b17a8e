#include "cli/deadline_text.h"

#include <sstream>
#include <string>

#include "cli/case_commands.h"
#include "cli/render.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::Lines;
using ::ogi::cli::testing::MakeDate;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

v1::Deadlines Running(int days_left) {
  v1::Deadlines d;
  d.set_state(v1::CLOCK_STATE_RUNNING);
  *d.mutable_answer_due() = MakeDate(2025, 10, 30);
  d.set_working_days_left(days_left);
  return d;
}

TEST(WorkingDaysLeftTextTest, AheadTodayAndLate) {
  EXPECT_EQ(WorkingDaysLeftText(3), "剩余 3 个工作日");
  EXPECT_EQ(WorkingDaysLeftText(1), "剩余 1 个工作日");
  EXPECT_EQ(WorkingDaysLeftText(0), "今日到期");
  EXPECT_EQ(WorkingDaysLeftText(-2), "已逾期 2 个工作日");
}

TEST(AnswerDueTextTest, ByState) {
  EXPECT_EQ(AnswerDueText(Running(3)), "2025-10-30（剩余 3 个工作日）");
  EXPECT_EQ(AnswerDueText(Running(-1)), "2025-10-30（已逾期 1 个工作日）");
  v1::Deadlines stopped = Running(-5);
  stopped.set_state(v1::CLOCK_STATE_STOPPED);
  EXPECT_EQ(AnswerDueText(stopped), "2025-10-30");
  v1::Deadlines awaiting;
  awaiting.set_state(v1::CLOCK_STATE_AWAITING_CORRECTION);
  EXPECT_EQ(AnswerDueText(awaiting), "收到补正材料后重新起算");
  v1::Deadlines not_started;
  not_started.set_state(v1::CLOCK_STATE_NOT_STARTED);
  EXPECT_EQ(AnswerDueText(not_started), "未起算");
}

TEST(DeadlineLineTest, DueStateAndProvisionalMarker) {
  EXPECT_EQ(DeadlineLine(Running(3)), "2025-10-30（剩余 3 个工作日）  计时中");
  v1::Deadlines paused = Running(-2);
  paused.set_state(v1::CLOCK_STATE_PAUSED_FEE);
  paused.set_provisional(true);
  EXPECT_EQ(DeadlineLine(paused),
            "2025-10-30（已逾期 2 个工作日）  待缴费暂停  暂定");
  v1::Deadlines awaiting;
  awaiting.set_state(v1::CLOCK_STATE_AWAITING_CORRECTION);
  EXPECT_EQ(DeadlineLine(awaiting), "等待补正（收到补正材料后重新起算）");
  v1::Deadlines not_started;
  not_started.set_state(v1::CLOCK_STATE_NOT_STARTED);
  EXPECT_EQ(DeadlineLine(not_started), "未起算");
}

// Received 09-26, 3 working days counted before the consultation letter of
// 10-09; its window ends 10-30, so the answer is projected to 11-24.
v1::Deadlines PausedByConsultation() {
  v1::Deadlines d;
  d.set_state(v1::CLOCK_STATE_PAUSED_CONSULTATION);
  *d.mutable_answer_due() = MakeDate(2025, 11, 24);
  d.set_working_days_left(17);
  d.set_working_days_used(3);
  d.set_allowed_working_days(20);
  *d.mutable_paused_since() = MakeDate(2025, 10, 9);
  *d.mutable_pause_until() = MakeDate(2025, 10, 30);
  d.set_answer_due_projected(true);
  return d;
}

TEST(PausedClockTextTest, DaysUsedAndLeftAndAMovingDate) {
  const v1::Deadlines d = PausedByConsultation();
  EXPECT_EQ(AnswerDueText(d),
            "暂停中：已用 3 个工作日，剩余 17 个工作日；预计 2025-11-24（假定"
            "暂停持续至 2025-10-30；提前恢复则相应提前）");
  EXPECT_EQ(DeadlineLine(d),
            "征求意见暂停：已用 3 个工作日，剩余 17 个工作日；预计 2025-11-24"
            "（假定暂停持续至 2025-10-30；提前恢复则相应提前）");
  // Never the old "2025-11-24（剩余 17 个工作日）", which read as fixed.
  EXPECT_THAT(DeadlineLine(d), Not(HasSubstr("2025-11-24（剩余")));
  // A deferral fixed the date: paused, but the date does not move.
  v1::Deadlines deferred = d;
  deferred.set_answer_due_projected(false);
  EXPECT_EQ(AnswerDueText(deferred),
            "暂停中：已用 3 个工作日，剩余 17 个工作日；期限 2025-11-24");
  // Resumed (the reply day and after): the plain running line.
  v1::Deadlines resumed = Running(17);
  EXPECT_EQ(DeadlineLine(resumed), "2025-10-30（剩余 17 个工作日）  计时中");
}

TEST(PausedClockTextTest, ExplainShowsThePause) {
  v1::Case c;
  c.set_number("2025-0001");
  *c.mutable_deadlines() = PausedByConsultation();
  std::ostringstream out;
  RenderExplanation(c, false, out);
  EXPECT_THAT(out.str(),
              AllOf(HasSubstr("期限状态  征求意见暂停"),
                    HasSubstr("答复期限  暂停中：已用 3 个工作日，剩余 17 "
                              "个工作日；预计 2025-11-24"),
                    HasSubstr("暂停      自 2025-10-09 起，至迟 2025-10-30 "
                              "结束；暂停期间的工作日不计入答复期限")));
}

v1::Deadlines AwaitingConfirmation(int left) {
  v1::Deadlines d;
  d.set_state(v1::CLOCK_STATE_NOT_STARTED);
  *d.mutable_confirmation_due() = MakeDate(2026, 12, 3);
  d.set_confirmation_working_days_left(left);
  return d;
}

TEST(AwaitingConfirmationTextTest, CardLineSaysByWhen) {
  EXPECT_EQ(
      DeadlineLine(AwaitingConfirmation(2)),
      "未起算  待确认收到：应于 2026-12-03 前确认收到日期（剩余 2 个工作日）");
  EXPECT_EQ(DeadlineLine(AwaitingConfirmation(0)),
            "未起算  待确认收到：应于 2026-12-03 前确认收到日期（今日到期）");
  EXPECT_EQ(DeadlineLine(AwaitingConfirmation(-3)),
            "未起算  待确认收到：应于 2026-12-03 前确认收到日期（已超过 3 "
            "个工作日）");
  EXPECT_EQ(AnswerDueText(AwaitingConfirmation(2)),
            "未起算（确认收到日期后起算）");
}

TEST(AwaitingConfirmationTextTest, ExplainSaysWhatToDoNext) {
  v1::Case c;
  c.set_number("2026-0004");
  *c.mutable_deadlines() = AwaitingConfirmation(-1);
  c.mutable_deadlines()->add_explanation()->set_text(
      "2026-12-01 申请到达（传真，以双方确认之日为准）；尚未登记确认收到日期，"
      "答复期限未起算（条例第三十一条）。");
  std::ostringstream out;
  RenderExplanation(c, false, out);
  EXPECT_THAT(
      out.str(),
      AllOf(HasSubstr("答复期限    未起算（确认收到日期后起算）"),
            HasSubstr("待确认收到  应于 2026-12-03 前确认收到日期（已超过 1 "
                      "个工作日）"),
            HasSubstr("下一步      与申请人确认收到日期后登记：ogi case "
                      "update 2026-0004 --confirmed YYYY-MM-DD --reason "
                      "\"确认收到日期\""),
            HasSubstr("1. 2026-12-01 申请到达")));
}

TEST(ProvisionalWarningTest, NamesTheYears) {
  google::protobuf::RepeatedField<int32_t> years;
  EXPECT_EQ(ProvisionalWarning(years),
            "暂定：调休安排尚未公布，已跳过法定节假日");
  years.Add(2026);
  EXPECT_EQ(ProvisionalWarning(years),
            "暂定：2026 年调休安排尚未公布，已跳过法定节假日");
  years.Add(2027);
  EXPECT_EQ(ProvisionalWarning(years),
            "暂定：2026、2027 年调休安排尚未公布，已跳过法定节假日");
}

// A case with every procedural step recorded.
v1::Case CaseWithProcedure() {
  v1::Case c;
  c.set_number("2025-0001");
  c.mutable_applicant()->set_name("张三");
  c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c.set_channel(v1::CHANNEL_IN_PERSON);
  *c.mutable_receipt_date() = MakeDate(2025, 9, 26);
  c.add_items()->set_description("某项目审批文件");
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.set_version(9);
  v1::Procedure* p = c.mutable_procedure();
  v1::CorrectionNotice* n = p->mutable_correction();
  *n->mutable_sent() = MakeDate(2025, 9, 30);
  n->set_items_to_supplement("身份证明\n委托书");
  *n->mutable_applicant_deadline() = MakeDate(2025, 10, 20);
  *n->mutable_supplement_received() = MakeDate(2025, 10, 15);
  v1::Consultation* k1 = p->add_consultations();
  k1->set_id(1);
  k1->set_kind(v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
  k1->set_party("某某公司");
  *k1->mutable_sent() = MakeDate(2025, 10, 16);
  *k1->mutable_party_received() = MakeDate(2025, 10, 17);
  *k1->mutable_reply_received() = MakeDate(2025, 10, 24);
  v1::Consultation* k2 = p->add_consultations();
  k2->set_id(2);
  k2->set_kind(v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
  k2->set_party("市自然资源局");
  *k2->mutable_sent() = MakeDate(2025, 10, 20);
  v1::FeeNotice* f = p->mutable_fee();
  f->set_method(v1::FEE_METHOD_PER_APPLICATION);
  f->set_prior_applications_this_month(10);
  f->set_units(1);
  f->set_amount_yuan(100);
  *f->mutable_served() = MakeDate(2025, 10, 21);
  v1::Extension* e = p->mutable_extension();
  e->set_working_days(20);
  e->set_approver("李主任");
  *e->mutable_approved() = MakeDate(2025, 10, 27);
  *e->mutable_notified() = MakeDate(2025, 10, 28);
  v1::Deferral* r = p->mutable_deferral();
  *r->mutable_new_due() = MakeDate(2026, 1, 15);
  *r->mutable_notified() = MakeDate(2025, 11, 20);
  r->set_reason("需要会商");
  v1::Deadlines* d = c.mutable_deadlines();
  d->set_state(v1::CLOCK_STATE_RUNNING);
  *d->mutable_answer_due() = MakeDate(2026, 1, 15);
  d->set_working_days_left(-2);
  d->set_provisional(true);
  return c;
}

TEST(RenderCaseCardTest, ProcedureAndDeadlineLines) {
  std::ostringstream out;
  RenderCaseCard(CaseWithProcedure(), false, out);
  const std::string indent(14, ' ');
  EXPECT_THAT(
      Lines(out.str()),
      ElementsAre("案件编号      2025-0001",          //
                  "状态          办理中",             //
                  "申请人        张三",               //
                  "申请人类型    自然人",             //
                  "提交方式      当面提交",           //
                  "收到申请日期  2025-09-26",         //
                  "所需信息      1. 某项目审批文件",  //
                  "补正通知      2025-09-30 发出，补正期限 2025-10-20",
                  indent + "需补正：身份证明；委托书",  //
                  indent + "2025-10-15 收到补正材料",   //
                  "征求意见      1. 第三方 某某公司：2025-10-16 发出，"
                  "2025-10-17 送达，2025-10-24 回复",
                  indent + "2. 其他机关 市自然资源局：2025-10-20 发出，未回复",
                  "收费通知      100 元（按件计收，本月此前 10 件，本件计 1 "
                  "件）：2025-10-21 送达，未缴费",
                  "延期          20 个工作日：李主任 2025-10-27 批准，"
                  "2025-10-28 告知申请人",
                  "另定期限      2026-01-15：2025-11-20 告知申请人；理由：需要"
                  "会商",
                  "答复期限      2026-01-15（已逾期 2 个工作日）  计时中  暂定",
                  "版本          9"));
}

TEST(RenderCaseCardTest, NoProcedureNoDeadlineLines) {
  v1::Case c = CaseWithProcedure();
  c.clear_procedure();
  c.clear_deadlines();
  std::ostringstream out;
  RenderCaseCard(c, false, out);
  for (const char* label :
       {"补正通知", "征求意见", "收费通知", "延期", "另定期限", "答复期限"}) {
    EXPECT_THAT(out.str(), Not(HasSubstr(label))) << label;
  }
}

TEST(RenderCaseCardTest, PerPageFeeAndPaid) {
  v1::Case c = CaseWithProcedure();
  v1::FeeNotice* f = c.mutable_procedure()->mutable_fee();
  f->set_method(v1::FEE_METHOD_PER_PAGE);
  f->set_pages(120);
  f->set_amount_yuan(50);
  *f->mutable_paid() = MakeDate(2025, 10, 23);
  std::ostringstream out;
  RenderCaseCard(c, false, out);
  EXPECT_THAT(out.str(), HasSubstr("收费通知      50 元（按量计收，120 页）："
                                   "2025-10-21 送达，2025-10-23 缴费\n"));
}

}  // namespace
}  // namespace ogi::cli
