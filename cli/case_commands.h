#ifndef OGI_CLI_CASE_COMMANDS_H_
#define OGI_CLI_CASE_COMMANDS_H_

// `ogi case ...`: building CaseService requests from flags, calling the stub
// and rendering the answers. Each Run* function validates its flags before any
// call (usage errors), makes its calls through `stub` with UnaryCall, and
// writes to `out` only once everything succeeded. Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_event.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/case_service.pb.h"

namespace ogi::cli {

// The command table entries for case create/show/list/update/history.
std::vector<CommandSpec> CaseCommandSpecs();

// Request builders, for arguments ParseArgs accepted (which checks the
// required flags: create's applicant, channel and items, update's --reason
// and at least one field flag). Usage errors name the flag: malformed dates
// and enum values, a bad --limit, a blank --reason.
absl::StatusOr<v1::CreateCaseRequest> BuildCreateCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options);
absl::StatusOr<v1::ListCasesRequest> BuildListCasesRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// REQUIRES: args.positionals() holds the case number.
absl::StatusOr<v1::UpdateCaseRequest> BuildUpdateCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// Renderers (no trailing blank line).
// The card shows the procedural record (补正通知, 征求意见, 收费通知, 延期,
// 另定期限) when present; when the case carries deadlines, the 答复期限 line
// (see deadline_text.h DeadlineLine); once concluded, the outcome and any
// re-answers (outcome_text.h AddConclusionLines); and its reviews and
// lawsuits (proceeding_text.h AddProceedingLines).
void RenderCaseCard(const v1::Case& c, bool color, std::ostream& out);
// The list table, limited to about kListWidth columns, without footer.
void RenderCaseTable(const std::vector<v1::Case>& cases, bool color,
                     std::ostream& out);
// One row per event; each change on its own line as "label: old → new" (see
// history_fields.h). Then, when there are any, the reads of the full record
// (`reads`, from ListCaseReads) under the heading 查阅记录: time, reader
// ("王科员 (wang)") and view (案件 for GetCase, 历史 for ListCaseHistory).
void RenderCaseHistory(const v1::ListCaseHistoryResponse& history,
                       const v1::ListCaseReadsResponse& reads, bool color,
                       std::ostream& out);

// Lines of the list table stay within this many display columns.
inline constexpr size_t kListWidth = 120;

// Command bodies. On failure nothing is written to `out`; RPC failures come
// back through RpcError.
absl::Status RunCaseCreate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::CaseService::StubInterface& stub,
                           std::ostream& out);
// GetCase for `number`; the RPC error as one line otherwise.
absl::StatusOr<v1::Case> FetchCase(const std::string& number,
                                   const GlobalOptions& options,
                                   v1::CaseService::StubInterface& stub);

absl::Status RunCaseShow(const ParsedArgs& args, const GlobalOptions& options,
                         v1::CaseService::StubInterface& stub,
                         std::ostream& out);
absl::Status RunCaseList(const ParsedArgs& args, const GlobalOptions& options,
                         v1::CaseService::StubInterface& stub,
                         std::ostream& out);
absl::Status RunCaseUpdate(const ParsedArgs& args, const GlobalOptions& options,
                           v1::CaseService::StubInterface& stub,
                           std::ostream& out);
absl::Status RunCaseHistory(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::CaseService::StubInterface& stub,
                            std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_CASE_COMMANDS_H_
