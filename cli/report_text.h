#ifndef OGI_CLI_REPORT_TEXT_H_
#define OGI_CLI_REPORT_TEXT_H_

// Terminal text of the annual-report commands: the checks, one cell's records,
// the lock, the table-二 figures and the register of rules and normative
// documents. The report document itself is rendered by the server
// (RenderReport). Pure; thread-safe.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "ogi/v1/report.pb.h"
#include "ogi/v1/report_service.pb.h"

namespace ogi::cli {

// True when every check holds and every case could be counted: the report is
// fit to publish.
bool ReportPasses(const v1::Report& report);

// The one-line warning for a report that does not pass, e.g. "2022 年度报告
// （lc-xzsp）：40 项校验中 2 项未通过，1 件案件无法统计；详见 \"ogi report
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

// Table 二 as a card: each row with its numbers, the fee amount in 万元 with
// two decimals, and for 规章 and 行政规范性文件 where the row was taken from
// (the register or the figures entered) and the source chosen (auto,
// register, entered).
void RenderFigures(const v1::Table2& figures, bool color, std::ostream& out);

// One line per entered figure the register count overrode (Table2.overridden),
// each naming the figure, both numbers and the command that makes the entered
// figure count instead, e.g. "表二 行政规范性文件 现行有效件数 输入的是 3，报告
// 采用登记簿统计的 1；如应采用输入的数字：ogi report figures set 2026
// --normative-source entered".
std::vector<std::string> OverrideWarnings(const v1::Table2& figures,
                                          int32_t year);

// Nothing when no figure was overridden; else a heading and the lines of
// OverrideWarnings.
void RenderOverrides(const v1::Table2& figures, int32_t year,
                     std::ostream& out);

// What `ogi report lock` will freeze: the report's name and agencies, the key
// numbers of tables 二, 三 (本年新收, 上年结转, 办理结果总计, 结转下年) and 四
// (the three totals), whether the preface is the default, the sections left
// empty (`left_empty`, as the user should read them), the content hash, the
// number of notes, and what locking means.
void RenderLockPreview(const v1::Report& report,
                       const std::vector<std::string>& left_empty,
                       std::ostream& out);

// The register as a table (编号, 类别, 标题, 文号, 制发日期, 废止日期), then
// "共 N 件".
void RenderDocuments(const v1::ListDocumentsResponse& response, bool color,
                     std::ostream& out);

// `yuan` in 万元 as money: two decimal places, up to four when the amount
// needs them: 128720600 → "12872.06", 131054000 → "13105.40", 0 → "0.00",
// -5 → "-0.0005".
std::string YuanAsWanYuan(int64_t yuan);

// A 万元 decimal as the server returns it, with at least two decimals:
// "13105.4" → "13105.40", "1" → "1.00", "0.0005" stays.
std::string WanYuanAsMoney(const std::string& wan_yuan);

}  // namespace ogi::cli

#endif  // OGI_CLI_REPORT_TEXT_H_
