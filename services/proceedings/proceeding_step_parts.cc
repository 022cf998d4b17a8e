#include "services/proceedings/proceeding_step_parts.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "services/common/field_violations.h"
#include "services/common/step_rules.h"
#include "services/common/text_fields.h"

namespace ogi {
namespace proceeding_steps {
namespace {

// The review or lawsuit `id` (request field `field`) of `c`.
template <typename Message>
absl::StatusOr<Message*> Find(google::protobuf::RepeatedPtrField<Message>& list,
                              const v1::Case& c, ProceedingKind kind,
                              const std::string& id, absl::string_view field) {
  OGI_ASSIGN_OR_RETURN(const ProceedingId parsed,
                       ParseProceedingId(id, kind, field));
  if (parsed.case_number != c.number()) {
    return InvalidField(field, absl::StrCat("\"", id, "\" 不是案件 ",
                                            c.number(), " 的", KindName(kind)));
  }
  for (Message& m : list) {
    if (m.id() == id) return &m;
  }
  return absl::NotFoundError(
      absl::StrCat("案件 ", c.number(), " 没有", KindName(kind), " ", id));
}

absl::string_view StageName(DecisionStage stage) {
  switch (stage) {
    case DecisionStage::kReview:
      return "行政复议决定";
    case DecisionStage::kFirstInstance:
      return "一审裁判";
    case DecisionStage::kAppeal:
      return "二审裁判";
  }
  return "决定";
}

}  // namespace

absl::Status Refused(absl::string_view what) {
  return absl::FailedPreconditionError(what);
}

absl::Status OptionalName(const std::string& text, absl::string_view field) {
  if (text.empty()) return absl::OkStatus();
  return ValidateText(text, field, kMaxNameLength, /*multiline=*/false);
}

absl::Status OptionalNote(const std::string& text, absl::string_view field) {
  if (text.empty()) return absl::OkStatus();
  return ValidateText(text, field, kMaxReasonLength, /*multiline=*/true);
}

std::string DecisionName(v1::ProceedingDecision decision) {
  return EnumText(v1::ProceedingDecision_descriptor(), decision);
}

absl::Status OneOf(absl::string_view field,
                   const google::protobuf::EnumDescriptor* type) {
  return InvalidField(field,
                      absl::StrCat("须为以下之一：",
                                   absl::StrJoin(EnumIdentifiers(type), ", ")));
}

absl::StatusOr<v1::Review*> FindReview(v1::Case& c, const std::string& id,
                                       absl::string_view field) {
  return Find(*c.mutable_reviews(), c, ProceedingKind::kReview, id, field);
}

absl::StatusOr<v1::Lawsuit*> FindLawsuit(v1::Case& c, const std::string& id) {
  return Find(*c.mutable_lawsuits(), c, ProceedingKind::kLawsuit, id, "id");
}

// INVALID_ARGUMENT "decision: ..." unless `decision` is valid at `stage`;
// "<date_field>: ..." for the date; "reanswer_due: ..." unless it is unset or
// after the date of a decision that orders a new answer.
absl::StatusOr<Decision> ParseDecision(DecisionStage stage,
                                       v1::ProceedingDecision decision,
                                       bool has_date, const v1::Date& date,
                                       absl::string_view date_field,
                                       bool has_due, const v1::Date& due,
                                       Day today) {
  if (!IsValidDecision(stage, decision)) {
    std::vector<std::string> names;
    for (v1::ProceedingDecision valid : ValidDecisions(stage)) {
      names.push_back(DecisionName(valid));
    }
    const std::string one_of = absl::StrJoin(names, ", ");
    if (decision == v1::PROCEEDING_DECISION_UNSPECIFIED ||
        !v1::ProceedingDecision_IsValid(decision)) {
      return InvalidField("decision", absl::StrCat("须为以下之一：", one_of));
    }
    return InvalidField(
        "decision", absl::StrCat(DecisionName(decision), " 不是",
                                 StageName(stage), "，须为以下之一：", one_of));
  }
  Decision parsed;
  parsed.decision = decision;
  OGI_ASSIGN_OR_RETURN(parsed.date,
                       PastDate(has_date, date, date_field, today));
  if (HasDate(has_due, due)) {
    OGI_ASSIGN_OR_RETURN(const Day reanswer_due,
                         ToCivilDay(due, "reanswer_due"));
    if (!OrdersNewAnswer(decision)) {
      return InvalidField(
          "reanswer_due",
          absl::StrCat("只有责令重新答复的决定（revoked、ordered_to_perform）"
                       "才设重新答复期限，",
                       DecisionName(decision), " 不设"));
    }
    if (reanswer_due <= parsed.date) {
      return InvalidField(
          "reanswer_due",
          absl::StrCat(FormatIsoDate(reanswer_due), " 须晚于 ", date_field,
                       "（", FormatIsoDate(parsed.date), "）"));
    }
    parsed.reanswer_due = reanswer_due;
  }
  return parsed;
}

// Records the decision's date on the case as a pending re-answer when the
// decision set one.
void AddReAnswer(const Decision& d, v1::Case& c, Facts& facts) {
  if (!d.reanswer_due.has_value()) return;
  int32_t id = 1;
  for (const v1::ReAnswer& existing : c.re_answers()) {
    id = std::max(id, existing.id() + 1);
  }
  v1::ReAnswer* order = c.add_re_answers();
  order->set_id(id);
  order->set_ordered_by(facts.id());
  *order->mutable_ordered() = ToProtoDate(d.date);
  *order->mutable_due() = ToProtoDate(*d.reanswer_due);
  const std::string path = absl::StrCat("re_answers[id=", id, "].");
  facts.Path(path + "ordered_by", "", facts.id());
  facts.Path(path + "ordered", "", FormatIsoDate(d.date));
  facts.Path(path + "due", "", FormatIsoDate(*d.reanswer_due));
}

// Sets the decision's date in `date` (the field `date_path`) and records it
// with the decision (the field `decision_path`, which the caller sets).
void RecordDecision(const Decision& d, absl::string_view decision_path,
                    absl::string_view date_path, v1::Date* date, Facts& facts) {
  facts.Text(decision_path, "", DecisionName(d.decision));
  facts.Date(date_path, date, d.date);
}

// "2025-03-02（upheld）": the date and kind of a recorded decision, for
// messages.
std::string DecidedOn(const v1::Date& date, v1::ProceedingDecision decision) {
  return absl::StrCat(FormatIsoDate(date), "（", DecisionName(decision), "）");
}

// Checks the copy and defence dates a request gives (nullopt: not given):
// INVALID_ARGUMENT when the defence is before the copy in the request;
// FAILED_PRECONDITION when either is before the filing, a copy is after the
// recorded defence, a defence is already recorded or is before the copy.
absl::Status CheckCopyAndDefence(const CopyAndDefence& rules,
                                 std::optional<Day> copy,
                                 std::optional<Day> defence) {
  const std::string copy_name = absl::StrCat(rules.prefix, rules.copy_field);
  const std::string defence_name = absl::StrCat(rules.prefix, "defence_filed");
  const std::string filed_what =
      rules.kind == ProceedingKind::kReview ? "行政复议申请日期" : "起诉日期";
  if (copy.has_value() && defence.has_value() && *defence < *copy) {
    return InvalidField(
        defence_name, absl::StrCat(FormatIsoDate(*defence), " 早于 ", copy_name,
                                   "（", FormatIsoDate(*copy), "）"));
  }
  if (copy.has_value()) {
    OGI_RETURN_IF_ERROR(NotBefore(*copy, rules.filed, copy_name, filed_what));
    if (!defence.has_value() && rules.recorded_defence.has_value() &&
        *rules.recorded_defence < *copy) {
      return Refused(
          absl::StrCat(copy_name, ": ", FormatIsoDate(*copy), " 晚于答辩日期（",
                       FormatIsoDate(*rules.recorded_defence), "）"));
    }
  }
  if (defence.has_value()) {
    if (rules.recorded_defence.has_value()) {
      return Refused(absl::StrCat(
          KindName(rules.kind), " ", rules.id, " 已答辩（答辩日期 ",
          FormatIsoDate(*rules.recorded_defence), "）"));
    }
    OGI_RETURN_IF_ERROR(
        NotBefore(*defence, rules.filed, defence_name, filed_what));
    OGI_RETURN_IF_ERROR(NotBefore(*defence,
                                  copy.has_value() ? copy : rules.recorded_copy,
                                  defence_name, rules.copy_what));
  }
  return absl::OkStatus();
}
absl::Status NothingNew(const Facts& facts, ProceedingKind kind) {
  if (!facts.empty()) return absl::OkStatus();
  return InvalidField("id", absl::StrCat(KindName(kind), " ", facts.id(),
                                         " 没有新的内容可记录"));
}

}  // namespace proceeding_steps
}  // namespace ogi
