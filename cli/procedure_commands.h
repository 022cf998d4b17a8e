#ifndef OGI_CLI_PROCEDURE_COMMANDS_H_
#define OGI_CLI_PROCEDURE_COMMANDS_H_

// `ogi case correction-notice|supplement|consult|consult-reply|fee-notice|
// fee-paid|extend|defer|explain`: recording the procedural steps of a case
// through ProcedureService, and explaining its statutory clocks.
//
// Each Build* function turns the flags into a request (agency from --agency,
// number from the NUMBER argument) or a usage error naming the first missing
// or malformed flag. Each Run* function builds its request before any call,
// calls the stub once through UnaryCall and, on success only, prints a
// one-line confirmation and the case's deadline summary (see
// deadline_text.h AddDeadlineSummary), or with --json the returned case.
// Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/procedure_service.grpc.pb.h"
#include "ogi/v1/procedure_service.pb.h"

namespace ogi::cli {

// The command table entries for the procedural steps and explain.
std::vector<CommandSpec> ProcedureCommandSpecs();

// Request builders. REQUIRES: args.positionals() holds the case number.
// --sent, --items and --deadline are required.
absl::StatusOr<v1::SendCorrectionNoticeRequest>
BuildSendCorrectionNoticeRequest(const ParsedArgs& args,
                                 const GlobalOptions& options);
// --received is required.
absl::StatusOr<v1::ReceiveSupplementRequest> BuildReceiveSupplementRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --kind, --party and --sent are required; --party-received is optional.
absl::StatusOr<v1::SendConsultationRequest> BuildSendConsultationRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --received is required; --consultation (a positive id) is optional.
absl::StatusOr<v1::ReceiveConsultationReplyRequest>
BuildReceiveConsultationReplyRequest(const ParsedArgs& args,
                                     const GlobalOptions& options);
// --method and --served are required. per_application takes --prior (>= 0)
// and --units (>= 1); per_page needs --pages (>= 1). A flag of the other
// method is a usage error.
absl::StatusOr<v1::IssueFeeNoticeRequest> BuildIssueFeeNoticeRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --paid is required.
absl::StatusOr<v1::ReceiveFeePaymentRequest> BuildReceiveFeePaymentRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --days (1..20), --approver and --notified are required; --approved is
// optional (the server takes the notified date).
absl::StatusOr<v1::ExtendDeadlineRequest> BuildExtendDeadlineRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --until, --notified and --reason are required.
absl::StatusOr<v1::DeferDeadlineRequest> BuildDeferDeadlineRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// Command bodies; nothing is written to `out` on failure, RPC failures come
// back through RpcError.
absl::Status RunCaseCorrectionNotice(const ParsedArgs& args,
                                     const GlobalOptions& options,
                                     v1::ProcedureService::StubInterface& stub,
                                     std::ostream& out);
absl::Status RunCaseSupplement(const ParsedArgs& args,
                               const GlobalOptions& options,
                               v1::ProcedureService::StubInterface& stub,
                               std::ostream& out);
absl::Status RunCaseConsult(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProcedureService::StubInterface& stub,
                            std::ostream& out);
absl::Status RunCaseConsultReply(const ParsedArgs& args,
                                 const GlobalOptions& options,
                                 v1::ProcedureService::StubInterface& stub,
                                 std::ostream& out);
// The confirmation names the amount the server computed.
absl::Status RunCaseFeeNotice(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProcedureService::StubInterface& stub,
                              std::ostream& out);
absl::Status RunCaseFeePaid(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProcedureService::StubInterface& stub,
                            std::ostream& out);
absl::Status RunCaseExtend(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProcedureService::StubInterface& stub,
                           std::ostream& out);
absl::Status RunCaseDefer(const ParsedArgs& args, const GlobalOptions& options,
                          v1::ProcedureService::StubInterface& stub,
                          std::ostream& out);

// GetCase, then the explanation (see deadline_text.h RenderExplanation), or
// with --json the case's Deadlines message. UNIMPLEMENTED when the server
// returns the case without deadlines (a server that does not compute them).
absl::Status RunCaseExplain(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::CaseService::StubInterface& stub,
                            std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_PROCEDURE_COMMANDS_H_
