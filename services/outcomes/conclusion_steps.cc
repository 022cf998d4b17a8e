#include "services/outcomes/conclusion_steps.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/step_rules.h"
#include "services/common/text_fields.h"
#include "services/outcomes/outcome_rules.h"
#include "services/proceedings/proceeding_ids.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;
// (path in Case, canonical text) of each field of a record, in order.
using FieldValues = std::vector<std::pair<std::string, std::string>>;

// Canonical text of an enum value: "" for *_UNSPECIFIED.
std::string EnumText(const google::protobuf::EnumDescriptor* type, int value) {
  return value == 0 ? std::string() : EnumIdentifier(type, value);
}

std::string DateText(bool has, const v1::Date& date) {
  return HasDate(has, date) ? FormatIsoDate(date) : std::string();
}

std::string OutcomeText(v1::Outcome outcome) {
  return EnumText(v1::Outcome_descriptor(), outcome);
}

// The fields of a conclusion; none when `k` is null (no conclusion yet).
FieldValues ConclusionValues(const v1::Conclusion* k) {
  FieldValues values;
  if (k == nullptr) return values;
  auto add = [&values](absl::string_view field, std::string value) {
    values.emplace_back(absl::StrCat("conclusion.", field), std::move(value));
  };
  add("kind", EnumText(v1::ConclusionKind_descriptor(), k->kind()));
  for (const v1::ItemDisposition& d : k->dispositions()) {
    add(absl::StrCat("dispositions[item=", d.item(), "]"),
        OutcomeText(d.outcome()));
  }
  add("primary_item",
      k->primary_item() == 0 ? "" : absl::StrCat(k->primary_item()));
  add("derived_outcome", OutcomeText(k->derived_outcome()));
  add("override_outcome", OutcomeText(k->override_outcome()));
  add("override_reason", k->override_reason());
  add("outcome", OutcomeText(k->outcome()));
  add("legal_basis", k->legal_basis());
  add("not_held_reason",
      EnumText(v1::NotHeldReason_descriptor(), k->not_held_reason()));
  add("responsible_agency", k->responsible_agency());
  add("provided_summary", k->provided_summary());
  add("withheld_summary", k->withheld_summary());
  add("note", k->note());
  add("answer_date", DateText(k->has_answer_date(), k->answer_date()));
  add("service_method",
      EnumText(v1::ServiceMethod_descriptor(), k->service_method()));
  add("served", DateText(k->has_served(), k->served()));
  add("due_date", DateText(k->has_due_date(), k->due_date()));
  add("served_late", k->served_late() ? "true" : "");
  return values;
}

FieldValues ReAnswerValues(const v1::ReAnswer& a) {
  FieldValues values;
  auto add = [&values, &a](absl::string_view field, std::string value) {
    values.emplace_back(absl::StrCat("re_answers[id=", a.id(), "].", field),
                        std::move(value));
  };
  add("ordered_by", a.ordered_by());
  add("ordered", DateText(a.has_ordered(), a.ordered()));
  add("due", DateText(a.has_due(), a.due()));
  add("outcome", OutcomeText(a.outcome()));
  add("service_method",
      EnumText(v1::ServiceMethod_descriptor(), a.service_method()));
  add("served", DateText(a.has_served(), a.served()));
  add("note", a.note());
  add("served_late", a.served_late() ? "true" : "");
  return values;
}

// One change per field whose text differs between `before` and `after`
// (a field missing on one side counts as ""), in `after`'s order, then the
// fields only `before` has.
std::vector<v1::FieldChange> Diff(const FieldValues& before,
                                  const FieldValues& after) {
  std::vector<v1::FieldChange> changes;
  auto add = [&changes](const std::string& field, const std::string& old_value,
                        const std::string& new_value) {
    if (old_value == new_value) return;
    v1::FieldChange change;
    change.set_field(field);
    change.set_old_value(old_value);
    change.set_new_value(new_value);
    changes.push_back(std::move(change));
  };
  auto find = [](const FieldValues& values, const std::string& field) {
    return std::find_if(values.begin(), values.end(),
                        [&field](const auto& v) { return v.first == field; });
  };
  for (const auto& [field, value] : after) {
    auto old = find(before, field);
    add(field, old == before.end() ? "" : old->second, value);
  }
  for (const auto& [field, value] : before) {
    if (find(after, field) == after.end()) add(field, value, "");
  }
  return changes;
}

void AddChanges(std::vector<v1::FieldChange> changes, v1::CaseEvent& event) {
  for (v1::FieldChange& change : changes) {
    *event.add_changes() = std::move(change);
  }
}

absl::Status Concluded(const v1::Case& c, absl::string_view step) {
  if (c.status() == v1::CASE_STATUS_CONCLUDED && c.has_conclusion()) {
    return absl::OkStatus();
  }
  return CaseRefused(c, absl::StrCat("尚未办结；", step));
}

// The agency's own last recorded procedural act: an answer cannot precede
// it. (The applicant's and third parties' acts are left out: a reply may
// arrive after the answer.)
struct RecordedAct {
  Day day;
  std::string field;
};

std::optional<RecordedAct> LastAgencyAct(const v1::Case& c) {
  std::optional<RecordedAct> last;
  auto consider = [&last](bool has, const v1::Date& date, std::string field) {
    // Bad stored dates are the deadline engine's to report.
    const std::optional<Day> day = RecordedDay(has, date);
    if (!day.has_value()) return;
    if (!last.has_value() || *day > last->day) {
      last = RecordedAct{*day, std::move(field)};
    }
  };
  const v1::Procedure& p = c.procedure();
  consider(p.correction().has_sent(), p.correction().sent(),
           "procedure.correction.sent");
  for (const v1::Consultation& k : p.consultations()) {
    consider(k.has_sent(), k.sent(),
             absl::StrCat("procedure.consultations[id=", k.id(), "].sent"));
  }
  consider(p.fee().has_served(), p.fee().served(), "procedure.fee.served");
  consider(p.extension().has_notified(), p.extension().notified(),
           "procedure.extension.notified");
  consider(p.deferral().has_notified(), p.deferral().notified(),
           "procedure.deferral.notified");
  return last;
}

// The clocks of `c` as an open case on `day`: a recorded conclusion is
// disregarded, so that a correction sees the dates the case was concluded
// against.
absl::StatusOr<v1::Deadlines> OpenDeadlinesOn(const v1::Case& c, Day day,
                                              const WorkingCalendar& calendar,
                                              const ClockPolicy& policy) {
  v1::Case open = c;
  open.clear_conclusion();
  if (open.status() == v1::CASE_STATUS_CONCLUDED) {
    open.set_status(v1::CASE_STATUS_PROCESSING);
  }
  return ComputeDeadlines(open, calendar, day, policy);
}

v1::ApplicantWindowKind WindowOf(v1::ConclusionKind kind) {
  return kind == v1::CONCLUSION_KIND_CORRECTION_LAPSED
             ? v1::APPLICANT_WINDOW_KIND_CORRECTION
             : v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT;
}

// For a lapse conclusion on `on`: the applicant's window of that kind was
// open and its last day is before `on`.
absl::Status CheckLapsed(const v1::Case& c, const v1::Deadlines& d,
                         v1::ConclusionKind kind, Day on,
                         absl::string_view date_field) {
  const v1::ApplicantWindowKind window = WindowOf(kind);
  if (d.window_kind() != window) {
    return CaseRefused(
        c, absl::StrCat("在 ", FormatIsoDate(on), " 没有进行中的",
                        EnumLabel(v1::ApplicantWindowKind_descriptor(), window),
                        window == v1::APPLICANT_WINDOW_KIND_CORRECTION
                            ? "（没有等待补正材料的补正通知）"
                            : "（没有等待缴费的收费通知）"));
  }
  if (!d.window_lapsed()) {
    const std::string end = FormatIsoDate(d.window_end());
    return absl::FailedPreconditionError(
        absl::StrCat(date_field, ": ", FormatIsoDate(on), " 仍在申请人的",
                     EnumLabel(v1::ApplicantWindowKind_descriptor(), window),
                     "内（", end.empty() ? "未记录届满日" : end + " 届满",
                     "），届满之后才能确认逾期"));
  }
  return absl::OkStatus();
}

// Validates `draft` as the conclusion of `c` and completes it (outcome,
// legal basis, due_date, served_late). `prefix` prefixes the conclusion's
// fields in errors; `date_field` names its date as the request calls it.
absl::StatusOr<v1::Conclusion> FinishConclusion(
    v1::Conclusion draft, absl::string_view prefix,
    absl::string_view date_field, Day today, const WorkingCalendar& calendar,
    const ClockPolicy& policy, const v1::Case& c) {
  OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(c));
  if (draft.kind() == v1::CONCLUSION_KIND_ANSWERED &&
      draft.service_method() == v1::SERVICE_METHOD_UNSPECIFIED) {
    draft.set_service_method(DefaultServiceMethod(c.delivery_method()));
  }
  OGI_RETURN_IF_ERROR(CompleteConclusion(draft, c.items_size(), prefix));
  OGI_ASSIGN_OR_RETURN(const Day served,
                       ToCivilDay(draft.served(), date_field));
  OGI_RETURN_IF_ERROR(NotAfterToday(served, today, date_field));
  OGI_RETURN_IF_ERROR(NotBeforeReceipt(served, receipt, c, date_field));
  if (draft.has_answer_date()) {
    const std::string field = absl::StrCat(prefix, "answer_date");
    OGI_ASSIGN_OR_RETURN(const Day answer_date,
                         ToCivilDay(draft.answer_date(), field));
    OGI_RETURN_IF_ERROR(NotBeforeReceipt(answer_date, receipt, c, field));
  }
  if (draft.kind() != v1::CONCLUSION_KIND_WITHDRAWN) {
    // A withdrawal is the applicant's act and may overtake the agency's.
    const std::optional<RecordedAct> last = LastAgencyAct(c);
    if (last.has_value()) {
      OGI_RETURN_IF_ERROR(
          NotBefore(served, last->day, date_field,
                    absl::StrCat("最后记录的步骤 ", last->field)));
    }
  }
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines d,
                       OpenDeadlinesOn(c, served, calendar, policy));
  if (IsLapse(draft.outcome())) {
    OGI_RETURN_IF_ERROR(CheckLapsed(c, d, draft.kind(), served, date_field));
  }
  if (d.has_answer_due()) {
    *draft.mutable_due_date() = d.answer_due();
    OGI_ASSIGN_OR_RETURN(const Day due, ToCivilDay(d.answer_due(), "due"));
    draft.set_served_late(draft.kind() == v1::CONCLUSION_KIND_ANSWERED &&
                          served > due);
  }
  return draft;
}

// Records `k` as the conclusion of `c` (status CONCLUDED).
v1::CaseEvent InstallConclusion(v1::Conclusion k, v1::CaseEventType type,
                                v1::Case& c) {
  v1::CaseEvent event;
  event.set_type(type);
  AddChanges(
      Diff(ConclusionValues(c.has_conclusion() ? &c.conclusion() : nullptr),
           ConclusionValues(&k)),
      event);
  if (c.status() != v1::CASE_STATUS_CONCLUDED) {
    v1::FieldChange* change = event.add_changes();
    change->set_field("status");
    change->set_old_value(EnumText(v1::CaseStatus_descriptor(), c.status()));
    change->set_new_value(
        EnumText(v1::CaseStatus_descriptor(), v1::CASE_STATUS_CONCLUDED));
  }
  *c.mutable_conclusion() = std::move(k);
  c.set_status(v1::CASE_STATUS_CONCLUDED);
  return event;
}

// A case can be concluded once it is received, and only once.
absl::Status Concludable(const v1::Case& c) {
  OGI_RETURN_IF_ERROR(ReceiptDay(c).status());
  if (c.status() != v1::CASE_STATUS_CONCLUDED) return absl::OkStatus();
  return CaseRefused(
      c,
      absl::StrCat("已办结（送达日期 ", FormatIsoDate(c.conclusion().served()),
                   "，办理结果 ", OutcomeText(c.conclusion().outcome()),
                   "），如需修改请更正办结记录"));
}

// Validates `draft` as the first conclusion of `c` and records it.
// `prefix` prefixes the conclusion's fields in errors ("" for the flat
// ConcludeCaseRequest fields, "conclusion." for the embedded message).
absl::StatusOr<v1::CaseEvent> RecordConclusion(
    v1::Conclusion draft, absl::string_view prefix,
    absl::string_view date_field, Day today, const WorkingCalendar& calendar,
    const ClockPolicy& policy, v1::Case& c) {
  OGI_ASSIGN_OR_RETURN(v1::Conclusion k,
                       FinishConclusion(std::move(draft), prefix, date_field,
                                        today, calendar, policy, c));
  return InstallConclusion(std::move(k), v1::CASE_EVENT_TYPE_CONCLUDED, c);
}

v1::ConclusionKind LapseKindOf(v1::Outcome outcome) {
  return outcome == v1::OUTCOME_OTHER_CORRECTION_LAPSED
             ? v1::CONCLUSION_KIND_CORRECTION_LAPSED
             : v1::CONCLUSION_KIND_FEE_UNPAID;
}

// The deprecated flat fields of a ConcludeCaseRequest (4-16, issue 13) as
// the Conclusion they copy. The one place that reads them, hence the
// deprecation warning silenced here only.
v1::Conclusion FlatConclusionOf(const v1::ConcludeCaseRequest& r) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  v1::Conclusion k;
  *k.mutable_dispositions() = r.dispositions();
  k.set_primary_item(r.primary_item());
  k.set_override_outcome(r.override_outcome());
  k.set_override_reason(r.override_reason());
  k.set_legal_basis(r.legal_basis());
  k.set_not_held_reason(r.not_held_reason());
  k.set_responsible_agency(r.responsible_agency());
  k.set_provided_summary(r.provided_summary());
  k.set_withheld_summary(r.withheld_summary());
  k.set_note(r.note());
  if (r.has_answer_date()) *k.mutable_answer_date() = r.answer_date();
  k.set_service_method(r.service_method());
  if (r.has_served()) *k.mutable_served() = r.served();
  return k;
#pragma GCC diagnostic pop
}

// The first deprecated (flat) field set in `r`, by field number; null when
// none is. Found by reflection so that it follows the .proto's annotations.
const google::protobuf::FieldDescriptor* FirstFlatFieldSet(
    const v1::ConcludeCaseRequest& r) {
  std::vector<const google::protobuf::FieldDescriptor*> set;
  r.GetReflection()->ListFields(r, &set);
  for (const google::protobuf::FieldDescriptor* field : set) {
    if (field->options().deprecated()) return field;
  }
  return nullptr;
}

// A ConcludeCaseRequest's conclusion before validation, and the prefix its
// fields take in errors.
struct ConcludeDraft {
  v1::Conclusion conclusion;
  std::string prefix;
};

// The conclusion a ConcludeCaseRequest describes, before validation: the
// embedded `conclusion` or the deprecated flat fields (not both), completed
// by the `outcome` shortcut.
absl::StatusOr<ConcludeDraft> DraftOf(const v1::ConcludeCaseRequest& r,
                                      int item_count) {
  ConcludeDraft draft;
  if (r.has_conclusion()) {
    if (const google::protobuf::FieldDescriptor* flat = FirstFlatFieldSet(r)) {
      return InvalidField(
          flat->name(),
          absl::StrCat("与 conclusion 只能填写其一（", flat->name(),
                       " 已弃用，请改填 conclusion.", flat->name(), "）"));
    }
    draft.conclusion = r.conclusion();
    draft.prefix = "conclusion.";
    if (draft.conclusion.kind() == v1::CONCLUSION_KIND_WITHDRAWN) {
      return InvalidField("conclusion.kind",
                          "申请人撤回申请请用 WithdrawCase 记录");
    }
  } else {
    draft.conclusion = FlatConclusionOf(r);
  }
  v1::Conclusion& k = draft.conclusion;
  const std::string dispositions = absl::StrCat(draft.prefix, "dispositions");
  if (r.outcome() != v1::OUTCOME_UNSPECIFIED) {
    if (k.dispositions_size() > 0) {
      return InvalidField(
          "outcome", absl::StrCat("outcome（适用于全部事项）与 ", dispositions,
                                  "（逐项答复）只能填写其一"));
    }
    if (!v1::Outcome_IsValid(r.outcome())) {
      return InvalidField("outcome",
                          absl::StrCat("未知的办理结果 ", r.outcome()));
    }
    const v1::ConclusionKind kind = IsLapse(r.outcome())
                                        ? LapseKindOf(r.outcome())
                                        : v1::CONCLUSION_KIND_ANSWERED;
    if (k.kind() != v1::CONCLUSION_KIND_UNSPECIFIED && k.kind() != kind) {
      return InvalidField(
          "outcome",
          absl::StrCat(
              "与 ", draft.prefix, "kind（",
              EnumIdentifier(v1::ConclusionKind_descriptor(), k.kind()),
              "）不符"));
    }
    k.set_kind(kind);
    if (kind == v1::CONCLUSION_KIND_ANSWERED) {
      for (int item = 1; item <= item_count; ++item) {
        v1::ItemDisposition* d = k.add_dispositions();
        d->set_item(item);
        d->set_outcome(r.outcome());
      }
    }
    return draft;
  }
  if (k.kind() == v1::CONCLUSION_KIND_UNSPECIFIED) {
    k.set_kind(v1::CONCLUSION_KIND_ANSWERED);
  }
  if (k.kind() == v1::CONCLUSION_KIND_ANSWERED && k.dispositions_size() == 0) {
    return InvalidField("outcome",
                        absl::StrCat("必须填写，或逐项填写 ", dispositions));
  }
  return draft;
}

// The kind of `id`, which must be "<case number>-R<n>" or "-L<n>" of `c`.
absl::StatusOr<ProceedingKind> ProceedingKindOf(const v1::Case& c,
                                                const std::string& id) {
  for (const ProceedingKind kind :
       {ProceedingKind::kReview, ProceedingKind::kLawsuit}) {
    absl::StatusOr<ProceedingId> parsed =
        ParseProceedingId(id, kind, "ordered_by");
    if (parsed.ok() && parsed->case_number == c.number()) return kind;
  }
  return InvalidField("ordered_by",
                      absl::StrCat("\"", id, "\" 不是案件 ", c.number(),
                                   " 的行政复议或行政诉讼编号（", c.number(),
                                   "-R1、", c.number(), "-L1 等）"));
}

absl::StatusOr<std::optional<v1::Date>> DecisionDateOf(const v1::Case& c,
                                                       const std::string& id,
                                                       ProceedingKind kind) {
  using Found = std::optional<v1::Date>;
  for (const v1::Review& review : c.reviews()) {
    if (review.id() != id) continue;
    return HasDate(review.has_decided(), review.decided())
               ? Found(review.decided())
               : Found();
  }
  for (const v1::Lawsuit& lawsuit : c.lawsuits()) {
    if (lawsuit.id() != id) continue;
    const v1::Judgment& appeal = lawsuit.appeal().result();
    if (HasDate(appeal.has_date(), appeal.date())) return Found(appeal.date());
    const v1::Judgment& first = lawsuit.first_instance();
    return HasDate(first.has_date(), first.date()) ? Found(first.date())
                                                   : Found();
  }
  return absl::NotFoundError(absl::StrCat(
      "案件 ", c.number(), " 没有",
      kind == ProceedingKind::kReview ? "行政复议 " : "行政诉讼 ", id));
}

}  // namespace

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ConcludeCaseRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(Concludable(c));
  OGI_ASSIGN_OR_RETURN(ConcludeDraft draft, DraftOf(r, c.items_size()));
  const std::string served = absl::StrCat(draft.prefix, "served");
  OGI_ASSIGN_OR_RETURN(
      v1::CaseEvent event,
      RecordConclusion(std::move(draft.conclusion), draft.prefix, served, today,
                       calendar, policy, c));
  // An override is audited: its reason is the event's.
  event.set_reason(c.conclusion().override_reason());
  return event;
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::WithdrawCaseRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(Concludable(c));
  OGI_ASSIGN_OR_RETURN(
      const Day withdrawn,
      PastDateOrToday(r.has_withdrawn(), r.withdrawn(), "withdrawn", today));
  v1::Conclusion draft;
  draft.set_kind(v1::CONCLUSION_KIND_WITHDRAWN);
  *draft.mutable_served() = ToProtoDate(withdrawn);
  draft.set_note(r.note());
  return RecordConclusion(std::move(draft), "", "withdrawn", today, calendar,
                          policy, c);
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::ConfirmLapseRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(Concludable(c));
  OGI_ASSIGN_OR_RETURN(
      const Day concluded,
      PastDateOrToday(r.has_concluded(), r.concluded(), "concluded", today));
  OGI_ASSIGN_OR_RETURN(const v1::Deadlines d,
                       OpenDeadlinesOn(c, concluded, calendar, policy));
  v1::Conclusion draft;
  switch (d.window_kind()) {
    case v1::APPLICANT_WINDOW_KIND_CORRECTION:
      draft.set_kind(v1::CONCLUSION_KIND_CORRECTION_LAPSED);
      break;
    case v1::APPLICANT_WINDOW_KIND_FEE_PAYMENT:
      draft.set_kind(v1::CONCLUSION_KIND_FEE_UNPAID);
      break;
    default:
      return CaseRefused(
          c,
          absl::StrCat("在 ", FormatIsoDate(concluded),
                       " 没有进行中的申请人期限（既无等待补正材料的补正通知，"
                       "也无未缴费的收费通知），无可确认的逾期"));
  }
  *draft.mutable_served() = ToProtoDate(concluded);
  draft.set_service_method(r.service_method());
  draft.set_note(r.note());
  return RecordConclusion(std::move(draft), "", "concluded", today, calendar,
                          policy, c);
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::CorrectConclusionRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(ReceiptDay(c).status());
  OGI_RETURN_IF_ERROR(Concluded(c, "请先办结（更正只能修改已有的办结记录）"));
  if (r.reason().empty()) {
    return InvalidField("reason", "须写明更正办结记录的理由");
  }
  OGI_RETURN_IF_ERROR(
      ValidateText(r.reason(), "reason", kMaxReasonLength, /*multiline=*/true));
  if (!r.has_conclusion()) {
    return InvalidField("conclusion", "必须填写（更正后的完整办结记录）");
  }
  v1::Conclusion draft = r.conclusion();
  if (draft.kind() == v1::CONCLUSION_KIND_UNSPECIFIED) {
    draft.set_kind(c.conclusion().kind());
  }
  OGI_ASSIGN_OR_RETURN(
      v1::Conclusion k,
      FinishConclusion(std::move(draft), "conclusion.", "conclusion.served",
                       today, calendar, policy, c));
  if (Diff(ConclusionValues(&c.conclusion()), ConclusionValues(&k)).empty()) {
    return InvalidField("conclusion", "更正内容与原记录相同，没有改动");
  }
  v1::CaseEvent event = InstallConclusion(
      std::move(k), v1::CASE_EVENT_TYPE_CONCLUSION_CORRECTED, c);
  event.set_reason(r.reason());
  return event;
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::RecordReAnswerRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy& policy,
                                        v1::Case& c) {
  OGI_RETURN_IF_ERROR(Concluded(c, "只有已作出答复的案件才会被责令重新答复"));
  if (r.ordered_by().empty()) {
    return InvalidField("ordered_by",
                        "必须填写（责令重新答复的行政复议或行政诉讼编号）");
  }
  OGI_ASSIGN_OR_RETURN(const ProceedingKind kind,
                       ProceedingKindOf(c, r.ordered_by()));
  OGI_ASSIGN_OR_RETURN(const std::optional<v1::Date> decided,
                       DecisionDateOf(c, r.ordered_by(), kind));

  // The pending re-answer of this decision, if any.
  int index = -1;
  int32_t next_id = 1;
  for (int i = 0; i < c.re_answers_size(); ++i) {
    const v1::ReAnswer& a = c.re_answers(i);
    next_id = std::max(next_id, a.id() + 1);
    if (a.ordered_by() != r.ordered_by()) continue;
    if (HasDate(a.has_served(), a.served())) {
      return CaseRefused(
          c,
          absl::StrCat("已记录 ", r.ordered_by(), " 责令的重新答复（重新答复 ",
                       a.id(), "，送达日期 ", FormatIsoDate(a.served()), "）"));
    }
    index = i;
  }
  v1::ReAnswer a;
  if (index >= 0) {
    a = c.re_answers(index);
  } else {
    a.set_id(next_id);
    a.set_ordered_by(r.ordered_by());
  }

  if (HasDate(r.has_ordered(), r.ordered())) {
    *a.mutable_ordered() = r.ordered();
  } else if (!HasDate(a.has_ordered(), a.ordered()) && decided.has_value()) {
    *a.mutable_ordered() = *decided;
  }
  if (!HasDate(a.has_ordered(), a.ordered())) {
    return InvalidField("ordered", absl::StrCat("必须填写（", r.ordered_by(),
                                                " 未记录决定日期）"));
  }
  OGI_ASSIGN_OR_RETURN(const Day ordered,
                       PastDate(true, a.ordered(), "ordered", today));
  OGI_ASSIGN_OR_RETURN(const Day concluded, ToCivilDay(c.conclusion().served(),
                                                       "conclusion.served"));
  OGI_RETURN_IF_ERROR(NotBefore(ordered, concluded, "ordered", "本案办结日期"));
  if (HasDate(r.has_due(), r.due())) *a.mutable_due() = r.due();
  std::optional<Day> due;
  if (HasDate(a.has_due(), a.due())) {
    OGI_ASSIGN_OR_RETURN(due, ToCivilDay(a.due(), "due"));
    if (*due < ordered) {
      return InvalidField("due",
                          absl::StrCat(FormatIsoDate(*due), " 早于 ordered（",
                                       FormatIsoDate(ordered), "）"));
    }
  } else {
    return InvalidField("due", absl::StrCat("必须填写：", r.ordered_by(),
                                            " 的决定为重新答复确定的期限"));
  }

  const bool answered = HasDate(r.has_served(), r.served());
  if (!answered) {
    if (r.outcome() != v1::OUTCOME_UNSPECIFIED) {
      return InvalidField("outcome",
                          "只能与 served（重新答复的送达日期）一并填写");
    }
    if (r.service_method() != v1::SERVICE_METHOD_UNSPECIFIED) {
      return InvalidField("service_method",
                          "只能与 served（重新答复的送达日期）一并填写");
    }
    if (!r.note().empty()) {
      return InvalidField("note",
                          "只能与 served（重新答复的送达日期）一并填写");
    }
  } else {
    if (r.outcome() == v1::OUTCOME_UNSPECIFIED ||
        !v1::Outcome_IsValid(r.outcome())) {
      return InvalidField("outcome",
                          "填写 served 时必须填写（重新答复的办理结果）");
    }
    if (!v1::ServiceMethod_IsValid(r.service_method())) {
      return InvalidField("service_method",
                          absl::StrCat("未知的送达方式 ", r.service_method()));
    }
    if (!r.note().empty()) {
      OGI_RETURN_IF_ERROR(ValidateText(r.note(), "note", kMaxReasonLength,
                                       /*multiline=*/true));
    }
    OGI_ASSIGN_OR_RETURN(const Day served,
                         PastDate(true, r.served(), "served", today));
    if (served < ordered) {
      return InvalidField("served",
                          absl::StrCat(FormatIsoDate(served), " 早于 ordered（",
                                       FormatIsoDate(ordered), "）"));
    }
    a.set_outcome(r.outcome());
    a.set_service_method(r.service_method() != v1::SERVICE_METHOD_UNSPECIFIED
                             ? r.service_method()
                             : DefaultServiceMethod(c.delivery_method()));
    *a.mutable_served() = r.served();
    a.set_note(r.note());
    a.set_served_late(served > *due);
  }

  const FieldValues before =
      index >= 0 ? ReAnswerValues(c.re_answers(index)) : FieldValues();
  std::vector<v1::FieldChange> changes = Diff(before, ReAnswerValues(a));
  if (changes.empty()) {
    return CaseRefused(
        c, absl::StrCat("已记录 ", r.ordered_by(), " 的责令重新答复（重新答复 ",
                        a.id(), "，期限 ", FormatIsoDate(*due),
                        "），请用 served 记录重新答复的送达"));
  }
  v1::CaseEvent event;
  event.set_type(answered ? v1::CASE_EVENT_TYPE_REANSWERED
                          : v1::CASE_EVENT_TYPE_REANSWER_ORDERED);
  AddChanges(std::move(changes), event);
  if (index >= 0) {
    *c.mutable_re_answers(index) = std::move(a);
  } else {
    *c.add_re_answers() = std::move(a);
  }
  return event;
}

}  // namespace ogi
