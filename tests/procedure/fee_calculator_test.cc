#include "services/procedure/fee_calculator.h"

#include <cstdint>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;

v1::FeeNotice PerApplication(int32_t prior, int32_t units) {
  v1::FeeNotice fee;
  fee.set_method(v1::FEE_METHOD_PER_APPLICATION);
  fee.set_prior_applications_this_month(prior);
  fee.set_units(units);
  return fee;
}

v1::FeeNotice PerPage(int32_t pages) {
  v1::FeeNotice fee;
  fee.set_method(v1::FEE_METHOD_PER_PAGE);
  fee.set_pages(pages);
  return fee;
}

// Art. 4 rates by position in the month: 1–10 free, 11–30 100 元,
// 31–40 200 元, 41–50 300 元, 51–60 400 元, …
struct PerApplicationCase {
  int32_t prior;
  int32_t units;
  int64_t expected_yuan;
  const char* working;
};

TEST(ComputeFeeYuanTest, PerApplicationTiers) {
  const PerApplicationCase kCases[] = {
      {0, 0, 0, "units 0 means 1: position 1, free"},
      {0, 1, 0, "position 1, free"},
      {9, 1, 0, "10th application: last free one"},
      {10, 1, 100, "11th: first of 11–30 → 100"},
      {10, 0, 100, "units 0 means 1: the 11th → 100"},
      {29, 1, 100, "30th: last of 11–30 → 100"},
      {30, 1, 200, "31st: first of 31–40 → 200"},
      {39, 1, 200, "40th: last of 31–40 → 200"},
      {40, 1, 300, "41st: first of 41–50 → 300"},
      {50, 1, 400, "51st: first of 51–60 → 400"},
      {8, 5, 300, "positions 9..13: 0+0+100+100+100 = 300"},
      {28, 4, 600, "positions 29..32: 100+100+200+200 = 600"},
      {38, 4, 1000, "positions 39..42: 200+200+300+300 = 1000"},
      {0, 45, 5500,
       "positions 1..45: 10×0 + 20×100 + 10×200 + 5×300 = 0+2000+2000+1500"},
      {9999, 1, 99800,
       "position 10000 (the limit): band (10000-31)/10 = 996 → 200+99600"},
  };
  for (const PerApplicationCase& c : kCases) {
    SCOPED_TRACE(c.working);
    absl::StatusOr<int64_t> fee =
        ComputeFeeYuan(PerApplication(c.prior, c.units));
    ASSERT_THAT(fee, IsOk());
    EXPECT_EQ(*fee, c.expected_yuan);
  }
}

// Art. 5, per application, excess-progressive: ≤30 free; 31–100 10 元;
// 101–200 20 元; 201+ 40 元 per page.
struct PerPageCase {
  int32_t pages;
  int64_t expected_yuan;
  const char* working;
};

TEST(ComputeFeeYuanTest, PerPageTiers) {
  const PerPageCase kCases[] = {
      {1, 0, "within the free 30"},
      {30, 0, "the free 30"},
      {31, 10, "1 page at 10"},
      {100, 700, "70 pages (31..100) at 10 = 700"},
      {101, 720, "700 + 1 page at 20"},
      {200, 2700, "700 + 100 pages (101..200) at 20 = 700+2000"},
      {201, 2740, "2700 + 1 page at 40"},
      {250, 4700, "700 + 2000 + 50 pages (201..250) at 40 = 700+2000+2000"},
  };
  for (const PerPageCase& c : kCases) {
    SCOPED_TRACE(c.working);
    absl::StatusOr<int64_t> fee = ComputeFeeYuan(PerPage(c.pages));
    ASSERT_THAT(fee, IsOk());
    EXPECT_EQ(*fee, c.expected_yuan);
  }
}

struct BadFeeCase {
  const char* name;
  v1::FeeNotice fee;
  std::string field;
};

TEST(ComputeFeeYuanTest, RejectsBadInputNamingTheField) {
  v1::FeeNotice unspecified;
  unspecified.set_pages(40);
  v1::FeeNotice per_app_with_pages = PerApplication(10, 1);
  per_app_with_pages.set_pages(40);
  v1::FeeNotice per_page_with_units = PerPage(40);
  per_page_with_units.set_units(2);
  v1::FeeNotice per_page_with_prior = PerPage(40);
  per_page_with_prior.set_prior_applications_this_month(12);
  v1::FeeNotice unknown_method;
  unknown_method.set_method(static_cast<v1::FeeMethod>(7));
  const BadFeeCase kCases[] = {
      {"method unspecified", unspecified, "method"},
      {"method unknown", unknown_method, "method"},
      {"negative prior", PerApplication(-1, 1),
       "prior_applications_this_month"},
      {"negative units", PerApplication(10, -2), "units"},
      {"per application with pages", per_app_with_pages, "pages"},
      {"beyond the monthly limit", PerApplication(9999, 2), "units"},
      {"per page with 0 pages", PerPage(0), "pages"},
      {"per page with negative pages", PerPage(-5), "pages"},
      {"per page with units", per_page_with_units, "units"},
      {"per page with prior", per_page_with_prior,
       "prior_applications_this_month"},
      {"per page beyond the page limit", PerPage(100001), "pages"},
      {"per page of int32 max", PerPage(2147483647), "pages"},
      {"units of int32 max", PerApplication(0, 2147483647), "units"},
      {"prior of int32 max", PerApplication(2147483647, 1),
       "prior_applications_this_month"},
  };
  for (const BadFeeCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_THAT(ComputeFeeYuan(c.fee),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         StartsWith(c.field + ": ")));
  }
}

TEST(ComputeFeeYuanTest, IgnoresOutputAndDateFields) {
  v1::FeeNotice fee = PerPage(31);
  fee.set_amount_yuan(999);
  fee.mutable_served()->set_year(2025);
  EXPECT_THAT(ComputeFeeYuan(fee), IsOk());
  EXPECT_EQ(*ComputeFeeYuan(fee), 10);
}

TEST(ComputeFeeYuanTest, LimitMessageSaysWhy) {
  EXPECT_THAT(ComputeFeeYuan(PerApplication(9990, 20)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("units: prior_applications_this_month + units "
                                 "为 10010，超过每月 10000 件的上限")));
}

// Issue 12: 2147483647 pages came to 85,899,340,580 元. The largest page count
// accepted, 100,000, costs 10×70 + 20×100 + 40×99,800 = 3,994,700 元.
TEST(ComputeFeeYuanTest, PagesAreBounded) {
  EXPECT_THAT(ComputeFeeYuan(PerPage(100000)), IsOk());
  EXPECT_EQ(*ComputeFeeYuan(PerPage(100000)), 3994700);
  EXPECT_THAT(ComputeFeeYuan(PerPage(2147483647)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "pages: 按量收费时最多 100000 页，而不是 2147483647"));
  EXPECT_THAT(ComputeFeeYuan(PerApplication(0, 2147483647)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "units: 最多 10000 件，而不是 2147483647"));
  EXPECT_THAT(
      ComputeFeeYuan(PerApplication(2147483647, 1)),
      StatusIs(
          absl::StatusCode::kInvalidArgument,
          "prior_applications_this_month: 须小于每月 10000 件的上限，而不是 "
          "2147483647"));
}

}  // namespace
}  // namespace ogi
