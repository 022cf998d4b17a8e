#include "services/report/report_cells.h"

#include <map>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/report/case_placement.h"

namespace ogi {
namespace {

v1::CellRecord RecordOf(const v1::Case& c, const CasePlacement& placement) {
  v1::CellRecord record;
  record.set_agency_code(c.agency_code());
  record.set_case_number(c.number());
  record.set_applicant_name(c.applicant().name());
  if (c.has_receipt_date()) *record.mutable_receipt_date() = c.receipt_date();
  if (placement.concluded_by_year_end) {
    *record.mutable_concluded() = c.conclusion().served();
    record.set_outcome(c.conclusion().outcome());
  }
  return record;
}

v1::ResultColumn ResultColumnAt(int column) {
  static constexpr v1::ResultColumn kColumns[] = {
      v1::RESULT_COLUMN_UPHELD, v1::RESULT_COLUMN_CORRECTED,
      v1::RESULT_COLUMN_OTHER, v1::RESULT_COLUMN_PENDING};
  return kColumns[column];
}

using AddressKey = std::tuple<int, std::string, std::string>;

AddressKey KeyOf(const v1::CellAddress& cell) {
  return {cell.table(), cell.row(), cell.column()};
}

// The references of `from` that are not in `other`, in `from`'s order.
std::vector<std::string> Missing(const std::vector<std::string>& from,
                                 const std::vector<std::string>& other) {
  const absl::flat_hash_set<std::string> present(other.begin(), other.end());
  std::vector<std::string> missing;
  for (const std::string& reference : from) {
    if (!present.contains(reference)) missing.push_back(reference);
  }
  return missing;
}

v1::CellDifference Difference(const v1::CellAddress& cell,
                              const CellSnapshot* locked,
                              const CellSnapshot* live) {
  static const std::vector<std::string> kNone;
  const std::vector<std::string>& locked_cases =
      locked != nullptr ? locked->cases : kNone;
  const std::vector<std::string>& live_cases =
      live != nullptr ? live->cases : kNone;
  v1::CellDifference difference;
  *difference.mutable_cell() = cell;
  difference.set_locked_value(locked != nullptr ? locked->value : 0);
  difference.set_live_value(live != nullptr ? live->value : 0);
  for (std::string& added : Missing(live_cases, locked_cases)) {
    difference.add_cases_added(std::move(added));
  }
  for (std::string& removed : Missing(locked_cases, live_cases)) {
    difference.add_cases_removed(std::move(removed));
  }
  return difference;
}

bool Differs(const v1::CellDifference& difference) {
  return difference.locked_value() != difference.live_value() ||
         difference.cases_added_size() > 0 ||
         difference.cases_removed_size() > 0;
}

}  // namespace

const CellCases::List& CellCases::At(const CellPosition& position) const {
  static const List kNone;
  switch (position.table) {
    case 3:
      return table3[position.row][position.column];
    case 4:
      return table4[position.row][position.column];
    default: {
      const auto it = table2.find(position);
      return it == table2.end() ? kNone : it->second;
    }
  }
}

absl::StatusOr<std::vector<v1::CellRecord>> DrillDown(
    const std::vector<v1::Case>& cases, int year, const v1::CellAddress& cell) {
  OGI_ASSIGN_OR_RETURN(const CellPosition position, ResolveCell(cell));
  if (position.table == 2) {
    return absl::InvalidArgumentError(
        "cell.table: 表二是各机关每年录入的数字，不由案件记录统计，"
        "没有可列出的案件");
  }
  std::vector<v1::CellRecord> records;
  for (const v1::Case& c : cases) {
    const CasePlacement placement = PlaceCase(c, year);
    if (position.table == 3) {
      for (const TableCell& counted : placement.table3) {
        if (counted.row == position.row && counted.column == position.column) {
          records.push_back(RecordOf(c, placement));
        }
      }
      continue;
    }
    for (const ProceedingPlacement& counted : placement.table4) {
      bool in_cell = false;
      for (const TableCell& cell : Table4CellsOf(counted)) {
        in_cell = in_cell ||
                  (cell.row == position.row && cell.column == position.column);
      }
      if (!in_cell) continue;
      v1::CellRecord record = RecordOf(c, placement);
      record.set_proceeding_id(counted.id);
      *record.mutable_filed() = counted.lawsuit
                                    ? c.lawsuits(counted.index).filed()
                                    : c.reviews(counted.index).filed();
      record.set_column_label(EnumLabel(v1::ResultColumn_descriptor(),
                                        ResultColumnAt(counted.column)));
      records.push_back(std::move(record));
    }
  }
  return records;
}

absl::StatusOr<int64_t> CellValue(const v1::Report& report,
                                  const v1::CellAddress& cell) {
  OGI_ASSIGN_OR_RETURN(const CellPosition position, ResolveCell(cell));
  switch (position.table) {
    case 2:
      return Table2Value(report.table2(), position.row, position.column);
    case 3:
      return Table3Value(report.table3(), position.row, position.column);
    default:
      return ResultValue(Table4Group(report.table4(), position.row),
                         position.column);
  }
}

std::vector<CellSnapshot> SnapshotCells(const v1::Report& report,
                                        const CellCases& cells) {
  std::vector<CellSnapshot> snapshots;
  for (const CellPosition& position : AllCells()) {
    CellSnapshot snapshot;
    snapshot.cell = AddressOf(position);
    snapshot.value = *CellValue(report, snapshot.cell);
    snapshot.cases = cells.At(position);
    snapshots.push_back(std::move(snapshot));
  }
  return snapshots;
}

std::vector<v1::CellDifference> CompareCells(
    const std::vector<CellSnapshot>& locked,
    const std::vector<CellSnapshot>& live) {
  std::map<AddressKey, const CellSnapshot*> locked_by_address;
  for (const CellSnapshot& snapshot : locked) {
    locked_by_address[KeyOf(snapshot.cell)] = &snapshot;
  }
  std::vector<v1::CellDifference> differences;
  for (const CellSnapshot& snapshot : live) {
    auto it = locked_by_address.find(KeyOf(snapshot.cell));
    const CellSnapshot* before = nullptr;
    if (it != locked_by_address.end()) {
      before = it->second;
      locked_by_address.erase(it);
    }
    v1::CellDifference difference =
        Difference(snapshot.cell, before, &snapshot);
    if (Differs(difference)) differences.push_back(std::move(difference));
  }
  for (const CellSnapshot& snapshot : locked) {
    if (locked_by_address.count(KeyOf(snapshot.cell)) == 0) continue;
    v1::CellDifference difference =
        Difference(snapshot.cell, &snapshot, nullptr);
    if (Differs(difference)) differences.push_back(std::move(difference));
  }
  return differences;
}

}  // namespace ogi
