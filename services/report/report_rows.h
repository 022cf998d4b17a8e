#ifndef OGI_SERVICES_REPORT_REPORT_ROWS_H_
#define OGI_SERVICES_REPORT_REPORT_ROWS_H_

// The fixed structure of the annual report's tables (SPEC §4, Format 2021,
// 国办公开办函〔2021〕30号): rows and columns of tables 二, 三 and 四 with
// their stable keys and official labels, cell addresses, and positional access
// to the numbers of ogi.v1.Table2/Table3/Table4. Pure; thread-safe (the specs
// are immutable after first use).
//
// Table 三 has 25 rows: 一, 二, the 21 leaves of 三、本年度办理结果 (one per
// ogi.v1.Outcome, in report order: （一）, （二）, eight of （三）, three of
// （四）, five of （五）, three of （六）), （七）总计 and 四. Its 7 columns
// are the six applicant types and 总计. Table 四 is three groups (行政复议,
// 行政诉讼 未经复议直接起诉, 复议后起诉) of five columns each.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/outcome.pb.h"
#include "ogi/v1/proceeding.pb.h"
#include "ogi/v1/report.pb.h"

namespace ogi {

// ---- Table 三 ----

inline constexpr int kTable3RowCount = 25;
inline constexpr int kTable3ColumnCount = 7;
inline constexpr int kApplicantColumnCount = 6;
inline constexpr int kTable3TotalColumn = 6;
inline constexpr int kLeafRowCount = 21;
inline constexpr int kNewRow = 0;              // 一、本年新收
inline constexpr int kCarriedInRow = 1;        // 二、上年结转
inline constexpr int kFirstLeafRow = 2;        // （一）予以公开
inline constexpr int kConcludedTotalRow = 23;  // （七）总计
inline constexpr int kCarriedOutRow = 24;  // 四、结转下年度继续办理

struct Table3RowSpec {
  // Stable identifier: "new", "carried_in", the outcome identifier of a leaf
  // ("disclosed", ..., "other"), "concluded_total", "carried_out".
  std::string key;
  // The official row label as the national format prints it, e.g.
  // "一、本年新收政府信息公开申请数量", "（一）予以公开",
  // "1.本机关不掌握相关政府信息", "（七）总计", "四、结转下年度继续办理".
  std::string label;
  // Leaves only (else UNSPECIFIED): the outcome counted in the row.
  v1::Outcome outcome = v1::OUTCOME_UNSPECIFIED;
};

// The 25 rows in official order.
const std::vector<Table3RowSpec>& Table3Rows();

// The leaf row (kFirstLeafRow ..) counting `outcome`; -1 for UNSPECIFIED and
// unknown numbers.
int Table3RowOf(v1::Outcome outcome);

struct ColumnSpec {
  std::string key;    // stable identifier, e.g. "natural_person", "total"
  std::string label;  // official header text, e.g. "自然人", "总计"
};

// Table 三's 7 columns: "natural_person" 自然人, "commercial_enterprise"
// 商业企业, "research_institution" 科研机构, "public_interest_organization"
// 社会公益组织, "legal_service_institution" 法律服务机构, "other_organization"
// 其他, "total" 总计.
const std::vector<ColumnSpec>& Table3Columns();

// The applicant column (0..5) of `type`; -1 for UNSPECIFIED and unknown
// numbers.
int ApplicantColumnOf(v1::ApplicantType type);

// ---- Table 四 ----

inline constexpr int kTable4GroupCount = 3;
inline constexpr int kTable4ColumnCount = 5;
inline constexpr int kReviewGroup = 0;
inline constexpr int kDirectSuitGroup = 1;
inline constexpr int kSuitAfterReviewGroup = 2;
inline constexpr int kResultTotalColumn = 4;

// "review" 行政复议, "direct_suit" 未经复议直接起诉, "suit_after_review"
// 复议后起诉.
const std::vector<ColumnSpec>& Table4Groups();

// "upheld" 结果维持, "corrected" 结果纠正, "other" 其他结果, "pending"
// 尚未审结, "total" 总计.
const std::vector<ColumnSpec>& Table4Columns();

// The column (0..3) of a result; -1 for UNSPECIFIED and unknown numbers.
int Table4ColumnOf(v1::ResultColumn column);

// The group of a counted lawsuit's route: kSuitAfterReviewGroup for
// AFTER_REVIEW, else kDirectSuitGroup.
int Table4GroupOf(v1::LawsuitRoute route);

// ---- Table 二 ----

struct Table2RowSpec {
  std::string key;    // "rules", "normative_documents", "licensing", ...
  std::string label;  // "规章", "行政规范性文件", "行政许可", ...
  std::string block;  // "第二十条第（一）项", ...
  std::vector<int> columns;  // indexes into Table2Columns()
};

// Rows: rules 规章, normative_documents 行政规范性文件 (第二十条第（一）项:
// issued, repealed, in_force); licensing 行政许可 (第（五）项: decisions);
// penalty 行政处罚, enforcement 行政强制 (第（六）项: decisions); fees
// 行政事业性收费 (第（八）项: amount).
const std::vector<Table2RowSpec>& Table2Rows();

// "issued" 本年制发件数, "repealed" 本年废止件数, "in_force" 现行有效件数,
// "decisions" 本年处理决定数量, "amount" 本年收费金额（单位：万元）.
const std::vector<ColumnSpec>& Table2Columns();

// ---- Cell addresses ----

// A resolved cell: table 2, 3 or 4; row and column are indexes into the
// table's row (group) and column specs above.
struct CellPosition {
  int table = 0;
  int row = 0;
  int column = 0;

  friend bool operator==(const CellPosition& a, const CellPosition& b) {
    return a.table == b.table && a.row == b.row && a.column == b.column;
  }
  friend bool operator<(const CellPosition& a, const CellPosition& b) {
    if (a.table != b.table) return a.table < b.table;
    if (a.row != b.row) return a.row < b.row;
    return a.column < b.column;
  }
};

// Resolves `address`. Row and column are matched against the keys
// (case-insensitive) and the official labels of the address's table.
// INVALID_ARGUMENT naming the field:
//  - "cell.table: must be 2, 3 or 4 (got 5)";
//  - "cell.row: unknown row "x" of table 三; one of: new, carried_in, ...";
//  - "cell.column: unknown column "x" of table 三; one of: natural_person,
//  ...";
//  - "cell.column: table 二 row "licensing" has no column "issued"; one of:
//    decisions".
absl::StatusOr<CellPosition> ResolveCell(const v1::CellAddress& address);

// The address of `position` by keys. REQUIRES: a valid position.
v1::CellAddress AddressOf(const CellPosition& position);

// The cell in words, by official labels: "表三 一、本年新收政府信息公开申请数量
// × 自然人", "表四 复议后起诉 × 尚未审结", "表二 行政许可 × 本年处理决定数量".
// REQUIRES: a valid position.
std::string DescribeCell(const CellPosition& position);

// Every cell of tables 二, 三 and 四, in table, row, column order.
std::vector<CellPosition> AllCells();

// ---- The numbers, by position ----

// Table 三's number at (row, column); 0 when `table` lacks the row or cell.
int64_t Table3Value(const v1::Table3& table, int row, int column);

// Table 四's group (kReviewGroup ...).
const v1::ResultCounts& Table4Group(const v1::Table4& table, int group);
v1::ResultCounts& MutableTable4Group(v1::Table4& table, int group);

// A result column's number (kResultTotalColumn: total).
int64_t ResultValue(const v1::ResultCounts& counts, int column);
void SetResultValue(v1::ResultCounts& counts, int column, int64_t value);

// A table-二 figure; the fees amount in yuan (see WanYuanToYuan), 0 when the
// amount is not a valid decimal.
int64_t Table2Value(const v1::Table2& table, int row, int column);

// A Table 三 of 25 rows with keys, labels and seven zeros each.
v1::Table3 EmptyTable3();

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_ROWS_H_
