#include "cli/proceeding_commands.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/command_context.h"
#include "cli/dated_flags.h"
#include "cli/flag_values.h"
#include "cli/outcome_text.h"
#include "cli/paged_list.h"
#include "cli/proceeding_text.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

bool IsSet(const ParsedArgs& args, absl::string_view flag) {
  return args.Get(flag) == "true";
}

// Sets the agency, proceeding id and expected version of a request about
// one review or lawsuit.
template <typename Request>
absl::StatusOr<Request> IdRequest(const ParsedArgs& args,
                                  const GlobalOptions& options) {
  Request request;
  request.set_agency_code(options.agency);
  request.set_id(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  return request;
}

absl::StatusOr<v1::ProceedingDecision> DecisionFlag(const ParsedArgs& args) {
  return RequiredEnumFlag<v1::ProceedingDecision>(args, "decision");
}

template <typename Request>
using ProceedingMethod = grpc::Status (v1::ProceedingService::StubInterface::*)(
    grpc::ClientContext*, const Request&, v1::ProceedingResponse*);

// Calls `method` with `request` (UnaryCall), or returns its error.
template <typename Request>
absl::StatusOr<v1::ProceedingResponse> Call(
    const absl::StatusOr<Request>& request, ProceedingMethod<Request> method,
    const GlobalOptions& options, v1::ProceedingService::StubInterface& stub) {
  if (!request.ok()) return request.status();
  return UnaryCall(options, stub, method, *request);
}

// The id of the review or lawsuit in `response`.
std::string IdOf(const v1::ProceedingResponse& response) {
  return response.has_review() ? response.review().id()
                               : response.lawsuit().id();
}

// For `file`: the new id alone, or the response as JSON.
absl::Status PrintFiled(const absl::StatusOr<v1::ProceedingResponse>& response,
                        const GlobalOptions& options, std::ostream& out) {
  if (!response.ok()) return response.status();
  if (options.json) return WriteJson(*response, out);
  out << IdOf(*response) << '\n';
  return absl::OkStatus();
}

// The table-四 column after a decision, e.g. " → 结果纠正".
std::string ColumnSuffix(const v1::ProceedingResponse& response) {
  const v1::ResultColumn column = response.has_review()
                                      ? response.review().column()
                                      : response.lawsuit().column();
  return column == v1::RESULT_COLUMN_UNSPECIFIED
             ? ""
             : absl::StrCat(" → ", ColumnText(column));
}

// For the other steps: "<what>：<id><detail>", then the proceeding's block
// and the re-answers its decisions ordered; or the response as JSON.
absl::Status PrintStep(const absl::StatusOr<v1::ProceedingResponse>& response,
                       absl::string_view what, absl::string_view detail,
                       const GlobalOptions& options, std::ostream& out) {
  if (!response.ok()) return response.status();
  if (options.json) return WriteJson(*response, out);
  const std::string id = IdOf(*response);
  out << what << "：" << id << detail << '\n';
  Card card;
  if (response->has_review()) {
    card.Add("行政复议", ReviewText(response->review()));
  } else {
    card.Add("行政诉讼", LawsuitText(response->lawsuit()));
  }
  std::vector<std::string> re_answers;
  for (const v1::ReAnswer& r : response->case_().re_answers()) {
    if (r.ordered_by() == id) re_answers.push_back(ReAnswerText(r));
  }
  card.AddIfPresent("重新答复", absl::StrJoin(re_answers, "\n"));
  card.Render(out, options.color);
  return absl::OkStatus();
}

// "（2022-05-18）" for a date.
std::string InParens(const v1::Date& date) {
  return absl::StrCat("（", FormatIsoDate(date), "）");
}

std::string DecisionDetail(v1::ProceedingDecision decision,
                           const v1::ProceedingResponse& response) {
  return absl::StrCat(" ",
                      EnumLabel(v1::ProceedingDecision_descriptor(), decision),
                      ColumnSuffix(response));
}

std::vector<FlagSpec> ListFlags() {
  return {
      {"open", "", "only those without a final result"},
      FlagSpec{"from", "DATE", "filed on or after DATE"}.Fills({"filed_from"}),
      FlagSpec{"to", "DATE", "filed on or before DATE"}.Fills({"filed_to"}),
  };
}

// What the table entries of both kinds share.
std::string DecisionHelp() {
  return EnumHelp("the decision (required)",
                  v1::ProceedingDecision_descriptor());
}

FlagSpec ReanswerDueFlag() {
  return {"reanswer-due", "DATE",
          "when the decision orders a new answer: its due date"};
}

constexpr char kStepPrints[] =
    "Prints a confirmation and the proceeding's dates and result; with --json "
    "the\ncase and the proceeding.\n";

// The entries of `ogi review ...` (行政复议).
std::vector<CommandSpec> ReviewCommandSpecs() {
  const std::string decision_help = DecisionHelp();
  const FlagSpec reanswer_due = ReanswerDueFlag();
  return {
      CommandSpec{
          {"review", "file"},
          {},
          false,
          "Record an administrative review (行政复议) of a case's answer; "
          "prints its id.",
          "Required: --case, --filed and --organ. The agency's defence is due "
          "10 working days\nafter it receives the application copy (simplified "
          "procedure: 5).\n",
          {
              FlagSpec{"case", "NUMBER",
                       "the case whose answer is contested (required)"}
                  .Required()
                  .Fills({"number"}),
              FlagSpec{"filed", "DATE",
                       "day the review was applied for (required)"}
                  .Required(),
              FlagSpec{"organ", "NAME", "the review organ (required)"}
                  .Required(),
              {"copy-received", "DATE",
               "day the agency received the application copy"},
              {"accepted", "DATE", "day the organ accepted the review"},
              FlagSpec{"simplified", "", "simplified procedure (简易程序)"}
                  .Fills({"procedure", "simplified"}),
              {"note", "TEXT", "remarks"},
          }}
          .Runs(Handler(&RunReviewFile, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"review", "progress"},
          {"ID"},
          false,
          "Record a review's copy received, acceptance, procedure or "
          "extension.",
          absl::StrCat("Each flag given is recorded; at least one is needed.\n",
                       kStepPrints),
          {
              {"copy-received", "DATE",
               "day the agency received the application copy"},
              {"accepted", "DATE", "day the organ accepted the review"},
              FlagSpec{"simplified", "",
                       "simplified procedure (--simplified=false: ordinary)"}
                  .Fills({"procedure", "simplified"}),
              FlagSpec{"extend-decision", "",
                       "the decision period was extended (once, +30 days)"}
                  .Fills(
                      {"extend_decision_period", "decision_period_extended"}),
              {"defence-filed", "DATE", "day the agency filed its defence"},
              {"note", "TEXT", "remarks"},
          },
          /*one_of=*/
          {{"copy-received", "accepted", "simplified", "extend-decision",
            "defence-filed", "note"}}}
          .Runs(Handler(&RunReviewProgress, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"review", "defend"},
          {"ID"},
          false,
          "Record that the agency filed its written defence (答复书).",
          kStepPrints,
          {{"filed", "DATE", "day it was filed (default: today, China time)"}}}
          .Runs(Handler(&RunReviewDefend, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"review", "decide"},
          {"ID"},
          false,
          "Record the review decision; shows its table-四 column.",
          absl::StrCat("Required: --decision and --date.\n", kStepPrints),
          {
              FlagSpec{"decision", "DECISION", decision_help}.Required(),
              FlagSpec{"date", "DATE", "day of the decision (required)"}
                  .Required()
                  .Fills({"decided", "date"}),
              reanswer_due,
          }}
          .Runs(Handler(&RunReviewDecide, &ServiceStubs::Proceedings)),
      CommandSpec{{"review", "list"},
                  {},
                  false,
                  "List administrative reviews, by filing date.",
                  "",
                  ListFlags()}
          .Runs(Handler(&RunReviewList, &ServiceStubs::Proceedings)),
  };
}

// The entries of `ogi lawsuit ...` (行政诉讼).
std::vector<CommandSpec> LawsuitCommandSpecs() {
  const std::string decision_help = DecisionHelp();
  const FlagSpec reanswer_due = ReanswerDueFlag();
  return {
      CommandSpec{
          {"lawsuit", "file"},
          {},
          false,
          "Record an administrative lawsuit (行政诉讼) over a case's answer; "
          "prints its id.",
          "Required: --case, --filed and --court. With --after-review it "
          "counts as 复议后起诉,\nelse 未经复议直接起诉. The defence is due 15 "
          "days after the complaint copy is\nreceived (moved past a day "
          "off).\n",
          {
              FlagSpec{"case", "NUMBER",
                       "the case whose answer is contested (required)"}
                  .Required()
                  .Fills({"number"}),
              FlagSpec{"filed", "DATE",
                       "day the court filed the case (required)"}
                  .Required(),
              FlagSpec{"court", "NAME", "the court (required)"}.Required(),
              FlagSpec{"after-review", "ID",
                       "the review of the same answer it follows"}
                  .Fills({"after_review_id"}),
              {"complaint-received", "DATE",
               "day the agency received the complaint copy"},
              FlagSpec{"co-defendant", "",
                       "the agency is sued as the review organ (not counted in "
                       "its table 四)"}
                  .Fills({"role"}),
              FlagSpec{"simplified", "", "simplified procedure (简易程序)"}
                  .Fills({"procedure", "simplified"}),
              {"note", "TEXT", "remarks"},
          }}
          .Runs(Handler(&RunLawsuitFile, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"lawsuit", "progress"},
          {"ID"},
          false,
          "Record a lawsuit's complaint copy, defence or simplified procedure.",
          absl::StrCat("Each flag given is recorded; at least one is needed.\n",
                       kStepPrints),
          {
              {"complaint-received", "DATE",
               "day the agency received the complaint copy"},
              {"defence-filed", "DATE", "day the agency filed its defence"},
              FlagSpec{"simplified", "",
                       "the court switched to the simplified procedure"}
                  .Fills({"procedure", "simplified"}),
              {"note", "TEXT", "remarks"},
          },
          /*one_of=*/
          {{"complaint-received", "defence-filed", "simplified", "note"}}}
          .Runs(Handler(&RunLawsuitProgress, &ServiceStubs::Proceedings)),
      CommandSpec{{"lawsuit", "defend"},
                  {"ID"},
                  false,
                  "Record that the agency filed its defence (答辩状).",
                  kStepPrints,
                  {
                      {"filed", "DATE",
                       "day it was filed (default: today, China time)"},
                      {"complaint-received", "DATE",
                       "day the agency received the complaint copy"},
                  }}
          .Runs(Handler(&RunLawsuitDefend, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"lawsuit", "judge"},
          {"ID"},
          false,
          "Record the first-instance judgment, or with --appeal the appeal's.",
          absl::StrCat("Required: --decision and --date.\n", kStepPrints),
          {
              FlagSpec{"decision", "DECISION", decision_help}.Required(),
              FlagSpec{"date", "DATE", "day of the judgment (required)"}
                  .Required()
                  .Fills({"decided", "date"}),
              {"appeal", "", "the second-instance (appeal) judgment"},
              reanswer_due,
          }}
          .Runs(Handler(&RunLawsuitJudge, &ServiceStubs::Proceedings)),
      CommandSpec{
          {"lawsuit", "appeal"},
          {"ID"},
          false,
          "Record an appeal (上诉) against the first-instance judgment.",
          absl::StrCat("Required: --filed.\n", kStepPrints),
          {
              FlagSpec{"filed", "DATE", "day the appeal was filed (required)"}
                  .Required(),
              FlagSpec{"by", "NAME", "who appealed, e.g. 原告 or the agency"}
                  .Fills({"appellant"}),
              {"court", "NAME", "the appeal court"},
          }}
          .Runs(Handler(&RunLawsuitAppeal, &ServiceStubs::Proceedings)),
      CommandSpec{{"lawsuit", "list"},
                  {},
                  false,
                  "List administrative lawsuits, by filing date.",
                  "",
                  ListFlags()}
          .Runs(Handler(&RunLawsuitList, &ServiceStubs::Proceedings)),
  };
}

}  // namespace

std::vector<CommandSpec> ProceedingCommandSpecs() {
  std::vector<CommandSpec> specs = ReviewCommandSpecs();
  for (CommandSpec& spec : LawsuitCommandSpecs()) {
    specs.push_back(std::move(spec));
  }
  AddExpectedVersionFlag(specs, {"list"});
  return specs;
}

absl::StatusOr<v1::FileReviewRequest> BuildFileReviewRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::FileReviewRequest request;
  request.set_agency_code(options.agency);
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  OGI_ASSIGN_OR_RETURN(*request.mutable_number(),
                       RequiredTextFlag(args, "case"));
  v1::Review* r = request.mutable_review();
  OGI_ASSIGN_OR_RETURN(*r->mutable_filed(), MandatoryDateFlag(args, "filed"));
  OGI_ASSIGN_OR_RETURN(*r->mutable_organ(), RequiredTextFlag(args, "organ"));
  if (args.Has("copy-received")) {
    OGI_ASSIGN_OR_RETURN(*r->mutable_copy_received(),
                         RequiredDateFlag(args, "copy-received"));
  }
  if (args.Has("accepted")) {
    OGI_ASSIGN_OR_RETURN(*r->mutable_accepted(),
                         RequiredDateFlag(args, "accepted"));
  }
  r->set_procedure(IsSet(args, "simplified") ? v1::REVIEW_PROCEDURE_SIMPLIFIED
                                             : v1::REVIEW_PROCEDURE_ORDINARY);
  r->set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::RecordReviewProgressRequest> BuildReviewProgressRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request, IdRequest<v1::RecordReviewProgressRequest>(args, options));
  if (args.Has("copy-received")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_copy_received(),
                         RequiredDateFlag(args, "copy-received"));
  }
  if (args.Has("accepted")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_accepted(),
                         RequiredDateFlag(args, "accepted"));
  }
  if (args.Has("defence-filed")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_defence_filed(),
                         RequiredDateFlag(args, "defence-filed"));
  }
  if (args.Has("simplified")) {
    request.set_procedure(IsSet(args, "simplified")
                              ? v1::REVIEW_PROCEDURE_SIMPLIFIED
                              : v1::REVIEW_PROCEDURE_ORDINARY);
  }
  request.set_extend_decision_period(IsSet(args, "extend-decision"));
  request.set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::RecordReviewProgressRequest> BuildReviewDefenceRequest(
    const ParsedArgs& args, const GlobalOptions& options,
    absl::CivilDay today) {
  OGI_ASSIGN_OR_RETURN(
      auto request, IdRequest<v1::RecordReviewProgressRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_defence_filed(),
                       DateFlagOr(args, "filed", today));
  return request;
}

absl::StatusOr<v1::DecideReviewRequest> BuildDecideReviewRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       IdRequest<v1::DecideReviewRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ProceedingDecision decision,
                       DecisionFlag(args));
  request.set_decision(decision);
  OGI_ASSIGN_OR_RETURN(*request.mutable_decided(),
                       MandatoryDateFlag(args, "date"));
  if (args.Has("reanswer-due")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_reanswer_due(),
                         RequiredDateFlag(args, "reanswer-due"));
  }
  return request;
}

absl::StatusOr<v1::ListProceedingsRequest> BuildListProceedingsRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::ListProceedingsRequest request;
  request.set_agency_code(options.agency);
  request.set_open_only(IsSet(args, "open"));
  if (args.Has("from")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_filed_from(),
                         RequiredDateFlag(args, "from"));
  }
  if (args.Has("to")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_filed_to(),
                         RequiredDateFlag(args, "to"));
  }
  return request;
}

absl::StatusOr<v1::FileLawsuitRequest> BuildFileLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::FileLawsuitRequest request;
  request.set_agency_code(options.agency);
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  OGI_ASSIGN_OR_RETURN(*request.mutable_number(),
                       RequiredTextFlag(args, "case"));
  v1::Lawsuit* l = request.mutable_lawsuit();
  OGI_ASSIGN_OR_RETURN(*l->mutable_filed(), MandatoryDateFlag(args, "filed"));
  OGI_ASSIGN_OR_RETURN(*l->mutable_court(), RequiredTextFlag(args, "court"));
  if (args.Has("after-review")) {
    OGI_ASSIGN_OR_RETURN(*l->mutable_after_review_id(),
                         RequiredTextFlag(args, "after-review"));
  }
  if (args.Has("complaint-received")) {
    OGI_ASSIGN_OR_RETURN(*l->mutable_complaint_received(),
                         RequiredDateFlag(args, "complaint-received"));
  }
  l->set_role(IsSet(args, "co-defendant")
                  ? v1::LAWSUIT_ROLE_CO_DEFENDANT_REVIEW_ORGAN
                  : v1::LAWSUIT_ROLE_DEFENDANT);
  l->set_simplified(IsSet(args, "simplified"));
  l->set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::RecordLawsuitProgressRequest> BuildLawsuitProgressRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request, IdRequest<v1::RecordLawsuitProgressRequest>(args, options));
  if (args.Has("complaint-received")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_complaint_received(),
                         RequiredDateFlag(args, "complaint-received"));
  }
  if (args.Has("defence-filed")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_defence_filed(),
                         RequiredDateFlag(args, "defence-filed"));
  }
  request.set_simplified(IsSet(args, "simplified"));
  request.set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::RecordLawsuitProgressRequest> BuildLawsuitDefenceRequest(
    const ParsedArgs& args, const GlobalOptions& options,
    absl::CivilDay today) {
  OGI_ASSIGN_OR_RETURN(
      auto request, IdRequest<v1::RecordLawsuitProgressRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_defence_filed(),
                       DateFlagOr(args, "filed", today));
  if (args.Has("complaint-received")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_complaint_received(),
                         RequiredDateFlag(args, "complaint-received"));
  }
  return request;
}

absl::StatusOr<v1::JudgeLawsuitRequest> BuildJudgeLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       IdRequest<v1::JudgeLawsuitRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ProceedingDecision decision,
                       DecisionFlag(args));
  request.set_decision(decision);
  OGI_ASSIGN_OR_RETURN(*request.mutable_date(),
                       MandatoryDateFlag(args, "date"));
  if (args.Has("reanswer-due")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_reanswer_due(),
                         RequiredDateFlag(args, "reanswer-due"));
  }
  return request;
}

absl::StatusOr<v1::DecideAppealRequest> BuildDecideAppealRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  // The same flags as the first instance.
  OGI_ASSIGN_OR_RETURN(const v1::JudgeLawsuitRequest first,
                       BuildJudgeLawsuitRequest(args, options));
  v1::DecideAppealRequest request;
  request.set_agency_code(first.agency_code());
  request.set_id(first.id());
  request.set_expected_version(first.expected_version());
  request.set_decision(first.decision());
  *request.mutable_date() = first.date();
  if (first.has_reanswer_due()) {
    *request.mutable_reanswer_due() = first.reanswer_due();
  }
  return request;
}

absl::StatusOr<v1::AppealLawsuitRequest> BuildAppealLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       IdRequest<v1::AppealLawsuitRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_filed(),
                       MandatoryDateFlag(args, "filed"));
  request.set_appellant(args.Get("by"));
  request.set_court(args.Get("court"));
  return request;
}

absl::Status RunReviewFile(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProceedingService::StubInterface& stub,
                           std::ostream& out) {
  return PrintFiled(
      Call<v1::FileReviewRequest>(
          BuildFileReviewRequest(args, options),
          &v1::ProceedingService::StubInterface::FileReview, options, stub),
      options, out);
}

absl::Status RunReviewProgress(const ParsedArgs& args,
                               const GlobalOptions& options,
                               v1::ProceedingService::StubInterface& stub,
                               std::ostream& out) {
  return PrintStep(
      Call<v1::RecordReviewProgressRequest>(
          BuildReviewProgressRequest(args, options),
          &v1::ProceedingService::StubInterface::RecordReviewProgress, options,
          stub),
      "已记录行政复议进展", "", options, out);
}

absl::Status RunReviewDefend(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out) {
  const absl::StatusOr<v1::RecordReviewProgressRequest> request =
      BuildReviewDefenceRequest(args, options, TodayInChinaNow());
  if (!request.ok()) return request.status();
  return PrintStep(
      Call<v1::RecordReviewProgressRequest>(
          request, &v1::ProceedingService::StubInterface::RecordReviewProgress,
          options, stub),
      "已记录行政复议答辩", InParens(request->defence_filed()), options, out);
}

absl::Status RunReviewDecide(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out) {
  const absl::StatusOr<v1::DecideReviewRequest> request =
      BuildDecideReviewRequest(args, options);
  if (!request.ok()) return request.status();
  const absl::StatusOr<v1::ProceedingResponse> response =
      Call<v1::DecideReviewRequest>(
          request, &v1::ProceedingService::StubInterface::DecideReview, options,
          stub);
  if (!response.ok()) return response.status();
  return PrintStep(response, "已记录行政复议决定",
                   DecisionDetail(request->decision(), *response), options,
                   out);
}

absl::Status RunReviewList(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProceedingService::StubInterface& stub,
                           std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::ListProceedingsRequest request,
                       BuildListProceedingsRequest(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ListReviewsResponse response,
                       FetchAllPages<v1::ListReviewsResponse>(
                           options, request,
                           [&](grpc::ClientContext* context,
                               const v1::ListProceedingsRequest& page,
                               v1::ListReviewsResponse* answer) {
                             return stub.ListReviews(context, page, answer);
                           }));
  if (options.json) return WriteJson(response, out);
  if (response.reviews_size() > 0) {
    RenderReviewTable({response.reviews().begin(), response.reviews().end()},
                      options.color, out);
  }
  out << "共 " << response.reviews_size() << " 件\n";
  return absl::OkStatus();
}

absl::Status RunLawsuitFile(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProceedingService::StubInterface& stub,
                            std::ostream& out) {
  return PrintFiled(
      Call<v1::FileLawsuitRequest>(
          BuildFileLawsuitRequest(args, options),
          &v1::ProceedingService::StubInterface::FileLawsuit, options, stub),
      options, out);
}

absl::Status RunLawsuitProgress(const ParsedArgs& args,
                                const GlobalOptions& options,
                                v1::ProceedingService::StubInterface& stub,
                                std::ostream& out) {
  return PrintStep(
      Call<v1::RecordLawsuitProgressRequest>(
          BuildLawsuitProgressRequest(args, options),
          &v1::ProceedingService::StubInterface::RecordLawsuitProgress, options,
          stub),
      "已记录行政诉讼进展", "", options, out);
}

absl::Status RunLawsuitDefend(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProceedingService::StubInterface& stub,
                              std::ostream& out) {
  const absl::StatusOr<v1::RecordLawsuitProgressRequest> request =
      BuildLawsuitDefenceRequest(args, options, TodayInChinaNow());
  if (!request.ok()) return request.status();
  return PrintStep(
      Call<v1::RecordLawsuitProgressRequest>(
          request, &v1::ProceedingService::StubInterface::RecordLawsuitProgress,
          options, stub),
      "已记录行政诉讼答辩", InParens(request->defence_filed()), options, out);
}

absl::Status RunLawsuitJudge(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out) {
  if (IsSet(args, "appeal")) {
    const absl::StatusOr<v1::DecideAppealRequest> request =
        BuildDecideAppealRequest(args, options);
    if (!request.ok()) return request.status();
    const absl::StatusOr<v1::ProceedingResponse> response =
        Call<v1::DecideAppealRequest>(
            request, &v1::ProceedingService::StubInterface::DecideAppeal,
            options, stub);
    if (!response.ok()) return response.status();
    return PrintStep(response, "已记录二审裁判",
                     DecisionDetail(request->decision(), *response), options,
                     out);
  }
  const absl::StatusOr<v1::JudgeLawsuitRequest> request =
      BuildJudgeLawsuitRequest(args, options);
  if (!request.ok()) return request.status();
  const absl::StatusOr<v1::ProceedingResponse> response =
      Call<v1::JudgeLawsuitRequest>(
          request, &v1::ProceedingService::StubInterface::JudgeLawsuit, options,
          stub);
  if (!response.ok()) return response.status();
  return PrintStep(response, "已记录一审裁判",
                   DecisionDetail(request->decision(), *response), options,
                   out);
}

absl::Status RunLawsuitAppeal(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProceedingService::StubInterface& stub,
                              std::ostream& out) {
  const absl::StatusOr<v1::AppealLawsuitRequest> request =
      BuildAppealLawsuitRequest(args, options);
  if (!request.ok()) return request.status();
  return PrintStep(
      Call<v1::AppealLawsuitRequest>(
          request, &v1::ProceedingService::StubInterface::AppealLawsuit,
          options, stub),
      "已记录上诉", InParens(request->filed()), options, out);
}

absl::Status RunLawsuitList(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProceedingService::StubInterface& stub,
                            std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::ListProceedingsRequest request,
                       BuildListProceedingsRequest(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ListLawsuitsResponse response,
                       FetchAllPages<v1::ListLawsuitsResponse>(
                           options, request,
                           [&](grpc::ClientContext* context,
                               const v1::ListProceedingsRequest& page,
                               v1::ListLawsuitsResponse* answer) {
                             return stub.ListLawsuits(context, page, answer);
                           }));
  if (options.json) return WriteJson(response, out);
  if (response.lawsuits_size() > 0) {
    RenderLawsuitTable({response.lawsuits().begin(), response.lawsuits().end()},
                       options.color, out);
  }
  out << "共 " << response.lawsuits_size() << " 件\n";
  return absl::OkStatus();
}

}  // namespace ogi::cli
