#ifndef OGI_SERVICES_REPORT_REPORT_CHECKS_H_
#define OGI_SERVICES_REPORT_REPORT_CHECKS_H_

// The identities every annual report must satisfy (SPEC §4 rule 5), computed
// from the numbers in the tables — never assumed from how they were derived —
// and, on failure, the cases involved. Pure functions; thread-safe.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ogi/v1/report.pb.h"
#include "services/report/report_cells.h"
#include "services/report/report_rows.h"

namespace ogi {

// Last year's row 四、结转下年度继续办理, for the identity 二 = 上年四.
struct PreviousCarriedOut {
  std::array<int64_t, kTable3ColumnCount> cells{};
  // The references behind each cell when known (`cases_known`): derived from
  // the records, or stored with a locked report. They name the cases that
  // moved when the identity fails.
  std::array<std::vector<std::string>, kTable3ColumnCount> cases;
  bool cases_known = false;
};

// One ReportCheck per identity and column, row or group, in this order, each
// identity prefixed with `prefix` (e.g. "lc-xzsp：" in a consolidation):
//  - "一+二=三（七）+四（自然人）" ... for each of the 7 columns of table 三;
//  - "（七）=各项办理结果之和（自然人）" ... for each column (the 21 leaves);
//  - "总计=六类申请人之和（一、本年新收政府信息公开申请数量）" ... for each of
//  the 25 rows;
//  - "总计=四项之和（行政复议）" ... for each group of table 四;
//  - "二=上年四（自然人）" ... for each column, only when `previous` is given.
// `detail` gives both sides' numbers ("一+二 = 13，三（七）+四 = 13"). A
// failure names in `case_numbers` the cases involved, taken from `cells` (none
// when null) and `previous->cases`: the references counted on one side of the
// identity and not on the other (a case received but neither concluded nor
// carried over, a case counted twice, a case carried out last year and not
// carried in this year); when both sides hold the same references the
// numbers disagree with the lists, and the references behind each cell whose
// number is not its list's length are named (the detail says which cells).
std::vector<v1::ReportCheck> CheckReportTables(
    const v1::Table3& table3, const v1::Table4& table4, const CellCases* cells,
    const PreviousCarriedOut* previous, absl::string_view prefix);

// "所有案件均可统计": ok when `uncountable` is empty, else names those cases
// (QualifiedReference when `qualified`) and their reasons in the detail, and
// says how many of them only await receipt confirmation (a reason starting
// with kAwaitingConfirmationReason): those become countable once the date is
// recorded.
v1::ReportCheck CountabilityCheck(
    const std::vector<v1::UncountableCase>& uncountable, bool qualified,
    absl::string_view prefix);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_REPORT_CHECKS_H_
