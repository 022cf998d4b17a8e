#ifndef OGI_CLI_REPORT_TEXT_H_
#define OGI_CLI_REPORT_TEXT_H_

// Terminal text of the annual-report commands: the checks, one cell's records,
// the lock, the table-二 figures and the register of rules and normative
// documents. The report document itself is rendered by the server
// (RenderReport). Pure; thread-safe.

#include <cstdint>
#include <ostream>
#include <string>

#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"

namespace ogi::cli {

// True when every check holds and every case could be counted: the report is
// fit to publish.
bool ReportPasses(const v1::Report& report);

// The one-line warning for a report that does not pass, e.g. "2022 report
// (lc-xzsp): 2 of 40 checks failed, 1 case cannot be counted; see \"ogi report
// check 2022\"". REQUIRES: !ReportPasses(report).
std::string ReportWarning(const v1::Report& report);

// The title line, then each check as "✓ identity  detail" or "✗ identity
// detail" (red when `color`) with "涉及案件：…" under a failure, then the
// cases that cannot be counted with their reasons, the lock and the cells
// the live records changed since, and a closing summary line.
void RenderReportChecks(const v1::Report& report, bool color,
                        std::ostream& out);

// "<year> 年 表三 disclosed × natural_person：12", then the records: for
// tables 二 and 三 case number, applicant, receipt date, concluded date and
// outcome; for table 四 the proceeding id, case number, applicant, filing
// date and result column; with the agency in front when the records span
// several agencies; then "共 N 件". The fee amount of table 二 (in yuan) is
// also shown in 万元.
void RenderCell(int32_t year, const v1::CellAddress& cell,
                const v1::GetCellResponse& response, bool color,
                std::ostream& out);

// The lock of a locked report: year, content hash, who, when.
void RenderLock(const v1::Report& report, bool color, std::ostream& out);

// Table 二 as a card: each row with its numbers, the fee amount in 万元, and
// whether the first block was counted from the register.
void RenderFigures(const v1::Table2& figures, bool color, std::ostream& out);

// The register as a table (编号, 类别, 标题, 文号, 制发日期, 废止日期), then
// "共 N 件".
void RenderDocuments(const v1::ListDocumentsResponse& response, bool color,
                     std::ostream& out);

// `yuan` in 万元 with up to four decimal places and no trailing zeros:
// 128720600 → "12872.06", 0 → "0", -5 → "-0.0005".
std::string YuanAsWanYuan(int64_t yuan);

}  // namespace ogi::cli

#endif  // OGI_CLI_REPORT_TEXT_H_
