#ifndef OGI_SERVICES_REPORT_TABLE2_FIGURES_H_
#define OGI_SERVICES_REPORT_TABLE2_FIGURES_H_

// Table 二's figures (主动公开): entered per agency and year, not derived from
// case records. Validation, the 万元 amount as an exact number of yuan, and the
// sum of several agencies' figures for a consolidated report. Pure functions;
// thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ogi/v1/report.pb.h"

namespace ogi {

// The amount in yuan of a 万元 decimal as table 二 prints it: digits with at
// most four decimal places ("12872.06" → 128720600, "0" → 0, "" → 0; 1 万元 =
// 10000 元, so four places are exact yuan). INVALID_ARGUMENT "<field>: ..." for
// anything else (a sign, a unit, five places, more than 14 integer digits).
absl::StatusOr<int64_t> WanYuanToYuan(absl::string_view text,
                                      absl::string_view field);

// The largest fee amount an office may enter, in 万元 (100 亿元): far above
// any information-disclosure fee total, small enough that a slip of the
// keyboard is caught.
inline constexpr int64_t kMaxFeesWanYuan = 1000000;

// WanYuanToYuan of an amount being entered, which must also lie within
// 0..kMaxFeesWanYuan 万元: INVALID_ARGUMENT "<field>: 须在 0 至 1000000
// 万元之间 …" otherwise. (Stored amounts are read with WanYuanToYuan alone.)
absl::StatusOr<int64_t> EnteredFeesToYuan(absl::string_view text,
                                          absl::string_view field);

// The 万元 decimal of `yuan` as money is printed: two decimal places, more
// only when the amount needs them (up to four, exact to the yuan):
// 128720600 → "12872.06", 131054000 → "13105.40", 10000 → "1.00", 0 →
// "0.00", 1001230 → "100.123". REQUIRES: yuan >= 0.
std::string YuanToWanYuan(int64_t yuan);

// A whole amount of yuan as money is printed: 200 → "200.00", 0 → "0.00".
std::string YuanText(int64_t yuan);

// INVALID_ARGUMENT "<prefix><field>: must not be negative" for a negative
// count (e.g. "figures.rules.issued"), or the WanYuanToYuan error of
// fees_wan_yuan.
absl::Status ValidateTable2(const v1::Table2& figures,
                            absl::string_view field_prefix);

// The field-by-field sum of `figures` (the fees amount added exactly); each
// *_from_register is true only when it is true for all; the overrides of all
// are kept, in order; a source is the one all chose, else unspecified. The
// error of ValidateTable2 for the first invalid entry ("figures[1].…").
absl::StatusOr<v1::Table2> SumTable2(const std::vector<v1::Table2>& figures);

}  // namespace ogi

#endif  // OGI_SERVICES_REPORT_TABLE2_FIGURES_H_
