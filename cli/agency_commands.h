#ifndef OGI_CLI_AGENCY_COMMANDS_H_
#define OGI_CLI_AGENCY_COMMANDS_H_

// `ogi agency ...`: the agencies known to the server. Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/agency_service.grpc.pb.h"
#include "ogi/v1/agency_service.pb.h"

namespace ogi::cli {

// The command table entries for agency list, add and update.
std::vector<CommandSpec> AgencyCommandSpecs();

// Table 代码/名称/上级机关 with the default agency's code marked by " *" and a
// legend line under the table when a default is marked.
void RenderAgencyTable(const v1::ListAgenciesResponse& response, bool color,
                       std::ostream& out);

// Lists the agencies; writes nothing to `out` on failure.
absl::Status RunAgencyList(const ParsedArgs& args, const GlobalOptions& options,
                           v1::AgencyService::StubInterface& stub,
                           std::ostream& out);

// Creates an agency (PutAgency). ALREADY_EXISTS, without changing anything,
// when GetAgency finds the code: PutAgency would replace that agency.
absl::Status RunAgencyAdd(const ParsedArgs& args, const GlobalOptions& options,
                          v1::AgencyService::StubInterface& stub,
                          std::ostream& out);

// Fetches the agency (GetAgency), changes only the fields given and puts it
// back (PutAgency). Usage error when no field is given.
absl::Status RunAgencyUpdate(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::AgencyService::StubInterface& stub,
                             std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_AGENCY_COMMANDS_H_
