#ifndef OGI_CLI_REPORT_COMMON_H_
#define OGI_CLI_REPORT_COMMON_H_

// What the two halves of `ogi report` share: report_commands.cc (the annual
// report itself: show, check, cell, lock) and report_entry_commands.cc (what
// goes into it: figures, text, documents). Internal to those files; the
// commands' contract is report_commands.h. Thread-compatible.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/args.h"
#include "cli/client.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.grpc.pb.h"

namespace ogi::cli {

// The sections of `ogi report text set` and the ReportProse field of each.
struct ProseSection {
  absl::string_view key;
  absl::string_view title;
  std::string* (v1::ReportProse::*field)();
};

inline constexpr ProseSection kProseSections[] = {
    {"preface", "前言", &v1::ReportProse::mutable_preface},
    {"overview", "一、总体情况", &v1::ReportProse::mutable_overview},
    {"problems", "五、存在的主要问题及改进情况",
     &v1::ReportProse::mutable_problems},
    {"other_matters", "六、其他需要报告的事项",
     &v1::ReportProse::mutable_other_matters},
};

// The YEAR argument (the first positional), 1900 to 9999; usage error
// naming YEAR otherwise.
absl::StatusOr<int32_t> YearArgument(const ParsedArgs& args);

// The report of `year` for the global --agency (empty: the server's agency):
// where table 二's figures are read. One UnaryCall of GetReport.
absl::StatusOr<v1::Report> GetAgencyReport(
    int32_t year, const GlobalOptions& options,
    v1::ReportService::StubInterface& stub);

// One warning line on `err` per table-二 figure the register count overrode.
void WarnOverrides(const v1::Table2& table2, int32_t year, std::ostream& err);

// The command table entries of each half, in overview order.
std::vector<CommandSpec> ReportPublicationCommandSpecs();
std::vector<CommandSpec> ReportEntryCommandSpecs();

}  // namespace ogi::cli

#endif  // OGI_CLI_REPORT_COMMON_H_
