#include "cli/proceeding_text.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"

namespace ogi::cli {
namespace {

// What the table-四 column cell says for a lawsuit in which the agency is
// only the review organ sued alongside (SPEC §4 rule 3).
constexpr char kNotCounted[] = "不计入（复议机关共同被告）";

std::string Flat(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\r", ""}, {"\n", "；"}});
}

// "label date" for a set date, "" otherwise.
std::string Dated(absl::string_view label, const v1::Date& date) {
  return IsUnset(date) ? "" : absl::StrCat(label, " ", FormatIsoDate(date));
}

// The non-empty parts joined by "，".
std::string JoinPresent(std::vector<std::string> parts) {
  std::vector<std::string> present;
  for (std::string& part : parts) {
    if (!part.empty()) present.push_back(std::move(part));
  }
  return absl::StrJoin(present, "，");
}

v1::LawsuitRoute RouteOf(const v1::Lawsuit& l) {
  if (l.route() != v1::LAWSUIT_ROUTE_UNSPECIFIED) return l.route();
  return l.after_review_id().empty() ? v1::LAWSUIT_ROUTE_DIRECT
                                     : v1::LAWSUIT_ROUTE_AFTER_REVIEW;
}

std::string RouteText(const v1::Lawsuit& l) {
  std::string text = EnumLabel(v1::LawsuitRoute_descriptor(), RouteOf(l));
  if (!l.after_review_id().empty()) {
    absl::StrAppend(&text, " ", l.after_review_id());
  }
  return text;
}

bool CoDefendant(const v1::Lawsuit& l) {
  return l.role() == v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN;
}

std::string LawsuitColumnText(const v1::Lawsuit& l) {
  return CoDefendant(l) ? kNotCounted : ColumnText(l.column());
}

// The result that stands: the appeal's when decided, else the first
// instance's, marked while an appeal is pending.
std::string StandingJudgmentText(const v1::Lawsuit& l) {
  const v1::Judgment& appeal = l.appeal().result();
  if (l.has_appeal() &&
      appeal.decision() != v1::PROCEEDING_DECISION_UNSPECIFIED) {
    return absl::StrCat("二审 ",
                        JudgmentText(appeal.decision(), appeal.date()));
  }
  const v1::Judgment& first = l.first_instance();
  std::string text =
      first.decision() == v1::PROCEEDING_DECISION_UNSPECIFIED
          ? JudgmentText(first.decision(), first.date())
          : absl::StrCat("一审 ", JudgmentText(first.decision(), first.date()));
  if (l.has_appeal()) absl::StrAppend(&text, "，已上诉");
  return text;
}

}  // namespace

std::string JudgmentText(v1::ProceedingDecision decision,
                         const v1::Date& date) {
  std::string text = EnumLabel(v1::ProceedingDecision_descriptor(), decision);
  if (decision != v1::PROCEEDING_DECISION_UNSPECIFIED && !IsUnset(date)) {
    absl::StrAppend(&text, "（", FormatIsoDate(date), "）");
  }
  return text;
}

std::string ColumnText(v1::ResultColumn column) {
  return EnumLabel(v1::ResultColumn_descriptor(),
                   column == v1::RESULT_COLUMN_UNSPECIFIED
                       ? v1::RESULT_COLUMN_PENDING
                       : column);
}

std::string DefenceText(const v1::Date& due, const v1::Date& filed) {
  std::string text = IsUnset(due) ? "未收到副本" : FormatIsoDate(due);
  absl::StrAppend(
      &text, "（",
      IsUnset(filed) ? "未答辩" : absl::StrCat("已答辩 ", FormatIsoDate(filed)),
      "）");
  return text;
}

std::string ReviewText(const v1::Review& r) {
  std::vector<std::string> lines;
  lines.push_back(absl::StrCat(
      r.id(), "  ", r.organ(), "（",
      EnumLabel(v1::ReviewProcedure_descriptor(), r.procedure()), "）"));
  lines.push_back(JoinPresent({Dated("申请", r.filed()),
                               Dated("收到副本", r.copy_received()),
                               Dated("受理", r.accepted())}));
  lines.push_back(absl::StrCat(
      "答辩期限 ", DefenceText(r.defence_due(), r.defence_filed())));
  if (!IsUnset(r.decision_expected())) {
    lines.push_back(
        absl::StrCat("决定期限 ", FormatIsoDate(r.decision_expected()),
                     r.decision_period_extended() ? "（已延长）" : ""));
  }
  lines.push_back(absl::StrCat("决定 ", JudgmentText(r.decision(), r.decided()),
                               "  ", ColumnText(r.column())));
  if (!r.note().empty()) lines.push_back(absl::StrCat("说明 ", Flat(r.note())));
  return absl::StrJoin(lines, "\n");
}

std::string LawsuitText(const v1::Lawsuit& l) {
  std::vector<std::string> lines;
  std::string first = absl::StrCat(l.id(), "  ", l.court(), "（", RouteText(l));
  if (CoDefendant(l)) {
    absl::StrAppend(&first, "，",
                    EnumLabel(v1::LawsuitRole_descriptor(), l.role()));
  }
  absl::StrAppend(&first, "）");
  lines.push_back(std::move(first));
  lines.push_back(
      JoinPresent({Dated("立案", l.filed()),
                   Dated("收到起诉状副本", l.complaint_received())}));
  lines.push_back(absl::StrCat(
      "答辩期限 ", DefenceText(l.defence_due(), l.defence_filed())));
  if (!IsUnset(l.judgment_expected())) {
    lines.push_back(absl::StrCat("一审期限 ",
                                 FormatIsoDate(l.judgment_expected()),
                                 l.simplified() ? "（简易程序）" : ""));
  }
  lines.push_back(absl::StrCat(
      "一审 ",
      JudgmentText(l.first_instance().decision(), l.first_instance().date())));
  if (l.has_appeal()) {
    const v1::Appeal& a = l.appeal();
    std::string appeal = absl::StrCat("上诉 ", FormatIsoDate(a.filed()));
    if (!a.appellant().empty()) absl::StrAppend(&appeal, " ", a.appellant());
    if (!a.court().empty()) absl::StrAppend(&appeal, "，", a.court());
    absl::StrAppend(&appeal, "；二审 ",
                    JudgmentText(a.result().decision(), a.result().date()));
    lines.push_back(std::move(appeal));
  }
  lines.push_back(absl::StrCat("表四 ", LawsuitColumnText(l)));
  if (!l.note().empty()) lines.push_back(absl::StrCat("说明 ", Flat(l.note())));
  return absl::StrJoin(lines, "\n");
}

void AddProceedingLines(const v1::Case& c, Card* card) {
  std::vector<std::string> reviews;
  for (const v1::Review& r : c.reviews()) reviews.push_back(ReviewText(r));
  card->AddIfPresent("行政复议", absl::StrJoin(reviews, "\n"));
  std::vector<std::string> lawsuits;
  for (const v1::Lawsuit& l : c.lawsuits()) lawsuits.push_back(LawsuitText(l));
  card->AddIfPresent("行政诉讼", absl::StrJoin(lawsuits, "\n"));
}

void RenderReviewTable(const std::vector<v1::ReviewEntry>& entries, bool color,
                       std::ostream& out) {
  Table table({"编号", "案件", "申请人", "复议机关", "申请日期", "答辩期限",
               "决定", "表四"});
  for (const v1::ReviewEntry& e : entries) {
    const v1::Review& r = e.review();
    table.AddRow({r.id(), e.case_number(), e.applicant_name(), r.organ(),
                  FormatIsoDate(r.filed()),
                  DefenceText(r.defence_due(), r.defence_filed()),
                  JudgmentText(r.decision(), r.decided()),
                  ColumnText(r.column())});
  }
  table.Render(out, color);
}

void RenderLawsuitTable(const std::vector<v1::LawsuitEntry>& entries,
                        bool color, std::ostream& out) {
  Table table({"编号", "案件", "申请人", "法院", "类别", "立案日期", "答辩期限",
               "裁判", "表四"});
  for (const v1::LawsuitEntry& e : entries) {
    const v1::Lawsuit& l = e.lawsuit();
    table.AddRow({l.id(), e.case_number(), e.applicant_name(), l.court(),
                  RouteText(l), FormatIsoDate(l.filed()),
                  DefenceText(l.defence_due(), l.defence_filed()),
                  StandingJudgmentText(l), LawsuitColumnText(l)});
  }
  table.Render(out, color);
}

}  // namespace ogi::cli
