#ifndef OGI_CLI_PROCEEDING_COMMANDS_H_
#define OGI_CLI_PROCEEDING_COMMANDS_H_

// `ogi review file|progress|defend|decide|list` and `ogi lawsuit
// file|progress|defend|judge|appeal|list`: the administrative reviews and
// lawsuits contesting a case's answer, through ProceedingService.
//
// Each Build* function turns the flags into a request (agency from --agency;
// the case from --case, or the review or lawsuit from the ID argument) or a
// usage error naming the first missing or malformed flag. Each Run* function
// builds its request before any call and calls the stub once through
// UnaryCall. On success only: `file` prints the new id alone (for
// scripts); the other steps print a one-line confirmation and the
// proceeding's block (see proceeding_text.h); with --json the
// ProceedingResponse. Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/proceeding_service.grpc.pb.h"
#include "ogi/v1/proceeding_service.pb.h"

namespace ogi::cli {

// The command table entries of the review and lawsuit commands.
std::vector<CommandSpec> ProceedingCommandSpecs();

// --case, --filed and --organ are required.
absl::StatusOr<v1::FileReviewRequest> BuildFileReviewRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// REQUIRES: args.positionals() holds the id (also for the builders below).
// At least one of --copy-received, --accepted, --simplified,
// --extend-decision, --defence-filed, --note.
absl::StatusOr<v1::RecordReviewProgressRequest> BuildReviewProgressRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// `ogi review defend`: the defence filed on --filed, default `today`.
absl::StatusOr<v1::RecordReviewProgressRequest> BuildReviewDefenceRequest(
    const ParsedArgs& args, const GlobalOptions& options, absl::CivilDay today);
// --decision and --date are required.
absl::StatusOr<v1::DecideReviewRequest> BuildDecideReviewRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// `ogi review list` and `ogi lawsuit list`: --open, --from, --to.
absl::StatusOr<v1::ListProceedingsRequest> BuildListProceedingsRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// --case, --filed and --court are required.
absl::StatusOr<v1::FileLawsuitRequest> BuildFileLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// At least one of --complaint-received, --defence-filed, --simplified,
// --note.
absl::StatusOr<v1::RecordLawsuitProgressRequest> BuildLawsuitProgressRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// `ogi lawsuit defend`: the defence filed on --filed, default `today`, and
// --complaint-received when given.
absl::StatusOr<v1::RecordLawsuitProgressRequest> BuildLawsuitDefenceRequest(
    const ParsedArgs& args, const GlobalOptions& options, absl::CivilDay today);
// --decision and --date are required (first instance; with --appeal see
// BuildDecideAppealRequest).
absl::StatusOr<v1::JudgeLawsuitRequest> BuildJudgeLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options);
absl::StatusOr<v1::DecideAppealRequest> BuildDecideAppealRequest(
    const ParsedArgs& args, const GlobalOptions& options);
// --filed is required.
absl::StatusOr<v1::AppealLawsuitRequest> BuildAppealLawsuitRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// Command bodies; nothing is written to `out` on failure, RPC failures come
// back through RpcError. The defend commands default --filed to today in
// China.
absl::Status RunReviewFile(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProceedingService::StubInterface& stub,
                           std::ostream& out);
absl::Status RunReviewProgress(const ParsedArgs& args,
                               const GlobalOptions& options,
                               v1::ProceedingService::StubInterface& stub,
                               std::ostream& out);
absl::Status RunReviewDefend(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out);
absl::Status RunReviewDecide(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out);
// The table and "共 N 件", or with --json the ListReviewsResponse.
absl::Status RunReviewList(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ProceedingService::StubInterface& stub,
                           std::ostream& out);
absl::Status RunLawsuitFile(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProceedingService::StubInterface& stub,
                            std::ostream& out);
absl::Status RunLawsuitProgress(const ParsedArgs& args,
                                const GlobalOptions& options,
                                v1::ProceedingService::StubInterface& stub,
                                std::ostream& out);
absl::Status RunLawsuitDefend(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProceedingService::StubInterface& stub,
                              std::ostream& out);
// JudgeLawsuit, or DecideAppeal with --appeal.
absl::Status RunLawsuitJudge(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::ProceedingService::StubInterface& stub,
                             std::ostream& out);
absl::Status RunLawsuitAppeal(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ProceedingService::StubInterface& stub,
                              std::ostream& out);
absl::Status RunLawsuitList(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ProceedingService::StubInterface& stub,
                            std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_PROCEEDING_COMMANDS_H_
