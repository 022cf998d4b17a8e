#ifndef OGI_SERVICES_REPORT_REPORT_DERIVATION_H_
#define OGI_SERVICES_REPORT_REPORT_DERIVATION_H_

// The annual report derived from case records (SPEC §4): tables 三 and 四 and
// the fee summary by the counting rules, each record by its effective dates
// as of 31 December 24:00 of the year (case_placement.h), with the identities
// of rule 5 checked on the result. One agency or a consolidation of several.
// Pure functions: no storage, no clock; thread-safe.

#include <map>
#include <string>
#include <vector>

#include "ogi/v1/case.pb.h"
#include "ogi/v1/report.pb.h"
#include "services/report/report_cells.h"
#include "services/report/report_checks.h"

namespace ogi {

// Tables 三 and 四 of one set of cases for one year, with what lies behind
// them.
struct DerivedTables {
  v1::Table3 table3;  // 25 rows with keys and labels
  v1::Table4 table4;
  v1::FeeSummary fees;
  std::vector<v1::UncountableCase> uncountable;  // in the order of the cases
  CellCases cells;  // each number is its list's length
};

// Places every case of `cases` in `year` (PlaceCase) and counts it in each
// cell it is placed in; sums the fee notices served and paid in the year;
// lists the uncountable cases with their reasons. References are
// CaseReference(c, qualified) and, for table 四, the review or lawsuit id
// (qualified the same way).
DerivedTables DeriveTables(const std::vector<const v1::Case*>& cases, int year,
                           bool qualified);

// Row 四、结转下年度继续办理 of `year` as the records place it, with the
// references behind each cell (cases_known).
PreviousCarriedOut DeriveCarriedOut(const std::vector<const v1::Case*>& cases,
                                    int year, bool qualified);

// What the report takes besides the case records.
struct ReportInputs {
  // The agencies the report covers (cases of agencies not listed are added
  // to them). One agency: its report; several: their consolidation.
  std::vector<std::string> agency_codes;
  std::string title_agency;  // the agency or office named in the title
  v1::Table2 table2;         // entered figures (summed by the caller)
  v1::ReportProse prose;
  // Last year's 四、结转下年度继续办理 of an agency as published (e.g. from its
  // locked report; references unqualified case numbers), by agency code. An
  // agency not here is checked against last year as its records place it.
  std::map<std::string, PreviousCarriedOut> previous;
};

// The report of `year` over `cases` (the cases of the agencies covered, in
// the order drill-downs and failures should list them).
//  - agency_codes: the sorted union of inputs.agency_codes and the cases'
//    agencies; title_agency, year, table2, prose from the inputs;
//  - table3, table4, fees, uncountable: DeriveTables over all the cases
//    (a consolidation is the derivation over the union, i.e. the sums);
//  - checks: CheckReportTables on those tables, the identity 二=上年四
//    against last year's row (inputs.previous, else derived; summed over
//    the agencies), and CountabilityCheck. In a consolidation the same again
//    for each agency on its own, each identity prefixed "<agency code>：",
//    and references qualified "<agency>/<number>".
// Uncountable cases are counted in no cell (no number rests on a guess);
// they are listed in `uncountable`, fail the check "所有案件均可统计", and a
// case carried out last year that cannot be placed this year also fails
// 二=上年四 by name.
// generated_at, lock, differences and content_hash are left for the caller.
// `cells` (optional): receives the references behind the report's cells.
v1::Report DeriveReport(const std::vector<v1::Case>& cases, int year,
                        const ReportInputs& inputs, CellCases* cells = nullptr);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_DERIVATION_H_
