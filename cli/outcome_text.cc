#include "cli/outcome_text.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"

namespace ogi::cli {
namespace {

// Free text on one line: line breaks become "；".
std::string Flat(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\r", ""}, {"\n", "；"}});
}

std::string ServiceLabel(v1::ServiceMethod method) {
  return method == v1::SERVICE_METHOD_UNSPECIFIED
             ? ""
             : EnumLabel(v1::ServiceMethod_descriptor(), method);
}

// "1. （一）予以公开\n2. （三）不予公开：属于国家秘密", marking the primary
// item.
std::string DispositionLines(const v1::Conclusion& conclusion) {
  std::vector<std::string> lines;
  for (const v1::ItemDisposition& d : conclusion.dispositions()) {
    std::string line = absl::StrCat(d.item(), ". ", OutcomeText(d.outcome()));
    if (d.item() == conclusion.primary_item())
      absl::StrAppend(&line, "（主要）");
    lines.push_back(std::move(line));
  }
  return absl::StrJoin(lines, "\n");
}

// True when the items did not all get the same answer.
bool DispositionsDiffer(const v1::Conclusion& conclusion) {
  for (const v1::ItemDisposition& d : conclusion.dispositions()) {
    if (d.outcome() != conclusion.dispositions(0).outcome()) return true;
  }
  return false;
}

std::string NotHeldText(const v1::Conclusion& conclusion) {
  if (conclusion.not_held_reason() == v1::NOT_HELD_REASON_UNSPECIFIED) {
    return "";
  }
  std::string text =
      EnumLabel(v1::NotHeldReason_descriptor(), conclusion.not_held_reason());
  if (!conclusion.responsible_agency().empty()) {
    absl::StrAppend(&text, "：", conclusion.responsible_agency());
  }
  return text;
}

}  // namespace

std::string OutcomeGroup(v1::Outcome outcome) {
  switch (outcome) {
    case v1::OUTCOME_UNSPECIFIED:
      return "";
    case v1::OUTCOME_DISCLOSED:
      return "（一）予以公开";
    case v1::OUTCOME_PARTIALLY_DISCLOSED:
      return "（二）部分公开";
    case v1::OUTCOME_WITHHELD_STATE_SECRET:
    case v1::OUTCOME_WITHHELD_PROHIBITED_BY_LAW:
    case v1::OUTCOME_WITHHELD_SECURITY_STABILITY:
    case v1::OUTCOME_WITHHELD_THIRD_PARTY_RIGHTS:
    case v1::OUTCOME_WITHHELD_INTERNAL_AFFAIRS:
    case v1::OUTCOME_WITHHELD_PROCESS_INFORMATION:
    case v1::OUTCOME_WITHHELD_ENFORCEMENT_FILE:
    case v1::OUTCOME_WITHHELD_ADMINISTRATIVE_QUERY:
      return "（三）不予公开";
    case v1::OUTCOME_UNAVAILABLE_NOT_HELD:
    case v1::OUTCOME_UNAVAILABLE_NEEDS_CREATION:
    case v1::OUTCOME_UNAVAILABLE_STILL_UNCLEAR:
      return "（四）无法提供";
    case v1::OUTCOME_NOT_PROCESSED_COMPLAINT:
    case v1::OUTCOME_NOT_PROCESSED_DUPLICATE:
    case v1::OUTCOME_NOT_PROCESSED_PUBLICATION:
    case v1::OUTCOME_NOT_PROCESSED_EXCESSIVE:
    case v1::OUTCOME_NOT_PROCESSED_CONFIRMATION:
      return "（五）不予处理";
    case v1::OUTCOME_OTHER_CORRECTION_LAPSED:
    case v1::OUTCOME_OTHER_FEE_UNPAID:
    case v1::OUTCOME_OTHER:
      return "（六）其他处理";
    default:
      // A value a newer server knows and this client does not.
      return "";
  }
}

std::string OutcomeText(v1::Outcome outcome) {
  const std::string label = EnumLabel(v1::Outcome_descriptor(), outcome);
  const std::string group = OutcomeGroup(outcome);
  // Groups （一） and （二） are leaves themselves.
  if (group.empty() || outcome == v1::OUTCOME_DISCLOSED ||
      outcome == v1::OUTCOME_PARTIALLY_DISCLOSED) {
    return group.empty() ? label : group;
  }
  return absl::StrCat(group, "：", label);
}

std::string ServedText(const v1::Date& served, v1::ServiceMethod method,
                       bool late, const v1::Date& due) {
  std::string text = FormatIsoDate(served);
  const std::string how = ServiceLabel(method);
  if (!how.empty()) absl::StrAppend(&text, " ", how);
  if (late) {
    absl::StrAppend(&text, "（逾期送达");
    if (!IsUnset(due))
      absl::StrAppend(&text, "，答复期限 ", FormatIsoDate(due));
    absl::StrAppend(&text, "）");
  }
  return text;
}

std::string ReAnswerText(const v1::ReAnswer& r) {
  std::string text = absl::StrCat(r.id(), ". 依 ", r.ordered_by());
  if (!IsUnset(r.ordered())) {
    absl::StrAppend(&text, "（", FormatIsoDate(r.ordered()), "）");
  }
  absl::StrAppend(&text, "责令重新答复");
  if (!IsUnset(r.due())) {
    absl::StrAppend(&text, "，期限 ", FormatIsoDate(r.due()));
  }
  absl::StrAppend(&text, "；");
  if (IsUnset(r.served())) {
    absl::StrAppend(&text, "尚未答复");
  } else {
    absl::StrAppend(
        &text,
        ServedText(r.served(), r.service_method(), r.served_late(), r.due()),
        "：", OutcomeText(r.outcome()));
  }
  if (!r.note().empty()) absl::StrAppend(&text, "；", Flat(r.note()));
  return text;
}

void AddConclusionLines(const v1::Case& c, Card* card) {
  if (c.has_conclusion()) {
    const v1::Conclusion& k = c.conclusion();
    const bool answered = k.kind() == v1::CONCLUSION_KIND_ANSWERED ||
                          k.kind() == v1::CONCLUSION_KIND_UNSPECIFIED;
    card->Add("办理结果", OutcomeText(k.outcome()));
    if (!answered) {
      card->Add("办结方式",
                EnumLabel(v1::ConclusionKind_descriptor(), k.kind()));
    }
    if (k.override_outcome() != v1::OUTCOME_UNSPECIFIED) {
      card->Add("计算结果", OutcomeText(k.derived_outcome()));
      card->AddIfPresent("调整理由", Flat(k.override_reason()));
    }
    if (k.dispositions_size() > 1 && DispositionsDiffer(k)) {
      card->Add("各项答复", DispositionLines(k));
    }
    card->AddIfPresent("法律依据", Flat(k.legal_basis()));
    card->AddIfPresent("不掌握原因", NotHeldText(k));
    card->AddIfPresent("公开部分", Flat(k.provided_summary()));
    card->AddIfPresent("不予公开部分", Flat(k.withheld_summary()));
    card->AddIfPresent("办结说明", Flat(k.note()));
    std::string served = ServedText(k.served(), k.service_method(),
                                    k.served_late(), k.due_date());
    if (!IsUnset(k.answer_date()) &&
        FormatIsoDate(k.answer_date()) != FormatIsoDate(k.served())) {
      absl::StrAppend(&served, "；答复书日期 ", FormatIsoDate(k.answer_date()));
    }
    // A withdrawal or lapse ends without an answer: its date is when the
    // withdrawal arrived or the agency closed the case.
    card->Add(answered ? "答复送达" : "办结日期", served);
  }
  std::vector<std::string> re_answers;
  for (const v1::ReAnswer& r : c.re_answers()) {
    re_answers.push_back(ReAnswerText(r));
  }
  card->AddIfPresent("重新答复", absl::StrJoin(re_answers, "\n"));
}

}  // namespace ogi::cli
