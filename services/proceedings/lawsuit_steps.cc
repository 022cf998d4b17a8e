#include "services/proceedings/lawsuit_steps.h"

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
#include "services/proceedings/proceeding_deadlines.h"
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
using proceeding_steps::FindLawsuit;
using proceeding_steps::FindReview;
using proceeding_steps::NothingNew;
using proceeding_steps::OneOf;
using proceeding_steps::OptionalName;
using proceeding_steps::OptionalNote;
using proceeding_steps::ParseDecision;
using proceeding_steps::Record;
using proceeding_steps::RecordDecision;
using proceeding_steps::Refused;

namespace {

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
      OptionalPastDate(p.has_complaint_received(), p.complaint_received(),
                       name("complaint_received"), today));
  OGI_ASSIGN_OR_RETURN(
      const std::optional<Day> defence,
      OptionalPastDate(p.has_defence_filed(), p.defence_filed(),
                       name("defence_filed"), today));
  OGI_RETURN_IF_ERROR(OptionalNote(p.note(), name("note")));
  OGI_RETURN_IF_ERROR(CheckCopyAndDefence(
      {ProceedingKind::kLawsuit, lawsuit.id(), prefix, "complaint_received",
       "收到起诉状副本的日期",
       RecordedDay(lawsuit.has_filed(), lawsuit.filed()),
       RecordedDay(lawsuit.has_complaint_received(),
                   lawsuit.complaint_received()),
       RecordedDay(lawsuit.has_defence_filed(), lawsuit.defence_filed())},
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
      decided ? absl::StrCat("复议 ", review.id(), " 于 ",
                             FormatIsoDate(possible.date), " 作出决定")
              : absl::StrCat("复议 ", review.id(), " 尚未作出决定，复议期限至 ",
                             FormatIsoDate(possible.date - 1), " 届满");
  return absl::FailedPreconditionError(
      absl::StrCat("lawsuit.filed: ", FormatIsoDate(filed), " 不能复议后起诉：",
                   when, "；自 ", FormatIsoDate(possible.date),
                   " 起方可复议后起诉", possible.provisional ? "（暂定）" : "",
                   "（行政诉讼法第四十五条）；不经复议直接起诉不受此限"));
}

}  // namespace

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::FileLawsuitRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_FILED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(const Day receipt, ReceiptDay(w));
        const v1::Lawsuit& in = r.lawsuit();
        OGI_RETURN_IF_ERROR(ValidateText(in.court(), "lawsuit.court",
                                         kMaxNameLength, /*multiline=*/false));
        OGI_ASSIGN_OR_RETURN(
            const Day filed,
            PastDate(in.has_filed(), in.filed(), "lawsuit.filed", today));
        if (!v1::LawsuitRole_IsValid(in.role())) {
          return OneOf("lawsuit.role", v1::LawsuitRole_descriptor());
        }
        if (in.has_first_instance()) {
          return InvalidField(
              "lawsuit.first_instance",
              "在记录一审裁判时（JudgeLawsuit）记录，不在起诉时记录");
        }
        if (in.has_appeal()) {
          return InvalidField(
              "lawsuit.appeal",
              "在记录上诉时（AppealLawsuit）记录，不在起诉时记录");
        }
        OGI_RETURN_IF_ERROR(
            NotBeforeReceipt(filed, receipt, w, "lawsuit.filed"));
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
        facts.Text("role", "", EnumText(v1::LawsuitRole_descriptor(), role));
        lawsuit.set_role(role);
        OGI_RETURN_IF_ERROR(ApplyLawsuitProgress(ProgressOf(in), "lawsuit.",
                                                 today, lawsuit, facts));
        *w.add_lawsuits() = std::move(lawsuit);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyStep(
    const v1::RecordLawsuitProgressRequest& r, Day today,
    const WorkingCalendar& calendar, const ClockPolicy&, v1::Case& c) {
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

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::JudgeLawsuitRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
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
        OGI_RETURN_IF_ERROR(NotBefore(
            d.date, RecordedDay(lawsuit->has_filed(), lawsuit->filed()), "date",
            "起诉日期"));
        Facts facts(ProceedingKind::kLawsuit, lawsuit->id());
        v1::Judgment* judgment = lawsuit->mutable_first_instance();
        judgment->set_decision(d.decision);
        RecordDecision(d, "first_instance.decision", "first_instance.date",
                       judgment->mutable_date(), facts);
        AddReAnswer(d, w, facts);
        return facts.Take();
      });
}

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::AppealLawsuitRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
  return Record(
      v1::CASE_EVENT_TYPE_LAWSUIT_APPEALED, today, calendar, c,
      [&](v1::Case& w) -> absl::StatusOr<Changes> {
        OGI_ASSIGN_OR_RETURN(v1::Lawsuit * lawsuit, FindLawsuit(w, r.id()));
        OGI_ASSIGN_OR_RETURN(const Day filed, PastDate(r.has_filed(), r.filed(),
                                                       "filed", today));
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
            NotBefore(filed, RecordedDay(judgment.has_date(), judgment.date()),
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

absl::StatusOr<v1::CaseEvent> ApplyStep(const v1::DecideAppealRequest& r,
                                        Day today,
                                        const WorkingCalendar& calendar,
                                        const ClockPolicy&, v1::Case& c) {
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
            NotBefore(d.date, RecordedDay(appeal->has_filed(), appeal->filed()),
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
