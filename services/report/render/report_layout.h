#ifndef OGI_SERVICES_REPORT_RENDER_REPORT_LAYOUT_H_
#define OGI_SERVICES_REPORT_RENDER_REPORT_LAYOUT_H_

// The texts and shape of the national annual-report format (SPEC §4, Format
// 2021) that every rendering needs beyond what the tables' structure in
// services/report/report_rows.h gives (row and column keys and labels, which
// the renderings use directly): section titles, the blocks of table 二, the
// merged header cells of tables 三 and 四, the groups of table 三's
// 本年度办理结果 block, the prose of section 六 and readable names of cell
// addresses. Pure functions over constant data; thread-safe.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ogi/v1/report.pb.h"
#include "services/report/report_prose.h"
#include "services/report/report_rows.h"

namespace ogi {

// The six section titles in order: 一、总体情况 … 六、其他需要报告的事项.
extern const std::array<absl::string_view, 6> kReportSectionTitles;

// "<agency><year>年政府信息公开工作年度报告"; without the agency when
// title_agency is empty.
std::string ReportTitle(const v1::Report& report);
// The title after the agency: "<year>年政府信息公开工作年度报告".
std::string ReportTitleAfterAgency(const v1::Report& report);

// ---- Table 二 ----

// One of the four blocks of table 二 (第二十条第（一）项 …): a heading row, a
// header row (信息内容 and the value columns), and its rows, each a label
// followed by one value per value column.
struct Table2Block {
  std::string heading;               // "第二十条第（一）项"
  std::vector<std::string> columns;  // value column headers
  struct Row {
    std::string label;                // "规章"
    std::vector<std::string> values;  // printed numbers, never empty
  };
  std::vector<Row> rows;
};

// "信息内容": the header over the row labels of every table-二 block.
extern const absl::string_view kTable2LabelHeader;

// The four blocks in official order; six rows in all (规章, 行政规范性文件,
// 行政许可, 行政处罚, 行政强制, 行政事业性收费). The fee amount (万元) is
// printed as money, with two decimals ("13105.40", "0.00"; more only when
// entered exact to the yuan).
std::vector<Table2Block> Table2Blocks(const v1::Table2& table);

// ---- Table 三 ----

// The top-left header cell.
extern const absl::string_view kTable3Corner;
// "申请人情况" over all seven columns; "法人或其他组织" over the five
// organisation columns. The column names are Table3Columns().
extern const absl::string_view kTable3ApplicantHeader;
extern const absl::string_view kTable3OrganizationHeader;
// "三、本年度办理结果": the block of the outcome rows and （七）总计.
extern const absl::string_view kTable3ConcludedBlock;

// True for a row inside 三、本年度办理结果: an outcome row (its key an
// Outcome identifier such as "disclosed") or "concluded_total".
bool InConcludedBlock(absl::string_view row_key);

// The group label of an outcome row that sits under a group of several
// leaves — "（三）不予公开", "（四）无法提供", "（五）不予处理" or
// "（六）其他处理" — and "" for every other row (（一）, （二）, （七） and the
// rows outside the block stand alone, as does a key of no known row).
std::string Table3GroupLabel(absl::string_view row_key);

// ---- Table 四 ----

// "行政诉讼": the header over the two lawsuit groups. The group names and
// the five result columns are Table4Groups() and Table4Columns().
extern const absl::string_view kTable4Litigation;

// One group of table 四 as a line of a turned table: its label ("行政复议",
// "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）") and its five
// numbers in Table4Columns() order.
struct Table4Line {
  std::string label;
  std::vector<int64_t> values;
};

// The three groups in official order.
std::vector<Table4Line> Table4Lines(const v1::Table4& table);

// The fifteen numbers of table 四 in official order: 行政复议, then 行政诉讼
// 未经复议直接起诉, then 复议后起诉, each 结果维持 … 总计.
std::vector<int64_t> Table4Values(const v1::Table4& table);

// ---- Section 六 and the notes around the tables ----

// The fee sentence of section 六 and the preface are services/report/
// report_prose.h's FeeSentence and PrefaceText; section 六 prints the fee
// sentence only when GeneratesFeeSentence.

// The paragraphs section 六 prints: the fee sentence when the office's text
// does not speak of fees (GeneratesFeeSentence), then the office's text.
std::vector<std::string> OtherMattersParagraphs(const v1::Report& report);

// The paragraphs of a prose field: its lines with surrounding white space
// removed, blank lines dropped.
std::vector<std::string> ProseParagraphs(absl::string_view prose);

// A readable name of a cell address for lock differences: DescribeCell's
// ("表三 （一）予以公开 × 自然人"), or the address as it is when it names no
// cell.
std::string CellName(const v1::CellAddress& cell);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_RENDER_REPORT_LAYOUT_H_
