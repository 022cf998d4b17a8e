#include "cli/agency_commands.h"

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cli/command_context.h"
#include "cli/flag_values.h"
#include "cli/paged_list.h"
#include "cli/render.h"
#include "cli/unary_call.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

// "lc-xzsp (聊城市行政审批服务局), under lc-gov".
std::string AgencyLine(const v1::Agency& agency) {
  std::string line = absl::StrCat(agency.code(), " (", agency.name(), ")");
  if (!agency.supervisor_code().empty()) {
    absl::StrAppend(&line, ", under ", agency.supervisor_code());
  }
  return line;
}

// GetAgency for `code`: the agency, or the failure as RpcError.
absl::StatusOr<v1::Agency> GetAgency(const GlobalOptions& options,
                                     v1::AgencyService::StubInterface& stub,
                                     const std::string& code) {
  v1::GetAgencyRequest request;
  request.set_code(code);
  OGI_ASSIGN_OR_RETURN(
      const v1::GetAgencyResponse response,
      UnaryCall(options, stub, &v1::AgencyService::StubInterface::GetAgency,
                request));
  return response.agency();
}

// The CODE argument. Usage error when empty: GetAgency would take "" for the
// caller's own agency.
absl::StatusOr<std::string> CodeArgument(const ParsedArgs& args) {
  const std::string& code = args.positionals().at(0);
  if (code.empty()) return UsageError("CODE: 不能为空");
  return code;
}

absl::Status WriteAgencyResult(absl::string_view verb, const v1::Agency& agency,
                               const GlobalOptions& options,
                               std::ostream& out) {
  if (options.json) return WriteJson(agency, out);
  out << verb << " agency " << AgencyLine(agency) << '\n';
  return absl::OkStatus();
}

}  // namespace

std::vector<CommandSpec> AgencyCommandSpecs() {
  const FlagSpec supervisor =
      FlagSpec{"supervisor", "CODE",
               "the supervising office (上级机关) it reports to; its users may "
               "read this agency's cases"}
          .Fills({"agency.supervisor_code"});
  return {
      CommandSpec{{"agency", "list"},
                  {},
                  false,
                  "List the agencies; * marks the default one.",
                  "",
                  {}}
          .Runs(Handler(&RunAgencyList, &ServiceStubs::Agencies)),
      CommandSpec{
          {"agency", "add"},
          {"CODE"},
          false,
          "Add an agency (administrator).",
          "CODE is a stable identifier, e.g. lc-xzsp. A new agency must come "
          "under one you\nadminister (--supervisor).\n",
          {FlagSpec{"name", "NAME",
                    "official name, e.g. 聊城市行政审批服务局 (required)"}
               .Required()
               .Fills({"agency.name"}),
           supervisor},
          /*one_of=*/{},
          /*argument_fields=*/
          {{"agency_code", "CODE"}, {"agency.code", "CODE"}}}
          .Runs(Handler(&RunAgencyAdd, &ServiceStubs::Agencies)),
      CommandSpec{{"agency", "update"},
                  {"CODE"},
                  false,
                  "Rename an agency or change its supervisor (administrator).",
                  "Only the fields given change; --supervisor \"\" leaves it "
                  "under none.\n",
                  {FlagSpec{"name", "NAME", "the new official name"}.Fills(
                       {"agency.name"}),
                   supervisor},
                  /*one_of=*/{{"name", "supervisor"}},
                  /*argument_fields=*/
                  {{"agency_code", "CODE"}, {"agency.code", "CODE"}}}
          .Runs(Handler(&RunAgencyUpdate, &ServiceStubs::Agencies)),
  };
}

void RenderAgencyTable(const v1::ListAgenciesResponse& response, bool color,
                       std::ostream& out) {
  Table table({"代码", "名称", "上级机关"});
  bool marked = false;
  for (const v1::Agency& agency : response.agencies()) {
    const bool is_default = agency.code() == response.default_agency_code();
    marked = marked || is_default;
    table.AddRow(
        {is_default ? absl::StrCat(agency.code(), " *") : agency.code(),
         agency.name(), agency.supervisor_code()});
  }
  table.Render(out, color);
  if (marked) out << "* 默认机关\n";
}

absl::Status RunAgencyList(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AgencyService::StubInterface& stub,
                           std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(
      const v1::ListAgenciesResponse response,
      FetchAllPages<v1::ListAgenciesResponse>(
          options, v1::ListAgenciesRequest(),
          [&](grpc::ClientContext* context, const v1::ListAgenciesRequest& page,
              v1::ListAgenciesResponse* answer) {
            return stub.ListAgencies(context, page, answer);
          }));
  if (options.json) {
    OGI_ASSIGN_OR_RETURN(const std::string json, ToJson(response));
    out << json << '\n';
    return absl::OkStatus();
  }
  RenderAgencyTable(response, options.color, out);
  return absl::OkStatus();
}

absl::Status RunAgencyAdd(const ParsedArgs& args, const GlobalOptions& options,
                          v1::AgencyService::StubInterface& stub,
                          std::ostream& out) {
  v1::Agency agency;
  OGI_ASSIGN_OR_RETURN(*agency.mutable_code(), CodeArgument(args));
  OGI_ASSIGN_OR_RETURN(*agency.mutable_name(), RequiredTextFlag(args, "name"));
  agency.set_supervisor_code(args.Get("supervisor"));

  // PutAgency would silently rename an existing agency: "add" must not.
  const absl::StatusOr<v1::Agency> existing =
      GetAgency(options, stub, agency.code());
  if (existing.ok()) {
    return absl::AlreadyExistsError(
        absl::StrCat("机关 ", AgencyLine(*existing),
                     " 已存在；修改请用 \"ogi agency update ", agency.code(),
                     "\"（ALREADY_EXISTS）"));
  }
  if (!absl::IsNotFound(existing.status())) return existing.status();
  v1::PutAgencyRequest request;
  *request.mutable_agency() = std::move(agency);
  OGI_ASSIGN_OR_RETURN(
      const v1::Agency added,
      UnaryCall(options, stub, &v1::AgencyService::StubInterface::PutAgency,
                request));
  return WriteAgencyResult("added", added, options, out);
}

absl::Status RunAgencyUpdate(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::AgencyService::StubInterface& stub,
                             std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const std::string code, CodeArgument(args));
  std::string name;
  if (args.Has("name")) {
    OGI_ASSIGN_OR_RETURN(name, RequiredTextFlag(args, "name"));
  }
  OGI_ASSIGN_OR_RETURN(const v1::Agency current,
                       GetAgency(options, stub, code));
  // Only the fields given, named in the mask (so --supervisor "" clears),
  // against the version read: a change made meanwhile is refused (ABORTED).
  v1::PutAgencyRequest request;
  request.mutable_agency()->set_code(code);
  if (args.Has("name")) {
    request.mutable_agency()->set_name(name);
    request.mutable_update_mask()->add_paths("name");
  }
  if (args.Has("supervisor")) {
    request.mutable_agency()->set_supervisor_code(args.Get("supervisor"));
    request.mutable_update_mask()->add_paths("supervisor_code");
  }
  request.set_etag(current.etag());
  OGI_ASSIGN_OR_RETURN(
      const v1::Agency updated,
      UnaryCall(options, stub, &v1::AgencyService::StubInterface::PutAgency,
                request));
  return WriteAgencyResult("updated", updated, options, out);
}

}  // namespace ogi::cli
