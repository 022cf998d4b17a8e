#ifndef OGI_CLI_REPORT_COMMANDS_H_
#define OGI_CLI_REPORT_COMMANDS_H_

// `ogi report show|check|cell|lock`, `ogi report figures set|show`,
// `ogi report text set` and `ogi report documents add|repeal|list`: the
// annual report (SPEC §4) through ReportService.
//
// show, check and cell take several --agency flags for the consolidated
// report of those agencies (none: the server's default agency); the other
// commands work on one agency, the global --agency.
//
// Exit codes: as every command (0, 1 for failed calls, 2 for usage errors),
// and 3 when `show` or `check` succeeded but the report is not fit to
// publish: an identity of SPEC §4 rule 5 fails or a case cannot be counted
// (see client.h ChecksFailedStatus). `show` still prints (or writes) the
// whole document; the warning goes to stderr.
//
// Each Build* function turns the arguments into a request or a usage error
// naming the first malformed argument; each Run* function builds its request
// before any call and prints only on success. Thread-compatible.
//
// Implemented in two files by concept: report_commands.cc (the report
// itself: show, check, cell, lock) and report_entry_commands.cc (what goes
// into it: figures, text, documents).

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"
#include "ogi/v1/report_service.pb.h"

namespace ogi::cli {

// The command table entries of the report commands, each with its handler.
std::vector<CommandSpec> ReportCommandSpecs();

// ---- Request builders ----
// REQUIRES (all but the documents builder): args.positionals() holds YEAR
// first. A YEAR that is not a whole number from 1900 to 9999 is a usage error
// naming YEAR.

// YEAR and every --agency, in order (a code given twice is a usage error).
absl::StatusOr<v1::GetReportRequest> BuildGetReportRequest(
    const ParsedArgs& args);

// Also --format (text, csv, json, markdown, html; default text, or json with
// the global --json; --json with another --format is a usage error). Without
// either, -o FILE's extension picks the format (.html/.htm, .csv, .json,
// .md/.markdown; any other keeps text); a --format or --json that contradicts
// the extension is a usage error naming both flags. --encoding is utf-8 or
// gb18030, the latter only for csv (usage errors otherwise).
absl::StatusOr<v1::RenderReportRequest> BuildRenderReportRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// YEAR ROW COLUMN: the table is inferred from ROW — table 二 for rules,
// normative_documents, licensing, penalty, enforcement, fees; table 四 for
// review, direct_suit, suit_after_review; table 三 for any other row (the
// server names the valid keys when ROW is none of them).
absl::StatusOr<v1::GetCellRequest> BuildGetCellRequest(const ParsedArgs& args);

// YEAR, the global --agency and each --allow-empty (overview, problems,
// other_matters; a usage error for any other).
absl::StatusOr<v1::LockReportRequest> BuildLockReportRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// `current` with each figure flag given applied: --rules-issued,
// --rules-repealed, --rules-in-force, --normative-issued,
// --normative-repealed, --normative-in-force, --licensing, --penalty,
// --enforcement (whole numbers >= 0) and --fees-wan-yuan (a decimal >= 0
// with at most four places), and the sources of the first block's rows
// --source (both), --rules-source, --normative-source (auto, register,
// entered). Only the flags given are sent, each named in update_mask, so the
// server keeps every other figure. Usage error naming the flag for a
// malformed value or when no figure or source flag is given.
absl::StatusOr<v1::SetFiguresRequest> BuildSetFiguresRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// YEAR, --section (preface, overview, problems, other_matters) and exactly one
// of
// --text and --file (FILE "-": standard input), which must not be blank, or
// --clear (the section is sent empty). The section is the update_mask's one
// path, so the server keeps the others.
absl::StatusOr<v1::SetProseRequest> BuildSetProseRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// A new register entry: --kind (rule, normative_document), --title and
// --issued are required, --number is optional.
absl::StatusOr<v1::RegisterDocumentRequest> BuildAddDocumentRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// ---- Commands ----
// RPC failures come back through RpcError; nothing is written to `out` on
// failure.

// RenderReport (the rendered document comes with the report and its checks).
// Writes the document to stdout as rendered — CSV converted to GB 18030 with
// --encoding gb18030 — or with -o FILE to FILE and one line naming it. Warns
// on `err` for each table-二 figure the register count overrode. Fails with
// ChecksFailedStatus (after writing) when the report does not pass.
absl::Status RunReportShow(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ReportService::StubInterface& stub,
                           std::ostream& out, std::ostream& err);

// GetReport; prints the checks (see report_text.h RenderReportChecks), or
// with --json the report. ChecksFailedStatus when the report does not pass.
absl::Status RunReportCheck(const ParsedArgs& args,
                            const GlobalOptions& options,
                            v1::ReportService::StubInterface& stub,
                            std::ostream& out);

// GetCell; prints the number and the records behind it (see report_text.h
// RenderCell), or with --json the response.
absl::Status RunReportCell(const ParsedArgs& args, const GlobalOptions& options,
                           v1::ReportService::StubInterface& stub,
                           std::ostream& out);

// Shows what it will freeze and asks, then LockReport. Without --yes and
// with standard input not a terminal: a usage error telling to add --yes,
// before any call. Then GetReport; FAILED_PRECONDITION (nothing locked) when
// the year is locked already, a check fails, or a prose section is empty
// and no --allow-empty names it. The preview (see RenderLockPreview) goes to
// `err` with the question, the answer is read from `in` (yes, y or 是;
// anything else cancels: CANCELLED); with --yes the preview goes to `out`
// (to `err` with --json) and nobody is asked. LockReport carries the previewed
// content hash, so a report that changed in between is not locked (ABORTED).
// Prints the lock: content hash, who, when.
absl::Status RunReportLock(const ParsedArgs& args, const GlobalOptions& options,
                           const Environment& env,
                           v1::ReportService::StubInterface& stub,
                           std::istream& in, std::ostream& out,
                           std::ostream& err);

// Checks the figure flags, fetches the year's figures as entered
// (GetReport's entered_figures) so that figures not given keep their values,
// then SetFigures; prints table 二 as the report now counts it, and on `err`
// a warning for each entered figure the register count overrides.
absl::Status RunReportFiguresSet(const ParsedArgs& args,
                                 const GlobalOptions& options,
                                 v1::ReportService::StubInterface& stub,
                                 std::ostream& out, std::ostream& err);

// GetReport; prints table 二 as the report counts it, the source of each
// row, and each entered figure the register count overrode.
absl::Status RunReportFiguresShow(const ParsedArgs& args,
                                  const GlobalOptions& options,
                                  v1::ReportService::StubInterface& stub,
                                  std::ostream& out);

// SetProse with the one section; prints a confirmation.
absl::Status RunReportTextSet(const ParsedArgs& args,
                              const GlobalOptions& options,
                              v1::ReportService::StubInterface& stub,
                              std::ostream& out);

// RegisterDocument of a new entry; prints a confirmation with its id.
absl::Status RunReportDocumentsAdd(const ParsedArgs& args,
                                   const GlobalOptions& options,
                                   v1::ReportService::StubInterface& stub,
                                   std::ostream& out);

// ListDocuments to fetch entry ID (NOT_FOUND when the agency has none such),
// then RegisterDocument of it with its repeal date --date.
absl::Status RunReportDocumentsRepeal(const ParsedArgs& args,
                                      const GlobalOptions& options,
                                      v1::ReportService::StubInterface& stub,
                                      std::ostream& out);

// ListDocuments; prints the register as a table.
absl::Status RunReportDocumentsList(const ParsedArgs& args,
                                    const GlobalOptions& options,
                                    v1::ReportService::StubInterface& stub,
                                    std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_REPORT_COMMANDS_H_
