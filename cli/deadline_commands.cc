#include "cli/deadline_commands.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/command_context.h"
#include "cli/deadline_text.h"
#include "cli/flag_values.h"
#include "cli/interrupt.h"
#include "cli/paged_list.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi::cli {
namespace {

// ListDeadlinesRequest.within_working_days accepts at most this.
constexpr int32_t kMaxWithinWorkingDays = 60;
// The applicant column is cut to this many display columns.
constexpr size_t kApplicantWidth = 24;

std::string DateText(bool present, const v1::Date& date) {
  return present && !IsUnset(date) ? FormatIsoDate(date) : "";
}

bool KnownKind(v1::AlertKind kind) {
  return kind != v1::ALERT_KIND_UNSPECIFIED && v1::AlertKind_IsValid(kind);
}

// The day an alert is for: its as-of day, else the day it was raised.
std::string AlertDay(const v1::DeadlineAlert& alert) {
  const std::string day = DateText(alert.has_as_of(), alert.as_of());
  if (!day.empty()) return day;
  return FormatChinaTime(alert.raised_at()).substr(0, 10);
}

// Writes each alert as a line (or a JSON object per line).
absl::Status WriteAlertLine(const v1::DeadlineAlert& alert, bool json,
                            std::ostream& out) {
  if (json) {
    OGI_ASSIGN_OR_RETURN(const std::string line, ToJsonLine(alert));
    out << line << '\n';
  } else {
    out << AlertLine(alert) << '\n';
  }
  return absl::OkStatus();
}

absl::Status WatchAlerts(const GlobalOptions& options,
                         v1::DeadlineService::StubInterface& stub,
                         std::ostream& out) {
  v1::WatchAlertsRequest request;
  request.set_agency_code(options.agency);
  grpc::ClientContext context;
  // The stream stays open until one side ends it: no deadline.
  PrepareStreamContext(options, &context);
  // Declared after `context`, so destroyed (and its thread joined) first.
  ScopedInterruptHandler interrupt([&context] { context.TryCancel(); });
  std::unique_ptr<grpc::ClientReaderInterface<v1::DeadlineAlert>> reader =
      stub.WatchAlerts(&context, request);
  absl::Status written = absl::OkStatus();
  v1::DeadlineAlert alert;
  while (reader->Read(&alert)) {
    written = WriteAlertLine(alert, options.json, out);
    out.flush();
    if (!written.ok()) {
      context.TryCancel();
      break;
    }
  }
  const grpc::Status status = reader->Finish();
  if (!written.ok()) return written;
  // After Ctrl-C the call ends CANCELLED: that is the user's normal way out.
  if (interrupt.interrupted() || status.ok()) return absl::OkStatus();
  return RpcError(status, options.server);
}

}  // namespace

std::vector<CommandSpec> DeadlineCommandSpecs() {
  return {
      CommandSpec{
          {"deadlines"},
          {},
          false,
          "List cases whose deadlines need attention, most urgent first.",
          "Overdue answers first, then those due today or soon, 补正 notices "
          "about to\nlapse and applicant windows that lapsed (with the "
          "proposed conclusion).\nApplications awaiting receipt confirmation "
          "(待确认收到) are listed for as long\nas they wait, late once the "
          "server's --confirm_receipt_alert_days have passed.\nOn a terminal, "
          "overdue rows are red and rows due soon yellow (not with\n--json or "
          "when NO_COLOR is set). --json prints the response.\n",
          {{"within", "N",
            "working days ahead to look, 1 to 60 (default: the server's, 5)"}}}
          .Runs(Handler(&RunDeadlines, &ServiceStubs::Deadlines)),
      CommandSpec{
          {"alerts"},
          {},
          false,
          "Print deadline alerts; --watch follows them live.",
          "Without --watch, prints the alerts in force now (what \"ogi "
          "deadlines\" lists)\nand exits. With --watch, prints each alert the "
          "moment the server raises it\n(a case crossing 5, 3 or 1 working "
          "days before its due date, due today,\noverdue) until Ctrl-C or the "
          "server ends the stream; both exit 0. Without\n--agency it watches "
          "every agency. --json prints one JSON object per line.\n",
          {{"watch", "", "follow alerts as they are raised, until Ctrl-C"}}}
          .Runs([](const CommandContext& c) {
            // --watch prints each alert as it arrives, not once at the end.
            return RunAlerts(c.args, c.options, c.stubs->Deadlines(),
                             c.args.Get("watch") == "true" ? c.live : c.out);
          }),
  };
}

absl::StatusOr<v1::ListDeadlinesRequest> BuildListDeadlinesRequest(
    const ParsedArgs& args, const GlobalOptions& options) {
  v1::ListDeadlinesRequest request;
  request.set_agency_code(options.agency);
  if (args.Has("within")) {
    OGI_ASSIGN_OR_RETURN(const int32_t within,
                         ParseIntValue(args.Get("within"), "--within", 1,
                                       kMaxWithinWorkingDays));
    request.set_within_working_days(within);
  }
  return request;
}

namespace {

// The kind's label, with the review or lawsuit it is about, if any:
// "复议答复期限 2022-0013-R1".
std::string AlertKindText(const v1::DeadlineAlert& alert) {
  std::string text = EnumLabel(v1::AlertKind_descriptor(), alert.kind());
  if (!alert.reference().empty())
    absl::StrAppend(&text, " ", alert.reference());
  return text;
}

}  // namespace

Tint AlertTint(const v1::DeadlineAlert& alert) {
  switch (alert.kind()) {
    case v1::ALERT_KIND_ANSWER_OVERDUE:
      return Tint::kRed;
    case v1::ALERT_KIND_ANSWER_DUE_TODAY:
    case v1::ALERT_KIND_ANSWER_DUE_SOON:
      return Tint::kYellow;
    case v1::ALERT_KIND_CORRECTION_NOTICE_DUE:
    case v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE:
    case v1::ALERT_KIND_REVIEW_DEFENCE_DUE:
    case v1::ALERT_KIND_LAWSUIT_DEFENCE_DUE:
    case v1::ALERT_KIND_REANSWER_DUE:
      return alert.working_days_left() < 0 ? Tint::kRed : Tint::kYellow;
    default:
      return Tint::kNone;
  }
}

void RenderDeadlineTable(const v1::ListDeadlinesResponse& response, bool color,
                         std::ostream& out) {
  const std::string as_of = DateText(response.has_as_of(), response.as_of());
  if (response.alerts_size() == 0) {
    out << "无需提醒的案件";
    if (!as_of.empty()) out << "（截至 " << as_of << "）";
    out << '\n';
    return;
  }
  Table table({"编号", "申请人", "提醒", "期限", "剩余工作日", "建议"});
  bool provisional = false;
  bool confirmation = false;
  for (const v1::DeadlineAlert& alert : response.alerts()) {
    const bool confirms =
        alert.kind() == v1::ALERT_KIND_RECEIPT_CONFIRMATION_DUE;
    confirmation = confirmation || confirms;
    std::string due = DateText(alert.has_due(), alert.due());
    if (alert.provisional()) {
      absl::StrAppend(&due, "（暂定）");
      provisional = true;
    }
    table.AddRow(
        {alert.number(),
         TruncateToWidth(alert.applicant_name(), kApplicantWidth),
         AlertKindText(alert), due, absl::StrCat(alert.working_days_left()),
         confirms ? "确认收到日期并登记"
         : alert.proposal() == v1::PROPOSED_CONCLUSION_UNSPECIFIED
             ? ""
             : EnumLabel(v1::ProposedConclusion_descriptor(),
                         alert.proposal())},
        AlertTint(alert));
  }
  table.Render(out, color);
  out << "共 " << response.alerts_size() << " 项";
  if (!as_of.empty()) out << "，截至 " << as_of;
  out << '\n';
  if (provisional) {
    out << "暂定：该年调休安排尚未公布，期限已跳过法定节假日\n";
  }
  if (confirmation) {
    out << "待确认收到：答复期限自确认收到之日起算。与申请人确认后登记：ogi "
           "case update 编号 --confirmed YYYY-MM-DD --reason "
           "\"确认收到日期\"\n";
  }
}

std::string AlertLine(const v1::DeadlineAlert& alert) {
  const std::string day = AlertDay(alert);
  std::string line = day;
  const auto append = [&line](absl::string_view part) {
    if (part.empty()) return;
    if (!line.empty()) line += ' ';
    absl::StrAppend(&line, part);
  };
  if (!KnownKind(alert.kind())) {
    append(alert.message());
    return line;
  }
  append(AlertKindText(alert));
  append(alert.number());
  append(alert.applicant_name());
  const std::string due = DateText(alert.has_due(), alert.due());
  if (!due.empty()) {
    append(absl::StrCat("期限 ", due));
    append(WorkingDaysLeftText(alert.working_days_left()));
  }
  if (alert.proposal() != v1::PROPOSED_CONCLUSION_UNSPECIFIED) {
    append(absl::StrCat("建议：", EnumLabel(v1::ProposedConclusion_descriptor(),
                                            alert.proposal())));
  }
  if (alert.provisional()) append("暂定");
  return line;
}

namespace {

// Every page of the listing, merged (as_of: the last page's).
absl::StatusOr<v1::ListDeadlinesResponse> ListAllDeadlines(
    const GlobalOptions& options, v1::DeadlineService::StubInterface& stub,
    const v1::ListDeadlinesRequest& request) {
  return FetchAllPages<v1::ListDeadlinesResponse>(
      options, request,
      [&](grpc::ClientContext* context, const v1::ListDeadlinesRequest& page,
          v1::ListDeadlinesResponse* response) {
        return stub.ListDeadlines(context, page, response);
      });
}

}  // namespace

absl::Status RunDeadlines(const ParsedArgs& args, const GlobalOptions& options,
                          v1::DeadlineService::StubInterface& stub,
                          std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const v1::ListDeadlinesRequest request,
                       BuildListDeadlinesRequest(args, options));
  OGI_ASSIGN_OR_RETURN(const v1::ListDeadlinesResponse response,
                       ListAllDeadlines(options, stub, request));
  if (options.json) return WriteJson(response, out);
  RenderDeadlineTable(response, options.color, out);
  return absl::OkStatus();
}

absl::Status RunAlerts(const ParsedArgs& args, const GlobalOptions& options,
                       v1::DeadlineService::StubInterface& stub,
                       std::ostream& out) {
  if (args.Get("watch") == "true") return WatchAlerts(options, stub, out);
  v1::ListDeadlinesRequest request;
  request.set_agency_code(options.agency);
  OGI_ASSIGN_OR_RETURN(const v1::ListDeadlinesResponse response,
                       ListAllDeadlines(options, stub, request));
  for (const v1::DeadlineAlert& alert : response.alerts()) {
    OGI_RETURN_IF_ERROR(WriteAlertLine(alert, options.json, out));
  }
  return absl::OkStatus();
}

}  // namespace ogi::cli
