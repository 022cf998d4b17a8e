#ifndef OGI_SERVICES_PROCEDURE_FEE_CALCULATOR_H_
#define OGI_SERVICES_PROCEDURE_FEE_CALCULATOR_H_

// The information-processing fee (信息处理费) of
// 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号; SPEC §3, legal-notes
// §2.11). Both methods are excess-progressive (超额累进): each unit is charged
// at the rate of the tier it falls in. Pure functions; thread-safe.

#include <cstdint>

#include "absl/status/statusor.h"
#include "ogi/v1/procedure.pb.h"

namespace ogi {

// Largest cumulative application position per applicant and month that
// ComputeFeeYuan accepts (prior_applications_this_month + units); far above
// any real month, it keeps the arithmetic exact.
inline constexpr int kMaxApplicationsPerMonth = 10000;

// Largest `pages` ComputeFeeYuan accepts for one application (十万页, about
// 400 reams): far beyond any real disclosure, it keeps a mistyped or hostile
// number from producing a fee of billions of yuan (2147483647 pages would be
// 85,899,340,580 元). The largest fee it allows is 3,994,700 元.
inline constexpr int kMaxPagesPerApplication = 100000;

// The fee in yuan (元) for `fee.method` and its inputs; ignores amount_yuan,
// served and paid.
//
// FEE_METHOD_PER_APPLICATION (按件, Art. 4): counted per applicant per calendar
// month, cumulatively. Application positions 1–10 are free; 11–30 cost 100 元
// each; from 31 upward the rate rises by 100 元 for every band of 10
// (31–40: 200, 41–50: 300, …). This application occupies positions
// prior_applications_this_month + 1 .. prior_applications_this_month + units
// (units 0 means 1: one application is at least one unit); the fee is the sum
// of those positions' rates.
//
// FEE_METHOD_PER_PAGE (按量, Art. 5): per application, the pages beyond 30:
// pages 31–100 at 10 元, 101–200 at 20 元, 201 and up at 40 元 each.
//
// Returns 0 when nothing is due. INVALID_ARGUMENT "<field>: <rule>" when:
//  - method is unspecified or unknown ("method: ...");
//  - per application: prior_applications_this_month or units is negative,
//    their sum exceeds kMaxApplicationsPerMonth, or pages is set;
//  - per page: pages < 1 or above kMaxPagesPerApplication, or
//    prior_applications_this_month or units is set.
absl::StatusOr<int64_t> ComputeFeeYuan(const v1::FeeNotice& fee);

}  // namespace ogi

#endif  // OGI_SERVICES_PROCEDURE_FEE_CALCULATOR_H_
