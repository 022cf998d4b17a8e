#include "services/report/report_checks.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/report/case_placement.h"

namespace ogi {
namespace {

// One number of an identity, with the references behind it when known.
struct Term {
  std::string name;  // for the detail, e.g. "表三 一、… × 自然人"
  int64_t value = 0;
  const std::vector<std::string>* cases = nullptr;
};

struct Side {
  std::string name;  // e.g. "一+二"
  std::vector<Term> terms;

  bool AllKnown() const {
    for (const Term& term : terms) {
      if (term.cases == nullptr) return false;
    }
    return true;
  }

  int64_t Sum() const {
    int64_t sum = 0;
    for (const Term& term : terms) sum += term.value;
    return sum;
  }
};

// Appends `reference` once.
void AddOnce(const std::string& reference,
             absl::flat_hash_set<std::string>& seen,
             std::vector<std::string>& out) {
  if (seen.insert(reference).second) out.push_back(reference);
}

// The references counted more often on `from` than on `other`, in `from`'s
// order. REQUIRES: every term of both sides has its references.
std::vector<std::string> Excess(const Side& from, const Side& other) {
  absl::flat_hash_map<std::string, int> balance;
  for (const Term& term : from.terms) {
    for (const std::string& reference : *term.cases) ++balance[reference];
  }
  for (const Term& term : other.terms) {
    for (const std::string& reference : *term.cases) --balance[reference];
  }
  std::vector<std::string> excess;
  absl::flat_hash_set<std::string> seen;
  for (const Term& term : from.terms) {
    for (const std::string& reference : *term.cases) {
      if (balance[reference] > 0) AddOnce(reference, seen, excess);
    }
  }
  return excess;
}

v1::ReportCheck Identity(absl::string_view prefix, absl::string_view identity,
                         const Side& left, const Side& right) {
  v1::ReportCheck check;
  check.set_identity(absl::StrCat(prefix, identity));
  const int64_t left_sum = left.Sum();
  const int64_t right_sum = right.Sum();
  check.set_ok(left_sum == right_sum);
  std::string detail = absl::StrCat(left.name, " = ", left_sum, "，",
                                    right.name, " = ", right_sum);
  if (check.ok()) {
    check.set_detail(std::move(detail));
    return check;
  }
  // Name the cases involved: those on one side only (when the references
  // behind every term are known; a side without them would make every
  // reference of the other look unmatched) ...
  const bool all_known = left.AllKnown() && right.AllKnown();
  const std::vector<std::string> left_only =
      all_known ? Excess(left, right) : std::vector<std::string>();
  const std::vector<std::string> right_only =
      all_known ? Excess(right, left) : std::vector<std::string>();
  if (!left_only.empty()) {
    absl::StrAppend(&detail, "；只计入", left.name, "：",
                    absl::StrJoin(left_only, "、"));
  }
  if (!right_only.empty()) {
    absl::StrAppend(&detail, "；只计入", right.name, "：",
                    absl::StrJoin(right_only, "、"));
  }
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> named;
  for (const std::string& reference : left_only)
    AddOnce(reference, seen, named);
  for (const std::string& reference : right_only) {
    AddOnce(reference, seen, named);
  }
  // ... else the cells whose number is not what lies behind it.
  if (named.empty()) {
    for (const Side* side : {&left, &right}) {
      for (const Term& term : side->terms) {
        if (term.cases == nullptr ||
            term.value == static_cast<int64_t>(term.cases->size())) {
          continue;
        }
        absl::StrAppend(&detail, "；", term.name, "为", term.value,
                        "，其后的记录为", term.cases->size(), "件");
        for (const std::string& reference : *term.cases) {
          AddOnce(reference, seen, named);
        }
      }
    }
  }
  check.set_detail(std::move(detail));
  for (std::string& reference : named) {
    check.add_case_numbers(std::move(reference));
  }
  return check;
}

Term Table3Term(const v1::Table3& table, const CellCases* cells, int row,
                int column) {
  const CellPosition position{3, row, column};
  return {DescribeCell(position), Table3Value(table, row, column),
          cells != nullptr ? &cells->At(position) : nullptr};
}

Term Table4Term(const v1::Table4& table, const CellCases* cells, int group,
                int column) {
  const CellPosition position{4, group, column};
  return {DescribeCell(position),
          ResultValue(Table4Group(table, group), column),
          cells != nullptr ? &cells->At(position) : nullptr};
}

std::string ColumnLabel(int column) { return Table3Columns()[column].label; }

}  // namespace

std::vector<v1::ReportCheck> CheckReportTables(
    const v1::Table3& table3, const v1::Table4& table4, const CellCases* cells,
    const PreviousCarriedOut* previous, absl::string_view prefix) {
  std::vector<v1::ReportCheck> checks;
  for (int column = 0; column < kTable3ColumnCount; ++column) {
    checks.push_back(Identity(
        prefix, absl::StrCat("一+二=三（七）+四（", ColumnLabel(column), "）"),
        {"一+二",
         {Table3Term(table3, cells, kNewRow, column),
          Table3Term(table3, cells, kCarriedInRow, column)}},
        {"三（七）+四",
         {Table3Term(table3, cells, kConcludedTotalRow, column),
          Table3Term(table3, cells, kCarriedOutRow, column)}}));
  }
  for (int column = 0; column < kTable3ColumnCount; ++column) {
    Side leaves{"各项办理结果之和", {}};
    for (int row = kFirstLeafRow; row < kFirstLeafRow + kLeafRowCount; ++row) {
      leaves.terms.push_back(Table3Term(table3, cells, row, column));
    }
    checks.push_back(Identity(
        prefix,
        absl::StrCat("（七）=各项办理结果之和（", ColumnLabel(column), "）"),
        {"（七）", {Table3Term(table3, cells, kConcludedTotalRow, column)}},
        leaves));
  }
  for (int row = 0; row < kTable3RowCount; ++row) {
    Side applicants{"六类申请人之和", {}};
    for (int column = 0; column < kApplicantColumnCount; ++column) {
      applicants.terms.push_back(Table3Term(table3, cells, row, column));
    }
    checks.push_back(Identity(
        prefix,
        absl::StrCat("总计=六类申请人之和（", Table3Rows()[row].label, "）"),
        {"总计", {Table3Term(table3, cells, row, kTable3TotalColumn)}},
        applicants));
  }
  for (int group = 0; group < kTable4GroupCount; ++group) {
    Side results{"四项之和", {}};
    for (int column = 0; column < kResultTotalColumn; ++column) {
      results.terms.push_back(Table4Term(table4, cells, group, column));
    }
    checks.push_back(Identity(
        prefix,
        absl::StrCat("总计=四项之和（", Table4Groups()[group].label, "）"),
        {"总计", {Table4Term(table4, cells, group, kResultTotalColumn)}},
        results));
  }
  if (previous != nullptr) {
    for (int column = 0; column < kTable3ColumnCount; ++column) {
      Term last_year{
          absl::StrCat("上年表三 ", Table3Rows()[kCarriedOutRow].label, " × ",
                       ColumnLabel(column)),
          previous->cells[column],
          previous->cases_known ? &previous->cases[column] : nullptr};
      checks.push_back(Identity(
          prefix, absl::StrCat("二=上年四（", ColumnLabel(column), "）"),
          {"二", {Table3Term(table3, cells, kCarriedInRow, column)}},
          {"上年四", {std::move(last_year)}}));
    }
  }
  return checks;
}

v1::ReportCheck CountabilityCheck(
    const std::vector<v1::UncountableCase>& uncountable, bool qualified,
    absl::string_view prefix) {
  v1::ReportCheck check;
  check.set_identity(absl::StrCat(prefix, "所有案件均可统计"));
  check.set_ok(uncountable.empty());
  if (uncountable.empty()) {
    check.set_detail("没有无法归入表格的案件");
    return check;
  }
  std::vector<std::string> reasons;
  int awaiting_confirmation = 0;
  for (const v1::UncountableCase& one : uncountable) {
    const std::string reference =
        QualifiedReference(one.agency_code(), one.number(), qualified);
    reasons.push_back(absl::StrCat(reference, "：", one.reason()));
    check.add_case_numbers(reference);
    if (absl::StartsWith(one.reason(), kAwaitingConfirmationReason)) {
      ++awaiting_confirmation;
    }
  }
  check.set_detail(absl::StrCat(
      uncountable.size(), "件案件无法归入表三，未计入任何一格",
      awaiting_confirmation > 0
          ? absl::StrCat("（其中", awaiting_confirmation,
                         "件待确认收到，登记确认收到日期后即可统计）")
          : "",
      "：", absl::StrJoin(reasons, "；")));
  return check;
}

}  // namespace ogi
