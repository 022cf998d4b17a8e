#include "services/proceedings/review_steps.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/civil_date.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"
#include "services/common/step_rules.h"
#include "services/common/text_fields.h"
#include "services/proceedings/proceeding_step_parts.h"

namespace ogi {

using proceeding_steps::AddReAnswer;
using proceeding_steps::Changes;
using proceeding_steps::CheckCopyAndDefence;
using proceeding_steps::Day;
using proceeding_steps::DecidedOn;
using proceeding_steps::Decision;
using proceeding_steps::EnumText;
using proceeding_steps::Facts;
using proceeding_steps::FindReview;
using proceeding_steps::NothingNew;
using proceeding_steps::OneOf;
using proceeding_steps::OptionalNote;
using proceeding_steps::ParseDecision;
using proceeding_steps::Record;
using proceeding_steps::RecordDecision;
using proceeding_steps::Refused;

namespace {

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
      !RecordedDay(review.has_accepted(), review.accepted()).has_value()) {
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
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> copy,
      OptionalPastDate(p.has_copy_received(), p.copy_received(),
                       name("copy_received"), today));
  OGI_ASSIGN_OR_RETURN(const std::optional<Day> accepted,
                       OptionalPastDate(p.has_accepted(), p.accepted(),
                                        name("accepted"), today));
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> defence,
      OptionalPastDate(p.has_defence_filed(), p.defence_filed(),
                       name("defence_filed"), today));
  if (!v1::ReviewProcedure_IsValid(p.procedure())) {
    return OneOf(name("procedure"), v1::ReviewProcedure_descriptor());
  }
  OGI_RETURN_IF_ERROR(OptionalNote(p.note(), name("note")));

  const std::optional<Day> filed =
      RecordedDay(review.has_filed(), review.filed());
  OGI_RETURN_IF_ERROR(CheckCopyAndDefence(
      {ProceedingKind::kReview, review.id(), prefix, "copy_received",
       "收到复议申请书副本的日期", filed,
       RecordedDay(review.has_copy_received(), review.copy_received()),
       RecordedDay(review.has_defence_filed(), review.defence_filed())},
      copy, defence));
  if (accepted.has_value()) {
    OGI_RETURN_IF_ERROR(
        NotBefore(*accepted, filed, name("accepted"), "行政复议申请日期"));
    const std::optional<Day> decided =
        review.decision() == v1::PROCEEDING_DECISION_UNSPECIFIED
            ? std::nullopt
            : RecordedDay(review.has_decided(), review.decided());
    if (decided.has_value() && *decided < *accepted) {
      return Refused(
          absl::StrCat(name("accepted"), ": ", FormatIsoDate(*accepted),
                       " 晚于复议决定日期（", FormatIsoDate(*decided), "）"));
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
    facts.Text("procedure", EnumText(type, review.procedure()),
               EnumText(type, p.procedure()));
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

}  // namespace

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::FileReviewRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_REVIEW_FILED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(w));
        const v1::Review& in = r.review();
        OGI_RETURN_IF_ERROR(ValidateText(in.organ(), "review.organ",
                                         kMaxNameLength, /*multiline=*/false));
        OGI_ASSIGN_OR_RETURN(
            const Day filed,
            PastDate(in.has_filed(), in.filed(), "review.filed", today));
        if (in.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED ||
            HasDate(in.has_decided(), in.decided())) {
          return InvalidField(
              "review.decision",
              "在作出复议决定时（DecideReview）记录，不在申请时记录");
        }
        if (in.decision_period_extended()) {
          return InvalidField(
              "review.decision_period_extended",
              "在复议进展（RecordReviewProgress）中记录，不在申请时记录");
        }
        OGI_RETURN_IF_ERROR(
            NotBeforeReceipt(filed, receipt, w, "review.filed"));

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
                   EnumText(v1::ReviewProcedure_descriptor(),
                            v1::REVIEW_PROCEDURE_ORDINARY));
        OGI_RETURN_IF_ERROR(ApplyReviewProgress(ProgressOf(in), "review.",
                                                today, review, facts));
        *w.add_reviews() = std::move(review);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::RecordReviewProgressRequest& r, Day today,
    const WorkingCalendar& calendar, const ClockPolicy&, v1::Case& c) {
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

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DecideReviewRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
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
            NotBefore(d.date, RecordedDay(review->has_filed(), review->filed()),
                      "decided", "行政复议申请日期"));
        OGI_RETURN_IF_ERROR(NotBefore(
            d.date, RecordedDay(review->has_accepted(), review->accepted()),
            "decided", "行政复议受理日期"));
        Facts facts(ProceedingKind::kReview, review->id());
        review->set_decision(d.decision);
        RecordDecision(d, "decision", "decided", review->mutable_decided(),
                       facts);
        AddReAnswer(d, w, facts);
        return facts.Take();
      });
}

}  // namespace ogi
