#include "services/proceedings/proceeding_steps.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/text_fields.h"
#include "services/proceedings/proceeding_deadlines.h"
#include "services/proceedings/proceeding_derived.h"
#include "services/proceedings/proceeding_ids.h"
#include "services/proceedings/result_column.h"

namespace ogi {
namespace {

using Day = absl::CivilDay;
using Changes = std::vector<v1::FieldChange>;

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

std::string Iso(Day day) { return FormatIsoDate(day); }

bool HasDate(bool has, const v1::Date& date) { return has && !IsUnset(date); }

// A date the case records: nullopt when unset (or, against the invariants,
// not a calendar date).
std::optional<Day> Recorded(bool has, const v1::Date& date) {
  if (!HasDate(has, date)) return std::nullopt;
  absl::StatusOr<Day> day = ToCivilDay(date, "");
  return day.ok() ? std::optional<Day>(*day) : std::nullopt;
}

// An optional date of the request of something that has happened: nullopt
// when unset; INVALID_ARGUMENT when not a calendar date or after `today`.
absl::StatusOr<std::optional<Day>> PastDate(bool has, const v1::Date& date,
                                            absl::string_view field,
                                            Day today) {
  if (!HasDate(has, date)) return std::optional<Day>();
  OGI_ASSIGN_OR_RETURN(const Day day, ToCivilDay(date, field));
  if (day > today) {
    return Invalid(field,
                   absl::StrCat(Iso(day), " 晚于今天（", Iso(today), "）"));
  }
  return std::optional<Day>(day);
}

// As PastDate, but required: "<field>: 必须填写".
absl::StatusOr<Day> RequiredPastDate(bool has, const v1::Date& date,
                                     absl::string_view field, Day today) {
  OGI_ASSIGN_OR_RETURN(const std::optional<Day> day,
                       PastDate(has, date, field, today));
  if (!day.has_value()) return Invalid(field, "必须填写");
  return *day;
}

// FAILED_PRECONDITION "<field>: <day> 早于<what>（<bound>）".
absl::Status NotBefore(Day day, std::optional<Day> bound,
                       absl::string_view field, absl::string_view what) {
  if (bound.has_value() && day < *bound) {
    return absl::FailedPreconditionError(absl::StrCat(
        field, ": ", Iso(day), " 早于", what, "（", Iso(*bound), "）"));
  }
  return absl::OkStatus();
}

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

template <typename E>
std::string Identifier(const google::protobuf::EnumDescriptor* type, E value) {
  return value == 0 ? std::string() : EnumIdentifier(type, value);
}

std::string DecisionName(v1::ProceedingDecision decision) {
  return Identifier(v1::ProceedingDecision_descriptor(), decision);
}

absl::Status OneOf(absl::string_view field,
                   const google::protobuf::EnumDescriptor* type) {
  return Invalid(field,
                 absl::StrCat("须为以下之一：",
                              absl::StrJoin(EnumIdentifiers(type), ", ")));
}

// The facts a step records, as FieldChanges under one proceeding's path.
class Facts {
 public:
  Facts(ProceedingKind kind, std::string id)
      : kind_(kind), id_(std::move(id)) {}

  // Records a change of `field` unless the value stays the same.
  void Text(absl::string_view field, std::string old_value,
            std::string new_value) {
    Path(ProceedingFieldPath(kind_, id_, field), std::move(old_value),
         std::move(new_value));
  }

  // Sets `*target` to `value` and records the change.
  void Date(absl::string_view field, v1::Date* target, Day value) {
    std::string old_value = FormatIsoDate(*target);
    *target = ToProtoDate(value);
    Text(field, std::move(old_value), Iso(value));
  }

  // A change of any path of the case.
  void Path(std::string path, std::string old_value, std::string new_value) {
    if (old_value == new_value) return;
    v1::FieldChange& change = changes_.emplace_back();
    change.set_field(std::move(path));
    change.set_old_value(std::move(old_value));
    change.set_new_value(std::move(new_value));
  }

  const std::string& id() const { return id_; }
  bool empty() const { return changes_.empty(); }
  Changes Take() { return std::move(changes_); }

 private:
  const ProceedingKind kind_;
  const std::string id_;
  Changes changes_;
};

// Applies `edit` to a copy of `c` whose derived fields are fresh, refreshes
// them again, and only on success replaces `c` and returns the event: the
// facts `edit` returns, then the derived fields that moved.
template <typename Edit>
absl::StatusOr<v1::CaseEvent> Record(v1::CaseEventType type, Day today,
                                     const WorkingCalendar& calendar,
                                     v1::Case& c, const Edit& edit) {
  v1::Case work = c;
  OGI_RETURN_IF_ERROR(RefreshProceedings(work, today, calendar));
  const v1::Case before = work;
  OGI_ASSIGN_OR_RETURN(Changes facts, edit(work));
  OGI_RETURN_IF_ERROR(RefreshProceedings(work, today, calendar));
  v1::CaseEvent event;
  event.set_type(type);
  for (v1::FieldChange& change : facts)
    *event.add_changes() = std::move(change);
  for (v1::FieldChange& change : DiffDerivedProceedingFields(before, work)) {
    *event.add_changes() = std::move(change);
  }
  c = std::move(work);
  return event;
}

// The receipt date, or FAILED_PRECONDITION when the case has none yet.
absl::StatusOr<Day> ReceiptOf(const v1::Case& c) {
  const std::optional<Day> receipt =
      Recorded(c.has_receipt_date(), c.receipt_date());
  if (!receipt.has_value()) {
    return Refused(
        absl::StrCat("案件 ", c.number(), " 尚无收到申请日期（待确认收到）"));
  }
  return *receipt;
}

// The review or lawsuit `id` (request field `field`) of `c`.
template <typename Message>
absl::StatusOr<Message*> Find(google::protobuf::RepeatedPtrField<Message>& list,
                              const v1::Case& c, ProceedingKind kind,
                              const std::string& id, absl::string_view field) {
  OGI_ASSIGN_OR_RETURN(const ProceedingId parsed,
                       ParseProceedingId(id, kind, field));
  if (parsed.case_number != c.number()) {
    return Invalid(field, absl::StrCat("\"", id, "\" 不是案件 ", c.number(),
                                       " 的", KindName(kind)));
  }
  for (Message& m : list) {
    if (m.id() == id) return &m;
  }
  return absl::NotFoundError(
      absl::StrCat("案件 ", c.number(), " 没有", KindName(kind), " ", id));
}

absl::StatusOr<v1::Review*> FindReview(v1::Case& c, const std::string& id,
                                       absl::string_view field) {
  return Find(*c.mutable_reviews(), c, ProceedingKind::kReview, id, field);
}

absl::StatusOr<v1::Lawsuit*> FindLawsuit(v1::Case& c, const std::string& id) {
  return Find(*c.mutable_lawsuits(), c, ProceedingKind::kLawsuit, id, "id");
}

// A decision as a request gives it, validated on its own.
struct Decision {
  v1::ProceedingDecision decision = v1::PROCEEDING_DECISION_UNSPECIFIED;
  Day date;
  std::optional<Day> reanswer_due;
};

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
      return Invalid("decision", absl::StrCat("须为以下之一：", one_of));
    }
    return Invalid("decision",
                   absl::StrCat(DecisionName(decision), " 不是",
                                StageName(stage), "，须为以下之一：", one_of));
  }
  Decision parsed;
  parsed.decision = decision;
  OGI_ASSIGN_OR_RETURN(parsed.date,
                       RequiredPastDate(has_date, date, date_field, today));
  if (HasDate(has_due, due)) {
    OGI_ASSIGN_OR_RETURN(const Day reanswer_due,
                         ToCivilDay(due, "reanswer_due"));
    if (!OrdersNewAnswer(decision)) {
      return Invalid(
          "reanswer_due",
          absl::StrCat("只有责令重新答复的决定（revoked、ordered_to_perform）"
                       "才设重新答复期限，",
                       DecisionName(decision), " 不设"));
    }
    if (reanswer_due <= parsed.date) {
      return Invalid("reanswer_due",
                     absl::StrCat(Iso(reanswer_due), " 须晚于 ", date_field,
                                  "（", Iso(parsed.date), "）"));
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
  facts.Path(path + "ordered", "", Iso(d.date));
  facts.Path(path + "due", "", Iso(*d.reanswer_due));
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

// What reviews and lawsuits share: the agency receives a copy (of the review
// application, of the complaint), then files its defence, once.
struct CopyAndDefence {
  ProceedingKind kind;
  const std::string& id;
  absl::string_view prefix;      // of the request's field names
  absl::string_view copy_field;  // "copy_received" / "complaint_received"
  absl::string_view copy_what;   // "收到复议申请书副本的日期"
  std::optional<Day> filed, recorded_copy, recorded_defence;
};

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
    return Invalid(defence_name,
                   absl::StrCat(Iso(*defence), " 早于 ", copy_name, "（",
                                Iso(*copy), "）"));
  }
  if (copy.has_value()) {
    OGI_RETURN_IF_ERROR(NotBefore(*copy, rules.filed, copy_name, filed_what));
    if (!defence.has_value() && rules.recorded_defence.has_value() &&
        *rules.recorded_defence < *copy) {
      return Refused(absl::StrCat(copy_name, ": ", Iso(*copy),
                                  " 晚于答辩日期（",
                                  Iso(*rules.recorded_defence), "）"));
    }
  }
  if (defence.has_value()) {
    if (rules.recorded_defence.has_value()) {
      return Refused(absl::StrCat(KindName(rules.kind), " ", rules.id,
                                  " 已答辩（答辩日期 ",
                                  Iso(*rules.recorded_defence), "）"));
    }
    OGI_RETURN_IF_ERROR(
        NotBefore(*defence, rules.filed, defence_name, filed_what));
    OGI_RETURN_IF_ERROR(NotBefore(*defence,
                                  copy.has_value() ? copy : rules.recorded_copy,
                                  defence_name, rules.copy_what));
  }
  return absl::OkStatus();
}

// --- Reviews ---------------------------------------------------------------

// The progress fields a filing may carry, as a progress request.
v1::RecordReviewProgressRequest ProgressOf(const v1::Review& in) {
  v1::RecordReviewProgressRequest p;
  if (in.has_copy_received()) *p.mutable_copy_received() = in.copy_received();
  if (in.has_accepted()) *p.mutable_accepted() = in.accepted();
  if (in.has_defence_filed()) *p.mutable_defence_filed() = in.defence_filed();
  p.set_procedure(in.procedure());
  p.set_note(in.note());
  return p;
}

// Checks the extension and procedure rules of Review law Art. 62 for a
// request that sets `procedure` (UNSPECIFIED: unchanged) and maybe extends.
absl::Status CheckDecisionPeriod(const v1::Review& review,
                                 v1::ReviewProcedure procedure, bool extend,
                                 bool accepted_given) {
  const std::string& id = review.id();
  const bool to_simplified = procedure == v1::REVIEW_PROCEDURE_SIMPLIFIED;
  if (to_simplified && review.decision_period_extended()) {
    return Refused(absl::StrCat(
        "行政复议 ", id,
        " 已延长决定期限，只有普通程序可以延长（行政复议法第六十二条），"
        "不能改为简易程序"));
  }
  if (!extend) return absl::OkStatus();
  if (review.decision_period_extended()) {
    return Refused(
        absl::StrCat("行政复议 ", id,
                     " 已延长过决定期限；行政复议法第六十二条只允许延长一次"));
  }
  if (review.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
    return Refused(absl::StrCat("行政复议 ", id, " 已于 ",
                                DecidedOn(review.decided(), review.decision()),
                                "作出决定"));
  }
  if (to_simplified || review.procedure() == v1::REVIEW_PROCEDURE_SIMPLIFIED) {
    return Refused(absl::StrCat(
        "行政复议 ", id,
        " 适用简易程序，30 日的决定期限不能延长（行政复议法第六十二条）"));
  }
  if (!accepted_given &&
      !Recorded(review.has_accepted(), review.accepted()).has_value()) {
    return Refused(
        absl::StrCat("行政复议 ", id, " 没有受理日期，而决定期限自受理起算"));
  }
  return absl::OkStatus();
}

// Validates the fields `p` sets (named with `prefix`) against `review` and
// records them.
absl::Status ApplyReviewProgress(const v1::RecordReviewProgressRequest& p,
                                 absl::string_view prefix, Day today,
                                 v1::Review& review, Facts& facts) {
  const auto name = [prefix](absl::string_view field) {
    return absl::StrCat(prefix, field);
  };
  OGI_ASSIGN_OR_RETURN(const std::optional<Day> copy,
                       PastDate(p.has_copy_received(), p.copy_received(),
                                name("copy_received"), today));
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> accepted,
      PastDate(p.has_accepted(), p.accepted(), name("accepted"), today));
  OGI_ASSIGN_OR_RETURN(const std::optional<Day> defence,
                       PastDate(p.has_defence_filed(), p.defence_filed(),
                                name("defence_filed"), today));
  if (!v1::ReviewProcedure_IsValid(p.procedure())) {
    return OneOf(name("procedure"), v1::ReviewProcedure_descriptor());
  }
  OGI_RETURN_IF_ERROR(OptionalNote(p.note(), name("note")));

  const std::optional<Day> filed = Recorded(review.has_filed(), review.filed());
  OGI_RETURN_IF_ERROR(CheckCopyAndDefence(
      {ProceedingKind::kReview, review.id(), prefix, "copy_received",
       "收到复议申请书副本的日期", filed,
       Recorded(review.has_copy_received(), review.copy_received()),
       Recorded(review.has_defence_filed(), review.defence_filed())},
      copy, defence));
  if (accepted.has_value()) {
    OGI_RETURN_IF_ERROR(
        NotBefore(*accepted, filed, name("accepted"), "行政复议申请日期"));
    const std::optional<Day> decided =
        review.decision() == v1::PROCEEDING_DECISION_UNSPECIFIED
            ? std::nullopt
            : Recorded(review.has_decided(), review.decided());
    if (decided.has_value() && *decided < *accepted) {
      return Refused(absl::StrCat(name("accepted"), ": ", Iso(*accepted),
                                  " 晚于复议决定日期（", Iso(*decided), "）"));
    }
  }
  OGI_RETURN_IF_ERROR(CheckDecisionPeriod(
      review, p.procedure(), p.extend_decision_period(), accepted.has_value()));

  if (copy.has_value()) {
    facts.Date("copy_received", review.mutable_copy_received(), *copy);
  }
  if (accepted.has_value()) {
    facts.Date("accepted", review.mutable_accepted(), *accepted);
  }
  if (p.procedure() != v1::REVIEW_PROCEDURE_UNSPECIFIED) {
    const auto* type = v1::ReviewProcedure_descriptor();
    facts.Text("procedure", Identifier(type, review.procedure()),
               Identifier(type, p.procedure()));
    review.set_procedure(p.procedure());
  }
  if (defence.has_value()) {
    facts.Date("defence_filed", review.mutable_defence_filed(), *defence);
  }
  if (p.extend_decision_period()) {
    facts.Text("decision_period_extended", "", "true");
    review.set_decision_period_extended(true);
  }
  if (!p.note().empty()) {
    facts.Text("note", review.note(), p.note());
    review.set_note(p.note());
  }
  return absl::OkStatus();
}

// --- Lawsuits --------------------------------------------------------------

v1::RecordLawsuitProgressRequest ProgressOf(const v1::Lawsuit& in) {
  v1::RecordLawsuitProgressRequest p;
  if (in.has_complaint_received()) {
    *p.mutable_complaint_received() = in.complaint_received();
  }
  if (in.has_defence_filed()) *p.mutable_defence_filed() = in.defence_filed();
  p.set_simplified(in.simplified());
  p.set_note(in.note());
  return p;
}

absl::Status ApplyLawsuitProgress(const v1::RecordLawsuitProgressRequest& p,
                                  absl::string_view prefix, Day today,
                                  v1::Lawsuit& lawsuit, Facts& facts) {
  const auto name = [prefix](absl::string_view field) {
    return absl::StrCat(prefix, field);
  };
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> complaint,
      PastDate(p.has_complaint_received(), p.complaint_received(),
               name("complaint_received"), today));
  OGI_ASSIGN_OR_RETURN(const std::optional<Day> defence,
                       PastDate(p.has_defence_filed(), p.defence_filed(),
                                name("defence_filed"), today));
  OGI_RETURN_IF_ERROR(OptionalNote(p.note(), name("note")));
  OGI_RETURN_IF_ERROR(CheckCopyAndDefence(
      {ProceedingKind::kLawsuit, lawsuit.id(), prefix, "complaint_received",
       "收到起诉状副本的日期", Recorded(lawsuit.has_filed(), lawsuit.filed()),
       Recorded(lawsuit.has_complaint_received(), lawsuit.complaint_received()),
       Recorded(lawsuit.has_defence_filed(), lawsuit.defence_filed())},
      complaint, defence));

  if (complaint.has_value()) {
    facts.Date("complaint_received", lawsuit.mutable_complaint_received(),
               *complaint);
  }
  if (defence.has_value()) {
    facts.Date("defence_filed", lawsuit.mutable_defence_filed(), *defence);
  }
  if (p.simplified() && !lawsuit.simplified()) {
    facts.Text("simplified", "", "true");
    lawsuit.set_simplified(true);
  }
  if (!p.note().empty()) {
    facts.Text("note", lawsuit.note(), p.note());
    lawsuit.set_note(p.note());
  }
  return absl::OkStatus();
}

absl::Status NothingNew(const Facts& facts, ProceedingKind kind) {
  if (!facts.empty()) return absl::OkStatus();
  return Invalid("id", absl::StrCat(KindName(kind), " ", facts.id(),
                                    " 没有新的内容可记录"));
}

}  // namespace

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::FileReviewRequest& r, Day today, const WorkingCalendar& calendar,
    v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_REVIEW_FILED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptOf(w));
        const v1::Review& in = r.review();
        OGI_RETURN_IF_ERROR(ValidateText(in.organ(), "review.organ",
                                         kMaxNameLength, /*multiline=*/false));
        OGI_ASSIGN_OR_RETURN(const Day filed,
                             RequiredPastDate(in.has_filed(), in.filed(),
                                              "review.filed", today));
        if (in.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED ||
            HasDate(in.has_decided(), in.decided())) {
          return Invalid(
              "review.decision",
              "在作出复议决定时（DecideReview）记录，不在申请时记录");
        }
        if (in.decision_period_extended()) {
          return Invalid(
              "review.decision_period_extended",
              "在复议进展（RecordReviewProgress）中记录，不在申请时记录");
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(filed, receipt, "review.filed",
                      absl::StrCat("案件 ", w.number(), " 的收到申请日期")));

        v1::Review review;
        review.set_id(FormatProceedingId(w.number(), ProceedingKind::kReview,
                                         w.reviews_size() + 1));
        Facts facts(ProceedingKind::kReview, review.id());
        facts.Text("organ", "", in.organ());
        review.set_organ(in.organ());
        facts.Date("filed", review.mutable_filed(), filed);
        // Stored explicitly, so the history says which clock runs.
        review.set_procedure(v1::REVIEW_PROCEDURE_ORDINARY);
        facts.Text("procedure", "",
                   Identifier(v1::ReviewProcedure_descriptor(),
                              v1::REVIEW_PROCEDURE_ORDINARY));
        OGI_RETURN_IF_ERROR(ApplyReviewProgress(ProgressOf(in), "review.",
                                                today, review, facts));
        *w.add_reviews() = std::move(review);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::RecordReviewProgressRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_REVIEW_PROGRESS, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Review * review, FindReview(w, r.id(), "id"));
        Facts facts(ProceedingKind::kReview, review->id());
        OGI_RETURN_IF_ERROR(ApplyReviewProgress(r, "", today, *review, facts));
        OGI_RETURN_IF_ERROR(NothingNew(facts, ProceedingKind::kReview));
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::DecideReviewRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_REVIEW_DECIDED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Review * review, FindReview(w, r.id(), "id"));
        OGI_ASSIGN_OR_RETURN(
            const Decision d,
            ParseDecision(DecisionStage::kReview, r.decision(), r.has_decided(),
                          r.decided(), "decided", r.has_reanswer_due(),
                          r.reanswer_due(), today));
        if (review->decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
          return Refused(absl::StrCat(
              "行政复议 ", review->id(), " 已于 ",
              DecidedOn(review->decided(), review->decision()), "作出决定"));
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(d.date, Recorded(review->has_filed(), review->filed()),
                      "decided", "行政复议申请日期"));
        OGI_RETURN_IF_ERROR(NotBefore(
            d.date, Recorded(review->has_accepted(), review->accepted()),
            "decided", "行政复议受理日期"));
        Facts facts(ProceedingKind::kReview, review->id());
        review->set_decision(d.decision);
        RecordDecision(d, "decision", "decided", review->mutable_decided(),
                       facts);
        AddReAnswer(d, w, facts);
        return facts.Take();
      });
}

// A suit after review (复议后起诉) is possible once the review is decided or
// its decision period has run out (Litigation law Art. 45); before that the
// applicant can only sue directly. FAILED_PRECONDITION "lawsuit.filed: ..."
// naming the first possible day.
absl::Status CheckSuitAfterReview(const v1::Review& review, Day filed,
                                  const WorkingCalendar& calendar) {
  OGI_ASSIGN_OR_RETURN(const ProceedingDue possible,
                       SuitAfterReviewPossibleFrom(review, calendar));
  if (filed >= possible.date) return absl::OkStatus();
  const bool decided = review.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED;
  const std::string when =
      decided ? absl::StrCat("复议 ", review.id(), " 于 ", Iso(possible.date),
                             " 作出决定")
              : absl::StrCat("复议 ", review.id(), " 尚未作出决定，复议期限至 ",
                             Iso(possible.date - 1), " 届满");
  return absl::FailedPreconditionError(
      absl::StrCat("lawsuit.filed: ", Iso(filed), " 不能复议后起诉：", when,
                   "；自 ", Iso(possible.date), " 起方可复议后起诉",
                   possible.provisional ? "（暂定）" : "",
                   "（行政诉讼法第四十五条）；不经复议直接起诉不受此限"));
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::FileLawsuitRequest& r, Day today, const WorkingCalendar& calendar,
    v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_FILED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptOf(w));
        const v1::Lawsuit& in = r.lawsuit();
        OGI_RETURN_IF_ERROR(ValidateText(in.court(), "lawsuit.court",
                                         kMaxNameLength, /*multiline=*/false));
        OGI_ASSIGN_OR_RETURN(const Day filed,
                             RequiredPastDate(in.has_filed(), in.filed(),
                                              "lawsuit.filed", today));
        if (!v1::LawsuitRole_IsValid(in.role())) {
          return OneOf("lawsuit.role", v1::LawsuitRole_descriptor());
        }
        if (in.has_first_instance()) {
          return Invalid(
              "lawsuit.first_instance",
              "在记录一审裁判时（JudgeLawsuit）记录，不在起诉时记录");
        }
        if (in.has_appeal()) {
          return Invalid("lawsuit.appeal",
                         "在记录上诉时（AppealLawsuit）记录，不在起诉时记录");
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(filed, receipt, "lawsuit.filed",
                      absl::StrCat("案件 ", w.number(), " 的收到申请日期")));
        if (!in.after_review_id().empty()) {
          OGI_ASSIGN_OR_RETURN(
              const v1::Review* review,
              FindReview(w, in.after_review_id(), "lawsuit.after_review_id"));
          OGI_RETURN_IF_ERROR(CheckSuitAfterReview(*review, filed, calendar));
        }

        v1::Lawsuit lawsuit;
        lawsuit.set_id(FormatProceedingId(w.number(), ProceedingKind::kLawsuit,
                                          w.lawsuits_size() + 1));
        Facts facts(ProceedingKind::kLawsuit, lawsuit.id());
        facts.Text("court", "", in.court());
        lawsuit.set_court(in.court());
        facts.Date("filed", lawsuit.mutable_filed(), filed);
        facts.Text("after_review_id", "", in.after_review_id());
        lawsuit.set_after_review_id(in.after_review_id());
        const v1::LawsuitRole role = in.role() == v1::LAWSUIT_ROLE_UNSPECIFIED
                                         ? v1::LAWSUIT_ROLE_DEFENDANT
                                         : in.role();
        facts.Text("role", "", Identifier(v1::LawsuitRole_descriptor(), role));
        lawsuit.set_role(role);
        OGI_RETURN_IF_ERROR(ApplyLawsuitProgress(ProgressOf(in), "lawsuit.",
                                                 today, lawsuit, facts));
        *w.add_lawsuits() = std::move(lawsuit);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::RecordLawsuitProgressRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_PROGRESS, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Lawsuit * lawsuit, FindLawsuit(w, r.id()));
        Facts facts(ProceedingKind::kLawsuit, lawsuit->id());
        OGI_RETURN_IF_ERROR(
            ApplyLawsuitProgress(r, "", today, *lawsuit, facts));
        OGI_RETURN_IF_ERROR(NothingNew(facts, ProceedingKind::kLawsuit));
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::JudgeLawsuitRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_JUDGED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Lawsuit * lawsuit, FindLawsuit(w, r.id()));
        OGI_ASSIGN_OR_RETURN(
            const Decision d,
            ParseDecision(DecisionStage::kFirstInstance, r.decision(),
                          r.has_date(), r.date(), "date", r.has_reanswer_due(),
                          r.reanswer_due(), today));
        const v1::Judgment& recorded = lawsuit->first_instance();
        if (recorded.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
          return Refused(absl::StrCat(
              "行政诉讼 ", lawsuit->id(), " 已于 ",
              DecidedOn(recorded.date(), recorded.decision()), "作出一审裁判"));
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(d.date, Recorded(lawsuit->has_filed(), lawsuit->filed()),
                      "date", "起诉日期"));
        Facts facts(ProceedingKind::kLawsuit, lawsuit->id());
        v1::Judgment* judgment = lawsuit->mutable_first_instance();
        judgment->set_decision(d.decision);
        RecordDecision(d, "first_instance.decision", "first_instance.date",
                       judgment->mutable_date(), facts);
        AddReAnswer(d, w, facts);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::AppealLawsuitRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_APPEALED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Lawsuit * lawsuit, FindLawsuit(w, r.id()));
        OGI_ASSIGN_OR_RETURN(
            const Day filed,
            RequiredPastDate(r.has_filed(), r.filed(), "filed", today));
        OGI_RETURN_IF_ERROR(OptionalName(r.appellant(), "appellant"));
        OGI_RETURN_IF_ERROR(OptionalName(r.court(), "court"));
        const v1::Judgment& judgment = lawsuit->first_instance();
        if (judgment.decision() == v1::PROCEEDING_DECISION_UNSPECIFIED) {
          return Refused(absl::StrCat("行政诉讼 ", lawsuit->id(),
                                      " 尚无一审裁判，无从上诉"));
        }
        if (lawsuit->has_appeal()) {
          return Refused(absl::StrCat("行政诉讼 ", lawsuit->id(), " 已于 ",
                                      FormatIsoDate(lawsuit->appeal().filed()),
                                      " 提起上诉"));
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(filed, Recorded(judgment.has_date(), judgment.date()),
                      "filed", "一审裁判日期"));
        Facts facts(ProceedingKind::kLawsuit, lawsuit->id());
        v1::Appeal* appeal = lawsuit->mutable_appeal();
        facts.Date("appeal.filed", appeal->mutable_filed(), filed);
        facts.Text("appeal.appellant", "", r.appellant());
        appeal->set_appellant(r.appellant());
        facts.Text("appeal.court", "", r.court());
        appeal->set_court(r.court());
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyProceedingStep(
    const v1::DecideAppealRequest& r, Day today,
    const WorkingCalendar& calendar, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_APPEAL_DECIDED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Lawsuit * lawsuit, FindLawsuit(w, r.id()));
        OGI_ASSIGN_OR_RETURN(
            const Decision d,
            ParseDecision(DecisionStage::kAppeal, r.decision(), r.has_date(),
                          r.date(), "date", r.has_reanswer_due(),
                          r.reanswer_due(), today));
        if (!lawsuit->has_appeal()) {
          return Refused(absl::StrCat("行政诉讼 ", lawsuit->id(),
                                      " 没有上诉，无从记录二审裁判"));
        }
        v1::Appeal* appeal = lawsuit->mutable_appeal();
        if (appeal->result().decision() !=
            v1::PROCEEDING_DECISION_UNSPECIFIED) {
          return Refused(absl::StrCat(
              "行政诉讼 ", lawsuit->id(), " 的上诉已于 ",
              DecidedOn(appeal->result().date(), appeal->result().decision()),
              "作出二审裁判"));
        }
        OGI_RETURN_IF_ERROR(
            NotBefore(d.date, Recorded(appeal->has_filed(), appeal->filed()),
                      "date", "上诉日期"));
        Facts facts(ProceedingKind::kLawsuit, lawsuit->id());
        v1::Judgment* result = appeal->mutable_result();
        result->set_decision(d.decision);
        RecordDecision(d, "appeal.result.decision", "appeal.result.date",
                       result->mutable_date(), facts);
        AddReAnswer(d, w, facts);
        return facts.Take();
      });
}

}  // namespace ogi
