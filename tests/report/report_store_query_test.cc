// ListCasesForReport selects a year's cases by index ranges
// (storage/sqlite_report_store.cc). Whatever it leaves out must not count:
// for every year, the report derived from its selection equals the report
// derived from every case of the agency.

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/report/report_derivation.h"
#include "storage/sqlite_case_store.h"
#include "tests/common/status_matchers.h"
#include "tests/report/random_case_histories.h"
#include "tests/storage/store_test_util.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;

TEST(ReportStoreQueryTest, EveryYearsSelectionDerivesTheWholeReport) {
  auto store = ::ogi::testing::OpenStoreWithAgency("lc-xzsp", "行政审批服务局");
  ASSERT_THAT(store, IsOk());
  v1::Agency other;
  other.set_code("other");
  other.set_name("其他机关");
  ASSERT_THAT((*store)->UpsertAgency(other), IsOk());

  // Cases received 2019–2025, concluded, reviewed and sued across year ends,
  // some never concluded, some recorded with defects; and another agency's.
  ::ogi::testing::RandomHistoryOptions options;
  options.cases = 3000;
  options.seed = 77;
  options.agency_code = "lc-xzsp";
  options.first_arrival = absl::CivilDay(2019, 1, 1);
  options.last_arrival = absl::CivilDay(2025, 12, 31);
  options.defective_share = 0.02;
  std::vector<v1::Case> all = ::ogi::testing::RandomCaseHistories(options);
  options.seed = 78;
  options.cases = 500;
  options.agency_code = "other";
  std::vector<v1::Case> others = ::ogi::testing::RandomCaseHistories(options);
  std::vector<v1::Case> stored;
  for (const std::vector<v1::Case>* batch : {&all, &others}) {
    for (const v1::Case& c : *batch) {
      v1::CaseEvent created;
      created.set_type(v1::CASE_EVENT_TYPE_CREATED);
      created.set_actor("王科员");
      absl::StatusOr<v1::Case> written = (*store)->CreateCase(c, created);
      ASSERT_THAT(written, IsOk());
      if (batch == &all) stored.push_back(*written);  // as numbered
    }
  }

  ReportInputs inputs;
  inputs.agency_codes = {"lc-xzsp"};
  int reviews_counted = 0;
  for (int year = 2019; year <= 2026; ++year) {
    absl::StatusOr<std::vector<v1::Case>> selected =
        (*store)->ListCasesForReport({"lc-xzsp"}, year);
    ASSERT_THAT(selected, IsOk());
    EXPECT_LT(selected->size(), stored.size()) << year;
    const v1::Report expected = DeriveReport(stored, year, inputs);
    const v1::Report got = DeriveReport(*selected, year, inputs);
    EXPECT_EQ(got.table3().SerializeAsString(),
              expected.table3().SerializeAsString())
        << year;
    EXPECT_EQ(got.table4().SerializeAsString(),
              expected.table4().SerializeAsString())
        << year;
    EXPECT_EQ(got.fees().SerializeAsString(),
              expected.fees().SerializeAsString())
        << year;
    EXPECT_EQ(got.uncountable_size(), expected.uncountable_size()) << year;
    reviews_counted += static_cast<int>(expected.table4().review().total());
  }
  EXPECT_GT(reviews_counted, 0);  // the fixture exercises table 四
}

}  // namespace
}  // namespace ogi
