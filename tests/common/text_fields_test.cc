#include "services/common/text_fields.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;

TEST(ValidateTextTest, AcceptsOrdinaryText) {
  EXPECT_THAT(ValidateText("张三", "applicant.name", kMaxNameLength, false),
              IsOk());
  EXPECT_THAT(ValidateText("第一行\n第二行\t完", "reason", kMaxReasonLength,
                           /*multiline=*/true),
              IsOk());
  // Invisible characters inside a visible name are kept as they are.
  EXPECT_THAT(
      ValidateText("张\u3000三", "applicant.name", kMaxNameLength, false),
      IsOk());
}

// Issue 12: names of C1 controls (U+0085, U+009B) or only of invisible
// characters (U+200B, U+3000) were accepted.
TEST(ValidateTextTest, RefusesC1ControlsInEveryField) {
  EXPECT_THAT(
      ValidateText("张\u0085三", "applicant.name", kMaxNameLength, false),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "applicant.name: 须为单行，且不能包含控制字符"));
  EXPECT_THAT(
      ValidateText("理由\u009B31m", "reason", kMaxReasonLength, true),
      StatusIs(absl::StatusCode::kInvalidArgument, "reason: 不能包含控制字符"));
}

TEST(ValidateTextTest, RefusesTextMadeOnlyOfInvisibleCharacters) {
  for (const char* blank : {"\u200B", "\u3000", "\u3000\u3000", "\uFEFF",
                            "\u2060", " \u200B ", "\u0085", "\u009B"}) {
    EXPECT_THAT(ValidateText(blank, "agency.name", kMaxNameLength, false),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         "agency.name: 不能只由空白或不可见字符组成"))
        << blank;
  }
  EXPECT_THAT(
      ValidateText("  ", "agency.name", kMaxNameLength, false),
      StatusIs(absl::StatusCode::kInvalidArgument, "agency.name: 不能为空"));
}

}  // namespace
}  // namespace ogi
