#include "services/report/report_rows.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/enum_names.h"
#include "services/outcomes/outcome_rules.h"
#include "services/report/table2_figures.h"

namespace ogi {
namespace {

std::vector<Table3RowSpec> BuildTable3Rows() {
  std::vector<Table3RowSpec> rows;
  rows.push_back({"new", "一、本年新收政府信息公开申请数量"});
  rows.push_back({"carried_in", "二、上年结转政府信息公开申请数量"});
  // The leaves: the outcomes in report order, labelled as the outcome rules
  // label them (one source for "（一）予以公开", "1.属于国家秘密", ...).
  for (const v1::Outcome outcome : OutcomesInReportOrder()) {
    Table3RowSpec row;
    row.key = EnumIdentifier(v1::Outcome_descriptor(), outcome);
    row.label = OutcomeRowLabel(outcome);
    row.outcome = outcome;
    rows.push_back(std::move(row));
  }
  rows.push_back({"concluded_total", "（七）总计"});
  rows.push_back({"carried_out", "四、结转下年度继续办理"});
  return rows;
}

std::string TableName(int table) {
  switch (table) {
    case 2:
      return "二";
    case 3:
      return "三";
    default:
      return "四";
  }
}

// The index of the spec whose key (case-insensitive) or label is `text`;
// -1 when none.
template <typename Spec>
int FindSpec(const std::vector<Spec>& specs, absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].key == lower || specs[i].label == text) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

template <typename Spec>
std::string Keys(const std::vector<Spec>& specs) {
  return absl::StrJoin(specs, ", ", [](std::string* out, const Spec& spec) {
    out->append(spec.key);
  });
}

absl::Status Unknown(absl::string_view field, absl::string_view what,
                     absl::string_view text, int table,
                     absl::string_view keys) {
  return absl::InvalidArgumentError(
      absl::StrCat("cell.", field, ": 表", TableName(table), "没有", what,
                   " \"", text, "\"，须为以下之一：", keys));
}

}  // namespace

const std::vector<Table3RowSpec>& Table3Rows() {
  static const auto* const rows =
      new std::vector<Table3RowSpec>(BuildTable3Rows());
  return *rows;
}

int Table3RowOf(v1::Outcome outcome) {
  if (outcome == v1::OUTCOME_UNSPECIFIED) return -1;
  const std::vector<Table3RowSpec>& rows = Table3Rows();
  for (int row = kFirstLeafRow; row < kFirstLeafRow + kLeafRowCount; ++row) {
    if (rows[row].outcome == outcome) return row;
  }
  return -1;
}

const std::vector<ColumnSpec>& Table3Columns() {
  static const auto* const columns = new std::vector<ColumnSpec>{
      {"natural_person", "自然人"},
      {"commercial_enterprise", "商业企业"},
      {"research_institution", "科研机构"},
      {"public_interest_organization", "社会公益组织"},
      {"legal_service_institution", "法律服务机构"},
      {"other_organization", "其他"},
      {"total", "总计"},
  };
  return *columns;
}

int ApplicantColumnOf(v1::ApplicantType type) {
  // The enum lists the six types in column order, from 1.
  if (type < v1::APPLICANT_TYPE_NATURAL_PERSON ||
      type > v1::APPLICANT_TYPE_OTHER_ORGANIZATION) {
    return -1;
  }
  return static_cast<int>(type) - v1::APPLICANT_TYPE_NATURAL_PERSON;
}

const std::vector<ColumnSpec>& Table4Groups() {
  static const auto* const groups = new std::vector<ColumnSpec>{
      {"review", "行政复议"},
      {"direct_suit", "未经复议直接起诉"},
      {"suit_after_review", "复议后起诉"},
  };
  return *groups;
}

const std::vector<ColumnSpec>& Table4Columns() {
  static const auto* const columns = new std::vector<ColumnSpec>{
      {"upheld", "结果维持"},  {"corrected", "结果纠正"}, {"other", "其他结果"},
      {"pending", "尚未审结"}, {"total", "总计"},
  };
  return *columns;
}

int Table4ColumnOf(v1::ResultColumn column) {
  switch (column) {
    case v1::RESULT_COLUMN_UPHELD:
      return 0;
    case v1::RESULT_COLUMN_CORRECTED:
      return 1;
    case v1::RESULT_COLUMN_OTHER:
      return 2;
    case v1::RESULT_COLUMN_PENDING:
      return 3;
    default:
      return -1;
  }
}

int Table4GroupOf(v1::LawsuitRoute route) {
  return route == v1::LAWSUIT_ROUTE_AFTER_REVIEW ? kSuitAfterReviewGroup
                                                 : kDirectSuitGroup;
}

const std::vector<Table2RowSpec>& Table2Rows() {
  static const auto* const rows = new std::vector<Table2RowSpec>{
      {"rules", "规章", "第二十条第（一）项", {0, 1, 2}},
      {"normative_documents",
       "行政规范性文件",
       "第二十条第（一）项",
       {0, 1, 2}},
      {"licensing", "行政许可", "第二十条第（五）项", {3}},
      {"penalty", "行政处罚", "第二十条第（六）项", {3}},
      {"enforcement", "行政强制", "第二十条第（六）项", {3}},
      {"fees", "行政事业性收费", "第二十条第（八）项", {4}},
  };
  return *rows;
}

const std::vector<ColumnSpec>& Table2Columns() {
  static const auto* const columns = new std::vector<ColumnSpec>{
      {"issued", "本年制发件数"},
      {"repealed", "本年废止件数"},
      {"in_force", "现行有效件数"},
      {"decisions", "本年处理决定数量"},
      {"amount", "本年收费金额（单位：万元）"},
  };
  return *columns;
}

absl::StatusOr<CellPosition> ResolveCell(const v1::CellAddress& address) {
  CellPosition position;
  position.table = address.table();
  switch (address.table()) {
    case 2: {
      position.row = FindSpec(Table2Rows(), address.row());
      if (position.row < 0) {
        return Unknown("row", "行", address.row(), 2, Keys(Table2Rows()));
      }
      position.column = FindSpec(Table2Columns(), address.column());
      const std::vector<int>& allowed = Table2Rows()[position.row].columns;
      bool fits = false;
      for (const int column : allowed) fits = fits || column == position.column;
      if (!fits) {
        return absl::InvalidArgumentError(absl::StrCat(
            "cell.column: 表二的行 \"", Table2Rows()[position.row].key,
            "\" 没有列 \"", address.column(), "\"，须为以下之一：",
            absl::StrJoin(allowed, ", ", [](std::string* out, int column) {
              out->append(Table2Columns()[column].key);
            })));
      }
      return position;
    }
    case 3:
      position.row = FindSpec(Table3Rows(), address.row());
      if (position.row < 0) {
        return Unknown("row", "行", address.row(), 3, Keys(Table3Rows()));
      }
      position.column = FindSpec(Table3Columns(), address.column());
      if (position.column < 0) {
        return Unknown("column", "列", address.column(), 3,
                       Keys(Table3Columns()));
      }
      return position;
    case 4:
      position.row = FindSpec(Table4Groups(), address.row());
      if (position.row < 0) {
        return Unknown("row", "行", address.row(), 4, Keys(Table4Groups()));
      }
      position.column = FindSpec(Table4Columns(), address.column());
      if (position.column < 0) {
        return Unknown("column", "列", address.column(), 4,
                       Keys(Table4Columns()));
      }
      return position;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("cell.table: 须为 2、3 或 4，而不是 ", address.table()));
  }
}

v1::CellAddress AddressOf(const CellPosition& position) {
  v1::CellAddress address;
  address.set_table(position.table);
  switch (position.table) {
    case 2:
      address.set_row(Table2Rows()[position.row].key);
      address.set_column(Table2Columns()[position.column].key);
      break;
    case 3:
      address.set_row(Table3Rows()[position.row].key);
      address.set_column(Table3Columns()[position.column].key);
      break;
    default:
      address.set_row(Table4Groups()[position.row].key);
      address.set_column(Table4Columns()[position.column].key);
      break;
  }
  return address;
}

std::string DescribeCell(const CellPosition& position) {
  switch (position.table) {
    case 2:
      return absl::StrCat("表二 ", Table2Rows()[position.row].label, " × ",
                          Table2Columns()[position.column].label);
    case 3:
      return absl::StrCat("表三 ", Table3Rows()[position.row].label, " × ",
                          Table3Columns()[position.column].label);
    default:
      return absl::StrCat("表四 ", Table4Groups()[position.row].label, " × ",
                          Table4Columns()[position.column].label);
  }
}

std::vector<CellPosition> AllCells() {
  std::vector<CellPosition> cells;
  const std::vector<Table2RowSpec>& table2 = Table2Rows();
  for (int row = 0; row < static_cast<int>(table2.size()); ++row) {
    for (const int column : table2[row].columns) {
      cells.push_back({2, row, column});
    }
  }
  for (int row = 0; row < kTable3RowCount; ++row) {
    for (int column = 0; column < kTable3ColumnCount; ++column) {
      cells.push_back({3, row, column});
    }
  }
  for (int group = 0; group < kTable4GroupCount; ++group) {
    for (int column = 0; column < kTable4ColumnCount; ++column) {
      cells.push_back({4, group, column});
    }
  }
  return cells;
}

int64_t Table3Value(const v1::Table3& table, int row, int column) {
  if (row < 0 || row >= table.rows_size()) return 0;
  const v1::Table3Row& cells = table.rows(row);
  if (column < 0 || column >= cells.cells_size()) return 0;
  return cells.cells(column);
}

const v1::ResultCounts& Table4Group(const v1::Table4& table, int group) {
  switch (group) {
    case kReviewGroup:
      return table.review();
    case kDirectSuitGroup:
      return table.direct_suit();
    default:
      return table.suit_after_review();
  }
}

v1::ResultCounts& MutableTable4Group(v1::Table4& table, int group) {
  switch (group) {
    case kReviewGroup:
      return *table.mutable_review();
    case kDirectSuitGroup:
      return *table.mutable_direct_suit();
    default:
      return *table.mutable_suit_after_review();
  }
}

int64_t ResultValue(const v1::ResultCounts& counts, int column) {
  switch (column) {
    case 0:
      return counts.upheld();
    case 1:
      return counts.corrected();
    case 2:
      return counts.other();
    case 3:
      return counts.pending();
    default:
      return counts.total();
  }
}

void SetResultValue(v1::ResultCounts& counts, int column, int64_t value) {
  switch (column) {
    case 0:
      counts.set_upheld(value);
      break;
    case 1:
      counts.set_corrected(value);
      break;
    case 2:
      counts.set_other(value);
      break;
    case 3:
      counts.set_pending(value);
      break;
    default:
      counts.set_total(value);
      break;
  }
}

int64_t Table2Value(const v1::Table2& table, int row, int column) {
  const std::string& key = Table2Rows()[row].key;
  if (key == "rules" || key == "normative_documents") {
    const v1::DocumentCounts& counts =
        key == "rules" ? table.rules() : table.normative_documents();
    switch (column) {
      case 0:
        return counts.issued();
      case 1:
        return counts.repealed();
      default:
        return counts.in_force();
    }
  }
  if (key == "licensing") return table.licensing_decisions();
  if (key == "penalty") return table.penalty_decisions();
  if (key == "enforcement") return table.enforcement_decisions();
  return WanYuanToYuan(table.fees_wan_yuan(), "fees_wan_yuan").value_or(0);
}

v1::Table3 EmptyTable3() {
  v1::Table3 table;
  for (const Table3RowSpec& spec : Table3Rows()) {
    v1::Table3Row* row = table.add_rows();
    row->set_key(spec.key);
    row->set_label(spec.label);
    row->mutable_cells()->Resize(kTable3ColumnCount, 0);
  }
  return table;
}

}  // namespace ogi
