#include "cli/outcome_commands.h"

#include <functional>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "cli/case_commands.h"
#include "cli/command_context.h"
#include "cli/flag_values.h"
#include "cli/outcome_text.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

// More requested items than any application has; keeps a typo in --item or
// --primary-item from becoming a plausible request.
constexpr int32_t kMaxItems = 1000;

// A flag that sets one field of a Conclusion, for conclude and
// correct-conclusion.
struct ConclusionFlag {
  FlagSpec spec;
  // Sets the field from `value`; an empty value clears it. Usage error naming
  // `flag` for a malformed value.
  std::function<absl::Status(const std::string& value, absl::string_view flag,
                             v1::Conclusion* k)>
      apply;
};

template <typename Enum>
ConclusionFlag EnumFlag(FlagSpec spec, void (v1::Conclusion::*setter)(Enum)) {
  return {std::move(spec), [setter](const std::string& value,
                                    absl::string_view flag, v1::Conclusion* k) {
            Enum parsed = static_cast<Enum>(0);
            if (!value.empty()) {
              OGI_ASSIGN_OR_RETURN(parsed, ParseEnumFlag<Enum>(value, flag));
            }
            (k->*setter)(parsed);
            return absl::OkStatus();
          }};
}

ConclusionFlag TextFlag(FlagSpec spec,
                        void (v1::Conclusion::*setter)(const std::string&)) {
  return {std::move(spec), [setter](const std::string& value, absl::string_view,
                                    v1::Conclusion* k) {
            (k->*setter)(value);
            return absl::OkStatus();
          }};
}

ConclusionFlag DateFlag(FlagSpec spec,
                        v1::Date* (v1::Conclusion::*mutable_date)(),
                        void (v1::Conclusion::*clear_date)()) {
  return {std::move(spec), [mutable_date, clear_date](const std::string& value,
                                                      absl::string_view flag,
                                                      v1::Conclusion* k) {
            OGI_ASSIGN_OR_RETURN(const absl::optional<v1::Date> date,
                                 ParseDateFlag(value, flag));
            if (date.has_value()) {
              *(k->*mutable_date)() = *date;
            } else {
              (k->*clear_date)();
            }
            return absl::OkStatus();
          }};
}

// The flags that set a conclusion's fields one to one (--outcome and --item
// are handled apart: they make the dispositions).
const std::vector<ConclusionFlag>& ConclusionFlags() {
  static const auto* const kFlags = new std::vector<ConclusionFlag>{
      DateFlag({"served", "DATE",
                "day the answer reached the applicant: the conclusion date"},
               &v1::Conclusion::mutable_served, &v1::Conclusion::clear_served),
      EnumFlag<v1::ServiceMethod>(
          FlagSpec{
              "service", "METHOD",
              EnumHelp("how it was served", v1::ServiceMethod_descriptor())}
              .Fills({"service_method"}),
          &v1::Conclusion::set_service_method),
      DateFlag({"answer-date", "DATE",
                "date on the answer, when not the service date"},
               &v1::Conclusion::mutable_answer_date,
               &v1::Conclusion::clear_answer_date),
      {{"primary-item", "N",
        "the item whose answer counts when items were answered differently"},
       [](const std::string& value, absl::string_view flag, v1::Conclusion* k) {
         int32_t item = 0;
         if (!value.empty()) {
           OGI_ASSIGN_OR_RETURN(
               item, ParseIntValue(value, FlagName(flag), 1, kMaxItems));
         }
         k->set_primary_item(item);
         return absl::OkStatus();
       }},
      EnumFlag<v1::Outcome>(
          FlagSpec{"override", "OUTCOME",
                   "replaces the derived outcome (needs --override-reason)"}
              .Fills({"override_outcome"}),
          &v1::Conclusion::set_override_outcome),
      TextFlag({"override-reason", "TEXT", "why the outcome is overridden"},
               &v1::Conclusion::set_override_reason),
      TextFlag({"legal-basis", "TEXT",
                "article relied on for withholding (default: the outcome's "
                "article)"},
               &v1::Conclusion::set_legal_basis),
      EnumFlag<v1::NotHeldReason>({"not-held-reason", "REASON",
                                   EnumHelp("unavailable_not_held: why",
                                            v1::NotHeldReason_descriptor())},
                                  &v1::Conclusion::set_not_held_reason),
      TextFlag({"responsible-agency", "NAME",
                "with other_agency: the agency responsible for it"},
               &v1::Conclusion::set_responsible_agency),
      TextFlag(
          FlagSpec{"provided", "TEXT", "partially_disclosed: what was provided"}
              .Fills({"provided_summary"}),
          &v1::Conclusion::set_provided_summary),
      TextFlag(
          FlagSpec{"withheld", "TEXT", "partially_disclosed: what was withheld"}
              .Fills({"withheld_summary"}),
          &v1::Conclusion::set_withheld_summary),
      TextFlag({"note", "TEXT", "what happened (required for other)"},
               &v1::Conclusion::set_note),
  };
  return *kFlags;
}

// `spec` filling its fields inside the request's embedded `conclusion`
// (ConcludeCaseRequest and CorrectConclusionRequest alike), as the server
// names them in errors: "conclusion.provided_summary" for --provided. The
// bare names stay listed for servers from before the embedded form, which
// name ConcludeCaseRequest's flat fields ("provided_summary").
FlagSpec InConclusion(const FlagSpec& spec) {
  std::vector<std::string> bare = spec.fields;
  if (bare.empty())
    bare.push_back(absl::StrReplaceAll(spec.name, {{"-", "_"}}));
  std::vector<std::string> fields;
  for (const std::string& field : bare) {
    fields.push_back(absl::StrCat("conclusion.", field));
  }
  fields.insert(fields.end(), bare.begin(), bare.end());
  return spec.Fills(std::move(fields));
}

std::vector<FlagSpec> ConclusionFlagSpecs(absl::string_view outcome_help) {
  std::vector<FlagSpec> specs = {
      {"outcome", "OUTCOME", std::string(outcome_help)},
      InConclusion(FlagSpec{"item", "N=OUTCOME", "the answer to item N",
                            /*repeated=*/true}
                       .Fills({"dispositions"})),
  };
  for (const ConclusionFlag& flag : ConclusionFlags()) {
    specs.push_back(InConclusion(flag.spec));
  }
  return specs;
}

// The flags of "case conclude": the conclusion's, with --served required.
std::vector<FlagSpec> ConcludeFlagSpecs() {
  std::vector<FlagSpec> specs =
      ConclusionFlagSpecs("the answer to every item (see the outcomes above)");
  for (FlagSpec& spec : specs) {
    if (spec.name == "served") spec = spec.Required();
  }
  return specs;
}

absl::Status ApplyConclusionFlags(const ParsedArgs& args, v1::Conclusion* k) {
  for (const ConclusionFlag& flag : ConclusionFlags()) {
    if (!args.Has(flag.spec.name)) continue;
    if (flag.spec.name == "override" && args.Get("override").empty()) {
      k->clear_override_reason();
    }
    OGI_RETURN_IF_ERROR(
        flag.apply(args.Get(flag.spec.name), flag.spec.name, k));
  }
  return absl::OkStatus();
}

// The --item values as dispositions, in command-line order. Usage error for
// a value not of the form N=OUTCOME or an item given twice.
absl::StatusOr<std::vector<v1::ItemDisposition>> ParseItemFlags(
    const ParsedArgs& args) {
  std::vector<v1::ItemDisposition> dispositions;
  std::set<int32_t> seen;
  for (const std::string& value : args.GetAll("item")) {
    const size_t equals = value.find('=');
    if (equals == std::string::npos) {
      return UsageError(absl::StrCat(
          "--item: \"", value, "\" 不是 N=OUTCOME 形式（例如 1=disclosed）"));
    }
    v1::ItemDisposition d;
    OGI_ASSIGN_OR_RETURN(
        const int32_t item,
        ParseIntValue(value.substr(0, equals), "--item", 1, kMaxItems));
    if (!seen.insert(item).second) {
      return UsageError(absl::StrCat("--item: 第 ", item, " 项重复给出"));
    }
    d.set_item(item);
    OGI_ASSIGN_OR_RETURN(
        const v1::Outcome outcome,
        ParseEnumFlag<v1::Outcome>(value.substr(equals + 1), "item"));
    d.set_outcome(outcome);
    dispositions.push_back(std::move(d));
  }
  return dispositions;
}

// Usage errors for an override without its reason or a reason without an
// override.
absl::Status CheckOverride(const v1::Conclusion& k) {
  const bool has_reason =
      !absl::StripAsciiWhitespace(k.override_reason()).empty();
  if (k.override_outcome() != v1::OUTCOME_UNSPECIFIED && !has_reason) {
    return UsageError("--override-reason: 使用 --override 时须写明理由");
  }
  if (k.override_outcome() == v1::OUTCOME_UNSPECIFIED && has_reason) {
    return UsageError("--override-reason: 只能与 --override 同用");
  }
  return absl::OkStatus();
}

// Applies the conclusion flags of a correction to `k`, a conclusion of a
// case with `items` requested items: --outcome answers every item alike,
// then --item changes single items, then the other flags. Usage error for a
// malformed value.
absl::Status ApplyCorrection(const ParsedArgs& args, int items,
                             v1::Conclusion* k) {
  if (args.Has("outcome")) {
    OGI_ASSIGN_OR_RETURN(const v1::Outcome outcome,
                         RequiredEnumFlag<v1::Outcome>(args, "outcome"));
    k->clear_dispositions();
    k->set_primary_item(0);
    for (int item = 1; item <= items; ++item) {
      v1::ItemDisposition* d = k->add_dispositions();
      d->set_item(item);
      d->set_outcome(outcome);
    }
  }
  OGI_ASSIGN_OR_RETURN(const std::vector<v1::ItemDisposition> given,
                       ParseItemFlags(args));
  for (const v1::ItemDisposition& g : given) {
    bool replaced = false;
    for (v1::ItemDisposition& d : *k->mutable_dispositions()) {
      if (d.item() == g.item()) {
        d.set_outcome(g.outcome());
        replaced = true;
      }
    }
    if (!replaced) *k->add_dispositions() = g;
  }
  return ApplyConclusionFlags(args, k);
}

// Sets the agency, case number and expected version common to every request.
template <typename Request>
absl::StatusOr<Request> CaseRequest(const ParsedArgs& args,
                                    const GlobalOptions& options) {
  Request request;
  request.set_agency_code(options.agency);
  request.set_number(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  return request;
}

template <typename Request>
using OutcomeMethod = grpc::Status (v1::OutcomeService::StubInterface::*)(
    grpc::ClientContext*, const Request&, v1::OutcomeResponse*);

// Calls `method` with `request` (or returns its error), then prints
// "<what>：<number>" and the case's outcome lines, or the case as JSON.
template <typename Request>
absl::Status RunOutcomeStep(const absl::StatusOr<Request>& request,
                            OutcomeMethod<Request> method,
                            absl::string_view what,
                            const GlobalOptions& options,
                            v1::OutcomeService::StubInterface& stub,
                            std::ostream& out) {
  if (!request.ok()) return request.status();
  OGI_ASSIGN_OR_RETURN(const v1::OutcomeResponse response,
                       UnaryCall(options, stub, method, *request));
  const v1::Case& c = response.case_();
  if (options.json) return WriteJson(c, out);
  out << what << "：" << (c.number().empty() ? request->number() : c.number())
      << '\n';
  Card card;
  AddConclusionLines(c, &card);
  card.Render(out, options.color);
  return absl::OkStatus();
}

// The outcome identifiers for help, one line per table-三 group, wrapped
// to fit 80 columns, e.g. "  （三）不予公开: withheld_state_secret, ...".
std::string OutcomeList() {
  constexpr size_t kWidth = 80;
  std::string text;
  std::string line;
  std::string group;
  const google::protobuf::EnumDescriptor* type = v1::Outcome_descriptor();
  for (int i = 0; i < type->value_count(); ++i) {
    const auto outcome = static_cast<v1::Outcome>(type->value(i)->number());
    if (outcome == v1::OUTCOME_UNSPECIFIED) continue;
    const std::string id = EnumIdentifier(type, outcome);
    if (OutcomeGroup(outcome) != group) {
      if (!line.empty()) absl::StrAppend(&text, line, "\n");
      group = OutcomeGroup(outcome);
      line = absl::StrCat("  ", group, ": ", id);
    } else if (DisplayWidth(line) + 2 + id.size() > kWidth) {
      absl::StrAppend(&text, line, ",\n");
      line = absl::StrCat("    ", id);
    } else {
      absl::StrAppend(&line, ", ", id);
    }
  }
  absl::StrAppend(&text, line, "\n");
  return text;
}

}  // namespace

std::vector<CommandSpec> OutcomeCommandSpecs() {
  constexpr char kPrints[] =
      "Prints a confirmation and the case's outcome; with --json the whole "
      "case.\n";
  std::vector<FlagSpec> correct_flags = {
      FlagSpec{"reason", "TEXT", "why the conclusion is corrected (required)"}
          .Required()};
  for (FlagSpec& spec :
       ConclusionFlagSpecs("every item's answer becomes OUTCOME (see \"ogi "
                           "case conclude --help\")")) {
    correct_flags.push_back(std::move(spec));
  }
  std::vector<CommandSpec> specs = {
      CommandSpec{
          {"case", "conclude"},
          {"NUMBER"},
          false,
          "Record the answer served: the case ends with a table-三 outcome.",
          absl::StrCat(
              "Required: --served, and --outcome or one --item N=OUTCOME per "
              "requested item.\nThe case outcome is derived from the items "
              "(any provided and any withheld →\npartially_disclosed; "
              "otherwise --primary-item's); --override replaces it.\nWhat the "
              "law requires per outcome is checked by the server: withheld_* "
              "need\na legal basis (filled in by default), "
              "unavailable_not_held needs\n--not-held-reason (other_agency: "
              "--responsible-agency), partially_disclosed\nneeds --provided "
              "and --withheld, other needs --note.\nWithout --service the "
              "answer counts as served the way the applicant asked to\nreceive "
              "it (--delivery of the case): self_pickup → "
              "signed_in_person,\npost → posted, email, online_platform, fax → "
              "electronic; none → signed_in_person.\n",
              "Outcomes (the rows of table 三):\n", OutcomeList(), kPrints),
          ConcludeFlagSpecs(),
          /*one_of=*/{{"outcome", "item"}}}
          .Runs(Handler(&RunCaseConclude, &ServiceStubs::Outcomes)),
      CommandSpec{{"case", "withdraw"},
                  {"NUMBER"},
                  false,
                  "Record the applicant's withdrawal (concludes as 其他).",
                  kPrints,
                  {
                      FlagSpec{"date", "DATE",
                               "day the withdrawal reached the agency "
                               "(default: today, China time, on the server)"}
                          .Fills({"withdrawn"}),
                      {"note", "TEXT", "how the applicant withdrew"},
                  }}
          .Runs(Handler(&RunCaseWithdraw, &ServiceStubs::Outcomes)),
      CommandSpec{
          {"case", "lapse"},
          {"NUMBER"},
          false,
          "Confirm a lapsed 补正 or fee window: the agency no longer handles "
          "it.",
          absl::StrCat(
              "Concludes as other_correction_lapsed or other_fee_unpaid, "
              "whichever window\nlapsed (see \"ogi case explain\").\n",
              kPrints),
          {
              FlagSpec{"date", "DATE",
                       "day the agency concludes, e.g. serves the notice "
                       "(default: today, China time, on the server)"}
                  .Fills({"concluded"}),
              FlagSpec{"service", "METHOD",
                       EnumHelp("how the notice was served",
                                v1::ServiceMethod_descriptor())}
                  .Fills({"service_method"}),
              {"note", "TEXT", "remarks"},
          }}
          .Runs(Handler(&RunCaseLapse, &ServiceStubs::Outcomes)),
      CommandSpec{
          {"case", "correct-conclusion"},
          {"NUMBER"},
          false,
          "Correct a concluded case's outcome or answer details (needs "
          "--reason).",
          absl::StrCat("Only the fields whose flags are given change; an empty "
                       "value clears one.\nEvery changed field is recorded in "
                       "the history with the reason.\n",
                       kPrints),
          correct_flags}
          .Runs([](const CommandContext& c) {
            return RunCaseCorrectConclusion(c.args, c.options, c.stubs->Cases(),
                                            c.stubs->Outcomes(), c.out);
          }),
      CommandSpec{
          {"case", "reanswer"},
          {"NUMBER"},
          false,
          "Record a new answer ordered by a review or court decision.",
          absl::StrCat(
              "First records the order (--ordered-by, --due); with --outcome "
              "and --served the\nnew answer itself. The case's report category "
              "stays that of its first\nconclusion.\n",
              kPrints),
          {
              FlagSpec{
                  "ordered-by", "ID",
                  "the review or lawsuit whose decision ordered it (required)"}
                  .Required(),
              {"ordered", "DATE",
               "the decision date (default: that decision's)"},
              {"due", "DATE", "the deadline the decision set"},
              {"outcome", "OUTCOME",
               "the new answer (with --served; see \"ogi case conclude "
               "--help\")"},
              {"served", "DATE", "day the new answer reached the applicant"},
              FlagSpec{"service", "METHOD",
                       absl::StrCat(EnumHelp("how it was served",
                                             v1::ServiceMethod_descriptor()),
                                    " (default: as for conclude)")}
                  .Fills({"service_method"}),
              {"note", "TEXT", "remarks"},
          }}
          .Runs(Handler(&RunCaseReanswer, &ServiceStubs::Outcomes)),
  };
  AddExpectedVersionFlag(specs, {});
  return specs;
}

absl::StatusOr<v1::ConcludeCaseRequest> BuildConcludeCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       CaseRequest<v1::ConcludeCaseRequest>(args, options));
  // The parser has checked that --served and --outcome or --item are given.
  const bool whole = args.Has("outcome");
  if (whole && args.Has("item")) {
    return UsageError("--item: 不能与 --outcome 同用（二者选一）");
  }
  if (whole) {
    OGI_ASSIGN_OR_RETURN(const v1::Outcome outcome,
                         RequiredEnumFlag<v1::Outcome>(args, "outcome"));
    request.set_outcome(outcome);
  }
  // The embedded conclusion (the flat fields 4–16 are deprecated): the
  // server names its errors "conclusion.<field>", which the flags fill.
  v1::Conclusion* k = request.mutable_conclusion();
  OGI_ASSIGN_OR_RETURN(std::vector<v1::ItemDisposition> dispositions,
                       ParseItemFlags(args));
  for (v1::ItemDisposition& d : dispositions) {
    *k->add_dispositions() = std::move(d);
  }
  OGI_RETURN_IF_ERROR(MandatoryDateFlag(args, "served").status());
  OGI_RETURN_IF_ERROR(ApplyConclusionFlags(args, k));
  OGI_RETURN_IF_ERROR(CheckOverride(*k));
  return request;
}

absl::StatusOr<v1::WithdrawCaseRequest> BuildWithdrawCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       CaseRequest<v1::WithdrawCaseRequest>(args, options));
  if (args.Has("date")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_withdrawn(),
                         RequiredDateFlag(args, "date"));
  }
  request.set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::ConfirmLapseRequest> BuildConfirmLapseRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       CaseRequest<v1::ConfirmLapseRequest>(args, options));
  if (args.Has("date")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_concluded(),
                         RequiredDateFlag(args, "date"));
  }
  if (args.Has("service")) {
    OGI_ASSIGN_OR_RETURN(
        const v1::ServiceMethod method,
        ParseEnumFlag<v1::ServiceMethod>(args.Get("service"), "service"));
    request.set_service_method(method);
  }
  request.set_note(args.Get("note"));
  return request;
}

absl::StatusOr<v1::CorrectConclusionRequest> BuildCorrectConclusionRequest(
    const ParsedArgs& args, const GlobalOptions& options,
    const v1::Case& current) {
  OGI_ASSIGN_OR_RETURN(
      auto request, CaseRequest<v1::CorrectConclusionRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_reason(),
                       RequiredTextFlag(args, "reason"));
  // The request restates the whole conclusion as read: it must not land on
  // a case that changed since.
  if (request.expected_version() == 0) {
    request.set_expected_version(current.version());
  }
  v1::Conclusion* k = request.mutable_conclusion();
  *k = current.conclusion();
  OGI_RETURN_IF_ERROR(ApplyCorrection(args, current.items_size(), k));
  OGI_RETURN_IF_ERROR(CheckOverride(*k));
  return request;
}

absl::StatusOr<v1::RecordReAnswerRequest> BuildRecordReAnswerRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       CaseRequest<v1::RecordReAnswerRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_ordered_by(),
                       RequiredTextFlag(args, "ordered-by"));
  if (args.Has("ordered")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_ordered(),
                         RequiredDateFlag(args, "ordered"));
  }
  if (args.Has("due")) {
    OGI_ASSIGN_OR_RETURN(*request.mutable_due(), RequiredDateFlag(args, "due"));
  }
  if (args.Has("outcome") != args.Has("served")) {
    return UsageError(args.Has("outcome")
                          ? "缺少必需的选项：--served（与 --outcome 同用）"
                          : "缺少必需的选项：--outcome（与 --served 同用）");
  }
  if (args.Has("service") && !args.Has("served")) {
    return UsageError("--service: 只能与 --served 同用");
  }
  if (args.Has("outcome")) {
    OGI_ASSIGN_OR_RETURN(const v1::Outcome outcome,
                         RequiredEnumFlag<v1::Outcome>(args, "outcome"));
    request.set_outcome(outcome);
    OGI_ASSIGN_OR_RETURN(*request.mutable_served(),
                         RequiredDateFlag(args, "served"));
  }
  if (args.Has("service")) {
    OGI_ASSIGN_OR_RETURN(
        const v1::ServiceMethod method,
        ParseEnumFlag<v1::ServiceMethod>(args.Get("service"), "service"));
    request.set_service_method(method);
  }
  request.set_note(args.Get("note"));
  return request;
}

absl::Status RunCaseConclude(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out) {
  // Without --service the server applies the applicant's delivery method
  // (OutcomeService's rule), so nothing needs reading first.
  OGI_ASSIGN_OR_RETURN(const v1::ConcludeCaseRequest request,
                       BuildConcludeCaseRequest(args, options));
  return RunOutcomeStep<v1::ConcludeCaseRequest>(
      request, &v1::OutcomeService::StubInterface::ConcludeCase, "已办结",
      options, stub, out);
}

absl::Status RunCaseWithdraw(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out) {
  return RunOutcomeStep<v1::WithdrawCaseRequest>(
      BuildWithdrawCaseRequest(args, options),
      &v1::OutcomeService::StubInterface::WithdrawCase, "已办结（申请人撤回）",
      options, stub, out);
}

absl::Status RunCaseLapse(const ParsedArgs& args, const GlobalOptions& options,
                          v1::OutcomeService::StubInterface& stub,
                          std::ostream& out) {
  return RunOutcomeStep<v1::ConfirmLapseRequest>(
      BuildConfirmLapseRequest(args, options),
      &v1::OutcomeService::StubInterface::ConfirmLapse,
      "已办结（申请人逾期，不再处理）", options, stub, out);
}

absl::Status RunCaseCorrectConclusion(const ParsedArgs& args,
                                      const GlobalOptions& options,
                                      v1::CaseService::StubInterface& cases,
                                      v1::OutcomeService::StubInterface& stub,
                                      std::ostream& out) {
  // Every flag value is checked before anything is asked; whether an
  // override has its reason depends on the stored conclusion.
  OGI_RETURN_IF_ERROR(RequiredTextFlag(args, "reason").status());
  v1::Conclusion scratch;
  OGI_RETURN_IF_ERROR(ApplyCorrection(args, 0, &scratch));
  OGI_ASSIGN_OR_RETURN(const v1::Case current,
                       FetchCase(args.positionals().at(0), options, cases));
  return RunOutcomeStep<v1::CorrectConclusionRequest>(
      BuildCorrectConclusionRequest(args, options, current),
      &v1::OutcomeService::StubInterface::CorrectConclusion, "已更正办理结果",
      options, stub, out);
}

absl::Status RunCaseReanswer(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(v1::RecordReAnswerRequest request,
                       BuildRecordReAnswerRequest(args, options));
  const bool answered = request.has_served();
  return RunOutcomeStep<v1::RecordReAnswerRequest>(
      request, &v1::OutcomeService::StubInterface::RecordReAnswer,
      answered ? "已记录重新答复" : "已记录责令重新答复", options, stub, out);
}

}  // namespace ogi::cli
