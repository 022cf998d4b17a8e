#include "services/common/civil_date.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/clock.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(ParseIsoDateTest, AcceptsRealDates) {
  absl::StatusOr<absl::CivilDay> day = ParseIsoDate("2024-02-29", "received");
  ASSERT_THAT(day, IsOk());
  EXPECT_EQ(*day, absl::CivilDay(2024, 2, 29));
}

TEST(ParseIsoDateTest, RejectsImpossibleDatesNamingTheField) {
  EXPECT_THAT(ParseIsoDate("2023-02-29", "received"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("received: 2023-02-29 不是有效的日期")));
  EXPECT_THAT(
      ParseIsoDate("2022-13-01", "received"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received")));
  EXPECT_THAT(ParseIsoDate("2022-04-31", "x"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("x: 2022-04-31 不是有效的日期")));
}

TEST(ParseIsoDateTest, RejectsMalformedText) {
  for (const char* text :
       {"", "2022-3-01", "2022/03/01", "20220301", "2022-03-01x", " 2022-03-01",
        "abcd-ef-gh", "2022-03-0１"}) {
    EXPECT_THAT(ParseIsoDate(text, "d"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr(absl::StrCat(
                             "d: \"", text, "\" 不是 YYYY-MM-DD 格式的日期"))))
        << text;
  }
}

TEST(ToCivilDayTest, RejectsOutOfRangeYearsAndFields) {
  v1::Date date;
  EXPECT_THAT(ToCivilDay(date, "f"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("f: 年份 0 超出范围")));
  date.set_year(2022);
  date.set_month(0);
  date.set_day(10);
  EXPECT_THAT(ToCivilDay(date, "f"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(FormatIsoDateTest, RoundTripsAndPads) {
  EXPECT_EQ(FormatIsoDate(absl::CivilDay(2022, 3, 1)), "2022-03-01");
  EXPECT_EQ(FormatIsoDate(ToProtoDate(absl::CivilDay(2019, 12, 31))),
            "2019-12-31");
  EXPECT_EQ(FormatIsoDate(v1::Date()), "");
  EXPECT_TRUE(IsUnset(v1::Date()));
  EXPECT_EQ(FormatIsoDate(absl::CivilDay(987, 1, 2)), "0987-01-02");
  std::string text = "due ";
  AppendIsoDate(text, absl::CivilDay(2025, 10, 8));
  EXPECT_EQ(text, "due 2025-10-08");
}

TEST(ParseIsoDayTest, AcceptsExactlyWhatParseIsoDateAccepts) {
  EXPECT_EQ(ParseIsoDay("2024-02-29"), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(ParseIsoDay(FormatIsoDate(absl::CivilDay(2026, 12, 31))),
            absl::CivilDay(2026, 12, 31));
  for (const char* text :
       {"", "2022-3-01", "2022/03/01", "20220301", "2022-03-01x", " 2022-03-01",
        "abcd-ef-gh", "2023-02-29", "2022-13-01", "2022-04-31", "2022-00-10",
        "1899-12-31", "0000-01-01"}) {
    EXPECT_EQ(ParseIsoDay(text), std::nullopt) << text;
  }
}

TEST(TodayInChinaTest, UsesChinaStandardTimeWhateverTheMachineZone) {
  // 2022-03-01 16:30 UTC is already 2022-03-02 00:30 in Beijing.
  ManualClock clock(absl::FromCivil(absl::CivilSecond(2022, 3, 1, 16, 30, 0),
                                    absl::UTCTimeZone()));
  EXPECT_EQ(TodayInChina(clock), absl::CivilDay(2022, 3, 2));
  clock.Advance(absl::Hours(-1));  // 15:30 UTC = 23:30 Beijing
  EXPECT_EQ(TodayInChina(clock), absl::CivilDay(2022, 3, 1));
}

TEST(DateFieldTest, HasDateNeedsPresenceAndANonZeroDate) {
  EXPECT_FALSE(HasDate(false, ToProtoDate(absl::CivilDay(2025, 9, 26))));
  EXPECT_FALSE(HasDate(true, v1::Date()));
  EXPECT_TRUE(HasDate(true, ToProtoDate(absl::CivilDay(2025, 9, 26))));
}

TEST(DateFieldTest, OptionalDayIsUnsetOrReal) {
  absl::StatusOr<std::optional<absl::CivilDay>> unset =
      ToOptionalCivilDay(true, v1::Date(), "filed_from");
  ASSERT_THAT(unset, IsOk());
  EXPECT_FALSE(unset->has_value());
  absl::StatusOr<std::optional<absl::CivilDay>> real = ToOptionalCivilDay(
      true, ToProtoDate(absl::CivilDay(2024, 2, 29)), "filed_from");
  ASSERT_THAT(real, IsOk());
  EXPECT_EQ(**real, absl::CivilDay(2024, 2, 29));
  v1::Date impossible;
  impossible.set_year(2023);
  impossible.set_month(2);
  impossible.set_day(29);
  EXPECT_THAT(
      ToOptionalCivilDay(true, impossible, "filed_from"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("filed_from: ")));
  // A stored date is read without an error: a bad one counts as unset.
  EXPECT_EQ(RecordedDay(true, impossible), std::nullopt);
  EXPECT_EQ(RecordedDay(false, ToProtoDate(absl::CivilDay(2024, 2, 29))),
            std::nullopt);
  EXPECT_EQ(RecordedDay(true, ToProtoDate(absl::CivilDay(2024, 2, 29))),
            absl::CivilDay(2024, 2, 29));
}

}  // namespace
}  // namespace ogi
