#include "services/procedure/procedure_steps.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"

// Dates are worked out by hand; see deadline_engine_test.cc for the table of
// counted days of a case received Fri 2025-09-26 (补正 notice due 10-13,
// answer due 10-30, 40th working day 11-27).

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Day = absl::CivilDay;

Day D(int y, int m, int d) { return Day(y, m, d); }

v1::Case CaseReceived(Day receipt) {
  v1::Case c = ogi::testing::ValidNewCase();
  c.set_agency_code("default");
  c.set_number("2025-0001");
  *c.mutable_arrival_date() = ToProtoDate(receipt);
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  c.set_version(1);
  return c;
}

// Applies `r` as of `today` with the built-in calendar and default policy.
template <typename Request>
absl::StatusOr<v1::CaseEvent> Apply(const Request& r, Day today, v1::Case& c) {
  return ApplyStep(r, today, BuiltinCalendar(), ClockPolicy(), c);
}

// Applies `r` and expects it to fail with `code` and a message containing
// `text`, leaving the case exactly as it was.
template <typename Request>
void ExpectRefused(const Request& r, Day today, const v1::Case& c,
                   absl::StatusCode code, const std::string& text) {
  v1::Case copy = c;
  EXPECT_THAT(Apply(r, today, copy), StatusIs(code, HasSubstr(text)));
  EXPECT_EQ(copy.SerializeAsString(), c.SerializeAsString())
      << "the case changed on error";
}

std::vector<std::pair<std::string, std::string>> Changes(
    const v1::CaseEvent& event) {
  std::vector<std::pair<std::string, std::string>> changes;
  for (const v1::FieldChange& change : event.changes()) {
    changes.emplace_back(change.field(),
                         change.old_value() + "→" + change.new_value());
  }
  return changes;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

v1::SendCorrectionNoticeRequest CorrectionNotice(Day sent, Day deadline) {
  v1::SendCorrectionNoticeRequest r;
  r.set_number("2025-0001");
  *r.mutable_sent() = ToProtoDate(sent);
  r.set_items_to_supplement("请写明所需信息的名称或文号");
  *r.mutable_applicant_deadline() = ToProtoDate(deadline);
  return r;
}

v1::ReceiveSupplementRequest Supplement(Day received) {
  v1::ReceiveSupplementRequest r;
  *r.mutable_received() = ToProtoDate(received);
  return r;
}

v1::SendConsultationRequest Consultation(Day sent,
                                         std::optional<Day> party_received) {
  v1::SendConsultationRequest r;
  r.set_kind(v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
  r.set_party("某某公司");
  *r.mutable_sent() = ToProtoDate(sent);
  if (party_received)
    *r.mutable_party_received() = ToProtoDate(*party_received);
  return r;
}

v1::ReceiveConsultationReplyRequest Reply(int id, Day received) {
  v1::ReceiveConsultationReplyRequest r;
  r.set_consultation_id(id);
  *r.mutable_received() = ToProtoDate(received);
  return r;
}

v1::IssueFeeNoticeRequest FeeNotice(int prior, int units, Day served) {
  v1::IssueFeeNoticeRequest r;
  r.set_method(v1::FEE_METHOD_PER_APPLICATION);
  r.set_prior_applications_this_month(prior);
  r.set_units(units);
  *r.mutable_served() = ToProtoDate(served);
  return r;
}

v1::ReceiveFeePaymentRequest Payment(Day paid) {
  v1::ReceiveFeePaymentRequest r;
  *r.mutable_paid() = ToProtoDate(paid);
  return r;
}

v1::ExtendDeadlineRequest Extension(int days, Day notified) {
  v1::ExtendDeadlineRequest r;
  r.set_working_days(days);
  r.set_approver("王主任");
  *r.mutable_notified() = ToProtoDate(notified);
  return r;
}

v1::DeferDeadlineRequest Deferral(Day new_due, Day notified) {
  v1::DeferDeadlineRequest r;
  *r.mutable_new_due() = ToProtoDate(new_due);
  *r.mutable_notified() = ToProtoDate(notified);
  r.set_reason("申请数量明显超过合理范围，申请人说明理由合理");
  return r;
}

// ---- Common rules --------------------------------------------------------

TEST(ProcedureStepsTest, EveryStepNeedsAReceiptDate) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  c.clear_receipt_date();
  c.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  const Day today = D(2025, 10, 9);
  const std::string message = "案件 2025-0001 尚无收到申请日期（待确认收到）";
  const absl::StatusCode kFailed = absl::StatusCode::kFailedPrecondition;
  ExpectRefused(CorrectionNotice(today, D(2025, 10, 20)), today, c, kFailed,
                message);
  ExpectRefused(Supplement(today), today, c, kFailed, message);
  ExpectRefused(Consultation(today, std::nullopt), today, c, kFailed, message);
  ExpectRefused(Reply(0, today), today, c, kFailed, message);
  ExpectRefused(FeeNotice(10, 1, today), today, c, kFailed, message);
  ExpectRefused(Payment(today), today, c, kFailed, message);
  ExpectRefused(Extension(10, today), today, c, kFailed, message);
  ExpectRefused(Deferral(D(2025, 12, 1), today), today, c, kFailed, message);
  v1::Case copy = c;
  EXPECT_EQ(Apply(Extension(10, today), today, copy).status().message(),
            message);
}

TEST(ProcedureStepsTest, EveryStepIsRefusedOnAConcludedCase) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  c.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  *c.mutable_conclusion()->mutable_served() = ToProtoDate(D(2025, 10, 20));
  const Day today = D(2025, 10, 21);
  const std::string message =
      "案件 2025-0001 已办结（送达日期 2025-10-20），不能再记录办理步骤";
  const absl::StatusCode kFailed = absl::StatusCode::kFailedPrecondition;
  ExpectRefused(CorrectionNotice(today, D(2025, 10, 30)), today, c, kFailed,
                message);
  ExpectRefused(Supplement(today), today, c, kFailed, message);
  ExpectRefused(Consultation(today, std::nullopt), today, c, kFailed, message);
  ExpectRefused(Reply(0, today), today, c, kFailed, message);
  ExpectRefused(FeeNotice(10, 1, today), today, c, kFailed, message);
  ExpectRefused(Payment(today), today, c, kFailed, message);
  ExpectRefused(Extension(10, today), today, c, kFailed, message);
  ExpectRefused(Deferral(D(2025, 12, 1), today), today, c, kFailed, message);
  v1::Case copy = c;
  EXPECT_EQ(Apply(Extension(10, today), today, copy).status().message(),
            message);
}

TEST(ProcedureStepsTest, DatesMustBeRealSetAndNotInTheFuture) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 9);
  const absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;

  v1::SendCorrectionNoticeRequest unset = CorrectionNotice(today, today + 10);
  unset.clear_sent();
  ExpectRefused(unset, today, c, kInvalid, "sent: 必须填写");

  v1::SendConsultationRequest unreal = Consultation(today, std::nullopt);
  unreal.mutable_sent()->set_day(32);
  ExpectRefused(unreal, today, c, kInvalid, "sent: 2025-10-32 不是有效的日期");

  ExpectRefused(Consultation(today + 1, std::nullopt), today, c, kInvalid,
                "sent: 2025-10-10 晚于今天（2025-10-09）");
  ExpectRefused(Consultation(today, today + 1), today, c, kInvalid,
                "party_received: 2025-10-10 晚于今天");
  ExpectRefused(FeeNotice(10, 1, today + 1), today, c, kInvalid,
                "served: 2025-10-10 晚于今天");
  ExpectRefused(Extension(10, today + 1), today, c, kInvalid,
                "notified: 2025-10-10 晚于今天");

  v1::DeferDeadlineRequest no_due = Deferral(D(2025, 12, 1), today);
  no_due.clear_new_due();
  ExpectRefused(no_due, today, c, kInvalid, "new_due: 必须填写");
}

TEST(ProcedureStepsTest, NoStepBeforeTheReceiptDate) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 9);
  const absl::StatusCode kFailed = absl::StatusCode::kFailedPrecondition;
  ExpectRefused(CorrectionNotice(D(2025, 9, 25), D(2025, 10, 20)), today, c,
                kFailed,
                "sent: 2025-09-25 早于案件 2025-0001 的收到申请日期"
                "（2025-09-26）");
  ExpectRefused(Consultation(D(2025, 9, 25), std::nullopt), today, c, kFailed,
                "sent: 2025-09-25 早于案件 2025-0001 的收到申请日期");
  ExpectRefused(FeeNotice(10, 1, D(2025, 9, 20)), today, c, kFailed,
                "served: 2025-09-20 早于案件 2025-0001 的收到申请日期");
  ExpectRefused(Extension(10, D(2025, 9, 25)), today, c, kFailed,
                "approved: 2025-09-25 早于案件 2025-0001 的收到申请日期");
  ExpectRefused(Deferral(D(2025, 12, 1), D(2025, 9, 25)), today, c, kFailed,
                "notified: 2025-09-25 早于案件 2025-0001 的收到申请日期");
}

// ---- 补正 ------------------------------------------------------------------

TEST(ProcedureStepsTest, CorrectionNoticeAndSupplementRestartTheClock) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  absl::StatusOr<v1::CaseEvent> sent = Apply(
      CorrectionNotice(D(2025, 10, 9), D(2025, 10, 24)), D(2025, 10, 9), c);
  ASSERT_THAT(sent, IsOk());
  EXPECT_EQ(sent->type(), v1::CASE_EVENT_TYPE_CORRECTION_NOTICE_SENT);
  EXPECT_EQ(sent->reason(), "");
  EXPECT_EQ(Changes(*sent),
            (Pairs{{"procedure.correction.sent", "→2025-10-09"},
                   {"procedure.correction.items_to_supplement",
                    "→请写明所需信息的名称或文号"},
                   {"procedure.correction.applicant_deadline", "→2025-10-24"},
                   {"status", "processing→awaiting_correction"}}));
  EXPECT_EQ(c.status(), v1::CASE_STATUS_AWAITING_CORRECTION);
  EXPECT_EQ(FormatIsoDate(c.procedure().correction().sent()), "2025-10-09");
  EXPECT_EQ(c.version(), 1) << "the caller bumps the version";
  EXPECT_FALSE(c.has_deadlines()) << "the caller recomputes the deadlines";

  // Only one notice per case.
  ExpectRefused(CorrectionNotice(D(2025, 10, 10), D(2025, 10, 24)),
                D(2025, 10, 10), c, absl::StatusCode::kFailedPrecondition,
                "已有补正通知（发出日期 2025-10-09）");
  // Nothing moves the clock while the applicant supplements.
  ExpectRefused(Consultation(D(2025, 10, 10), std::nullopt), D(2025, 10, 10), c,
                absl::StatusCode::kFailedPrecondition,
                "正在等待补正材料（补正通知发出日期 "
                "2025-10-09），请在收到补正材料后再记录征求意见");
  ExpectRefused(Extension(10, D(2025, 10, 10)), D(2025, 10, 10), c,
                absl::StatusCode::kFailedPrecondition,
                "正在等待补正材料（补正通知发出日期 "
                "2025-10-09），请在收到补正材料后再记录延长答复期限");
  ExpectRefused(FeeNotice(10, 1, D(2025, 10, 10)), D(2025, 10, 10), c,
                absl::StatusCode::kFailedPrecondition,
                "正在等待补正材料（补正通知发出日期 "
                "2025-10-09），请在收到补正材料后再记录收费通知");
  ExpectRefused(Deferral(D(2025, 12, 1), D(2025, 10, 10)), D(2025, 10, 10), c,
                absl::StatusCode::kFailedPrecondition,
                "正在等待补正材料（补正通知发出日期 "
                "2025-10-09），请在收到补正材料后再记录延后答复期限");
  // The supplement cannot predate the notice.
  ExpectRefused(Supplement(D(2025, 10, 8)), D(2025, 10, 20), c,
                absl::StatusCode::kFailedPrecondition,
                "received: 2025-10-08 早于补正通知发出日期（2025-10-09）");

  absl::StatusOr<v1::CaseEvent> supplied =
      Apply(Supplement(D(2025, 10, 20)), D(2025, 10, 20), c);
  ASSERT_THAT(supplied, IsOk());
  EXPECT_EQ(supplied->type(), v1::CASE_EVENT_TYPE_SUPPLEMENT_RECEIVED);
  EXPECT_EQ(Changes(*supplied),
            (Pairs{{"procedure.correction.supplement_received", "→2025-10-20"},
                   {"status", "awaiting_correction→processing"}}));
  EXPECT_EQ(c.status(), v1::CASE_STATUS_PROCESSING);
  ExpectRefused(Supplement(D(2025, 10, 21)), D(2025, 10, 21), c,
                absl::StatusCode::kFailedPrecondition,
                "已于 2025-10-20 收到补正材料");

  // A fresh 20 working days from Mon 10-20: 10-21 … 10-24 (4), 10-27 … 10-31
  // (9), 11-03 … 11-07 (14), 11-10 … 11-14 (19), 11-17 (20).
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 20), ClockPolicy());
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->answer_due()), "2025-11-17");
  // A consultation must not predate the restarted clock.
  ExpectRefused(Consultation(D(2025, 10, 17), std::nullopt), D(2025, 10, 21), c,
                absl::StatusCode::kFailedPrecondition,
                "sent: 2025-10-17 早于答复期限起算日（2025-10-20）");
}

TEST(ProcedureStepsTest, CorrectionNoticeValidation) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 9);
  const absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;

  v1::SendCorrectionNoticeRequest no_items = CorrectionNotice(today, today + 5);
  no_items.set_items_to_supplement("  ");
  ExpectRefused(no_items, today, c, kInvalid, "items_to_supplement: ");

  v1::SendCorrectionNoticeRequest too_long = CorrectionNotice(today, today + 5);
  std::string text;
  for (int i = 0; i < 2001; ++i) text += "补";
  too_long.set_items_to_supplement(text);
  ExpectRefused(too_long, today, c, kInvalid, "items_to_supplement: ");
  too_long.set_items_to_supplement(text.substr(3));  // 2000 characters
  v1::Case ok = c;
  EXPECT_THAT(Apply(too_long, today, ok), IsOk());

  v1::SendCorrectionNoticeRequest no_deadline =
      CorrectionNotice(today, today + 5);
  no_deadline.clear_applicant_deadline();
  ExpectRefused(no_deadline, today, c, kInvalid,
                "applicant_deadline: 必须填写");
  ExpectRefused(CorrectionNotice(today, today), today, c, kInvalid,
                "applicant_deadline: 2025-10-09 须晚于 sent");
  // The applicant's deadline lies in the future: not limited by today.
  v1::Case future = c;
  EXPECT_THAT(Apply(CorrectionNotice(today, D(2025, 12, 31)), today, future),
              IsOk());
}

TEST(ProcedureStepsTest, SupplementWithoutNotice) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  ExpectRefused(Supplement(D(2025, 10, 9)), D(2025, 10, 9), c,
                absl::StatusCode::kFailedPrecondition,
                "案件 2025-0001 没有待补正的补正通知");
}

// ---- Consultations ---------------------------------------------------------

TEST(ProcedureStepsTest, ConsultationsGetIdsAndRepliesEndThePause) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  absl::StatusOr<v1::CaseEvent> first =
      Apply(Consultation(D(2025, 10, 9), D(2025, 10, 10)), D(2025, 10, 10), c);
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->type(), v1::CASE_EVENT_TYPE_CONSULTATION_SENT);
  EXPECT_EQ(
      Changes(*first),
      (Pairs{{"procedure.consultations[id=1].kind", "→third_party"},
             {"procedure.consultations[id=1].party", "→某某公司"},
             {"procedure.consultations[id=1].sent", "→2025-10-09"},
             {"procedure.consultations[id=1].party_received", "→2025-10-10"}}));
  v1::SendConsultationRequest agency =
      Consultation(D(2025, 10, 13), std::nullopt);
  agency.set_kind(v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
  agency.set_party("市财政局");
  absl::StatusOr<v1::CaseEvent> second = Apply(agency, D(2025, 10, 13), c);
  ASSERT_THAT(second, IsOk());
  ASSERT_EQ(c.procedure().consultations_size(), 2);
  EXPECT_EQ(c.procedure().consultations(0).id(), 1);
  EXPECT_EQ(c.procedure().consultations(1).id(), 2);
  EXPECT_EQ(c.procedure().consultations(1).kind(),
            v1::CONSULTED_PARTY_KIND_OTHER_AGENCY);
  EXPECT_FALSE(c.procedure().consultations(1).has_party_received());

  // Two are open: id 0 is ambiguous.
  ExpectRefused(Reply(0, D(2025, 10, 15)), D(2025, 10, 15), c,
                absl::StatusCode::kInvalidArgument,
                "consultation_id: 有 2 项征求意见未答复（编号 1, 2）");
  ExpectRefused(Reply(3, D(2025, 10, 15)), D(2025, 10, 15), c,
                absl::StatusCode::kNotFound,
                "案件 2025-0001 没有编号为 3 的征求意见");
  ExpectRefused(Reply(-1, D(2025, 10, 15)), D(2025, 10, 15), c,
                absl::StatusCode::kInvalidArgument, "consultation_id: ");
  ExpectRefused(Reply(2, D(2025, 10, 10)), D(2025, 10, 15), c,
                absl::StatusCode::kFailedPrecondition,
                "received: 2025-10-10 早于第 2 项征求意见函发出日期"
                "（2025-10-13）");

  absl::StatusOr<v1::CaseEvent> reply =
      Apply(Reply(1, D(2025, 10, 15)), D(2025, 10, 15), c);
  ASSERT_THAT(reply, IsOk());
  EXPECT_EQ(reply->type(), v1::CASE_EVENT_TYPE_CONSULTATION_REPLY_RECEIVED);
  EXPECT_EQ(
      Changes(*reply),
      (Pairs{{"procedure.consultations[id=1].reply_received", "→2025-10-15"}}));
  ExpectRefused(Reply(1, D(2025, 10, 16)), D(2025, 10, 16), c,
                absl::StatusCode::kFailedPrecondition,
                "已于 2025-10-15 收到第 1 项征求意见的答复");

  // Now id 0 means consultation 2, the only open one.
  absl::StatusOr<v1::CaseEvent> only =
      Apply(Reply(0, D(2025, 10, 17)), D(2025, 10, 17), c);
  ASSERT_THAT(only, IsOk());
  EXPECT_EQ(only->changes(0).field(),
            "procedure.consultations[id=2].reply_received");
  ExpectRefused(Reply(0, D(2025, 10, 17)), D(2025, 10, 17), c,
                absl::StatusCode::kFailedPrecondition, "没有未答复的征求意见");

  // Paused 10-09..10-17 (working 10-09, 10-10, 10-11, 10-13 … 10-17 = 8):
  // counted 3 by 09-30, 4 10-20 … 8 10-24, 9 10-27 … 13 10-31,
  // 14 11-03 … 18 11-07, 19 11-10, 20 11-11.
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 17), ClockPolicy());
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->answer_due()), "2025-11-11");
}

TEST(ProcedureStepsTest, ConsultationValidation) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 9);
  v1::SendConsultationRequest no_kind = Consultation(today, std::nullopt);
  no_kind.set_kind(v1::CONSULTED_PARTY_KIND_UNSPECIFIED);
  ExpectRefused(no_kind, today, c, absl::StatusCode::kInvalidArgument,
                "kind: 须为以下之一：third_party, other_agency");
  v1::SendConsultationRequest no_party = Consultation(today, std::nullopt);
  no_party.clear_party();
  ExpectRefused(no_party, today, c, absl::StatusCode::kInvalidArgument,
                "party: ");
  ExpectRefused(Consultation(today, today - 1), today, c,
                absl::StatusCode::kInvalidArgument,
                "party_received: 2025-10-08 早于 sent（2025-10-09）");
}

TEST(ProcedureStepsTest, ReplyNotBeforeThePartyReceivedTheLetter) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  ASSERT_THAT(
      Apply(Consultation(D(2025, 10, 9), D(2025, 10, 13)), D(2025, 10, 13), c),
      IsOk());
  ExpectRefused(Reply(0, D(2025, 10, 10)), D(2025, 10, 14), c,
                absl::StatusCode::kFailedPrecondition,
                "received: 2025-10-10 早于被征求意见方收到第 1 项征求意见函的"
                "日期（2025-10-13）");
}

// ---- Fees ------------------------------------------------------------------

TEST(ProcedureStepsTest, FeeNoticeStoresTheComputedAmount) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  // Positions 9..13: 0 + 0 + 100 + 100 + 100.
  absl::StatusOr<v1::CaseEvent> issued =
      Apply(FeeNotice(8, 5, D(2025, 10, 9)), D(2025, 10, 9), c);
  ASSERT_THAT(issued, IsOk());
  EXPECT_EQ(issued->type(), v1::CASE_EVENT_TYPE_FEE_NOTICE_ISSUED);
  EXPECT_EQ(c.procedure().fee().amount_yuan(), 300);
  EXPECT_EQ(Changes(*issued),
            (Pairs{{"procedure.fee.method", "→per_application"},
                   {"procedure.fee.prior_applications_this_month", "→8"},
                   {"procedure.fee.units", "→5"},
                   {"procedure.fee.amount_yuan", "→300"},
                   {"procedure.fee.served", "→2025-10-09"}}));
  ExpectRefused(FeeNotice(20, 1, D(2025, 10, 10)), D(2025, 10, 10), c,
                absl::StatusCode::kFailedPrecondition,
                "已有收费通知（送达日期 2025-10-09）");
}

TEST(ProcedureStepsTest, FeeNoticeRefusals) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 9);
  // The 10th application of the month is free.
  ExpectRefused(FeeNotice(9, 1, today), today, c,
                absl::StatusCode::kFailedPrecondition, "无需收费：");
  v1::IssueFeeNoticeRequest pages;
  pages.set_method(v1::FEE_METHOD_PER_PAGE);
  pages.set_pages(30);
  *pages.mutable_served() = ToProtoDate(today);
  ExpectRefused(pages, today, c, absl::StatusCode::kFailedPrecondition,
                "无需收费：共 30 页");
  pages.set_pages(0);
  ExpectRefused(pages, today, c, absl::StatusCode::kInvalidArgument,
                "pages: 按量收费时不能小于 1");
  v1::IssueFeeNoticeRequest no_method = FeeNotice(10, 1, today);
  no_method.set_method(v1::FEE_METHOD_UNSPECIFIED);
  ExpectRefused(no_method, today, c, absl::StatusCode::kInvalidArgument,
                "method: ");
  // After the answer due date (10-30) the notice comes too late.
  ExpectRefused(FeeNotice(10, 1, D(2025, 10, 31)), D(2025, 10, 31), c,
                absl::StatusCode::kFailedPrecondition,
                "served: 2025-10-31 晚于答复期限（2025-10-30）");
  v1::Case on_due_day = c;
  EXPECT_THAT(
      Apply(FeeNotice(10, 1, D(2025, 10, 30)), D(2025, 10, 30), on_due_day),
      IsOk());
  EXPECT_EQ(on_due_day.procedure().fee().amount_yuan(), 100);
}

TEST(ProcedureStepsTest, PaymentWithinTheWindow) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  ExpectRefused(Payment(D(2025, 10, 9)), D(2025, 10, 9), c,
                absl::StatusCode::kFailedPrecondition,
                "案件 2025-0001 没有收费通知");
  ASSERT_THAT(Apply(FeeNotice(10, 1, D(2025, 10, 9)), D(2025, 10, 9), c),
              IsOk());
  // Payment window: 20th working day after 10-09 = 11-05 (1 10-10,
  // 2 10-11 make-up, 3 10-13 … 7 10-17, 8 10-20 … 12 10-24, 13 10-27 …
  // 17 10-31, 18 11-03, 19 11-04, 20 11-05).
  ExpectRefused(Payment(D(2025, 11, 6)), D(2025, 11, 6), c,
                absl::StatusCode::kFailedPrecondition,
                "paid: 2025-11-06 晚于缴费期限届满日（2025-11-05");
  ExpectRefused(Payment(D(2025, 11, 6)), D(2025, 11, 6), c,
                absl::StatusCode::kFailedPrecondition, "申请人视为放弃申请");
  ExpectRefused(Payment(D(2025, 10, 8)), D(2025, 10, 9), c,
                absl::StatusCode::kFailedPrecondition,
                "paid: 2025-10-08 早于收费通知送达日期");
  absl::StatusOr<v1::CaseEvent> paid =
      Apply(Payment(D(2025, 11, 5)), D(2025, 11, 5), c);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->type(), v1::CASE_EVENT_TYPE_FEE_PAID);
  EXPECT_EQ(Changes(*paid), (Pairs{{"procedure.fee.paid", "→2025-11-05"}}));
  ExpectRefused(Payment(D(2025, 11, 5)), D(2025, 11, 5), c,
                absl::StatusCode::kFailedPrecondition,
                "已记录 2025-11-05 的缴费");
}

// ---- Extension and deferral -----------------------------------------------

TEST(ProcedureStepsTest, OneExtensionOfAtMost20WorkingDays) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 28);
  ExpectRefused(Extension(21, today), today, c,
                absl::StatusCode::kFailedPrecondition,
                "延长答复期限最长不超过 20 个工作日（《中华人民共和国政府信息"
                "公开条例》第三十三条）");
  ExpectRefused(Extension(0, today), today, c,
                absl::StatusCode::kInvalidArgument, "working_days: ");
  ExpectRefused(Extension(-3, today), today, c,
                absl::StatusCode::kInvalidArgument, "working_days: ");
  v1::ExtendDeadlineRequest no_approver = Extension(20, today);
  no_approver.clear_approver();
  ExpectRefused(no_approver, today, c, absl::StatusCode::kInvalidArgument,
                "approver: ");
  v1::ExtendDeadlineRequest approved_late = Extension(20, today);
  *approved_late.mutable_approved() = ToProtoDate(today);
  *approved_late.mutable_notified() = ToProtoDate(today - 1);
  ExpectRefused(approved_late, today, c, absl::StatusCode::kInvalidArgument,
                "approved: 2025-10-28 晚于 notified（2025-10-27）");

  v1::ExtendDeadlineRequest r = Extension(20, today);
  *r.mutable_approved() = ToProtoDate(D(2025, 10, 27));
  absl::StatusOr<v1::CaseEvent> extended = Apply(r, today, c);
  ASSERT_THAT(extended, IsOk());
  EXPECT_EQ(extended->type(), v1::CASE_EVENT_TYPE_DEADLINE_EXTENDED);
  EXPECT_EQ(Changes(*extended),
            (Pairs{{"procedure.extension.working_days", "→20"},
                   {"procedure.extension.approver", "→王主任"},
                   {"procedure.extension.approved", "→2025-10-27"},
                   {"procedure.extension.notified", "→2025-10-28"}}));
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), today, ClockPolicy());
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->answer_due()), "2025-11-27");  // 40th day

  ExpectRefused(Extension(5, D(2025, 10, 29)), D(2025, 10, 29), c,
                absl::StatusCode::kFailedPrecondition,
                "已延长答复期限 20 个工作日（告知日期 2025-10-28）；《中华人民"
                "共和国政府信息公开条例》第三十三条只允许延长一次");
}

TEST(ProcedureStepsTest, ExtensionMustBeNotifiedBeforeTheDeadlinePasses) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  // Due 10-30: notifying on 10-31 is too late; on 10-30 it is in time.
  ExpectRefused(Extension(20, D(2025, 10, 31)), D(2025, 10, 31), c,
                absl::StatusCode::kFailedPrecondition,
                "notified: 2025-10-31 晚于答复期限（2025-10-30）");
  v1::Case in_time = c;
  absl::StatusOr<v1::CaseEvent> ok =
      Apply(Extension(20, D(2025, 10, 30)), D(2025, 10, 31), in_time);
  ASSERT_THAT(ok, IsOk());
  // approved absent: the notified date.
  EXPECT_EQ(FormatIsoDate(in_time.procedure().extension().approved()),
            "2025-10-30");
}

TEST(ProcedureStepsTest, DeferralAfterTheCurrentDueDate) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 20);
  ExpectRefused(Deferral(D(2025, 10, 30), today), today, c,
                absl::StatusCode::kFailedPrecondition,
                "new_due: 2025-10-30 不晚于当前答复期限（2025-10-30）");
  ExpectRefused(Deferral(D(2025, 10, 20), today), today, c,
                absl::StatusCode::kInvalidArgument,
                "new_due: 2025-10-20 须晚于 notified");
  v1::DeferDeadlineRequest no_reason = Deferral(D(2025, 12, 15), today);
  no_reason.clear_reason();
  ExpectRefused(no_reason, today, c, absl::StatusCode::kInvalidArgument,
                "reason: ");

  absl::StatusOr<v1::CaseEvent> deferred =
      Apply(Deferral(D(2025, 12, 15), today), today, c);
  ASSERT_THAT(deferred, IsOk());
  EXPECT_EQ(deferred->type(), v1::CASE_EVENT_TYPE_DEADLINE_DEFERRED);
  EXPECT_EQ(deferred->reason(), "申请数量明显超过合理范围，申请人说明理由合理");
  EXPECT_EQ(Changes(*deferred),
            (Pairs{{"procedure.deferral.new_due", "→2025-12-15"},
                   {"procedure.deferral.notified", "→2025-10-20"},
                   {"procedure.deferral.reason",
                    "→申请数量明显超过合理范围，申请人说明理由合理"}}));
  absl::StatusOr<v1::Deadlines> d =
      ComputeDeadlines(c, BuiltinCalendar(), today, ClockPolicy());
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FormatIsoDate(d->answer_due()), "2025-12-15");

  ExpectRefused(Deferral(D(2026, 1, 15), today), today, c,
                absl::StatusCode::kFailedPrecondition,
                "已依第三十五条确定延后的答复期限 2025-12-15");
  ExpectRefused(Extension(10, today), today, c,
                absl::StatusCode::kFailedPrecondition,
                "已依第三十五条确定延后的答复期限 2025-12-15，答复期限已由此"
                "确定");
}

// ---- A whole procedure -----------------------------------------------------

TEST(ProcedureStepsTest, StepsThenDeadlinesAndTheirDiff) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  absl::StatusOr<v1::Deadlines> before =
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 9), ClockPolicy());
  ASSERT_THAT(before, IsOk());
  ASSERT_THAT(Apply(FeeNotice(30, 1, D(2025, 10, 9)), D(2025, 10, 9), c),
              IsOk());
  EXPECT_EQ(c.procedure().fee().amount_yuan(), 200);  // the 31st
  absl::StatusOr<v1::Deadlines> after =
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 9), ClockPolicy());
  ASSERT_THAT(after, IsOk());
  // Unpaid: paused 10-09..11-05 (payment window); 4 11-06 … 20 11-28.
  const std::vector<v1::FieldChange> diff = DiffDeadlineDates(*before, *after);
  ASSERT_EQ(diff.size(), 2u);
  EXPECT_EQ(diff[0].field(), "deadlines.answer_due");
  EXPECT_EQ(diff[0].old_value(), "2025-10-30");
  EXPECT_EQ(diff[0].new_value(), "2025-11-28");
  EXPECT_EQ(diff[1].field(), "deadlines.window_end");
  EXPECT_EQ(diff[1].old_value(), "");
  EXPECT_EQ(diff[1].new_value(), "2025-11-05");

  // Paid 10-15: paused 10-09..10-15 (6 working days) → due 11-07.
  ASSERT_THAT(Apply(Payment(D(2025, 10, 15)), D(2025, 10, 15), c), IsOk());
  absl::StatusOr<v1::Deadlines> paid =
      ComputeDeadlines(c, BuiltinCalendar(), D(2025, 10, 15), ClockPolicy());
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(FormatIsoDate(paid->answer_due()), "2025-11-07");
  // 10-15 is paused (not counted), but paid: the clock is no longer held.
  EXPECT_EQ(paid->state(), v1::CLOCK_STATE_RUNNING);
}

}  // namespace
}  // namespace ogi
