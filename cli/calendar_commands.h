#ifndef OGI_CLI_CALENDAR_COMMANDS_H_
#define OGI_CLI_CALENDAR_COMMANDS_H_

// `ogi calendar show|load|add-working-days`: the working-day calendar through
// CalendarService. Thread-compatible.

#include <ostream>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/calendar_service.grpc.pb.h"
#include "ogi/v1/calendar_service.pb.h"

namespace ogi::cli {

// The command table entries for calendar show/load/add-working-days.
std::vector<CommandSpec> CalendarCommandSpecs();

// YEAR (1900..9999) from the positional argument. Usage error otherwise.
absl::StatusOr<v1::GetCalendarYearRequest> BuildGetCalendarYearRequest(
    const ParsedArgs& args);

// DATE (YYYY-MM-DD) and N (0..3660) from the positional arguments. Usage
// error naming DATE or N otherwise.
absl::StatusOr<v1::AddWorkingDaysRequest> BuildAddWorkingDaysRequest(
    const ParsedArgs& args);

// A header card (year, loaded or provisional, source, notices), the holidays
// table (名称/放假/天数), the make-up working days, and a month grid three
// months wide with 休 on official days off and 班 on make-up working days
// (red and yellow when `color`).
void RenderCalendarYear(int year, const v1::GetCalendarYearResponse& response,
                        bool color, std::ostream& out);

// The years loaded, then each case whose answer due date changed
// ("2025-0001: 2026-01-20 → 2026-01-21"; with the agency code in front when
// cases of several agencies changed).
void RenderLoadCalendar(const v1::LoadCalendarResponse& response,
                        std::ostream& out);

absl::Status RunCalendarShow(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::CalendarService::StubInterface& stub,
                             std::ostream& out);

// Reads FILE ("-": standard input) and sends its text. An unreadable file is
// a usage error (nothing was sent).
absl::Status RunCalendarLoad(const ParsedArgs& args,
                             const GlobalOptions& options,
                             v1::CalendarService::StubInterface& stub,
                             std::ostream& out);

// Prints only the end date and a newline ("2025-10-30\n"); with --explain
// also the server's explanation lines; with --json the response. When the
// result is provisional, writes the warning ("暂定：2026
// 年节假日安排未加载，…") to `err` and still succeeds.
absl::Status RunCalendarAddWorkingDays(const ParsedArgs& args,
                                       const GlobalOptions& options,
                                       v1::CalendarService::StubInterface& stub,
                                       std::ostream& out, std::ostream& err);

}  // namespace ogi::cli

#endif  // OGI_CLI_CALENDAR_COMMANDS_H_
