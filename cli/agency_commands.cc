#include "cli/agency_commands.h"

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cli/render.h"
#include "services/common/status_macros.h"

namespace ogi::cli {

std::vector<CommandSpec> AgencyCommandSpecs() {
  return {
      {{"agency", "list"},
       {},
       false,
       "List the agencies; * marks the default one.",
       "",
       {}},
  };
}

void RenderAgencyTable(const v1::ListAgenciesResponse& response, bool color,
                       std::ostream& out) {
  Table table({"代码", "名称"});
  bool marked = false;
  for (const v1::Agency& agency : response.agencies()) {
    const bool is_default = agency.code() == response.default_agency_code();
    marked = marked || is_default;
    table.AddRow(
        {is_default ? absl::StrCat(agency.code(), " *") : agency.code(),
         agency.name()});
  }
  table.Render(out, color);
  if (marked) out << "* 默认机关\n";
}

absl::Status RunAgencyList(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AgencyService::StubInterface& stub,
                           std::ostream& out) {
  v1::ListAgenciesResponse response;
  grpc::ClientContext context;
  PrepareContext(options, &context);
  const grpc::Status status =
      stub.ListAgencies(&context, v1::ListAgenciesRequest(), &response);
  if (!status.ok()) return RpcError(status, options.server);
  if (options.json) {
    OGI_ASSIGN_OR_RETURN(const std::string json, ToJson(response));
    out << json << '\n';
    return absl::OkStatus();
  }
  RenderAgencyTable(response, options.color, out);
  return absl::OkStatus();
}

}  // namespace ogi::cli
