#include "cli/report_common.h"

#include "cli/flag_values.h"
#include "cli/report_text.h"
#include "cli/unary_call.h"
#include "services/common/status_macros.h"

namespace ogi::cli {
namespace {

constexpr int32_t kMinYear = 1900;
constexpr int32_t kMaxYear = 9999;

}  // namespace

absl::StatusOr<int32_t> YearArgument(const ParsedArgs& args) {
  return ParseIntValue(args.positionals().at(0), "YEAR", kMinYear, kMaxYear);
}

absl::StatusOr<v1::Report> GetAgencyReport(
    int32_t year, const GlobalOptions& options,
    v1::ReportService::StubInterface& stub) {
  v1::GetReportRequest request;
  request.set_year(year);
  if (!options.agency.empty()) request.add_agency_codes(options.agency);
  return UnaryCall(options, stub, &v1::ReportService::StubInterface::GetReport,
                   request);
}

void WarnOverrides(const v1::Table2& table2, int32_t year, std::ostream& err) {
  for (const std::string& line : OverrideWarnings(table2, year)) {
    err << "ogi: 警告：" << line << '\n';
  }
}

}  // namespace ogi::cli
