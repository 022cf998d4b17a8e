#include "services/report/report_derivation.h"

#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/report/case_placement.h"
#include "services/report/report_rows.h"

namespace ogi {
namespace {

void AddFees(const CasePlacement& placement, v1::FeeSummary& fees) {
  if (placement.fee_notice_served) {
    fees.set_notices_issued(fees.notices_issued() + 1);
    fees.set_amount_billed_yuan(fees.amount_billed_yuan() +
                                placement.fee_billed_yuan);
  }
  fees.set_amount_collected_yuan(fees.amount_collected_yuan() +
                                 placement.fee_collected_yuan);
}

// Qualifies the references of an agency's published row for a consolidation.
PreviousCarriedOut Qualified(const PreviousCarriedOut& row,
                             const std::string& agency_code, bool qualified) {
  PreviousCarriedOut out = row;
  if (!qualified) return out;
  for (std::vector<std::string>& cases : out.cases) {
    for (std::string& reference : cases) {
      reference = QualifiedReference(agency_code, reference, true);
    }
  }
  return out;
}

void AddRow(const PreviousCarriedOut& row, PreviousCarriedOut& sum) {
  for (int column = 0; column < kTable3ColumnCount; ++column) {
    sum.cells[column] += row.cells[column];
    sum.cases[column].insert(sum.cases[column].end(), row.cases[column].begin(),
                             row.cases[column].end());
  }
  sum.cases_known = sum.cases_known && row.cases_known;
}

// Last year's row for `agencies` (their cases in `cases_by_agency`): as
// published where given, else as the records place it.
PreviousCarriedOut LastYearRow(
    const std::vector<std::string>& agencies,
    const std::map<std::string, std::vector<const v1::Case*>>& cases_by_agency,
    int year, const ReportInputs& inputs, bool qualified) {
  PreviousCarriedOut sum;
  sum.cases_known = true;
  static const std::vector<const v1::Case*> kNoCases;
  for (const std::string& agency : agencies) {
    auto given = inputs.previous.find(agency);
    if (given != inputs.previous.end()) {
      AddRow(Qualified(given->second, agency, qualified), sum);
      continue;
    }
    auto cases = cases_by_agency.find(agency);
    AddRow(DeriveCarriedOut(
               cases != cases_by_agency.end() ? cases->second : kNoCases,
               year - 1, qualified),
           sum);
  }
  return sum;
}

void AddChecks(const DerivedTables& tables, const PreviousCarriedOut& previous,
               bool qualified, const std::string& prefix, v1::Report& report) {
  for (v1::ReportCheck& check : CheckReportTables(
           tables.table3, tables.table4, &tables.cells, &previous, prefix)) {
    *report.add_checks() = std::move(check);
  }
  *report.add_checks() =
      CountabilityCheck(tables.uncountable, qualified, prefix);
}

}  // namespace

DerivedTables DeriveTables(const std::vector<const v1::Case*>& cases, int year,
                           bool qualified) {
  DerivedTables tables;
  for (const v1::Case* c : cases) {
    const CasePlacement placement = PlaceCase(*c, year);
    if (!placement.uncountable_reason.empty()) {
      v1::UncountableCase& uncountable = tables.uncountable.emplace_back();
      uncountable.set_agency_code(c->agency_code());
      uncountable.set_number(c->number());
      uncountable.set_reason(placement.uncountable_reason);
    }
    if (!placement.table3.empty()) {
      const std::string reference = CaseReference(*c, qualified);
      for (const TableCell& cell : placement.table3) {
        tables.cells.table3[cell.row][cell.column].push_back(reference);
      }
    }
    for (const ProceedingPlacement& counted : placement.table4) {
      const std::string reference =
          QualifiedReference(c->agency_code(), counted.id, qualified);
      for (const TableCell& cell : Table4CellsOf(counted)) {
        tables.cells.table4[cell.row][cell.column].push_back(reference);
      }
    }
    AddFees(placement, tables.fees);
  }
  tables.table3 = EmptyTable3();
  for (int row = 0; row < kTable3RowCount; ++row) {
    for (int column = 0; column < kTable3ColumnCount; ++column) {
      tables.table3.mutable_rows(row)->set_cells(
          column,
          static_cast<int64_t>(tables.cells.table3[row][column].size()));
    }
  }
  for (int group = 0; group < kTable4GroupCount; ++group) {
    v1::ResultCounts& counts = MutableTable4Group(tables.table4, group);
    for (int column = 0; column < kTable4ColumnCount; ++column) {
      SetResultValue(
          counts, column,
          static_cast<int64_t>(tables.cells.table4[group][column].size()));
    }
  }
  return tables;
}

PreviousCarriedOut DeriveCarriedOut(const std::vector<const v1::Case*>& cases,
                                    int year, bool qualified) {
  PreviousCarriedOut row;
  row.cases_known = true;
  for (const v1::Case* c : cases) {
    const CasePlacement placement = PlaceCase(*c, year);
    for (const TableCell& cell : placement.table3) {
      if (cell.row != kCarriedOutRow) continue;
      ++row.cells[cell.column];
      row.cases[cell.column].push_back(CaseReference(*c, qualified));
    }
  }
  return row;
}

v1::Report DeriveReport(const std::vector<v1::Case>& cases, int year,
                        const ReportInputs& inputs, CellCases* cells) {
  std::set<std::string> agency_set(inputs.agency_codes.begin(),
                                   inputs.agency_codes.end());
  std::map<std::string, std::vector<const v1::Case*>> cases_by_agency;
  std::vector<const v1::Case*> all;
  all.reserve(cases.size());
  for (const v1::Case& c : cases) {
    agency_set.insert(c.agency_code());
    cases_by_agency[c.agency_code()].push_back(&c);
    all.push_back(&c);
  }
  const std::vector<std::string> agencies(agency_set.begin(), agency_set.end());
  const bool qualified = agencies.size() > 1;

  v1::Report report;
  for (const std::string& agency : agencies) report.add_agency_codes(agency);
  report.set_title_agency(inputs.title_agency);
  report.set_year(year);
  *report.mutable_table2() = inputs.table2;
  *report.mutable_prose() = inputs.prose;

  DerivedTables tables = DeriveTables(all, year, qualified);
  AddChecks(tables,
            LastYearRow(agencies, cases_by_agency, year, inputs, qualified),
            qualified, "", report);
  if (qualified) {
    static const std::vector<const v1::Case*> kNoCases;
    for (const std::string& agency : agencies) {
      auto own = cases_by_agency.find(agency);
      const std::vector<const v1::Case*>& own_cases =
          own != cases_by_agency.end() ? own->second : kNoCases;
      AddChecks(DeriveTables(own_cases, year, /*qualified=*/false),
                LastYearRow({agency}, cases_by_agency, year, inputs,
                            /*qualified=*/false),
                /*qualified=*/false, absl::StrCat(agency, "："), report);
    }
  }
  *report.mutable_table3() = std::move(tables.table3);
  *report.mutable_table4() = std::move(tables.table4);
  *report.mutable_fees() = std::move(tables.fees);
  for (v1::UncountableCase& uncountable : tables.uncountable) {
    *report.add_uncountable() = std::move(uncountable);
  }
  if (cells != nullptr) *cells = std::move(tables.cells);
  return report;
}

}  // namespace ogi
