#include "services/outcomes/outcome_rules.h"

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "tests/common/status_matchers.h"

// The table-三 vocabulary (SPEC §2), rule 2 of SPEC §4 and the details each
// outcome requires, checked against the texts of the law and the report
// format rather than against the implementation's tables.

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAreArray;

std::string Id(v1::Outcome outcome) {
  return EnumIdentifier(v1::Outcome_descriptor(), outcome);
}

struct RowCase {
  v1::Outcome outcome;
  OutcomeGroup group;
  const char* group_name;
  const char* row_label;  // as table 三 prints the row
};

// Table 三, row 三, top to bottom (cf. the reference report).
const RowCase kTableThree[] = {
    {v1::OUTCOME_DISCLOSED, OutcomeGroup::kDisclosed, "予以公开",
     "（一）予以公开"},
    {v1::OUTCOME_PARTIALLY_DISCLOSED, OutcomeGroup::kPartiallyDisclosed,
     "部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {v1::OUTCOME_WITHHELD_STATE_SECRET, OutcomeGroup::kWithheld, "不予公开",
     "1.属于国家秘密"},
    {v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW, OutcomeGroup::kWithheld,
     "不予公开", "2.其他法律行政法规禁止公开"},
    {v1::OUTCOME_WITHHELD_SECURITY_STABILITY, OutcomeGroup::kWithheld,
     "不予公开", "3.危及“三安全一稳定”"},
    {v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS, OutcomeGroup::kWithheld,
     "不予公开", "4.保护第三方合法权益"},
    {v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS, OutcomeGroup::kWithheld, "不予公开",
     "5.属于三类内部事务信息"},
    {v1::OUTCOME_WITHHELD_PROCESS_INFORMATION, OutcomeGroup::kWithheld,
     "不予公开", "6.属于四类过程性信息"},
    {v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE, OutcomeGroup::kWithheld, "不予公开",
     "7.属于行政执法案卷"},
    {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY, OutcomeGroup::kWithheld,
     "不予公开", "8.属于行政查询事项"},
    {v1::OUTCOME_UNAVAILABLE_NOT_HELD, OutcomeGroup::kUnavailable, "无法提供",
     "1.本机关不掌握相关政府信息"},
    {v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION, OutcomeGroup::kUnavailable,
     "无法提供", "2.没有现成信息需要另行制作"},
    {v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR, OutcomeGroup::kUnavailable,
     "无法提供", "3.补正后申请内容仍不明确"},
    {v1::OUTCOME_NOT_PROCESSED_COMPLAINT, OutcomeGroup::kNotProcessed,
     "不予处理", "1.信访举报投诉类申请"},
    {v1::OUTCOME_NOT_PROCESSED_DUPLICATE, OutcomeGroup::kNotProcessed,
     "不予处理", "2.重复申请"},
    {v1::OUTCOME_NOT_PROCESSED_PUBLICATION, OutcomeGroup::kNotProcessed,
     "不予处理", "3.要求提供公开出版物"},
    {v1::OUTCOME_NOT_PROCESSED_EXCESSIVE, OutcomeGroup::kNotProcessed,
     "不予处理", "4.无正当理由大量反复申请"},
    {v1::OUTCOME_NOT_PROCESSED_CONFIRMATION, OutcomeGroup::kNotProcessed,
     "不予处理", "5.要求行政机关确认或重新出具已获取信息"},
    {v1::OUTCOME_OTHER_CORRECTION_LAPSED, OutcomeGroup::kOtherHandling,
     "其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {v1::OUTCOME_OTHER_FEE_UNPAID, OutcomeGroup::kOtherHandling, "其他处理",
     "2."
     "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {v1::OUTCOME_OTHER, OutcomeGroup::kOtherHandling, "其他处理", "3.其他"},
};

TEST(OutcomeRulesTest, EachOutcomeHasItsRowAndGroupInTableThree) {
  std::vector<v1::Outcome> order;
  for (const RowCase& row : kTableThree) {
    SCOPED_TRACE(Id(row.outcome));
    order.push_back(row.outcome);
    EXPECT_EQ(GroupOf(row.outcome), row.group);
    EXPECT_EQ(OutcomeGroupName(row.group), row.group_name);
    EXPECT_EQ(OutcomeRowLabel(row.outcome), row.row_label);
  }
  EXPECT_THAT(OutcomesInReportOrder(), ElementsAreArray(order));
  EXPECT_EQ(GroupOf(v1::OUTCOME_UNSPECIFIED), OutcomeGroup::kUnspecified);
  EXPECT_EQ(OutcomeRowLabel(v1::OUTCOME_UNSPECIFIED), "");
}

TEST(OutcomeRulesTest, GroupLabelsAreTheReportsGroupRows) {
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kDisclosed), "（一）予以公开");
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kWithheld), "（三）不予公开");
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kUnavailable), "（四）无法提供");
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kNotProcessed), "（五）不予处理");
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kOtherHandling), "（六）其他处理");
  EXPECT_EQ(OutcomeGroupLabel(OutcomeGroup::kUnspecified), "");
  EXPECT_EQ(OutcomeLeafNumber(v1::OUTCOME_DISCLOSED), 0);
  EXPECT_EQ(OutcomeLeafNumber(v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY), 8);
  EXPECT_EQ(OutcomeLeafNumber(v1::OUTCOME_OTHER), 3);
}

TEST(OutcomeRulesTest, DefaultLegalBasisIsTheArticleOfSpecTable) {
  const std::string regs = "《中华人民共和国政府信息公开条例》";
  const struct {
    v1::Outcome outcome;
    std::string basis;
  } kCases[] = {
      {v1::OUTCOME_DISCLOSED, regs + "第三十六条第（一）项、第（二）项"},
      {v1::OUTCOME_PARTIALLY_DISCLOSED, regs + "第三十七条"},
      {v1::OUTCOME_WITHHELD_STATE_SECRET, regs + "第十四条"},
      {v1::OUTCOME_WITHHELD_SECURITY_STABILITY, regs + "第十四条"},
      {v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS, regs + "第十五条"},
      {v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS, regs + "第十六条第一款"},
      {v1::OUTCOME_WITHHELD_PROCESS_INFORMATION, regs + "第十六条第二款"},
      {v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE, regs + "第十六条第二款"},
      {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY,
       regs + "第三十六条第（七）项"},
      {v1::OUTCOME_UNAVAILABLE_NOT_HELD,
       regs + "第三十六条第（四）项、第（五）项"},
      {v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION, regs + "第三十八条"},
      {v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR, regs + "第三十条"},
      {v1::OUTCOME_NOT_PROCESSED_COMPLAINT, regs + "第三十九条第一款"},
      {v1::OUTCOME_NOT_PROCESSED_DUPLICATE, regs + "第三十六条第（六）项"},
      {v1::OUTCOME_NOT_PROCESSED_PUBLICATION, regs + "第三十九条第二款"},
      {v1::OUTCOME_NOT_PROCESSED_EXCESSIVE, regs + "第三十五条"},
      {v1::OUTCOME_NOT_PROCESSED_CONFIRMATION, ""},
      {v1::OUTCOME_OTHER_CORRECTION_LAPSED, regs + "第三十条"},
      {v1::OUTCOME_OTHER_FEE_UNPAID,
       regs + "第四十二条、《政府信息公开信息处理费管理办法》"},
      {v1::OUTCOME_OTHER, ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(DefaultLegalBasis(c.outcome), c.basis) << Id(c.outcome);
  }
}

google::protobuf::RepeatedPtrField<v1::ItemDisposition> Items(
    const std::vector<v1::Outcome>& outcomes) {
  google::protobuf::RepeatedPtrField<v1::ItemDisposition> items;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    v1::ItemDisposition* d = items.Add();
    d->set_item(static_cast<int>(i) + 1);
    d->set_outcome(outcomes[i]);
  }
  return items;
}

TEST(OutcomeRulesTest, DerivationFollowsSpecRuleTwo) {
  const struct {
    const char* name;
    std::vector<v1::Outcome> items;
    int primary_item;
    v1::Outcome expected;
  } kCases[] = {
      {"one item", {v1::OUTCOME_DISCLOSED}, 0, v1::OUTCOME_DISCLOSED},
      {"all alike",
       {v1::OUTCOME_WITHHELD_STATE_SECRET, v1::OUTCOME_WITHHELD_STATE_SECRET},
       0,
       v1::OUTCOME_WITHHELD_STATE_SECRET},
      {"provided and withheld",
       {v1::OUTCOME_DISCLOSED, v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS},
       0,
       v1::OUTCOME_PARTIALLY_DISCLOSED},
      {"provided and withheld overrule the primary item",
       {v1::OUTCOME_NOT_PROCESSED_DUPLICATE,
        v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS, v1::OUTCOME_DISCLOSED},
       1,
       v1::OUTCOME_PARTIALLY_DISCLOSED},
      {"部分公开 both provides and withholds",
       {v1::OUTCOME_PARTIALLY_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD},
       0,
       v1::OUTCOME_PARTIALLY_DISCLOSED},
      {"disclosed with 部分公开",
       {v1::OUTCOME_DISCLOSED, v1::OUTCOME_PARTIALLY_DISCLOSED},
       0,
       v1::OUTCOME_PARTIALLY_DISCLOSED},
      {"provided but nothing withheld: the primary item",
       {v1::OUTCOME_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD},
       2,
       v1::OUTCOME_UNAVAILABLE_NOT_HELD},
      {"the other primary item",
       {v1::OUTCOME_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD},
       1,
       v1::OUTCOME_DISCLOSED},
      {"withheld but nothing provided: the primary item",
       {v1::OUTCOME_UNAVAILABLE_NOT_HELD, v1::OUTCOME_WITHHELD_STATE_SECRET},
       2,
       v1::OUTCOME_WITHHELD_STATE_SECRET},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<v1::Outcome> derived =
        DeriveOutcome(Items(c.items), c.primary_item);
    ASSERT_THAT(derived, IsOk());
    EXPECT_EQ(Id(*derived), Id(c.expected));
  }
}

TEST(OutcomeRulesTest, MixedItemsWithoutPrimaryItemAreRefused) {
  EXPECT_THAT(
      DeriveOutcome(
          Items({v1::OUTCOME_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD}), 0,
          "conclusion."),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "conclusion.primary_item: 必须填写：各事项的办理结果不同，又不"
               "属于既有提供又有不予公开的情形，须指定案件据以统计的主要事项"));
}

TEST(OutcomeRulesTest, DispositionsCoverEachItemOnce) {
  auto with = [](std::vector<std::pair<int, v1::Outcome>> items) {
    google::protobuf::RepeatedPtrField<v1::ItemDisposition> result;
    for (const auto& [item, outcome] : items) {
      v1::ItemDisposition* d = result.Add();
      d->set_item(item);
      d->set_outcome(outcome);
    }
    return result;
  };
  const v1::Outcome kD = v1::OUTCOME_DISCLOSED;
  const struct {
    google::protobuf::RepeatedPtrField<v1::ItemDisposition> items;
    std::string message;  // "" for OK
  } kCases[] = {
      {with({{2, kD}, {1, kD}}), ""},
      {with({{0, kD}, {1, kD}}), "dispositions: 事项 0 不是本案的事项（1..2）"},
      {with({{1, kD}, {3, kD}}), "dispositions: 事项 3 不是本案的事项（1..2）"},
      {with({{1, kD}, {1, kD}}), "dispositions: 事项 1 重复出现"},
      {with({{2, kD}}),
       "dispositions: 本案每个事项（1..2）各须一项，缺少事项 1"},
      {with({{1, kD}, {2, v1::OUTCOME_UNSPECIFIED}}),
       "dispositions: 事项 2 须有办理结果，可选值：" +
           absl::StrJoin(EnumIdentifiers(v1::Outcome_descriptor()), ", ")},
      {with({{1, kD}, {2, v1::OUTCOME_OTHER_FEE_UNPAID}}),
       "dispositions: 事项 2：other_fee_unpaid 针对整个申请，请作为案件的"
       "办理结果填写"},
  };
  for (const auto& c : kCases) {
    if (c.message.empty()) {
      EXPECT_THAT(ValidateDispositions(c.items, 2), IsOk());
    } else {
      EXPECT_THAT(ValidateDispositions(c.items, 2),
                  StatusIs(absl::StatusCode::kInvalidArgument, c.message));
    }
  }
}

// A complete conclusion with `outcome` for a one-item case: each detail the
// outcome needs is filled in.
v1::Conclusion Complete(v1::Outcome outcome) {
  v1::Conclusion c;
  if (outcome == v1::OUTCOME_OTHER_CORRECTION_LAPSED) {
    c.set_kind(v1::CONCLUSION_KIND_CORRECTION_LAPSED);
  } else if (outcome == v1::OUTCOME_OTHER_FEE_UNPAID) {
    c.set_kind(v1::CONCLUSION_KIND_FEE_UNPAID);
  } else {
    c.set_kind(v1::CONCLUSION_KIND_ANSWERED);
    v1::ItemDisposition* d = c.add_dispositions();
    d->set_item(1);
    d->set_outcome(outcome);
    c.set_service_method(v1::SERVICE_METHOD_POSTED);
  }
  if (outcome == v1::OUTCOME_UNAVAILABLE_NOT_HELD) {
    c.set_not_held_reason(v1::NOT_HELD_REASON_OTHER_AGENCY);
    c.set_responsible_agency("聊城市自然资源和规划局");
  }
  if (outcome == v1::OUTCOME_PARTIALLY_DISCLOSED) {
    c.set_provided_summary("2021年度许可清单");
    c.set_withheld_summary("申请人身份证号码等个人信息");
  }
  if (outcome == v1::OUTCOME_OTHER) c.set_note("申请人无法联系");
  *c.mutable_served() = ToProtoDate(absl::CivilDay(2025, 10, 20));
  return c;
}

using Strip = std::function<void(v1::Conclusion&)>;

// Every outcome: complete, it is accepted with the legal basis SPEC §2
// gives withheld outcomes; without the detail the law requires, it is
// refused naming that detail.
TEST(OutcomeRulesTest, EachOutcomeRequiresItsDetails) {
  const std::string regs = "《中华人民共和国政府信息公开条例》";
  const Strip no_method = [](v1::Conclusion& c) { c.clear_service_method(); };
  const Strip no_served = [](v1::Conclusion& c) { c.clear_served(); };
  const std::string method_message =
      "service_method: 作出答复时必须填写（可选值：signed_in_person, "
      "signed_by_entrusted, posted, electronic）";
  const std::string served_message =
      "served: 必须填写（申请人收到答复或答复交邮的日期，即办结日期）";
  const struct {
    v1::Outcome outcome;
    std::string legal_basis;  // filled in when the request leaves it empty
    Strip strip;
    std::string message;
  } kCases[] = {
      {v1::OUTCOME_DISCLOSED, "", no_method, method_message},
      {v1::OUTCOME_PARTIALLY_DISCLOSED, regs + "第三十七条",
       [](v1::Conclusion& c) { c.clear_provided_summary(); },
       "provided_summary: 部分公开须写明提供的信息"},
      {v1::OUTCOME_PARTIALLY_DISCLOSED, regs + "第三十七条",
       [](v1::Conclusion& c) { c.clear_withheld_summary(); },
       "withheld_summary: 部分公开须写明不予公开的信息"},
      {v1::OUTCOME_WITHHELD_STATE_SECRET, regs + "第十四条", no_method,
       method_message},
      {v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW, regs + "第十四条", no_served,
       served_message},
      {v1::OUTCOME_WITHHELD_SECURITY_STABILITY, regs + "第十四条", no_method,
       method_message},
      {v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS, regs + "第十五条", no_served,
       served_message},
      {v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS, regs + "第十六条第一款",
       no_method, method_message},
      {v1::OUTCOME_WITHHELD_PROCESS_INFORMATION, regs + "第十六条第二款",
       no_served, served_message},
      {v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE, regs + "第十六条第二款",
       no_method, method_message},
      {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY, regs + "第三十六条第（七）项",
       no_served, served_message},
      {v1::OUTCOME_UNAVAILABLE_NOT_HELD, "",
       [](v1::Conclusion& c) {
         c.clear_not_held_reason();
         c.clear_responsible_agency();
       },
       "not_held_reason: 本机关不掌握相关政府信息须写明原因（可选值："
       "does_not_exist, other_agency）"},
      {v1::OUTCOME_UNAVAILABLE_NOT_HELD, "",
       [](v1::Conclusion& c) { c.clear_responsible_agency(); },
       "responsible_agency: 属于其他机关负责公开的，须写明负责公开该信息的"
       "机关"},
      {v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION, "", no_method, method_message},
      {v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR, "", no_served, served_message},
      {v1::OUTCOME_NOT_PROCESSED_COMPLAINT, "", no_method, method_message},
      {v1::OUTCOME_NOT_PROCESSED_DUPLICATE, "", no_served, served_message},
      {v1::OUTCOME_NOT_PROCESSED_PUBLICATION, "", no_method, method_message},
      {v1::OUTCOME_NOT_PROCESSED_EXCESSIVE, "", no_served, served_message},
      {v1::OUTCOME_NOT_PROCESSED_CONFIRMATION, "", no_method, method_message},
      {v1::OUTCOME_OTHER_CORRECTION_LAPSED, "", no_served, served_message},
      {v1::OUTCOME_OTHER_FEE_UNPAID, "", no_served, served_message},
      {v1::OUTCOME_OTHER, "", [](v1::Conclusion& c) { c.clear_note(); },
       "note: 其他处理须写明具体情况"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(Id(c.outcome));
    v1::Conclusion complete = Complete(c.outcome);
    ASSERT_THAT(CompleteConclusion(complete, 1), IsOk());
    EXPECT_EQ(Id(complete.outcome()), Id(c.outcome));
    EXPECT_EQ(Id(complete.derived_outcome()), Id(c.outcome));
    EXPECT_EQ(complete.legal_basis(), c.legal_basis);

    v1::Conclusion missing = Complete(c.outcome);
    c.strip(missing);
    EXPECT_THAT(CompleteConclusion(missing, 1),
                StatusIs(absl::StatusCode::kInvalidArgument, c.message));
  }
}

TEST(OutcomeRulesTest, ItemDispositionsNeedTheirDetailsToo) {
  // Counted under 予以公开 (the primary item), but the law still wants to
  // know why item 2 is not held.
  v1::Conclusion c = Complete(v1::OUTCOME_DISCLOSED);
  *c.mutable_dispositions() =
      Items({v1::OUTCOME_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD});
  c.set_primary_item(1);
  v1::Conclusion missing = c;
  EXPECT_THAT(CompleteConclusion(missing, 2, "conclusion."),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "conclusion.not_held_reason: 本机关不掌握相关政府信息"
                       "须写明原因（可选值：does_not_exist, other_agency）"));
  c.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
  ASSERT_THAT(CompleteConclusion(c, 2), IsOk());
  EXPECT_EQ(Id(c.outcome()), "disclosed");
  EXPECT_EQ(c.legal_basis(), "");

  // An item withheld makes the case 部分公开, which needs its summaries.
  v1::Conclusion partial = Complete(v1::OUTCOME_DISCLOSED);
  *partial.mutable_dispositions() =
      Items({v1::OUTCOME_DISCLOSED, v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS});
  EXPECT_THAT(CompleteConclusion(partial, 2),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "provided_summary, withheld_summary: "
                       "部分公开须写明提供的信息和不予公开的信息"));
}

// Every missing detail is named in one message, fields first and
// comma-separated (clients map each to their own name), one rule per outcome.
TEST(OutcomeRulesTest, MissingDetailsAreNamedTogether) {
  v1::Conclusion partial = Complete(v1::OUTCOME_PARTIALLY_DISCLOSED);
  partial.clear_provided_summary();
  partial.set_withheld_summary(" \n ");  // blank counts as missing
  EXPECT_THAT(CompleteConclusion(partial, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "provided_summary, withheld_summary: "
                       "部分公开须写明提供的信息和不予公开的信息"));

  // Three outcomes across the items, each short of its details.
  v1::Conclusion mixed = Complete(v1::OUTCOME_DISCLOSED);
  *mixed.mutable_dispositions() =
      Items({v1::OUTCOME_PARTIALLY_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD,
             v1::OUTCOME_OTHER});
  mixed.set_primary_item(1);
  mixed.set_withheld_summary("第三方商业秘密");
  EXPECT_THAT(
      CompleteConclusion(mixed, 3, "conclusion."),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "conclusion.not_held_reason, conclusion.provided_summary, "
               "conclusion.note: 本机关不掌握相关政府信息须写明原因（可选值："
               "does_not_exist, other_agency）；部分公开须写明提供的信息；"
               "其他处理须写明具体情况"));

  // Once the reason is other_agency, the agency's name is what is missing.
  mixed.set_not_held_reason(v1::NOT_HELD_REASON_OTHER_AGENCY);
  mixed.set_provided_summary("2021年度许可清单");
  mixed.set_note("申请人已撤回第3项");
  EXPECT_THAT(CompleteConclusion(mixed, 3),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "responsible_agency: 属于其他机关负责公开的，须写明负责"
                       "公开该信息的机关"));
  mixed.set_responsible_agency("聊城市自然资源和规划局");
  ASSERT_THAT(CompleteConclusion(mixed, 3), IsOk());
  EXPECT_EQ(Id(mixed.outcome()), "partially_disclosed");
}

TEST(OutcomeRulesTest, LegalBasisJoinsTheArticlesOfEveryWithheldOutcome) {
  v1::Conclusion c = Complete(v1::OUTCOME_PARTIALLY_DISCLOSED);
  c.clear_dispositions();
  const std::vector<v1::Outcome> items = {
      v1::OUTCOME_DISCLOSED, v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS,
      v1::OUTCOME_WITHHELD_STATE_SECRET,
      v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW};
  *c.mutable_dispositions() = Items(items);
  v1::Conclusion given = c;
  ASSERT_THAT(CompleteConclusion(c, 4), IsOk());
  EXPECT_EQ(Id(c.outcome()), "partially_disclosed");
  EXPECT_EQ(c.legal_basis(),
            "《中华人民共和国政府信息公开条例》第三十七条、第十五条、第十四条");

  // A basis the office wrote stays as written.
  given.set_legal_basis(
      "《中华人民共和国政府信息公开条例》第十五条、第三十七条");
  ASSERT_THAT(CompleteConclusion(given, 4), IsOk());
  EXPECT_EQ(given.legal_basis(),
            "《中华人民共和国政府信息公开条例》第十五条、第三十七条");
}

TEST(OutcomeRulesTest, OverrideNeedsAReasonAndReplacesTheDerivedOutcome) {
  v1::Conclusion base = Complete(v1::OUTCOME_DISCLOSED);
  base.clear_dispositions();
  *base.mutable_dispositions() =
      Items({v1::OUTCOME_DISCLOSED, v1::OUTCOME_UNAVAILABLE_NOT_HELD});
  base.set_primary_item(2);
  base.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);

  const struct {
    const char* name;
    v1::Outcome override_outcome;
    const char* reason;
    std::string message;  // "" for OK
  } kCases[] = {
      {"override without reason", v1::OUTCOME_DISCLOSED, "",
       "override_reason: 以 disclosed 改定推定的办理结果 "
       "unavailable_not_held 时必须写明理由"},
      {"reason without override", v1::OUTCOME_UNSPECIFIED, "主要事项已公开",
       "override_outcome: 填写 override_reason 时必须填写（取代推定结果的"
       "办理结果）"},
      {"override equal to the derived outcome",
       v1::OUTCOME_UNAVAILABLE_NOT_HELD, "同上",
       "override_outcome: 与推定的办理结果 unavailable_not_held 相同，无需"
       "填写"},
      {"override to a lapse", v1::OUTCOME_OTHER_CORRECTION_LAPSED, "未补正",
       "override_outcome: other_correction_lapsed 只能在申请人期限届满后"
       "得出，请直接以该结果办结"},
      {"override with reason", v1::OUTCOME_DISCLOSED, "主要事项已公开", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    v1::Conclusion k = base;
    k.set_override_outcome(c.override_outcome);
    k.set_override_reason(c.reason);
    if (c.message.empty()) {
      ASSERT_THAT(CompleteConclusion(k, 2), IsOk());
      EXPECT_EQ(Id(k.derived_outcome()), "unavailable_not_held");
      EXPECT_EQ(Id(k.outcome()), "disclosed");
    } else {
      EXPECT_THAT(CompleteConclusion(k, 2),
                  StatusIs(absl::StatusCode::kInvalidArgument, c.message));
    }
  }
}

TEST(OutcomeRulesTest, WithdrawalConcludesAsOtherWithDefaultNote) {
  v1::Conclusion k;
  k.set_kind(v1::CONCLUSION_KIND_WITHDRAWN);
  *k.mutable_served() = ToProtoDate(absl::CivilDay(2025, 10, 15));
  ASSERT_THAT(CompleteConclusion(k, 1), IsOk());
  EXPECT_EQ(Id(k.outcome()), "other");
  EXPECT_EQ(k.note(), "申请人撤回申请");

  v1::Conclusion with_items = k;
  *with_items.mutable_dispositions() = Items({v1::OUTCOME_DISCLOSED});
  EXPECT_THAT(CompleteConclusion(with_items, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "dispositions: 只有作出答复（answered）才有逐项答复，"
                       "withdrawn 没有"));
  v1::Conclusion overridden = k;
  overridden.set_override_outcome(v1::OUTCOME_DISCLOSED);
  overridden.set_override_reason("x");
  EXPECT_THAT(CompleteConclusion(overridden, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "override_outcome: 只有作出答复时推定的办理结果可以"
                       "改定；withdrawn 的办理结果为 other"));
}

TEST(OutcomeRulesTest, DetailsThatDoNotApplyAreRefused) {
  v1::Conclusion k = Complete(v1::OUTCOME_DISCLOSED);
  k.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
  EXPECT_THAT(CompleteConclusion(k, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "not_held_reason: 仅适用于 unavailable_not_held"));

  k = Complete(v1::OUTCOME_UNAVAILABLE_NOT_HELD);
  k.set_not_held_reason(v1::NOT_HELD_REASON_DOES_NOT_EXIST);
  EXPECT_THAT(CompleteConclusion(k, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "responsible_agency: 仅在 not_held_reason 为 "
                       "other_agency 时填写"));

  k = Complete(v1::OUTCOME_DISCLOSED);
  *k.mutable_answer_date() = ToProtoDate(absl::CivilDay(2025, 10, 21));
  EXPECT_THAT(CompleteConclusion(k, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "answer_date: 2025-10-21 晚于 served（2025-10-20）"));

  k = Complete(v1::OUTCOME_DISCLOSED);
  k.clear_kind();
  EXPECT_THAT(CompleteConclusion(k, 1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "kind: 须为以下之一：answered, withdrawn, "
                       "correction_lapsed, fee_unpaid"));
}

TEST(OutcomeRulesTest, OutputOnlyFieldsAreDerivedAgain) {
  v1::Conclusion k = Complete(v1::OUTCOME_DISCLOSED);
  k.set_derived_outcome(v1::OUTCOME_OTHER);
  k.set_outcome(v1::OUTCOME_OTHER);
  k.set_served_late(true);
  *k.mutable_due_date() = ToProtoDate(absl::CivilDay(2025, 10, 1));
  ASSERT_THAT(CompleteConclusion(k, 1), IsOk());
  EXPECT_EQ(Id(k.outcome()), "disclosed");
  EXPECT_FALSE(k.served_late());
  EXPECT_FALSE(k.has_due_date());
}

}  // namespace
}  // namespace ogi
