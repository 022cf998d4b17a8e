#include "services/report/table2_figures.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(Table2FiguresTest, WanYuanIsExactYuan) {
  struct Case {
    const char* text;
    int64_t yuan;
  };
  const Case kCases[] = {
      {"12872.06", 128720600},
      {"0", 0},
      {"", 0},
      {"1", 10000},
      {"0.0001", 1},
      {"3.5", 35000},
      {"100.1234", 1001234},
      {"00012.50", 125000},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    absl::StatusOr<int64_t> yuan = WanYuanToYuan(c.text, "fees_wan_yuan");
    ASSERT_THAT(yuan, IsOk());
    EXPECT_EQ(*yuan, c.yuan);
  }
}

TEST(Table2FiguresTest, RefusesWhatIsNotADecimalInWanYuan) {
  for (const char* text : {"12872.06 万元", "-1", "1.23456", "1.", ".5",
                           "1,000", "abc", "123456789012345"}) {
    SCOPED_TRACE(text);
    EXPECT_THAT(WanYuanToYuan(text, "figures.fees_wan_yuan"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("figures.fees_wan_yuan: \"")));
  }
}

TEST(Table2FiguresTest, FormatsYuanAsWanYuanWithTwoDecimalsOrMore) {
  EXPECT_EQ(YuanToWanYuan(128720600), "12872.06");
  EXPECT_EQ(YuanToWanYuan(131054000), "13105.40");
  EXPECT_EQ(YuanToWanYuan(10000), "1.00");
  EXPECT_EQ(YuanToWanYuan(0), "0.00");
  EXPECT_EQ(YuanToWanYuan(1), "0.0001");
  EXPECT_EQ(YuanToWanYuan(1001230), "100.123");
}

TEST(Table2FiguresTest, WholeYuanWithTwoDecimals) {
  EXPECT_EQ(YuanText(200), "200.00");
  EXPECT_EQ(YuanText(0), "0.00");
}

TEST(Table2FiguresTest, ValidationNamesTheNegativeField) {
  v1::Table2 figures;
  figures.mutable_normative_documents()->set_in_force(-1);
  EXPECT_THAT(ValidateTable2(figures, "figures."),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "figures.normative_documents.in_force: 不能为负数，"
                       "而是 -1"));
  figures.mutable_normative_documents()->set_in_force(3);
  figures.set_penalty_decisions(-5);
  EXPECT_THAT(ValidateTable2(figures, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("penalty_decisions: 不能为负数，而是 -5")));
  figures.set_penalty_decisions(5);
  figures.set_fees_wan_yuan("约100");
  EXPECT_THAT(ValidateTable2(figures, "figures."),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("figures.fees_wan_yuan:")));
  figures.set_fees_wan_yuan("100");
  EXPECT_THAT(ValidateTable2(figures, "figures."), IsOk());
}

TEST(Table2FiguresTest, SumsAgenciesFiguresExactly) {
  v1::Table2 a;
  a.mutable_rules()->set_issued(1);
  a.mutable_rules()->set_in_force(12);
  a.mutable_normative_documents()->set_repealed(2);
  a.set_licensing_decisions(32866);
  a.set_fees_wan_yuan("12872.06");
  a.set_documents_from_register(true);
  v1::Table2 b;
  b.mutable_rules()->set_in_force(3);
  b.set_licensing_decisions(134);
  b.set_penalty_decisions(7);
  b.set_enforcement_decisions(1);
  b.set_fees_wan_yuan("0.94");
  absl::StatusOr<v1::Table2> sum = SumTable2({a, b});
  ASSERT_THAT(sum, IsOk());
  EXPECT_EQ(sum->rules().issued(), 1);
  EXPECT_EQ(sum->rules().in_force(), 15);
  EXPECT_EQ(sum->normative_documents().repealed(), 2);
  EXPECT_EQ(sum->licensing_decisions(), 33000);
  EXPECT_EQ(sum->penalty_decisions(), 7);
  EXPECT_EQ(sum->enforcement_decisions(), 1);
  EXPECT_EQ(sum->fees_wan_yuan(), "12873.00");
  EXPECT_FALSE(sum->documents_from_register());

  b.set_fees_wan_yuan("x");
  EXPECT_THAT(SumTable2({a, b}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("figures[1].fees_wan_yuan:")));
}

TEST(Table2FiguresTest, SumKeepsEveryAgencysOverridesAndCommonSources) {
  v1::Table2 a;
  a.set_rules_from_register(true);
  a.set_normative_documents_from_register(true);
  v1::FigureOverride& first = *a.add_overridden();
  first.set_agency_code("a");
  first.set_figure("normative_documents.in_force");
  first.set_entered(3);
  first.set_counted(1);
  v1::Table2 b;
  b.set_rules_from_register(true);
  v1::FigureOverride& second = *b.add_overridden();
  second.set_agency_code("b");
  second.set_figure("rules.issued");
  absl::StatusOr<v1::Table2> sum = SumTable2({a, b});
  ASSERT_THAT(sum, IsOk());
  ASSERT_EQ(sum->overridden_size(), 2);
  EXPECT_EQ(sum->overridden(0).agency_code(), "a");
  EXPECT_EQ(sum->overridden(0).entered(), 3);
  EXPECT_EQ(sum->overridden(1).agency_code(), "b");
  EXPECT_TRUE(sum->rules_from_register());
  EXPECT_FALSE(sum->normative_documents_from_register());
}

}  // namespace
}  // namespace ogi
