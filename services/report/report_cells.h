#ifndef OGI_SERVICES_REPORT_REPORT_CELLS_H_
#define OGI_SERVICES_REPORT_REPORT_CELLS_H_

// The records behind the report's numbers (SPEC §4 rule 6) and the
// cell-by-cell comparison of two derivations of a year (a locked report
// against the live records, rule 4). Both rest on PlaceCase
// (case_placement.h), as the derivation does. Pure functions; thread-safe.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ogi/v1/case.pb.h"
#include "ogi/v1/report.pb.h"
#include "services/report/report_rows.h"

namespace ogi {

// The references behind every cell of one year's tables 三 and 四: case
// references (CaseReference) for 三, review and lawsuit ids for 四, each list
// in the order of the cases derived. A derived cell's number is its list's
// length. Table 二's cells hold entered figures, but for the first block
// when it is counted from the register: its entries (RegisterReference).
struct CellCases {
  using List = std::vector<std::string>;
  std::array<std::array<List, kTable3ColumnCount>, kTable3RowCount> table3;
  std::array<std::array<List, kTable4ColumnCount>, kTable4GroupCount> table4;
  std::map<CellPosition, List> table2;

  // The list of a cell; an empty list for a cell of table 二 with none.
  const List& At(const CellPosition& position) const;
};

// The records behind `cell` of `year`'s report over `cases`, in the order of
// `cases`: for table 三 one per case counted in the cell (agency, number,
// applicant, receipt date, and the conclusion date and outcome when it was
// concluded by 31 December); for table 四 one per review or lawsuit (also its
// id, filing date and the result column it is counted in).
// INVALID_ARGUMENT from ResolveCell, or "cell.table: table 二 holds figures
// entered per agency and year, not counted from case records".
absl::StatusOr<std::vector<v1::CellRecord>> DrillDown(
    const std::vector<v1::Case>& cases, int year, const v1::CellAddress& cell);

// The number in `report`'s cell (table 二's fees amount in yuan, see
// Table2Value). INVALID_ARGUMENT from ResolveCell.
absl::StatusOr<int64_t> CellValue(const v1::Report& report,
                                  const v1::CellAddress& cell);

// One cell of a report as it stood when derived: its number and the
// references behind it (none for table 二).
struct CellSnapshot {
  v1::CellAddress cell;
  int64_t value = 0;
  std::vector<std::string> cases;
};

// Every cell of tables 二, 三 and 四 of `report` (AllCells order), with the
// references of `cells` (the CellCases the report was derived with).
std::vector<CellSnapshot> SnapshotCells(const v1::Report& report,
                                        const CellCases& cells);

// The cells where `live` differs from `locked`, matched by address: a
// different number or different references behind it (a case that moved out
// while another moved in leaves the number but is shown). cases_added: behind
// the live cell and not the locked one; cases_removed: the reverse; each in
// its snapshot's order. Cells in `live` order, then cells only in `locked`.
std::vector<v1::CellDifference> CompareCells(
    const std::vector<CellSnapshot>& locked,
    const std::vector<CellSnapshot>& live);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_CELLS_H_
