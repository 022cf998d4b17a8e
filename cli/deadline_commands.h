#ifndef OGI_CLI_DEADLINE_COMMANDS_H_
#define OGI_CLI_DEADLINE_COMMANDS_H_

// `ogi deadlines` and `ogi alerts [--watch]`: what is due and what is late,
// through DeadlineService. Thread-compatible.

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/args.h"
#include "cli/client.h"
#include "cli/render.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "ogi/v1/deadline_service.pb.h"

namespace ogi::cli {

// The command table entries for deadlines and alerts.
std::vector<CommandSpec> DeadlineCommandSpecs();

// --within N (1..60; absent: the server's default of 5). Usage error
// otherwise.
absl::StatusOr<v1::ListDeadlinesRequest> BuildListDeadlinesRequest(
    const ParsedArgs& args, const GlobalOptions& options);

// How an alert is coloured on a terminal: red when something is overdue (the
// answer, or a 补正 notice past its due date), yellow when due today or soon
// (or a 补正 notice still to send), none for a lapsed applicant window (the
// proposal column says what to do).
Tint AlertTint(const v1::DeadlineAlert& alert);

// Table 编号/申请人/提醒/期限/剩余工作日/建议 in the server's order (most
// urgent first), rows tinted when `color`, then a footer with the count and
// the as-of day, and a legend when a date is provisional. Only the footer
// when there are no alerts.
void RenderDeadlineTable(const v1::ListDeadlinesResponse& response, bool color,
                         std::ostream& out);

// One line for an alert, without newline: "2025-10-27 答复已逾期 2025-0001 张三
// 期限 2025-10-24 已逾期 1 个工作日", then "建议：<proposal>" and "暂定" when
// they apply. For an alert kind this client does not know, the as-of day and
// the server's `message`.
std::string AlertLine(const v1::DeadlineAlert& alert);

// `ogi deadlines`: ListDeadlines as a table, or the response as JSON.
absl::Status RunDeadlines(const ParsedArgs& args, const GlobalOptions& options,
                          v1::DeadlineService::StubInterface& stub,
                          std::ostream& out);

// `ogi alerts`. Without --watch: the alerts in force now (ListDeadlines with
// the server's default horizon), one AlertLine each, or one JSON object per
// line with --json. With --watch: WatchAlerts (for --agency, or every agency
// when it is not given) without a deadline; each alert is written and `out`
// flushed as it arrives. Runs until the server ends the stream (OK: returns
// OK) or SIGINT/SIGTERM (cancels the call, returns OK); any other end of the
// stream (e.g. UNAVAILABLE) comes back through RpcError. Lines already
// written stay written.
absl::Status RunAlerts(const ParsedArgs& args, const GlobalOptions& options,
                       v1::DeadlineService::StubInterface& stub,
                       std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_DEADLINE_COMMANDS_H_
