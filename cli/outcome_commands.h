#ifndef OGI_CLI_OUTCOME_COMMANDS_H_
#define OGI_CLI_OUTCOME_COMMANDS_H_

// `ogi case conclude|withdraw|lapse|correct-conclusion|reanswer`: ending a
// case with one of the twenty outcomes of table 三 and recording what comes
// after, through OutcomeService.
//
// Each Build* function turns the flags into a request (agency from --agency,
// number from the NUMBER argument) or a usage error naming the first missing
// or malformed flag. Each Run* function builds its request before any call,
// calls the stub through UnaryCall and, on success only, prints a
// one-line confirmation and the case's outcome lines (see outcome_text.h
// AddConclusionLines), or with --json the returned case. Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/outcome_service.grpc.pb.h"
#include "ogi/v1/outcome_service.pb.h"

namespace ogi::cli {

// The command table entries of the outcome commands.
std::vector<CommandSpec> OutcomeCommandSpecs();

// Request builders. REQUIRES: args.positionals() holds the case number.
//
// --served is required, and --outcome (every item gets it) or --item N=OUTCOME
// (one per item) but not both. --override needs --override-reason. Other
// flags are optional (without --service the method is left unspecified: the
// server applies the applicant's delivery method); the server enforces what
// each outcome requires. The conclusion goes into the request's embedded
// `conclusion` (the flat fields 4–16 are deprecated), --outcome into its
// `outcome` shortcut.
absl::StatusOr<v1::ConcludeCaseRequest> BuildConcludeCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// Without --date the date is left unset: the server takes today (China time).
absl::StatusOr<v1::WithdrawCaseRequest> BuildWithdrawCaseRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// Without --date the date is left unset: the server takes today (China time).
absl::StatusOr<v1::ConfirmLapseRequest> BuildConfirmLapseRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// The case's conclusion with the conclusion flags given applied: --outcome
// gives every item of `current` that outcome (--item then changes single
// items), an empty value clears a field (--override "" also clears the
// override's reason). --reason is required.
absl::StatusOr<v1::CorrectConclusionRequest> BuildCorrectConclusionRequest(
    const ParsedArgs& args, const GlobalOptions& options,
    const v1::Case& current);
// --ordered-by is required; --outcome and --served go together (without
// --service the method is left unspecified, as for conclude).
absl::StatusOr<v1::RecordReAnswerRequest> BuildRecordReAnswerRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// Command bodies; nothing is written to `out` on failure, RPC failures come
// back through RpcError. The defaults the README describes (a date of today,
// the service method the applicant asked for) are the server's: these send
// only what was given.
absl::Status RunCaseConclude(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out);
absl::Status RunCaseWithdraw(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out);
absl::Status RunCaseLapse(const ParsedArgs& args, const GlobalOptions& options,
                          v1::OutcomeService::StubInterface& stub,
                          std::ostream& out);
// Checks the flags, fetches the case through `cases`, then sends the
// corrected conclusion through `stub`.
absl::Status RunCaseCorrectConclusion(const ParsedArgs& args,
                                      const GlobalOptions& options,
                                      v1::CaseService::StubInterface& cases,
                                      v1::OutcomeService::StubInterface& stub,
                                      std::ostream& out);
absl::Status RunCaseReanswer(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::OutcomeService::StubInterface& stub,
                             std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_OUTCOME_COMMANDS_H_
