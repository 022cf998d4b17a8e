#ifndef OGI_SERVICES_REPORT_RENDER_REPORT_RENDER_H_
#define OGI_SERVICES_REPORT_RENDER_REPORT_RENDER_H_

// The annual report (v1::Report) as a document in each of the formats of
// ReportService.RenderReport and `ogi report show --format`:
//  - TEXT (also UNSPECIFIED): terminal tables aligned by display width, then
//    the fee sentence, the checks (✓/✗ with their numbers and the cases
//    involved), the cases that cannot be counted, and the lock with every cell
//    that differs from the locked numbers;
//  - CSV: the title and the three tables with their header rows, UTF-8 with
//    a byte order mark, RFC 4180 (the layout is in report_csv.cc);
//  - JSON: the Report message in proto3 JSON, original field names, zeros
//    included;
//  - MARKDOWN: the preface and the six sections with the three tables as
//    GitHub tables;
//  - HTML: the complete, self-contained document — the preface and the six
//    sections — in the layout of the national template (merged header cells,
//    0 printed as 0), printable on A4 with Chinese fonts and page numbers.
// Money is printed with two decimals everywhere (13105.40 万元, 200.00 元).
// Renders whatever the message holds; a table-三 row with an unknown key is
// shown as a row of its own. Pure functions; thread-safe.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"

namespace ogi {

// `report` in `format`. REQUIRES: every string in `report` is valid UTF-8
// (as every parsed or validated message is); the JSON conversion aborts
// otherwise.
std::string RenderReport(const v1::Report& report, v1::ReportFormat format);

// The MIME type of a rendering, for RenderedReport.content_type:
// "text/plain; charset=utf-8", "text/csv; charset=utf-8",
// "application/json", "text/markdown; charset=utf-8" or
// "text/html; charset=utf-8".
std::string ReportContentType(v1::ReportFormat format);

// The format named `text` ("text", "csv", "json", "markdown", "html";
// case-insensitive). INVALID_ARGUMENT "<field>: unknown value ..." otherwise.
absl::StatusOr<v1::ReportFormat> ParseReportFormat(absl::string_view text,
                                                   absl::string_view field);

// The three bytes every CSV rendering starts with: the UTF-8 byte order mark.
extern const absl::string_view kUtf8ByteOrderMark;

// The formats, one function each (RenderReport dispatches to them).
std::string RenderReportText(const v1::Report& report);
std::string RenderReportCsv(const v1::Report& report);
std::string RenderReportJson(const v1::Report& report);
std::string RenderReportMarkdown(const v1::Report& report);
std::string RenderReportHtml(const v1::Report& report);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_RENDER_REPORT_RENDER_H_
