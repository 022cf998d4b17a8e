#include "cli/procedure_commands.h"

#include <functional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "cli/case_commands.h"
#include "cli/command_context.h"
#include "cli/deadline_text.h"
#include "cli/flag_values.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

// Upper bounds that keep a typo from becoming a plausible request; the server
// applies the real rules.
constexpr int32_t kMaxExtensionDays = 20;  // Regs Art. 33 ¶2
constexpr int32_t kMaxCount = 1000000;

// Sets the agency, case number and expected version common to every step
// request.
template <typename Request>
absl::StatusOr<Request> StepRequest(const ParsedArgs& args,
                                    const GlobalOptions& options) {
  Request request;
  request.set_agency_code(options.agency);
  request.set_number(args.positionals().at(0));
  OGI_ASSIGN_OR_RETURN(const int32_t expected_version,
                       ExpectedVersionValue(args));
  request.set_expected_version(expected_version);
  return request;
}

// The date for an optional `flag`: unset when absent or empty.
absl::Status SetOptionalDate(const ParsedArgs& args, absl::string_view flag,
                             v1::Date* date, bool* present) {
  OGI_ASSIGN_OR_RETURN(const absl::optional<v1::Date> value,
                       ParseDateFlag(args.Get(flag), flag));
  *present = value.has_value();
  if (value.has_value()) *date = *value;
  return absl::OkStatus();
}

// A usage error when any of `flags` is given: they belong to the other fee
// method.
absl::Status RejectFlags(const ParsedArgs& args,
                         std::initializer_list<absl::string_view> flags,
                         absl::string_view method) {
  for (absl::string_view flag : flags) {
    if (args.Has(flag)) {
      return UsageError(
          absl::StrCat(FlagName(flag), ": 只能与 --method ", method, " 同用"));
    }
  }
  return absl::OkStatus();
}

template <typename Request>
using StepMethod = grpc::Status (v1::ProcedureService::StubInterface::*)(
    grpc::ClientContext*, const Request&, v1::ProcedureStepResponse*);

// The first line printed after a step, from the request and the returned case.
template <typename Request>
using Confirmation =
    std::function<std::string(const Request& request, const v1::Case& c)>;

// Calls `method` with `request` (or returns its error), then prints the
// confirmation and the deadline summary, or the case as JSON.
template <typename Request>
absl::Status RunStep(const absl::StatusOr<Request>& request,
                     StepMethod<Request> method,
                     const Confirmation<Request>& confirmation,
                     const GlobalOptions& options,
                     v1::ProcedureService::StubInterface& stub,
                     std::ostream& out) {
  if (!request.ok()) return request.status();
  OGI_ASSIGN_OR_RETURN(const v1::ProcedureStepResponse response,
                       UnaryCall(options, stub, method, *request));
  if (options.json) return WriteJson(response.case_(), out);
  out << confirmation(*request, response.case_()) << '\n';
  Card card;
  AddDeadlineSummary(response.case_().deadlines(), &card);
  card.Render(out, options.color);
  return absl::OkStatus();
}

// The returned case's number, or the one asked for when the server left it
// out.
std::string NumberOf(const v1::Case& c, const std::string& asked) {
  return c.number().empty() ? asked : c.number();
}

constexpr char kStepDetails[] =
    "Prints a confirmation and the case's deadline summary (state, answer "
    "due,\ndays left); with --json the whole case.\n";

// The entries of explain, the 补正 notice and supplement, and the
// third-party consultation (征求意见).
std::vector<CommandSpec> NoticeCommandSpecs() {
  return {
      CommandSpec{
          {"case", "explain"},
          {"NUMBER"},
          false,
          "Explain how a case's deadlines were computed.",
          "Shows the clock state, the day the clock counts from, the answer "
          "due date\nwith working days left, the 补正 notice duty, the "
          "applicant's window and any\nproposed conclusion, then each step of "
          "the derivation. --json prints the\nDeadlines message.\n",
          {}}
          .Runs(Handler(&RunCaseExplain, &ServiceStubs::Cases)),
      CommandSpec{
          {"case", "correction-notice"},
          {"NUMBER"},
          false,
          "Record the 补正 notice sent to the applicant (Art. 30).",
          absl::StrCat("Required: --sent, --items and --deadline.\n",
                       kStepDetails),
          {
              FlagSpec{"sent", "DATE", "day the notice was sent (required)"}
                  .Required(),
              FlagSpec{"items", "TEXT",
                       "what the applicant must supplement (required)"}
                  .Required()
                  .Fills({"items_to_supplement"}),
              FlagSpec{"deadline", "DATE",
                       "last day for the applicant to supplement (required)"}
                  .Required()
                  .Fills({"applicant_deadline"}),
          }}
          .Runs(Handler(&RunCaseCorrectionNotice, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "supplement"},
          {"NUMBER"},
          false,
          "Record that the supplemented application arrived.",
          absl::StrCat("The answer clock restarts from --received.\n",
                       kStepDetails),
          {FlagSpec{"received", "DATE", "day the supplement arrived (required)"}
               .Required()}}
          .Runs(Handler(&RunCaseSupplement, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "consult"},
          {"NUMBER"},
          false,
          "Record a consultation letter (征求意见, Art. 32/34).",
          absl::StrCat("Required: --kind, --party and --sent.\n", kStepDetails),
          {
              FlagSpec{"kind", "KIND",
                       EnumHelp("who is consulted (required)",
                                v1::ConsultedPartyKind_descriptor())}
                  .Required(),
              FlagSpec{"party", "NAME", "the consulted party (required)"}
                  .Required(),
              FlagSpec{"sent", "DATE", "day the letter was sent (required)"}
                  .Required(),
              {"party-received", "DATE",
               "day the party received it (default: counted from --sent)"},
          }}
          .Runs(Handler(&RunCaseConsult, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "consult-reply"},
          {"NUMBER"},
          false,
          "Record the reply to a consultation.",
          absl::StrCat("Without --consultation the case's only open "
                       "consultation is meant.\n",
                       kStepDetails),
          {
              FlagSpec{"received", "DATE", "day the reply arrived (required)"}
                  .Required(),
              FlagSpec{"consultation", "ID",
                       "which consultation (see \"ogi case show\")"}
                  .Fills({"consultation_id"}),
          }}
          .Runs(Handler(&RunCaseConsultReply, &ServiceStubs::Procedures)),
  };
}

// The entries of the fee (收费), the extension (延期) and the deferral
// (另定期限).
std::vector<CommandSpec> FeeAndTimeCommandSpecs() {
  return {
      CommandSpec{
          {"case", "fee-notice"},
          {"NUMBER"},
          false,
          "Record a fee notice (信息处理费); prints the amount.",
          absl::StrCat("Required: --method and --served. per_application takes "
                       "--prior and --units,\nper_page needs --pages.\n",
                       kStepDetails),
          {
              FlagSpec{"method", "METHOD",
                       EnumHelp("how the fee is computed (required)",
                                v1::FeeMethod_descriptor())}
                  .Required(),
              FlagSpec{"served", "DATE",
                       "day the applicant received the notice (required)"}
                  .Required(),
              FlagSpec{"prior", "N",
                       "per_application: the applicant's earlier applications "
                       "this month"}
                  .Fills({"prior_applications_this_month"}),
              {"units", "N",
               "per_application: applications this one counts as (default 1)"},
              {"pages", "N", "per_page: pages to provide"},
          }}
          .Runs(Handler(&RunCaseFeeNotice, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "fee-paid"},
          {"NUMBER"},
          false,
          "Record that the applicant paid the fee.",
          kStepDetails,
          {FlagSpec{"paid", "DATE", "day the payment arrived (required)"}
               .Required()}}
          .Runs(Handler(&RunCaseFeePaid, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "extend"},
          {"NUMBER"},
          false,
          "Extend the answer deadline, once, by up to 20 working days.",
          absl::StrCat("Required: --days, --approver and --notified.\n",
                       kStepDetails),
          {
              FlagSpec{"days", "N", "working days added, 1 to 20 (required)"}
                  .Required()
                  .Fills({"working_days"}),
              FlagSpec{"approver", "NAME",
                       "who approved the extension (required)"}
                  .Required(),
              FlagSpec{"notified", "DATE",
                       "day the applicant was told (required)"}
                  .Required(),
              {"approved", "DATE", "day it was approved (default: --notified)"},
          }}
          .Runs(Handler(&RunCaseExtend, &ServiceStubs::Procedures)),
      CommandSpec{
          {"case", "defer"},
          {"NUMBER"},
          false,
          "Record a later deadline set under Art. 35 (另行确定).",
          absl::StrCat("Required: --until, --notified and --reason.\n",
                       kStepDetails),
          {
              FlagSpec{"until", "DATE", "the new answer due date (required)"}
                  .Required()
                  .Fills({"new_due"}),
              FlagSpec{"notified", "DATE",
                       "day the applicant was told (required)"}
                  .Required(),
              FlagSpec{"reason", "TEXT", "why (required)"}.Required(),
          }}
          .Runs(Handler(&RunCaseDefer, &ServiceStubs::Procedures)),
  };
}

}  // namespace

std::vector<CommandSpec> ProcedureCommandSpecs() {
  std::vector<CommandSpec> specs = NoticeCommandSpecs();
  for (CommandSpec& spec : FeeAndTimeCommandSpecs()) {
    specs.push_back(std::move(spec));
  }
  AddExpectedVersionFlag(specs, {"explain"});
  return specs;
}

absl::StatusOr<v1::SendCorrectionNoticeRequest>
BuildSendCorrectionNoticeRequest(const ParsedArgs& args,
                                 const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request,
      StepRequest<v1::SendCorrectionNoticeRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_sent(),
                       MandatoryDateFlag(args, "sent"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_items_to_supplement(),
                       RequiredTextFlag(args, "items"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_applicant_deadline(),
                       MandatoryDateFlag(args, "deadline"));
  return request;
}

absl::StatusOr<v1::ReceiveSupplementRequest> BuildReceiveSupplementRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request, StepRequest<v1::ReceiveSupplementRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_received(),
                       MandatoryDateFlag(args, "received"));
  return request;
}

absl::StatusOr<v1::SendConsultationRequest> BuildSendConsultationRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       StepRequest<v1::SendConsultationRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ConsultedPartyKind kind,
                       RequiredEnumFlag<v1::ConsultedPartyKind>(args, "kind"));
  request.set_kind(kind);
  OGI_ASSIGN_OR_RETURN(*request.mutable_party(),
                       RequiredTextFlag(args, "party"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_sent(),
                       MandatoryDateFlag(args, "sent"));
  bool present = false;
  OGI_RETURN_IF_ERROR(SetOptionalDate(
      args, "party-received", request.mutable_party_received(), &present));
  if (!present) request.clear_party_received();
  return request;
}

absl::StatusOr<v1::ReceiveConsultationReplyRequest>
BuildReceiveConsultationReplyRequest(const ParsedArgs& args,
                                     const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request,
      StepRequest<v1::ReceiveConsultationReplyRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_received(),
                       MandatoryDateFlag(args, "received"));
  if (args.Has("consultation")) {
    OGI_ASSIGN_OR_RETURN(const int32_t id,
                         ParseIntValue(args.Get("consultation"),
                                       "--consultation", 1, kMaxCount));
    request.set_consultation_id(id);
  }
  return request;
}

absl::StatusOr<v1::IssueFeeNoticeRequest> BuildIssueFeeNoticeRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       StepRequest<v1::IssueFeeNoticeRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::FeeMethod method,
                       RequiredEnumFlag<v1::FeeMethod>(args, "method"));
  request.set_method(method);
  OGI_ASSIGN_OR_RETURN(*request.mutable_served(),
                       MandatoryDateFlag(args, "served"));
  if (method == v1::FEE_METHOD_PER_PAGE) {
    OGI_RETURN_IF_ERROR(
        RejectFlags(args, {"prior", "units"}, "per_application"));
    if (!args.Has("pages")) {
      return UsageError("缺少必需的选项：--pages（--method per_page 时）");
    }
    OGI_ASSIGN_OR_RETURN(
        const int32_t pages,
        ParseIntValue(args.Get("pages"), "--pages", 1, kMaxCount));
    request.set_pages(pages);
  } else {
    OGI_RETURN_IF_ERROR(RejectFlags(args, {"pages"}, "per_page"));
    if (args.Has("prior")) {
      OGI_ASSIGN_OR_RETURN(
          const int32_t prior,
          ParseIntValue(args.Get("prior"), "--prior", 0, kMaxCount));
      request.set_prior_applications_this_month(prior);
    }
    if (args.Has("units")) {
      OGI_ASSIGN_OR_RETURN(
          const int32_t units,
          ParseIntValue(args.Get("units"), "--units", 1, kMaxCount));
      request.set_units(units);
    }
  }
  return request;
}

absl::StatusOr<v1::ReceiveFeePaymentRequest> BuildReceiveFeePaymentRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(
      auto request, StepRequest<v1::ReceiveFeePaymentRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_paid(),
                       MandatoryDateFlag(args, "paid"));
  return request;
}

absl::StatusOr<v1::ExtendDeadlineRequest> BuildExtendDeadlineRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       StepRequest<v1::ExtendDeadlineRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(
      const int32_t days,
      ParseIntValue(args.Get("days"), "--days", 1, kMaxExtensionDays));
  request.set_working_days(days);
  OGI_ASSIGN_OR_RETURN(*request.mutable_approver(),
                       RequiredTextFlag(args, "approver"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_notified(),
                       MandatoryDateFlag(args, "notified"));
  bool present = false;
  OGI_RETURN_IF_ERROR(
      SetOptionalDate(args, "approved", request.mutable_approved(), &present));
  if (!present) request.clear_approved();
  return request;
}

absl::StatusOr<v1::DeferDeadlineRequest> BuildDeferDeadlineRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  OGI_ASSIGN_OR_RETURN(auto request,
                       StepRequest<v1::DeferDeadlineRequest>(args, options));
  OGI_ASSIGN_OR_RETURN(*request.mutable_new_due(),
                       MandatoryDateFlag(args, "until"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_notified(),
                       MandatoryDateFlag(args, "notified"));
  OGI_ASSIGN_OR_RETURN(*request.mutable_reason(),
                       RequiredTextFlag(args, "reason"));
  return request;
}

absl::Status RunCaseCorrectionNotice(const ParsedArgs& args,
                                     const GlobalOptions& options,
                                     v1::ProcedureService::StubInterface& stub,
                                     std::ostream& out) {
  using Request = v1::SendCorrectionNoticeRequest;
  return RunStep<Request>(
      BuildSendCorrectionNoticeRequest(args, options),
      &v1::ProcedureService::StubInterface::SendCorrectionNotice,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录补正通知：", NumberOf(c, r.number()),
                            "，补正期限 ",
                            FormatIsoDate(r.applicant_deadline()));
      },
      options, stub, out);
}

absl::Status RunCaseSupplement(const ParsedArgs& args,
                               const GlobalOptions& options,
                               v1::ProcedureService::StubInterface& stub,
                               std::ostream& out) {
  using Request = v1::ReceiveSupplementRequest;
  return RunStep<Request>(
      BuildReceiveSupplementRequest(args, options),
      &v1::ProcedureService::StubInterface::ReceiveSupplement,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录收到补正材料：", NumberOf(c, r.number()),
                            "（", FormatIsoDate(r.received()), "）");
      },
      options, stub, out);
}

absl::Status RunCaseConsult(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProcedureService::StubInterface& stub,
                            std::ostream& out) {
  using Request = v1::SendConsultationRequest;
  return RunStep<Request>(
      BuildSendConsultationRequest(args, options),
      &v1::ProcedureService::StubInterface::SendConsultation,
      [](const Request& r, const v1::Case& c) {
        // The server assigns the id; the newest consultation with this party
        // and date is the one just recorded.
        int32_t id = 0;
        for (const v1::Consultation& k : c.procedure().consultations()) {
          if (k.party() == r.party() &&
              FormatIsoDate(k.sent()) == FormatIsoDate(r.sent())) {
            id = k.id();
          }
        }
        std::string text =
            absl::StrCat("已记录征求意见：", NumberOf(c, r.number()));
        if (id > 0) absl::StrAppend(&text, " 第 ", id, " 号");
        absl::StrAppend(
            &text, "（",
            EnumLabel(v1::ConsultedPartyKind_descriptor(), r.kind()), " ",
            r.party(), "）");
        return text;
      },
      options, stub, out);
}

absl::Status RunCaseConsultReply(const ParsedArgs& args,
                                 const GlobalOptions& options,
                                 v1::ProcedureService::StubInterface& stub,
                                 std::ostream& out) {
  using Request = v1::ReceiveConsultationReplyRequest;
  return RunStep<Request>(
      BuildReceiveConsultationReplyRequest(args, options),
      &v1::ProcedureService::StubInterface::ReceiveConsultationReply,
      [](const Request& r, const v1::Case& c) {
        std::string text =
            absl::StrCat("已记录征求意见回复：", NumberOf(c, r.number()));
        if (r.consultation_id() > 0) {
          absl::StrAppend(&text, " 第 ", r.consultation_id(), " 号");
        }
        absl::StrAppend(&text, "（", FormatIsoDate(r.received()), "）");
        return text;
      },
      options, stub, out);
}

absl::Status RunCaseFeeNotice(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProcedureService::StubInterface& stub,
                              std::ostream& out) {
  using Request = v1::IssueFeeNoticeRequest;
  return RunStep<Request>(
      BuildIssueFeeNoticeRequest(args, options),
      &v1::ProcedureService::StubInterface::IssueFeeNotice,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录收费通知：", NumberOf(c, r.number()), "，",
                            EnumLabel(v1::FeeMethod_descriptor(), r.method()),
                            "，应缴 ", c.procedure().fee().amount_yuan(),
                            " 元");
      },
      options, stub, out);
}

absl::Status RunCaseFeePaid(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProcedureService::StubInterface& stub,
                            std::ostream& out) {
  using Request = v1::ReceiveFeePaymentRequest;
  return RunStep<Request>(
      BuildReceiveFeePaymentRequest(args, options),
      &v1::ProcedureService::StubInterface::ReceiveFeePayment,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录缴费：", NumberOf(c, r.number()), "（",
                            FormatIsoDate(r.paid()), "）");
      },
      options, stub, out);
}

absl::Status RunCaseExtend(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProcedureService::StubInterface& stub,
                           std::ostream& out) {
  using Request = v1::ExtendDeadlineRequest;
  return RunStep<Request>(
      BuildExtendDeadlineRequest(args, options),
      &v1::ProcedureService::StubInterface::ExtendDeadline,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录延期：", NumberOf(c, r.number()), " 延长 ",
                            r.working_days(), " 个工作日（批准人 ",
                            r.approver(), "）");
      },
      options, stub, out);
}

absl::Status RunCaseDefer(const ParsedArgs& args, const GlobalOptions& options,
                          v1::ProcedureService::StubInterface& stub,
                          std::ostream& out) {
  using Request = v1::DeferDeadlineRequest;
  return RunStep<Request>(
      BuildDeferDeadlineRequest(args, options),
      &v1::ProcedureService::StubInterface::DeferDeadline,
      [](const Request& r, const v1::Case& c) {
        return absl::StrCat("已记录另定期限：", NumberOf(c, r.number()),
                            " 答复期限改为 ", FormatIsoDate(r.new_due()));
      },
      options, stub, out);
}

absl::Status RunCaseExplain(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::CaseService::StubInterface& stub,
                            std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::Case c,
                       FetchCase(args.positionals().at(0), options, stub));
  if (!c.has_deadlines()) {
    // Every case has deadlines (NOT_STARTED at least) on a server that
    // computes them; an older server leaves the field out.
    return absl::UnimplementedError(
        absl::StrCat("服务器 ", options.server, " 没有返回案件 ", c.number(),
                     " 的期限（服务器版本较旧，不计算期限）（UNIMPLEMENTED）"));
  }
  if (options.json) return WriteJson(c.deadlines(), out);
  RenderExplanation(c, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
