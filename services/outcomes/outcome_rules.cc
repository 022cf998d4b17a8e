#include "services/outcomes/outcome_rules.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"

namespace ogi {
namespace {

using Dispositions = google::protobuf::RepeatedPtrField<v1::ItemDisposition>;

constexpr char kRegulations[] = "《中华人民共和国政府信息公开条例》";
constexpr char kFeeMeasures[] = "《政府信息公开信息处理费管理办法》";
constexpr char kWithdrawalNote[] = "申请人撤回申请";

// One leaf row of table 三 (SPEC §2), in report order.
struct OutcomeRow {
  v1::Outcome outcome;
  OutcomeGroup group;
  int leaf;             // 0: the group is this single row
  const char* article;  // of the Regulations; "" when none specific
};

constexpr OutcomeRow kRows[] = {
    {v1::OUTCOME_DISCLOSED, OutcomeGroup::kDisclosed, 0,
     "第三十六条第（一）项、第（二）项"},
    {v1::OUTCOME_PARTIALLY_DISCLOSED, OutcomeGroup::kPartiallyDisclosed, 0,
     "第三十七条"},
    {v1::OUTCOME_WITHHELD_STATE_SECRET, OutcomeGroup::kWithheld, 1, "第十四条"},
    {v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW, OutcomeGroup::kWithheld, 2,
     "第十四条"},
    {v1::OUTCOME_WITHHELD_SECURITY_STABILITY, OutcomeGroup::kWithheld, 3,
     "第十四条"},
    {v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS, OutcomeGroup::kWithheld, 4,
     "第十五条"},
    {v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS, OutcomeGroup::kWithheld, 5,
     "第十六条第一款"},
    {v1::OUTCOME_WITHHELD_PROCESS_INFORMATION, OutcomeGroup::kWithheld, 6,
     "第十六条第二款"},
    {v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE, OutcomeGroup::kWithheld, 7,
     "第十六条第二款"},
    {v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY, OutcomeGroup::kWithheld, 8,
     "第三十六条第（七）项"},
    {v1::OUTCOME_UNAVAILABLE_NOT_HELD, OutcomeGroup::kUnavailable, 1,
     "第三十六条第（四）项、第（五）项"},
    {v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION, OutcomeGroup::kUnavailable, 2,
     "第三十八条"},
    {v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR, OutcomeGroup::kUnavailable, 3,
     "第三十条"},
    {v1::OUTCOME_NOT_PROCESSED_COMPLAINT, OutcomeGroup::kNotProcessed, 1,
     "第三十九条第一款"},
    {v1::OUTCOME_NOT_PROCESSED_DUPLICATE, OutcomeGroup::kNotProcessed, 2,
     "第三十六条第（六）项"},
    {v1::OUTCOME_NOT_PROCESSED_PUBLICATION, OutcomeGroup::kNotProcessed, 3,
     "第三十九条第二款"},
    {v1::OUTCOME_NOT_PROCESSED_EXCESSIVE, OutcomeGroup::kNotProcessed, 4,
     "第三十五条"},
    {v1::OUTCOME_NOT_PROCESSED_CONFIRMATION, OutcomeGroup::kNotProcessed, 5,
     ""},
    {v1::OUTCOME_OTHER_CORRECTION_LAPSED, OutcomeGroup::kOtherHandling, 1,
     "第三十条"},
    {v1::OUTCOME_OTHER_FEE_UNPAID, OutcomeGroup::kOtherHandling, 2,
     "第四十二条"},
    {v1::OUTCOME_OTHER, OutcomeGroup::kOtherHandling, 3, ""},
};

const OutcomeRow* RowOf(v1::Outcome outcome) {
  for (const OutcomeRow& row : kRows) {
    if (row.outcome == outcome) return &row;
  }
  return nullptr;
}

std::string Name(v1::Outcome outcome) {
  return EnumIdentifier(v1::Outcome_descriptor(), outcome);
}

// "可选值：disclosed, partially_disclosed, ..." for `type`.
std::string OneOf(const google::protobuf::EnumDescriptor* type) {
  return absl::StrCat("可选值：", absl::StrJoin(EnumIdentifiers(type), ", "));
}

// An optional free-text detail: valid when given.
absl::Status OptionalText(const std::string& text, absl::string_view prefix,
                          absl::string_view field, int max_length,
                          bool multiline) {
  if (text.empty()) return absl::OkStatus();
  return ValidateText(text, absl::StrCat(prefix, field), max_length, multiline);
}

v1::Outcome LapseOutcomeOf(v1::ConclusionKind kind) {
  switch (kind) {
    case v1::CONCLUSION_KIND_CORRECTION_LAPSED:
      return v1::OUTCOME_OTHER_CORRECTION_LAPSED;
    case v1::CONCLUSION_KIND_FEE_UNPAID:
      return v1::OUTCOME_OTHER_FEE_UNPAID;
    default:
      return v1::OUTCOME_UNSPECIFIED;
  }
}

// kind, dispositions, primary_item, override: sets derived_outcome and
// outcome.
absl::Status DeriveConclusionOutcome(v1::Conclusion& c, int item_count,
                                     absl::string_view prefix) {
  if (c.kind() == v1::CONCLUSION_KIND_UNSPECIFIED ||
      !v1::ConclusionKind_IsValid(c.kind())) {
    return InvalidField(
        absl::StrCat(prefix, "kind"),
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::ConclusionKind_descriptor()),
                          ", ")));
  }
  if (c.kind() != v1::CONCLUSION_KIND_ANSWERED) {
    const std::string kind =
        EnumIdentifier(v1::ConclusionKind_descriptor(), c.kind());
    if (c.dispositions_size() > 0) {
      return InvalidField(absl::StrCat(prefix, "dispositions"),
                          absl::StrCat("只有作出答复（answered）才有逐项答复，",
                                       kind, " 没有"));
    }
    if (c.primary_item() != 0) {
      return InvalidField(absl::StrCat(prefix, "primary_item"),
                          absl::StrCat("只有作出答复（answered）才有主要事项，",
                                       kind, " 没有"));
    }
    if (c.override_outcome() != v1::OUTCOME_UNSPECIFIED ||
        !c.override_reason().empty()) {
      return InvalidField(absl::StrCat(prefix, "override_outcome"),
                          absl::StrCat("只有作出答复时推定的办理结果可以改定；",
                                       kind, " 的办理结果为 ",
                                       c.kind() == v1::CONCLUSION_KIND_WITHDRAWN
                                           ? Name(v1::OUTCOME_OTHER)
                                           : Name(LapseOutcomeOf(c.kind()))));
    }
    c.set_derived_outcome(c.kind() == v1::CONCLUSION_KIND_WITHDRAWN
                              ? v1::OUTCOME_OTHER
                              : LapseOutcomeOf(c.kind()));
    c.set_outcome(c.derived_outcome());
    return absl::OkStatus();
  }

  OGI_RETURN_IF_ERROR(
      ValidateDispositions(c.dispositions(), item_count, prefix));
  std::sort(c.mutable_dispositions()->begin(), c.mutable_dispositions()->end(),
            [](const v1::ItemDisposition& a, const v1::ItemDisposition& b) {
              return a.item() < b.item();
            });
  if (c.primary_item() < 0 || c.primary_item() > item_count) {
    return InvalidField(absl::StrCat(prefix, "primary_item"),
                        absl::StrCat(c.primary_item(), " 不是本案的事项（1..",
                                     item_count, "；0 表示不指定）"));
  }
  OGI_ASSIGN_OR_RETURN(
      const v1::Outcome derived,
      DeriveOutcome(c.dispositions(), c.primary_item(), prefix));
  c.set_derived_outcome(derived);

  const v1::Outcome override_outcome = c.override_outcome();
  if (override_outcome == v1::OUTCOME_UNSPECIFIED) {
    if (!c.override_reason().empty()) {
      return InvalidField(
          absl::StrCat(prefix, "override_outcome"),
          "填写 override_reason 时必须填写（取代推定结果的办理结果）");
    }
    c.set_outcome(derived);
    return absl::OkStatus();
  }
  if (!v1::Outcome_IsValid(override_outcome)) {
    return InvalidField(absl::StrCat(prefix, "override_outcome"),
                        absl::StrCat("未知的办理结果 ", override_outcome, "，",
                                     OneOf(v1::Outcome_descriptor())));
  }
  if (IsLapse(override_outcome)) {
    return InvalidField(
        absl::StrCat(prefix, "override_outcome"),
        absl::StrCat(Name(override_outcome),
                     " 只能在申请人期限届满后得出，请直接以该结果办结"));
  }
  if (override_outcome == derived) {
    return InvalidField(
        absl::StrCat(prefix, "override_outcome"),
        absl::StrCat("与推定的办理结果 ", Name(derived), " 相同，无需填写"));
  }
  if (c.override_reason().empty()) {
    return InvalidField(
        absl::StrCat(prefix, "override_reason"),
        absl::StrCat("以 ", Name(override_outcome), " 改定推定的办理结果 ",
                     Name(derived), " 时必须写明理由"));
  }
  OGI_RETURN_IF_ERROR(ValidateText(c.override_reason(),
                                   absl::StrCat(prefix, "override_reason"),
                                   kMaxReasonLength, /*multiline=*/true));
  c.set_outcome(override_outcome);
  return absl::OkStatus();
}

// The outcome first, then each item's, without repeats.
std::vector<v1::Outcome> InvolvedOutcomes(const v1::Conclusion& c) {
  std::vector<v1::Outcome> outcomes = {c.outcome()};
  for (const v1::ItemDisposition& d : c.dispositions()) {
    if (std::find(outcomes.begin(), outcomes.end(), d.outcome()) ==
        outcomes.end()) {
      outcomes.push_back(d.outcome());
    }
  }
  return outcomes;
}

bool Involves(const std::vector<v1::Outcome>& outcomes, v1::Outcome outcome) {
  return std::find(outcomes.begin(), outcomes.end(), outcome) != outcomes.end();
}

bool IsBlank(const std::string& text) {
  return absl::StripAsciiWhitespace(text).empty();
}

// The details the law requires for the outcomes involved, all at once: one
// INVALID_ARGUMENT "<field>, <field>: <rule>；<rule>" naming every missing
// field (prefixed), so that the user can supply them in one go. A blank text
// counts as missing. An unknown not_held_reason is not missing (CheckNotHeld
// reports it).
absl::Status CheckRequiredDetails(const v1::Conclusion& c,
                                  const std::vector<v1::Outcome>& outcomes,
                                  absl::string_view prefix) {
  std::vector<std::string> fields;
  std::vector<std::string> rules;
  auto missing = [&](std::vector<absl::string_view> names,
                     absl::string_view rule) {
    for (absl::string_view name : names) {
      fields.push_back(absl::StrCat(prefix, name));
    }
    rules.emplace_back(rule);
  };
  if (Involves(outcomes, v1::OUTCOME_UNAVAILABLE_NOT_HELD)) {
    if (c.not_held_reason() == v1::NOT_HELD_REASON_UNSPECIFIED) {
      missing({"not_held_reason"},
              absl::StrCat("本机关不掌握相关政府信息须写明原因（",
                           OneOf(v1::NotHeldReason_descriptor()), "）"));
    } else if (c.not_held_reason() == v1::NOT_HELD_REASON_OTHER_AGENCY &&
               IsBlank(c.responsible_agency())) {
      missing({"responsible_agency"},
              "属于其他机关负责公开的，须写明负责公开该信息的机关");
    }
  }
  if (Involves(outcomes, v1::OUTCOME_PARTIALLY_DISCLOSED)) {
    const bool no_provided = IsBlank(c.provided_summary());
    const bool no_withheld = IsBlank(c.withheld_summary());
    if (no_provided && no_withheld) {
      missing({"provided_summary", "withheld_summary"},
              "部分公开须写明提供的信息和不予公开的信息");
    } else if (no_provided) {
      missing({"provided_summary"}, "部分公开须写明提供的信息");
    } else if (no_withheld) {
      missing({"withheld_summary"}, "部分公开须写明不予公开的信息");
    }
  }
  if (Involves(outcomes, v1::OUTCOME_OTHER) && IsBlank(c.note())) {
    missing({"note"}, "其他处理须写明具体情况");
  }
  if (fields.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      absl::StrJoin(fields, ", "), ": ", absl::StrJoin(rules, "；")));
}

// not_held_reason and responsible_agency where they do not apply, an unknown
// not_held_reason, and the agency's name as text. REQUIRES:
// CheckRequiredDetails passed.
absl::Status CheckNotHeld(const v1::Conclusion& c,
                          const std::vector<v1::Outcome>& outcomes,
                          absl::string_view prefix) {
  const v1::Outcome not_held = v1::OUTCOME_UNAVAILABLE_NOT_HELD;
  if (!Involves(outcomes, not_held)) {
    if (c.not_held_reason() != v1::NOT_HELD_REASON_UNSPECIFIED) {
      return InvalidField(absl::StrCat(prefix, "not_held_reason"),
                          absl::StrCat("仅适用于 ", Name(not_held)));
    }
  } else if (!v1::NotHeldReason_IsValid(c.not_held_reason())) {
    return InvalidField(absl::StrCat(prefix, "not_held_reason"),
                        absl::StrCat("未知取值 ", c.not_held_reason(), "，",
                                     OneOf(v1::NotHeldReason_descriptor())));
  }
  if (c.not_held_reason() == v1::NOT_HELD_REASON_OTHER_AGENCY) {
    return ValidateText(c.responsible_agency(),
                        absl::StrCat(prefix, "responsible_agency"),
                        kMaxNameLength, /*multiline=*/false);
  }
  if (!c.responsible_agency().empty()) {
    return InvalidField(absl::StrCat(prefix, "responsible_agency"),
                        "仅在 not_held_reason 为 other_agency 时填写");
  }
  return absl::OkStatus();
}

// Fills the legal basis of a conclusion that withholds information.
void DefaultLegalBasisOf(v1::Conclusion& c,
                         const std::vector<v1::Outcome>& outcomes) {
  std::vector<std::string> articles;
  for (v1::Outcome outcome : outcomes) {
    const OutcomeRow* row = RowOf(outcome);
    if (!IsWithheld(outcome) || row == nullptr) continue;
    if (std::find(articles.begin(), articles.end(), row->article) ==
        articles.end()) {
      articles.push_back(row->article);
    }
  }
  if (articles.empty()) return;
  c.set_legal_basis(absl::StrCat(kRegulations, absl::StrJoin(articles, "、")));
}

}  // namespace

v1::ServiceMethod DefaultServiceMethod(v1::DeliveryMethod delivery) {
  switch (delivery) {
    case v1::DELIVERY_METHOD_POST:
      return v1::SERVICE_METHOD_POSTED;
    case v1::DELIVERY_METHOD_EMAIL:
    case v1::DELIVERY_METHOD_ONLINE_PLATFORM:
    case v1::DELIVERY_METHOD_FAX:
      return v1::SERVICE_METHOD_ELECTRONIC;
    default:
      return v1::SERVICE_METHOD_SIGNED_IN_PERSON;
  }
}

OutcomeGroup GroupOf(v1::Outcome outcome) {
  const OutcomeRow* row = RowOf(outcome);
  return row == nullptr ? OutcomeGroup::kUnspecified : row->group;
}

std::string OutcomeGroupLabel(OutcomeGroup group) {
  switch (group) {
    case OutcomeGroup::kDisclosed:
      return "（一）予以公开";
    case OutcomeGroup::kPartiallyDisclosed:
      return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    case OutcomeGroup::kWithheld:
      return "（三）不予公开";
    case OutcomeGroup::kUnavailable:
      return "（四）无法提供";
    case OutcomeGroup::kNotProcessed:
      return "（五）不予处理";
    case OutcomeGroup::kOtherHandling:
      return "（六）其他处理";
    case OutcomeGroup::kUnspecified:
      break;
  }
  return "";
}

std::string OutcomeGroupName(OutcomeGroup group) {
  switch (group) {
    case OutcomeGroup::kDisclosed:
      return "予以公开";
    case OutcomeGroup::kPartiallyDisclosed:
      return "部分公开";
    case OutcomeGroup::kWithheld:
      return "不予公开";
    case OutcomeGroup::kUnavailable:
      return "无法提供";
    case OutcomeGroup::kNotProcessed:
      return "不予处理";
    case OutcomeGroup::kOtherHandling:
      return "其他处理";
    case OutcomeGroup::kUnspecified:
      break;
  }
  return "";
}

int OutcomeLeafNumber(v1::Outcome outcome) {
  const OutcomeRow* row = RowOf(outcome);
  return row == nullptr ? 0 : row->leaf;
}

std::string OutcomeRowLabel(v1::Outcome outcome) {
  const OutcomeRow* row = RowOf(outcome);
  if (row == nullptr) return "";
  if (row->leaf == 0) return OutcomeGroupLabel(row->group);
  return absl::StrCat(row->leaf, ".",
                      EnumLabel(v1::Outcome_descriptor(), outcome));
}

const std::vector<v1::Outcome>& OutcomesInReportOrder() {
  static const std::vector<v1::Outcome>* const outcomes = [] {
    auto* list = new std::vector<v1::Outcome>;
    for (const OutcomeRow& row : kRows) list->push_back(row.outcome);
    return list;
  }();
  return *outcomes;
}

bool IsProvided(v1::Outcome outcome) {
  return outcome == v1::OUTCOME_DISCLOSED ||
         outcome == v1::OUTCOME_PARTIALLY_DISCLOSED;
}

bool IsWithheld(v1::Outcome outcome) {
  return outcome == v1::OUTCOME_PARTIALLY_DISCLOSED ||
         GroupOf(outcome) == OutcomeGroup::kWithheld;
}

bool IsLapse(v1::Outcome outcome) {
  return outcome == v1::OUTCOME_OTHER_CORRECTION_LAPSED ||
         outcome == v1::OUTCOME_OTHER_FEE_UNPAID;
}

std::string DefaultLegalBasis(v1::Outcome outcome) {
  const OutcomeRow* row = RowOf(outcome);
  if (row == nullptr || row->article[0] == '\0') return "";
  std::string basis = absl::StrCat(kRegulations, row->article);
  if (outcome == v1::OUTCOME_OTHER_FEE_UNPAID) {
    absl::StrAppend(&basis, "、", kFeeMeasures);
  }
  return basis;
}

absl::Status ValidateDispositions(const Dispositions& dispositions,
                                  int item_count,
                                  absl::string_view field_prefix) {
  std::set<int> seen;
  for (const v1::ItemDisposition& d : dispositions) {
    if (d.item() < 1 || d.item() > item_count) {
      return InvalidField(
          absl::StrCat(field_prefix, "dispositions"),
          absl::StrCat("事项 ", d.item(), " 不是本案的事项（1..", item_count,
                       "）"));
    }
    if (!seen.insert(d.item()).second) {
      return InvalidField(absl::StrCat(field_prefix, "dispositions"),
                          absl::StrCat("事项 ", d.item(), " 重复出现"));
    }
    if (d.outcome() == v1::OUTCOME_UNSPECIFIED ||
        !v1::Outcome_IsValid(d.outcome())) {
      return InvalidField(absl::StrCat(field_prefix, "dispositions"),
                          absl::StrCat("事项 ", d.item(), " 须有办理结果，",
                                       OneOf(v1::Outcome_descriptor())));
    }
    if (IsLapse(d.outcome())) {
      return InvalidField(
          absl::StrCat(field_prefix, "dispositions"),
          absl::StrCat("事项 ", d.item(), "：", Name(d.outcome()),
                       " 针对整个申请，请作为案件的办理结果填写"));
    }
  }
  if (static_cast<int>(seen.size()) != item_count) {
    std::vector<int> missing;
    for (int item = 1; item <= item_count; ++item) {
      if (seen.count(item) == 0) missing.push_back(item);
    }
    return InvalidField(
        absl::StrCat(field_prefix, "dispositions"),
        absl::StrCat("本案每个事项（1..", item_count, "）各须一项，缺少事项 ",
                     absl::StrJoin(missing, ", ")));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Outcome> DeriveOutcome(const Dispositions& dispositions,
                                          int primary_item,
                                          absl::string_view field_prefix) {
  bool all_alike = true;
  bool provided = false;
  bool withheld = false;
  for (const v1::ItemDisposition& d : dispositions) {
    all_alike = all_alike && d.outcome() == dispositions[0].outcome();
    provided = provided || IsProvided(d.outcome());
    withheld = withheld || IsWithheld(d.outcome());
  }
  if (all_alike) return dispositions[0].outcome();
  if (provided && withheld) return v1::OUTCOME_PARTIALLY_DISCLOSED;
  for (const v1::ItemDisposition& d : dispositions) {
    if (d.item() == primary_item) return d.outcome();
  }
  return InvalidField(absl::StrCat(field_prefix, "primary_item"),
                      "必须填写：各事项的办理结果不同，又不属于既有提供又有不予"
                      "公开的情形，须指定案件据以统计的主要事项");
}

absl::Status CompleteConclusion(v1::Conclusion& c, int item_count,
                                absl::string_view field_prefix) {
  const absl::string_view prefix = field_prefix;
  c.clear_derived_outcome();
  c.clear_outcome();
  c.clear_due_date();
  c.clear_served_late();
  OGI_RETURN_IF_ERROR(DeriveConclusionOutcome(c, item_count, prefix));

  const std::vector<v1::Outcome> outcomes = InvolvedOutcomes(c);
  if (c.kind() == v1::CONCLUSION_KIND_WITHDRAWN && c.note().empty()) {
    c.set_note(kWithdrawalNote);
  }
  OGI_RETURN_IF_ERROR(CheckRequiredDetails(c, outcomes, prefix));
  OGI_RETURN_IF_ERROR(CheckNotHeld(c, outcomes, prefix));
  OGI_RETURN_IF_ERROR(OptionalText(c.provided_summary(), prefix,
                                   "provided_summary", kMaxReasonLength,
                                   /*multiline=*/true));
  OGI_RETURN_IF_ERROR(OptionalText(c.withheld_summary(), prefix,
                                   "withheld_summary", kMaxReasonLength,
                                   /*multiline=*/true));
  OGI_RETURN_IF_ERROR(OptionalText(c.note(), prefix, "note", kMaxReasonLength,
                                   /*multiline=*/true));
  if (c.legal_basis().empty()) DefaultLegalBasisOf(c, outcomes);
  OGI_RETURN_IF_ERROR(OptionalText(c.legal_basis(), prefix, "legal_basis",
                                   kMaxReasonLength, /*multiline=*/true));

  if (!v1::ServiceMethod_IsValid(c.service_method())) {
    return InvalidField(
        absl::StrCat(prefix, "service_method"),
        absl::StrCat("未知的送达方式 ", c.service_method(), "，",
                     OneOf(v1::ServiceMethod_descriptor())));
  }
  if (c.kind() == v1::CONCLUSION_KIND_ANSWERED &&
      c.service_method() == v1::SERVICE_METHOD_UNSPECIFIED) {
    return InvalidField(
        absl::StrCat(prefix, "service_method"),
        absl::StrCat("作出答复时必须填写（",
                     OneOf(v1::ServiceMethod_descriptor()), "）"));
  }
  if (!c.has_served() || IsUnset(c.served())) {
    return InvalidField(
        absl::StrCat(prefix, "served"),
        "必须填写（申请人收到答复或答复交邮的日期，即办结日期）");
  }
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay served,
                       ToCivilDay(c.served(), absl::StrCat(prefix, "served")));
  if (c.has_answer_date() && !IsUnset(c.answer_date())) {
    OGI_ASSIGN_OR_RETURN(
        const absl::CivilDay answer_date,
        ToCivilDay(c.answer_date(), absl::StrCat(prefix, "answer_date")));
    if (answer_date > served) {
      return InvalidField(
          absl::StrCat(prefix, "answer_date"),
          absl::StrCat(FormatIsoDate(answer_date), " 晚于 served（",
                       FormatIsoDate(served), "）"));
    }
  } else {
    c.clear_answer_date();
  }
  return absl::OkStatus();
}

}  // namespace ogi
