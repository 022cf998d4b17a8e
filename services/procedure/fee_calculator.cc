#include "services/procedure/fee_calculator.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/field_violations.h"

namespace ogi {
namespace {

// The Art. 4 rate of the `position`-th application of the month (1-based).
int64_t PerApplicationRate(int64_t position) {
  if (position <= 10) return 0;
  if (position <= 30) return 100;
  // 31–40 is band 0 at 200 元; each further band of 10 adds 100 元.
  return 200 + 100 * ((position - 31) / 10);
}

// The pages of `pages` that fall in the tier (above, ceiling], ceiling < 0
// meaning unbounded.
int64_t PagesInTier(int64_t pages, int64_t above, int64_t ceiling) {
  const int64_t top = ceiling < 0 ? pages : std::min(pages, ceiling);
  return std::max<int64_t>(0, top - above);
}

absl::StatusOr<int64_t> PerApplicationFee(const v1::FeeNotice& fee) {
  if (fee.prior_applications_this_month() < 0) {
    return InvalidField("prior_applications_this_month", "不能为负数");
  }
  if (fee.prior_applications_this_month() >= kMaxApplicationsPerMonth) {
    return InvalidField("prior_applications_this_month",
                        absl::StrCat("须小于每月 ", kMaxApplicationsPerMonth,
                                     " 件的上限，而不是 ",
                                     fee.prior_applications_this_month()));
  }
  if (fee.units() < 0) return InvalidField("units", "不能为负数");
  if (fee.units() > kMaxApplicationsPerMonth) {
    return InvalidField("units", absl::StrCat("最多 ", kMaxApplicationsPerMonth,
                                              " 件，而不是 ", fee.units()));
  }
  if (fee.pages() != 0) {
    return InvalidField("pages", "按件收费时不能填写");
  }
  const int64_t first = int64_t{fee.prior_applications_this_month()} + 1;
  const int64_t units = fee.units() == 0 ? 1 : fee.units();
  const int64_t last = first + units - 1;
  if (last > kMaxApplicationsPerMonth) {
    return InvalidField(
        "units",
        absl::StrCat("prior_applications_this_month + units 为 ", last,
                     "，超过每月 ", kMaxApplicationsPerMonth, " 件的上限"));
  }
  int64_t total = 0;
  for (int64_t position = first; position <= last; ++position) {
    total += PerApplicationRate(position);
  }
  return total;
}

absl::StatusOr<int64_t> PerPageFee(const v1::FeeNotice& fee) {
  if (fee.pages() < 1) {
    return InvalidField("pages", "按量收费时不能小于 1");
  }
  if (fee.pages() > kMaxPagesPerApplication) {
    return InvalidField("pages",
                        absl::StrCat("按量收费时最多 ", kMaxPagesPerApplication,
                                     " 页，而不是 ", fee.pages()));
  }
  if (fee.prior_applications_this_month() != 0) {
    return InvalidField("prior_applications_this_month", "按量收费时不能填写");
  }
  if (fee.units() != 0) {
    return InvalidField("units", "按量收费时不能填写");
  }
  const int64_t pages = fee.pages();
  return 10 * PagesInTier(pages, 30, 100) + 20 * PagesInTier(pages, 100, 200) +
         40 * PagesInTier(pages, 200, -1);
}

}  // namespace

absl::StatusOr<int64_t> ComputeFeeYuan(const v1::FeeNotice& fee) {
  switch (fee.method()) {
    case v1::FEE_METHOD_PER_APPLICATION:
      return PerApplicationFee(fee);
    case v1::FEE_METHOD_PER_PAGE:
      return PerPageFee(fee);
    default:
      return InvalidField("method",
                          "须为 per_application（按件）或 per_page（按量）");
  }
}

}  // namespace ogi
