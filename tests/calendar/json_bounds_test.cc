#include "services/calendar/json_bounds.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

TEST(CheckJsonBoundsTest, AcceptsTextWithinTheLimits) {
  EXPECT_THAT(CheckJsonBounds("", 10, 2), IsOk());
  EXPECT_THAT(CheckJsonBounds(R"({"a": [1, {"b": 2}]})", 100, 3), IsOk());
  // Exactly at both limits.
  EXPECT_THAT(CheckJsonBounds("[[]]", 4, 2), IsOk());
}

TEST(CheckJsonBoundsTest, RefusesTooManyBytesBeforeLookingInside) {
  EXPECT_THAT(
      CheckJsonBounds(std::string(1024 * 1024 + 1, ' '), 1024 * 1024, 16),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "超过上限 1 MiB（共 1048577 字节）"));
  EXPECT_THAT(CheckJsonBounds("[[]]", 3, 16),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "超过上限 3 字节（共 4 字节）"));
}

TEST(CheckJsonBoundsTest, NamesTheLevelAndTheByteWhereTheDepthIsPassed) {
  EXPECT_THAT(CheckJsonBounds(R"({"a": [[1]]})", 100, 2),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "嵌套超过 2 层（第 3 层始于第 7 字节）"));
  // The pathological input of issue 12: 100,000 '[' stop at the 17th, after
  // one pass over at most 17 bytes.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(
      CheckJsonBounds(deep, kMaxCalendarJsonBytes, kMaxCalendarJsonDepth),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "嵌套超过 16 层（第 17 层始于第 16 字节）"));
}

TEST(CheckJsonBoundsTest, BracketsInsideStringsDoNotCount) {
  EXPECT_THAT(CheckJsonBounds(R"(["[[[[", "{{{{"])", 100, 1), IsOk());
  // An escaped quote does not end the string; an escaped backslash does not
  // escape the closing quote.
  EXPECT_THAT(CheckJsonBounds(R"(["\"[[[", "\\", "]"])", 100, 1), IsOk());
  EXPECT_THAT(CheckJsonBounds(R"(["\\", [[]]])", 100, 2),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "嵌套超过 2 层（第 3 层始于第 8 字节）"));
}

TEST(CheckJsonBoundsTest, ClosingBracketsLowerTheDepth) {
  // Many siblings at depth 2 never exceed it.
  std::string wide = "[";
  for (int i = 0; i < 1000; ++i) wide += "[],";
  wide += "[]]";
  EXPECT_THAT(CheckJsonBounds(wide, 1 << 20, 2), IsOk());
  // Unbalanced closers are left to the parser.
  EXPECT_THAT(CheckJsonBounds("]]]][", 100, 1), IsOk());
}

// The shipped calendar file is far within both limits.
TEST(CheckJsonBoundsTest, LimitsFitTheCalendarFormat) {
  const std::string year = R"({"2027": {"holidays": [{"from": "x"}]}})";
  EXPECT_THAT(CheckJsonBounds(year, kMaxCalendarJsonBytes, 3),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "嵌套超过 3 层（第 4 层始于第 23 字节）"));
  EXPECT_THAT(
      CheckJsonBounds(year, kMaxCalendarJsonBytes, kMaxCalendarJsonDepth),
      IsOk());
}

}  // namespace
}  // namespace ogi
