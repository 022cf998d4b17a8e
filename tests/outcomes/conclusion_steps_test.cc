#include "services/outcomes/conclusion_steps.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"
#include "services/calendar/builtin_calendar.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/clock_test_util.h"
#include "tests/common/status_matchers.h"

// Dates are worked out by hand for a case received Fri 2025-09-26 (国庆节、
// 中秋节 off 10-01..10-08; make-up working days Sun 09-28 and Sat 10-11):
// counted days 1 09-28, 2 09-29, 3 09-30, 4 10-09, 5 10-10, 6 10-11,
// 7 10-13, ..., 19 10-29, 20 10-30 (answer due), 21 10-31, 22 11-03, ...,
// 36 11-21, 40 11-27. A fee notice served 10-09 gives the applicant until
// 11-05 (20th working day after it) and, unpaid, pauses the answer clock
// through 11-05: days 4..20 are then 11-06 .. 11-28.

// Most ConcludeCase tests send the deprecated flat fields on purpose: clients
// built from the earlier .proto still do, and the server must keep
// accepting them (the embedded form is tested against them below).
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace ogi {
namespace {

using ::ogi::testing::Changes;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using Day = absl::CivilDay;
using Pairs = ::ogi::testing::ChangePairs;

constexpr absl::StatusCode kInvalid = absl::StatusCode::kInvalidArgument;
constexpr absl::StatusCode kFailed = absl::StatusCode::kFailedPrecondition;

Day D(int y, int m, int d) { return Day(y, m, d); }

std::string Id(v1::Outcome outcome) {
  return EnumIdentifier(v1::Outcome_descriptor(), outcome);
}

v1::Case CaseReceived(Day receipt, int items = 1) {
  v1::Case c = ogi::testing::ValidNewCase();
  c.set_agency_code("default");
  c.set_number("2025-0001");
  *c.mutable_arrival_date() = ToProtoDate(receipt);
  *c.mutable_receipt_date() = ToProtoDate(receipt);
  c.set_status(v1::CASE_STATUS_PROCESSING);
  for (int i = 1; i < items; ++i) {
    c.add_items()->set_description("2021年度行政处罚决定");
  }
  return c;
}

void SetCorrection(v1::Case& c, Day sent, Day applicant_deadline) {
  v1::CorrectionNotice* n = c.mutable_procedure()->mutable_correction();
  *n->mutable_sent() = ToProtoDate(sent);
  n->set_items_to_supplement("请写明所需信息的文号");
  *n->mutable_applicant_deadline() = ToProtoDate(applicant_deadline);
  c.set_status(v1::CASE_STATUS_AWAITING_CORRECTION);
}

void AddConsultation(v1::Case& c, Day sent, std::optional<Day> reply) {
  v1::Consultation* k = c.mutable_procedure()->add_consultations();
  k->set_id(c.procedure().consultations_size());
  k->set_kind(v1::CONSULTED_PARTY_KIND_THIRD_PARTY);
  k->set_party("聊城某建设有限公司");
  *k->mutable_sent() = ToProtoDate(sent);
  if (reply) *k->mutable_reply_received() = ToProtoDate(*reply);
}

void SetUnpaidFee(v1::Case& c, Day served) {
  v1::FeeNotice* f = c.mutable_procedure()->mutable_fee();
  f->set_method(v1::FEE_METHOD_PER_PAGE);
  f->set_pages(150);
  f->set_amount_yuan(1700);
  *f->mutable_served() = ToProtoDate(served);
}

v1::ConcludeCaseRequest Answer(v1::Outcome outcome, Day served) {
  v1::ConcludeCaseRequest r;
  r.set_number("2025-0001");
  r.set_outcome(outcome);
  r.set_service_method(v1::SERVICE_METHOD_POSTED);
  *r.mutable_served() = ToProtoDate(served);
  return r;
}

v1::WithdrawCaseRequest Withdrawal(Day withdrawn) {
  v1::WithdrawCaseRequest r;
  r.set_number("2025-0001");
  *r.mutable_withdrawn() = ToProtoDate(withdrawn);
  return r;
}

v1::ConfirmLapseRequest Lapse(Day concluded) {
  v1::ConfirmLapseRequest r;
  r.set_number("2025-0001");
  *r.mutable_concluded() = ToProtoDate(concluded);
  return r;
}

template <typename Request>
absl::StatusOr<v1::CaseEvent> Apply(const Request& r, Day today, v1::Case& c) {
  return ApplyStep(r, today, BuiltinCalendar(), ClockPolicy(), c);
}

// Applies `r` and expects it to fail with `code` and exactly `message`,
// leaving the case as it was.
template <typename Request>
void ExpectRefused(const Request& r, Day today, const v1::Case& c,
                   absl::StatusCode code, const std::string& message) {
  v1::Case copy = c;
  EXPECT_THAT(Apply(r, today, copy), StatusIs(code, message));
  EXPECT_EQ(copy.SerializeAsString(), c.SerializeAsString())
      << "the case changed on error";
}

// `c` concluded 予以公开 on `served`.
v1::Case Concluded(Day served, v1::Case c = CaseReceived(D(2025, 9, 26))) {
  EXPECT_THAT(Apply(Answer(v1::OUTCOME_DISCLOSED, served), served, c), IsOk());
  return c;
}

// ---- ConcludeCase ---------------------------------------------------------

TEST(ConclusionStepsTest, AnswerConcludesTheCaseWithEveryFieldInTheEvent) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  v1::ConcludeCaseRequest r = Answer(v1::OUTCOME_DISCLOSED, D(2025, 10, 20));
  *r.mutable_answer_date() = ToProtoDate(D(2025, 10, 17));
  auto event = Apply(r, D(2025, 10, 21), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_CONCLUDED);
  EXPECT_EQ(event->reason(), "");
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"conclusion.kind", "→answered"},
                  {"conclusion.dispositions[item=1]", "→disclosed"},
                  {"conclusion.derived_outcome", "→disclosed"},
                  {"conclusion.outcome", "→disclosed"},
                  {"conclusion.answer_date", "→2025-10-17"},
                  {"conclusion.service_method", "→posted"},
                  {"conclusion.served", "→2025-10-20"},
                  {"conclusion.due_date", "→2025-10-30"},
                  {"status", "processing→concluded"},
              }));
  EXPECT_EQ(c.status(), v1::CASE_STATUS_CONCLUDED);
  EXPECT_EQ(FormatIsoDate(c.conclusion().due_date()), "2025-10-30");
  EXPECT_FALSE(c.conclusion().served_late());
}

TEST(ConclusionStepsTest, LateAnswerIsAcceptedAndFlagged) {
  const struct {
    const char* name;
    std::function<void(v1::Case&)> procedure;
    Day served;
    std::string due;  // "" while awaiting the 补正 supplement
    bool late;
  } kCases[] = {
      {"served on the due day", [](v1::Case&) {}, D(2025, 10, 30), "2025-10-30",
       false},
      {"served the next working day", [](v1::Case&) {}, D(2025, 10, 31),
       "2025-10-30", true},
      {"a consultation paused 10-09..10-14 (5 working days): due 11-06",
       [](v1::Case& c) { AddConsultation(c, D(2025, 10, 9), D(2025, 10, 14)); },
       D(2025, 11, 6), "2025-11-06", false},
      {"the same, a day later",
       [](v1::Case& c) { AddConsultation(c, D(2025, 10, 9), D(2025, 10, 14)); },
       D(2025, 11, 7), "2025-11-06", true},
      {"answered while awaiting the 补正 supplement: no due date",
       [](v1::Case& c) { SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24)); },
       D(2025, 10, 20), "", false},
  };
  for (const auto& k : kCases) {
    SCOPED_TRACE(k.name);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    k.procedure(c);
    auto event =
        Apply(Answer(v1::OUTCOME_DISCLOSED, k.served), D(2025, 12, 1), c);
    ASSERT_THAT(event, IsOk());
    EXPECT_EQ(FormatIsoDate(c.conclusion().due_date()), k.due);
    EXPECT_EQ(c.conclusion().served_late(), k.late);
    const Pairs changes = Changes(*event);
    const std::pair<std::string, std::string> flag = {"conclusion.served_late",
                                                      "→true"};
    EXPECT_EQ(std::count(changes.begin(), changes.end(), flag), k.late ? 1 : 0);
  }
}

TEST(ConclusionStepsTest, ServedDateIsCheckedAgainstTheCase) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  AddConsultation(c, D(2025, 10, 9), std::nullopt);
  const Day today = D(2025, 10, 21);
  ExpectRefused(Answer(v1::OUTCOME_DISCLOSED, D(2025, 10, 22)), today, c,
                kInvalid, "served: 2025-10-22 晚于今天（2025-10-21）");
  ExpectRefused(Answer(v1::OUTCOME_DISCLOSED, D(2025, 9, 25)), today, c,
                kFailed,
                "served: 2025-09-25 早于案件 2025-0001 的收到申请日期"
                "（2025-09-26）");
  ExpectRefused(Answer(v1::OUTCOME_DISCLOSED, D(2025, 10, 8)), today, c,
                kFailed,
                "served: 2025-10-08 早于最后记录的步骤 "
                "procedure.consultations[id=1].sent（2025-10-09）");
  v1::ConcludeCaseRequest unset = Answer(v1::OUTCOME_DISCLOSED, today);
  unset.clear_served();
  ExpectRefused(unset, today, c, kInvalid,
                "served: 必须填写（申请人收到答复或答复交邮的日期，即办结"
                "日期）");
  v1::ConcludeCaseRequest answer_before_receipt =
      Answer(v1::OUTCOME_DISCLOSED, today);
  *answer_before_receipt.mutable_answer_date() = ToProtoDate(D(2025, 9, 1));
  ExpectRefused(answer_before_receipt, today, c, kFailed,
                "answer_date: 2025-09-01 早于案件 2025-0001 的收到申请日期"
                "（2025-09-26）");

  v1::Case unconfirmed = CaseReceived(D(2025, 9, 26));
  unconfirmed.clear_receipt_date();
  unconfirmed.set_status(v1::CASE_STATUS_PENDING_CONFIRMATION);
  ExpectRefused(Answer(v1::OUTCOME_DISCLOSED, today), today, unconfirmed,
                kFailed, "案件 2025-0001 尚无收到申请日期（待确认收到）");
}

TEST(ConclusionStepsTest, EitherOneOutcomeOrOneDispositionPerItem) {
  const v1::Case c = CaseReceived(D(2025, 9, 26), 2);
  const Day today = D(2025, 10, 21);
  v1::ConcludeCaseRequest both = Answer(v1::OUTCOME_DISCLOSED, today);
  v1::ItemDisposition* d = both.add_dispositions();
  d->set_item(1);
  d->set_outcome(v1::OUTCOME_DISCLOSED);
  ExpectRefused(both, today, c, kInvalid,
                "outcome: outcome（适用于全部事项）与 dispositions（逐项答复）"
                "只能填写其一");
  ExpectRefused(Answer(v1::OUTCOME_UNSPECIFIED, today), today, c, kInvalid,
                "outcome: 必须填写，或逐项填写 dispositions");
  v1::ConcludeCaseRequest one_of_two = Answer(v1::OUTCOME_UNSPECIFIED, today);
  *one_of_two.add_dispositions() = *d;
  ExpectRefused(one_of_two, today, c, kInvalid,
                "dispositions: 本案每个事项（1..2）各须一项，缺少事项 2");

  // `outcome` gives every item the same disposition.
  v1::Case concluded = c;
  ASSERT_THAT(
      Apply(Answer(v1::OUTCOME_WITHHELD_STATE_SECRET, today), today, concluded),
      IsOk());
  ASSERT_EQ(concluded.conclusion().dispositions_size(), 2);
  EXPECT_EQ(concluded.conclusion().dispositions(1).item(), 2);
  EXPECT_EQ(Id(concluded.conclusion().dispositions(1).outcome()),
            "withheld_state_secret");
  EXPECT_EQ(concluded.conclusion().legal_basis(),
            "《中华人民共和国政府信息公开条例》第十四条");
}

TEST(ConclusionStepsTest, MixedItemsDeriveAndAnOverrideIsAuditedWithItsReason) {
  v1::Case c = CaseReceived(D(2025, 9, 26), 2);
  const Day today = D(2025, 10, 21);
  v1::ConcludeCaseRequest r = Answer(v1::OUTCOME_UNSPECIFIED, today);
  for (const auto& [item, outcome] : std::vector<std::pair<int, v1::Outcome>>{
           {2, v1::OUTCOME_UNAVAILABLE_NOT_HELD}, {1, v1::OUTCOME_DISCLOSED}}) {
    v1::ItemDisposition* d = r.add_dispositions();
    d->set_item(item);
    d->set_outcome(outcome);
  }
  r.set_not_held_reason(v1::NOT_HELD_REASON_OTHER_AGENCY);
  r.set_responsible_agency("聊城市市场监督管理局");
  ExpectRefused(r, today, c, kInvalid,
                "primary_item: 必须填写：各事项的办理结果不同，又不属于既有"
                "提供又有不予公开的情形，须指定案件据以统计的主要事项");
  r.set_primary_item(2);
  r.set_override_outcome(v1::OUTCOME_DISCLOSED);
  ExpectRefused(r, today, c, kInvalid,
                "override_reason: 以 disclosed 改定推定的办理结果 "
                "unavailable_not_held 时必须写明理由");

  r.set_override_reason("申请人所需主要信息已提供");
  auto event = Apply(r, today, c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->reason(), "申请人所需主要信息已提供");
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"conclusion.kind", "→answered"},
                  {"conclusion.dispositions[item=1]", "→disclosed"},
                  {"conclusion.dispositions[item=2]", "→unavailable_not_held"},
                  {"conclusion.primary_item", "→2"},
                  {"conclusion.derived_outcome", "→unavailable_not_held"},
                  {"conclusion.override_outcome", "→disclosed"},
                  {"conclusion.override_reason", "→申请人所需主要信息已提供"},
                  {"conclusion.outcome", "→disclosed"},
                  {"conclusion.not_held_reason", "→other_agency"},
                  {"conclusion.responsible_agency", "→聊城市市场监督管理局"},
                  {"conclusion.service_method", "→posted"},
                  {"conclusion.served", "→2025-10-21"},
                  {"conclusion.due_date", "→2025-10-30"},
                  {"status", "processing→concluded"},
              }));
}

TEST(ConclusionStepsTest, AConcludedCaseIsNotConcludedAgain) {
  const v1::Case c = Concluded(D(2025, 10, 20));
  const Day today = D(2025, 11, 20);
  const std::string message =
      "案件 2025-0001 已办结（送达日期 2025-10-20，办理结果 disclosed），"
      "如需修改请更正办结记录";
  ExpectRefused(Answer(v1::OUTCOME_WITHHELD_STATE_SECRET, today), today, c,
                kFailed, message);
  ExpectRefused(Withdrawal(today), today, c, kFailed, message);
  ExpectRefused(Lapse(today), today, c, kFailed, message);
}

// ---- ConcludeCase with an embedded Conclusion (issue 13) ------------------

// `flat` in the embedded form: each deprecated flat field moved to the
// Conclusion field of the same name (reflection, so that a flat field
// without its Conclusion twin fails here).
v1::ConcludeCaseRequest Embedded(const v1::ConcludeCaseRequest& flat) {
  v1::ConcludeCaseRequest r = flat;
  v1::Conclusion& k = *r.mutable_conclusion();
  std::vector<const google::protobuf::FieldDescriptor*> set;
  flat.GetReflection()->ListFields(flat, &set);
  for (const google::protobuf::FieldDescriptor* field : set) {
    if (!field->options().deprecated()) continue;
    const google::protobuf::FieldDescriptor* twin =
        v1::Conclusion::descriptor()->FindFieldByName(field->name());
    EXPECT_NE(twin, nullptr) << field->name();
    if (twin == nullptr) continue;
    r.GetReflection()->ClearField(&r, field);
    const google::protobuf::Reflection* from = flat.GetReflection();
    const google::protobuf::Reflection* to = k.GetReflection();
    if (field->is_repeated()) {
      for (int i = 0; i < from->FieldSize(flat, field); ++i) {
        to->AddMessage(&k, twin)->CopyFrom(
            from->GetRepeatedMessage(flat, field, i));
      }
      continue;
    }
    switch (field->cpp_type()) {
      case google::protobuf::FieldDescriptor::CPPTYPE_INT32:
        to->SetInt32(&k, twin, from->GetInt32(flat, field));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_ENUM:
        to->SetEnumValue(&k, twin, from->GetEnumValue(flat, field));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_STRING:
        to->SetString(&k, twin, from->GetString(flat, field));
        break;
      case google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE:
        to->MutableMessage(&k, twin)->CopyFrom(from->GetMessage(flat, field));
        break;
      default:
        ADD_FAILURE() << "unexpected type of " << field->name();
    }
  }
  return r;
}

TEST(ConclusionStepsTest, EmbeddedConclusionConcludesAsTheFlatFieldsDo) {
  const Day today = D(2025, 10, 21);
  std::vector<std::pair<std::string, v1::ConcludeCaseRequest>> requests;
  v1::ConcludeCaseRequest dated =
      Answer(v1::OUTCOME_DISCLOSED, D(2025, 10, 20));
  *dated.mutable_answer_date() = ToProtoDate(D(2025, 10, 17));
  requests.emplace_back("outcome shortcut with an answer date", dated);
  v1::ConcludeCaseRequest mixed = Answer(v1::OUTCOME_UNSPECIFIED, today);
  for (const auto& [item, outcome] : std::vector<std::pair<int, v1::Outcome>>{
           {2, v1::OUTCOME_UNAVAILABLE_NOT_HELD}, {1, v1::OUTCOME_DISCLOSED}}) {
    v1::ItemDisposition* d = mixed.add_dispositions();
    d->set_item(item);
    d->set_outcome(outcome);
  }
  mixed.set_not_held_reason(v1::NOT_HELD_REASON_OTHER_AGENCY);
  mixed.set_responsible_agency("聊城市市场监督管理局");
  mixed.set_primary_item(2);
  mixed.set_override_outcome(v1::OUTCOME_DISCLOSED);
  mixed.set_override_reason("申请人所需主要信息已提供");
  requests.emplace_back("dispositions with an override", mixed);
  v1::ConcludeCaseRequest partly =
      Answer(v1::OUTCOME_PARTIALLY_DISCLOSED, today);
  partly.clear_service_method();  // defaults from the delivery method
  partly.set_provided_summary("2021年度行政处罚决定目录");
  partly.set_withheld_summary("涉及个人隐私的部分");
  partly.set_note("另附说明");
  requests.emplace_back("partly disclosed with the default method", partly);

  for (const auto& [name, flat] : requests) {
    SCOPED_TRACE(name);
    v1::Case by_flat = CaseReceived(D(2025, 9, 26), 2);
    v1::Case by_embedded = by_flat;
    const v1::ConcludeCaseRequest embedded = Embedded(flat);
    ASSERT_TRUE(embedded.has_conclusion());
    EXPECT_FALSE(embedded.has_served());
    auto flat_event = Apply(flat, today, by_flat);
    auto embedded_event = Apply(embedded, today, by_embedded);
    ASSERT_THAT(flat_event, IsOk());
    ASSERT_THAT(embedded_event, IsOk());
    EXPECT_EQ(embedded_event->SerializeAsString(),
              flat_event->SerializeAsString());
    EXPECT_EQ(by_embedded.SerializeAsString(), by_flat.SerializeAsString());
  }

  // A lapse: by `outcome` or by the conclusion's kind, as the flat form.
  v1::Case lapsed = CaseReceived(D(2025, 9, 26));
  SetCorrection(lapsed, D(2025, 10, 9), D(2025, 10, 24));
  v1::Case by_flat = lapsed;
  ASSERT_THAT(
      Apply(Answer(v1::OUTCOME_OTHER_CORRECTION_LAPSED, D(2025, 10, 27)),
            D(2025, 10, 30), by_flat),
      IsOk());
  v1::ConcludeCaseRequest by_kind;
  by_kind.set_number("2025-0001");
  by_kind.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_CORRECTION_LAPSED);
  by_kind.mutable_conclusion()->set_service_method(v1::SERVICE_METHOD_POSTED);
  *by_kind.mutable_conclusion()->mutable_served() =
      ToProtoDate(D(2025, 10, 27));
  ASSERT_THAT(Apply(by_kind, D(2025, 10, 30), lapsed), IsOk());
  EXPECT_EQ(lapsed.SerializeAsString(), by_flat.SerializeAsString());
}

TEST(ConclusionStepsTest, EmbeddedConclusionErrorsNameItsFields) {
  v1::Case c = CaseReceived(D(2025, 9, 26), 2);
  AddConsultation(c, D(2025, 10, 9), std::nullopt);
  const Day today = D(2025, 10, 21);
  const v1::ConcludeCaseRequest answer =
      Embedded(Answer(v1::OUTCOME_DISCLOSED, today));

  v1::ConcludeCaseRequest future = answer;
  *future.mutable_conclusion()->mutable_served() = ToProtoDate(today + 1);
  ExpectRefused(future, today, c, kInvalid,
                "conclusion.served: 2025-10-22 晚于今天（2025-10-21）");
  v1::ConcludeCaseRequest early = answer;
  *early.mutable_conclusion()->mutable_served() = ToProtoDate(D(2025, 10, 8));
  ExpectRefused(early, today, c, kFailed,
                "conclusion.served: 2025-10-08 早于最后记录的步骤 "
                "procedure.consultations[id=1].sent（2025-10-09）");
  v1::ConcludeCaseRequest unset = answer;
  unset.mutable_conclusion()->clear_served();
  ExpectRefused(unset, today, c, kInvalid,
                "conclusion.served: 必须填写（申请人收到答复或答复交邮的日期，"
                "即办结日期）");
  ExpectRefused(Embedded(Answer(v1::OUTCOME_PARTIALLY_DISCLOSED, today)), today,
                c, kInvalid,
                "conclusion.provided_summary, conclusion.withheld_summary: "
                "部分公开须写明提供的信息和不予公开的信息");
  v1::ConcludeCaseRequest neither = answer;
  neither.clear_outcome();
  ExpectRefused(neither, today, c, kInvalid,
                "outcome: 必须填写，或逐项填写 conclusion.dispositions");
  v1::ConcludeCaseRequest both = answer;
  v1::ItemDisposition* d = both.mutable_conclusion()->add_dispositions();
  d->set_item(1);
  d->set_outcome(v1::OUTCOME_DISCLOSED);
  ExpectRefused(both, today, c, kInvalid,
                "outcome: outcome（适用于全部事项）与 conclusion.dispositions"
                "（逐项答复）只能填写其一");
  v1::ConcludeCaseRequest one_of_two = neither;
  *one_of_two.mutable_conclusion()->add_dispositions() = *d;
  ExpectRefused(one_of_two, today, c, kInvalid,
                "conclusion.dispositions: 本案每个事项（1..2）各须一项，缺少"
                "事项 2");
  v1::ConcludeCaseRequest withdrawn = answer;
  withdrawn.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_WITHDRAWN);
  ExpectRefused(withdrawn, today, c, kInvalid,
                "conclusion.kind: 申请人撤回申请请用 WithdrawCase 记录");
  v1::ConcludeCaseRequest mismatch = answer;
  mismatch.set_outcome(v1::OUTCOME_OTHER_FEE_UNPAID);
  mismatch.mutable_conclusion()->set_kind(v1::CONCLUSION_KIND_ANSWERED);
  ExpectRefused(mismatch, today, c, kInvalid,
                "outcome: 与 conclusion.kind（answered）不符");
}

TEST(ConclusionStepsTest, EmbeddedConclusionAndFlatFieldsTogetherAreRefused) {
  const v1::Case c = CaseReceived(D(2025, 9, 26));
  const Day today = D(2025, 10, 21);
  v1::ConcludeCaseRequest both = Embedded(Answer(v1::OUTCOME_DISCLOSED, today));
  *both.mutable_served() = ToProtoDate(today);
  ExpectRefused(both, today, c, kInvalid,
                "served: 与 conclusion 只能填写其一（served 已弃用，请改填 "
                "conclusion.served）");
  v1::ConcludeCaseRequest summary =
      Embedded(Answer(v1::OUTCOME_DISCLOSED, today));
  summary.set_provided_summary("目录");
  ExpectRefused(
      summary, today, c, kInvalid,
      "provided_summary: 与 conclusion 只能填写其一（provided_summary "
      "已弃用，请改填 conclusion.provided_summary）");
  // The outcome shortcut is not deprecated and goes with either form.
  v1::Case concluded = c;
  EXPECT_THAT(
      Apply(Embedded(Answer(v1::OUTCOME_DISCLOSED, today)), today, concluded),
      IsOk());
}

// ---- WithdrawCase ---------------------------------------------------------

TEST(ConclusionStepsTest, WithdrawalConcludesAsOther) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  // The applicant may withdraw while the agency waits for a consultation
  // letter it sent later.
  AddConsultation(c, D(2025, 10, 13), std::nullopt);
  auto event = Apply(Withdrawal(D(2025, 10, 10)), D(2025, 10, 14), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_CONCLUDED);
  EXPECT_THAT(Changes(*event), ElementsAreArray(Pairs{
                                   {"conclusion.kind", "→withdrawn"},
                                   {"conclusion.derived_outcome", "→other"},
                                   {"conclusion.outcome", "→other"},
                                   {"conclusion.note", "→申请人撤回申请"},
                                   {"conclusion.served", "→2025-10-10"},
                                   {"conclusion.due_date", "→2025-11-21"},
                                   {"status", "processing→concluded"},
                               }));

  v1::Case awaiting = CaseReceived(D(2025, 9, 26));
  SetCorrection(awaiting, D(2025, 10, 9), D(2025, 10, 24));
  v1::WithdrawCaseRequest with_note = Withdrawal(D(2025, 10, 15));
  with_note.set_note("申请人电话告知撤回，并提交书面撤回申请");
  ASSERT_THAT(Apply(with_note, D(2025, 10, 15), awaiting), IsOk());
  EXPECT_EQ(awaiting.conclusion().note(),
            "申请人电话告知撤回，并提交书面撤回申请");
  EXPECT_EQ(Id(awaiting.conclusion().outcome()), "other");
  EXPECT_EQ(awaiting.status(), v1::CASE_STATUS_CONCLUDED);

  // Without a date the withdrawal reached the agency today (the server's
  // rule, not a client's).
  v1::WithdrawCaseRequest unset = Withdrawal(D(2025, 10, 15));
  unset.clear_withdrawn();
  v1::Case today_case = CaseReceived(D(2025, 9, 26));
  ASSERT_THAT(Apply(unset, D(2025, 10, 16), today_case), IsOk());
  EXPECT_EQ(FormatIsoDate(today_case.conclusion().served()), "2025-10-16");
  v1::WithdrawCaseRequest tomorrow = Withdrawal(D(2025, 10, 17));
  ExpectRefused(tomorrow, D(2025, 10, 16), CaseReceived(D(2025, 9, 26)),
                kInvalid, "withdrawn: 2025-10-17 晚于今天（2025-10-16）");
}

// ---- ConfirmLapse ---------------------------------------------------------

TEST(ConclusionStepsTest, LapsedCorrectionWindowIsConfirmedOnlyAfterItEnds) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24));
  ExpectRefused(Lapse(D(2025, 10, 24)), D(2025, 10, 27), c, kFailed,
                "concluded: 2025-10-24 仍在申请人的补正期限内（2025-10-24 "
                "届满），届满之后才能确认逾期");
  auto event = Apply(Lapse(D(2025, 10, 27)), D(2025, 10, 27), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"conclusion.kind", "→correction_lapsed"},
                  {"conclusion.derived_outcome", "→other_correction_lapsed"},
                  {"conclusion.outcome", "→other_correction_lapsed"},
                  {"conclusion.served", "→2025-10-27"},
                  {"status", "awaiting_correction→concluded"},
              }));
}

TEST(ConclusionStepsTest, LapsedFeeWindowIsConfirmedOnlyAfterItEnds) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetUnpaidFee(c, D(2025, 10, 9));
  ExpectRefused(Lapse(D(2025, 11, 5)), D(2025, 11, 6), c, kFailed,
                "concluded: 2025-11-05 仍在申请人的缴费期限内（2025-11-05 "
                "届满），届满之后才能确认逾期");
  v1::ConfirmLapseRequest r = Lapse(D(2025, 11, 6));
  r.set_service_method(v1::SERVICE_METHOD_POSTED);
  auto event = Apply(r, D(2025, 11, 6), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"conclusion.kind", "→fee_unpaid"},
                  {"conclusion.derived_outcome", "→other_fee_unpaid"},
                  {"conclusion.outcome", "→other_fee_unpaid"},
                  {"conclusion.service_method", "→posted"},
                  {"conclusion.served", "→2025-11-06"},
                  {"conclusion.due_date", "→2025-11-28"},
                  {"status", "processing→concluded"},
              }));
  EXPECT_FALSE(c.conclusion().served_late());
}

TEST(ConclusionStepsTest, NothingLapsesWithoutAnApplicantWindow) {
  v1::Case paid = CaseReceived(D(2025, 9, 26));
  SetUnpaidFee(paid, D(2025, 10, 9));
  *paid.mutable_procedure()->mutable_fee()->mutable_paid() =
      ToProtoDate(D(2025, 10, 15));
  for (const v1::Case& c : {CaseReceived(D(2025, 9, 26)), paid}) {
    ExpectRefused(Lapse(D(2025, 11, 10)), D(2025, 11, 10), c, kFailed,
                  "案件 2025-0001 在 2025-11-10 没有进行中的申请人期限（既无"
                  "等待补正材料的补正通知，也无未缴费的收费通知），无可确认"
                  "的逾期");
  }
  ExpectRefused(Lapse(D(2025, 11, 11)), D(2025, 11, 10), paid, kInvalid,
                "concluded: 2025-11-11 晚于今天（2025-11-10）");
}

TEST(ConclusionStepsTest, ConcludingWithALapseOutcomeNeedsThatWindowLapsed) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24));
  const Day today = D(2025, 10, 30);
  ExpectRefused(Answer(v1::OUTCOME_OTHER_CORRECTION_LAPSED, D(2025, 10, 24)),
                today, c, kFailed,
                "served: 2025-10-24 仍在申请人的补正期限内（2025-10-24 届满），"
                "届满之后才能确认逾期");
  ExpectRefused(Answer(v1::OUTCOME_OTHER_FEE_UNPAID, D(2025, 10, 27)), today, c,
                kFailed,
                "案件 2025-0001 在 2025-10-27 没有进行中的缴费期限（没有等待"
                "缴费的收费通知）");
  ASSERT_THAT(
      Apply(Answer(v1::OUTCOME_OTHER_CORRECTION_LAPSED, D(2025, 10, 27)), today,
            c),
      IsOk());
  EXPECT_EQ(c.conclusion().kind(), v1::CONCLUSION_KIND_CORRECTION_LAPSED);
  EXPECT_EQ(c.conclusion().dispositions_size(), 0);
  EXPECT_EQ(Id(c.conclusion().outcome()), "other_correction_lapsed");
}

// ---- CorrectConclusion ----------------------------------------------------

v1::CorrectConclusionRequest Correction(const v1::Conclusion& k,
                                        const std::string& reason) {
  v1::CorrectConclusionRequest r;
  r.set_number("2025-0001");
  *r.mutable_conclusion() = k;
  r.set_reason(reason);
  return r;
}

TEST(ConclusionStepsTest, CorrectionRecordsItsReasonAndEveryChangedField) {
  v1::Case c = Concluded(D(2025, 10, 20));
  const Day today = D(2025, 11, 3);
  v1::Conclusion k = c.conclusion();
  *k.mutable_served() = ToProtoDate(D(2025, 10, 31));
  k.mutable_dispositions(0)->set_outcome(
      v1::OUTCOME_WITHHELD_PROCESS_INFORMATION);
  k.clear_kind();  // keeps the recorded kind

  ExpectRefused(Correction(k, ""), today, c, kInvalid,
                "reason: 须写明更正办结记录的理由");
  auto event = Apply(Correction(k, "送达回证显示10月31日签收"), today, c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_CONCLUSION_CORRECTED);
  EXPECT_EQ(event->reason(), "送达回证显示10月31日签收");
  EXPECT_THAT(
      Changes(*event),
      ElementsAreArray(Pairs{
          {"conclusion.dispositions[item=1]",
           "disclosed→withheld_process_information"},
          {"conclusion.derived_outcome",
           "disclosed→withheld_process_information"},
          {"conclusion.outcome", "disclosed→withheld_process_information"},
          {"conclusion.legal_basis",
           "→《中华人民共和国政府信息公开条例》第十六条第二款"},
          {"conclusion.served", "2025-10-20→2025-10-31"},
          {"conclusion.served_late", "→true"},
      }));
  EXPECT_EQ(c.status(), v1::CASE_STATUS_CONCLUDED);

  ExpectRefused(Correction(c.conclusion(), "再次核对"), today, c, kInvalid,
                "conclusion: 更正内容与原记录相同，没有改动");
  v1::Conclusion not_held = c.conclusion();
  not_held.mutable_dispositions(0)->set_outcome(
      v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  ExpectRefused(Correction(not_held, "经核查本机关不掌握"), today, c, kInvalid,
                "conclusion.not_held_reason: 本机关不掌握相关政府信息须写明"
                "原因（可选值：does_not_exist, other_agency）");
  v1::Conclusion future = c.conclusion();
  *future.mutable_served() = ToProtoDate(D(2025, 11, 4));
  ExpectRefused(Correction(future, "x"), today, c, kInvalid,
                "conclusion.served: 2025-11-04 晚于今天（2025-11-03）");
}

TEST(ConclusionStepsTest, OnlyAConcludedCaseIsCorrected) {
  const v1::Case open = CaseReceived(D(2025, 9, 26));
  const v1::Conclusion k = Concluded(D(2025, 10, 20)).conclusion();
  ExpectRefused(Correction(k, "更正"), D(2025, 10, 21), open, kFailed,
                "案件 2025-0001 尚未办结；请先办结（更正只能修改已有的办结"
                "记录）");
  v1::CorrectConclusionRequest no_conclusion = Correction(k, "更正");
  no_conclusion.clear_conclusion();
  ExpectRefused(no_conclusion, D(2025, 10, 21), Concluded(D(2025, 10, 20)),
                kInvalid, "conclusion: 必须填写（更正后的完整办结记录）");
}

TEST(ConclusionStepsTest, CorrectionCanTurnAWithdrawalIntoAnAnswer) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  ASSERT_THAT(Apply(Withdrawal(D(2025, 10, 15)), D(2025, 10, 15), c), IsOk());
  v1::Conclusion k;
  k.set_kind(v1::CONCLUSION_KIND_ANSWERED);
  v1::ItemDisposition* d = k.add_dispositions();
  d->set_item(1);
  d->set_outcome(v1::OUTCOME_NOT_PROCESSED_DUPLICATE);
  k.set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  *k.mutable_served() = ToProtoDate(D(2025, 10, 15));
  auto event = Apply(Correction(k, "误登记为撤回，实为重复申请告知"),
                     D(2025, 10, 16), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(
      Changes(*event),
      ElementsAreArray(Pairs{
          {"conclusion.kind", "withdrawn→answered"},
          {"conclusion.dispositions[item=1]", "→not_processed_duplicate"},
          {"conclusion.derived_outcome", "other→not_processed_duplicate"},
          {"conclusion.outcome", "other→not_processed_duplicate"},
          {"conclusion.note", "申请人撤回申请→"},
          {"conclusion.service_method", "→signed_in_person"},
      }));
}

// ---- RecordReAnswer -------------------------------------------------------

// Concluded 不予公开 on 10-20; review R1 decided 撤销 on 12-10; lawsuit L1
// after it, appeal decided 2026-03-02.
v1::Case ContestedCase() {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  EXPECT_THAT(Apply(Answer(v1::OUTCOME_WITHHELD_STATE_SECRET, D(2025, 10, 20)),
                    D(2025, 10, 20), c),
              IsOk());
  v1::Review* review = c.add_reviews();
  review->set_id("2025-0001-R1");
  review->set_organ("聊城市人民政府");
  *review->mutable_filed() = ToProtoDate(D(2025, 11, 3));
  review->set_decision(v1::PROCEEDING_DECISION_REVOKED);
  *review->mutable_decided() = ToProtoDate(D(2025, 12, 10));
  v1::Lawsuit* lawsuit = c.add_lawsuits();
  lawsuit->set_id("2025-0001-L1");
  lawsuit->set_court("聊城市东昌府区人民法院");
  *lawsuit->mutable_filed() = ToProtoDate(D(2025, 12, 20));
  lawsuit->mutable_first_instance()->set_decision(
      v1::PROCEEDING_DECISION_CLAIM_DISMISSED);
  *lawsuit->mutable_first_instance()->mutable_date() =
      ToProtoDate(D(2026, 1, 20));
  lawsuit->mutable_appeal()->mutable_result()->set_decision(
      v1::PROCEEDING_DECISION_ORDERED_TO_PERFORM);
  *lawsuit->mutable_appeal()->mutable_result()->mutable_date() =
      ToProtoDate(D(2026, 3, 2));
  return c;
}

v1::RecordReAnswerRequest ReAnswer(const std::string& ordered_by) {
  v1::RecordReAnswerRequest r;
  r.set_number("2025-0001");
  r.set_ordered_by(ordered_by);
  return r;
}

v1::RecordReAnswerRequest NewAnswer(const std::string& ordered_by, Day served,
                                    v1::Outcome outcome) {
  v1::RecordReAnswerRequest r = ReAnswer(ordered_by);
  *r.mutable_served() = ToProtoDate(served);
  r.set_outcome(outcome);
  r.set_service_method(v1::SERVICE_METHOD_SIGNED_IN_PERSON);
  return r;
}

TEST(ConclusionStepsTest, ReAnswerIsOrderedThenServedAndKeepsTheOutcome) {
  v1::Case c = ContestedCase();
  const Day today = D(2026, 1, 15);
  ExpectRefused(ReAnswer("2025-0001-R1"), today, c, kInvalid,
                "due: 必须填写：2025-0001-R1 的决定为重新答复确定的期限");

  v1::RecordReAnswerRequest order = ReAnswer("2025-0001-R1");
  *order.mutable_due() = ToProtoDate(D(2026, 1, 9));
  auto ordered = Apply(order, D(2025, 12, 11), c);
  ASSERT_THAT(ordered, IsOk());
  EXPECT_EQ(ordered->type(), v1::CASE_EVENT_TYPE_REANSWER_ORDERED);
  EXPECT_THAT(Changes(*ordered),
              ElementsAreArray(Pairs{
                  {"re_answers[id=1].ordered_by", "→2025-0001-R1"},
                  {"re_answers[id=1].ordered", "→2025-12-10"},
                  {"re_answers[id=1].due", "→2026-01-09"},
              }));
  ExpectRefused(
      order, today, c, kFailed,
      "案件 2025-0001 已记录 2025-0001-R1 的责令重新答复（重新答复 1，"
      "期限 2026-01-09），请用 served 记录重新答复的送达");

  auto answered =
      Apply(NewAnswer("2025-0001-R1", D(2026, 1, 12), v1::OUTCOME_DISCLOSED),
            today, c);
  ASSERT_THAT(answered, IsOk());
  EXPECT_EQ(answered->type(), v1::CASE_EVENT_TYPE_REANSWERED);
  EXPECT_THAT(Changes(*answered),
              ElementsAreArray(Pairs{
                  {"re_answers[id=1].outcome", "→disclosed"},
                  {"re_answers[id=1].service_method", "→signed_in_person"},
                  {"re_answers[id=1].served", "→2026-01-12"},
                  {"re_answers[id=1].served_late", "→true"},
              }));
  ASSERT_EQ(c.re_answers_size(), 1);
  EXPECT_TRUE(c.re_answers(0).served_late());
  // The report counts the first conclusion.
  EXPECT_EQ(Id(c.conclusion().outcome()), "withheld_state_secret");

  ExpectRefused(
      NewAnswer("2025-0001-R1", D(2026, 1, 13), v1::OUTCOME_DISCLOSED), today,
      c, kFailed,
      "案件 2025-0001 已记录 2025-0001-R1 责令的重新答复（重新答复 1，"
      "送达日期 2026-01-12）");
}

TEST(ConclusionStepsTest, ReAnswerCompletesThePendingOrderOfAProceeding) {
  v1::Case c = ContestedCase();
  // The order as the proceedings service records it with the judgment.
  v1::ReAnswer* pending = c.add_re_answers();
  pending->set_id(1);
  pending->set_ordered_by("2025-0001-L1");
  *pending->mutable_ordered() = ToProtoDate(D(2026, 3, 2));
  *pending->mutable_due() = ToProtoDate(D(2026, 4, 1));

  v1::RecordReAnswerRequest r = NewAnswer("2025-0001-L1", D(2026, 3, 20),
                                          v1::OUTCOME_PARTIALLY_DISCLOSED);
  r.set_note("按二审判决重新答复");
  auto event = Apply(r, D(2026, 3, 20), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->type(), v1::CASE_EVENT_TYPE_REANSWERED);
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"re_answers[id=1].outcome", "→partially_disclosed"},
                  {"re_answers[id=1].service_method", "→signed_in_person"},
                  {"re_answers[id=1].served", "→2026-03-20"},
                  {"re_answers[id=1].note", "→按二审判决重新答复"},
              }));
  ASSERT_EQ(c.re_answers_size(), 1);
  EXPECT_FALSE(c.re_answers(0).served_late());

  // A new order of the review gets the next id; ordered defaults to the
  // review's decision date, and the answer may come in the same call.
  v1::RecordReAnswerRequest both =
      NewAnswer("2025-0001-R1", D(2026, 1, 5), v1::OUTCOME_DISCLOSED);
  *both.mutable_due() = ToProtoDate(D(2026, 1, 9));
  event = Apply(both, D(2026, 3, 20), c);
  ASSERT_THAT(event, IsOk());
  EXPECT_THAT(Changes(*event),
              ElementsAreArray(Pairs{
                  {"re_answers[id=2].ordered_by", "→2025-0001-R1"},
                  {"re_answers[id=2].ordered", "→2025-12-10"},
                  {"re_answers[id=2].due", "→2026-01-09"},
                  {"re_answers[id=2].outcome", "→disclosed"},
                  {"re_answers[id=2].service_method", "→signed_in_person"},
                  {"re_answers[id=2].served", "→2026-01-05"},
              }));
}

TEST(ConclusionStepsTest, ReAnswerNamesAProceedingOfTheCase) {
  const v1::Case c = ContestedCase();
  const Day today = D(2026, 3, 20);
  ExpectRefused(ReAnswer(""), today, c, kInvalid,
                "ordered_by: 必须填写（责令重新答复的行政复议或行政诉讼"
                "编号）");
  for (const char* id : {"R1", "2025-0002-R1", "2025-0001-X1", "2025-0001-R0",
                         "2025-0001-R1a"}) {
    ExpectRefused(ReAnswer(id), today, c, kInvalid,
                  absl::StrCat("ordered_by: \"", id,
                               "\" 不是案件 2025-0001 的行政复议或行政诉讼"
                               "编号（2025-0001-R1、2025-0001-L1 等）"));
  }
  ExpectRefused(ReAnswer("2025-0001-R2"), today, c, absl::StatusCode::kNotFound,
                "案件 2025-0001 没有行政复议 2025-0001-R2");
  ExpectRefused(ReAnswer("2025-0001-L3"), today, c, absl::StatusCode::kNotFound,
                "案件 2025-0001 没有行政诉讼 2025-0001-L3");

  v1::RecordReAnswerRequest early = ReAnswer("2025-0001-R1");
  *early.mutable_ordered() = ToProtoDate(D(2025, 10, 19));
  *early.mutable_due() = ToProtoDate(D(2025, 11, 19));
  ExpectRefused(early, today, c, kFailed,
                "ordered: 2025-10-19 早于本案办结日期（2025-10-20）");
  v1::RecordReAnswerRequest outcome_only = ReAnswer("2025-0001-R1");
  *outcome_only.mutable_due() = ToProtoDate(D(2026, 1, 9));
  outcome_only.set_outcome(v1::OUTCOME_DISCLOSED);
  ExpectRefused(outcome_only, today, c, kInvalid,
                "outcome: 只能与 served（重新答复的送达日期）一并填写");
  v1::RecordReAnswerRequest bad_method =
      NewAnswer("2025-0001-R1", D(2026, 1, 5), v1::OUTCOME_DISCLOSED);
  *bad_method.mutable_due() = ToProtoDate(D(2026, 1, 9));
  bad_method.set_service_method(static_cast<v1::ServiceMethod>(77));
  ExpectRefused(bad_method, today, c, kInvalid,
                "service_method: 未知的送达方式 77");
  v1::RecordReAnswerRequest before_order =
      NewAnswer("2025-0001-R1", D(2025, 12, 9), v1::OUTCOME_DISCLOSED);
  *before_order.mutable_due() = ToProtoDate(D(2026, 1, 9));
  ExpectRefused(before_order, today, c, kInvalid,
                "served: 2025-12-09 早于 ordered（2025-12-10）");

  ExpectRefused(ReAnswer("2025-0001-R1"), today, CaseReceived(D(2025, 9, 26)),
                kFailed,
                "案件 2025-0001 尚未办结；只有已作出答复的案件才会被责令"
                "重新答复");
}

// Without service_method an answer counts as served the way the applicant
// asked to receive it (README; DefaultServiceMethod): the server applies the
// rule, so every client gets it.
TEST(ConclusionStepsTest,
     AnAnswerWithoutServiceMethodIsServedAsTheApplicantAsked) {
  const Day served = D(2025, 10, 20);
  struct Row {
    v1::DeliveryMethod delivery;
    v1::ServiceMethod expected;
  };
  for (const Row& row : std::vector<Row>{
           {v1::DELIVERY_METHOD_UNSPECIFIED,
            v1::SERVICE_METHOD_SIGNED_IN_PERSON},
           {v1::DELIVERY_METHOD_SELF_PICKUP,
            v1::SERVICE_METHOD_SIGNED_IN_PERSON},
           {v1::DELIVERY_METHOD_POST, v1::SERVICE_METHOD_POSTED},
           {v1::DELIVERY_METHOD_EMAIL, v1::SERVICE_METHOD_ELECTRONIC},
           {v1::DELIVERY_METHOD_ONLINE_PLATFORM, v1::SERVICE_METHOD_ELECTRONIC},
           {v1::DELIVERY_METHOD_FAX, v1::SERVICE_METHOD_ELECTRONIC},
       }) {
    SCOPED_TRACE(row.delivery);
    v1::Case c = CaseReceived(D(2025, 9, 26));
    c.set_delivery_method(row.delivery);
    v1::ConcludeCaseRequest r = Answer(v1::OUTCOME_DISCLOSED, served);
    r.clear_service_method();
    ASSERT_THAT(Apply(r, served, c), IsOk());
    EXPECT_EQ(c.conclusion().service_method(), row.expected);
  }
  // A method given is kept whatever the delivery asked for.
  v1::Case c = CaseReceived(D(2025, 9, 26));
  c.set_delivery_method(v1::DELIVERY_METHOD_EMAIL);
  ASSERT_THAT(Apply(Answer(v1::OUTCOME_DISCLOSED, served), served, c), IsOk());
  EXPECT_EQ(c.conclusion().service_method(), v1::SERVICE_METHOD_POSTED);
}

TEST(ConclusionStepsTest, ReAnswerAndCorrectionDefaultTheServiceMethodToo) {
  v1::Case c = ContestedCase();
  c.set_delivery_method(v1::DELIVERY_METHOD_POST);
  v1::RecordReAnswerRequest r =
      NewAnswer("2025-0001-R1", D(2026, 1, 5), v1::OUTCOME_DISCLOSED);
  *r.mutable_due() = ToProtoDate(D(2026, 1, 9));
  r.clear_service_method();
  ASSERT_THAT(Apply(r, D(2026, 1, 15), c), IsOk());
  ASSERT_EQ(c.re_answers_size(), 1);
  EXPECT_EQ(c.re_answers(0).service_method(), v1::SERVICE_METHOD_POSTED);

  // The applicant's request is corrected to e-mail; a corrected conclusion
  // without a method follows it.
  c.set_delivery_method(v1::DELIVERY_METHOD_EMAIL);
  v1::Conclusion k = c.conclusion();
  k.set_service_method(v1::SERVICE_METHOD_UNSPECIFIED);
  v1::CorrectConclusionRequest correction;
  correction.set_number("2025-0001");
  *correction.mutable_conclusion() = k;
  correction.set_reason("送达方式登记有误");
  ASSERT_THAT(Apply(correction, D(2026, 1, 15), c), IsOk());
  EXPECT_EQ(c.conclusion().service_method(), v1::SERVICE_METHOD_ELECTRONIC);
}

TEST(ConclusionStepsTest, ALapseWithoutADateIsConfirmedToday) {
  v1::Case c = CaseReceived(D(2025, 9, 26));
  SetCorrection(c, D(2025, 10, 9), D(2025, 10, 24));
  v1::ConfirmLapseRequest r = Lapse(D(2025, 10, 27));
  r.clear_concluded();
  // Today is still inside the window: refused naming the default date.
  ExpectRefused(r, D(2025, 10, 24), c, kFailed,
                "concluded: 2025-10-24 仍在申请人的补正期限内（2025-10-24 "
                "届满），届满之后才能确认逾期");
  ASSERT_THAT(Apply(r, D(2025, 10, 28), c), IsOk());
  EXPECT_EQ(FormatIsoDate(c.conclusion().served()), "2025-10-28");
  EXPECT_EQ(c.conclusion().service_method(), v1::SERVICE_METHOD_UNSPECIFIED);
}

}  // namespace
}  // namespace ogi
