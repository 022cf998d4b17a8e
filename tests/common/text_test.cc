#include "services/common/text.h"

#include "gtest/gtest.h"

namespace ogi {
namespace {

TEST(TextTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(Utf8Length("张三"), 2u);
  EXPECT_EQ(Utf8Length("ab"), 2u);
  EXPECT_EQ(Utf8Length(""), 0u);
}

TEST(TextTest, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("政府信息公开"));
  EXPECT_FALSE(IsValidUtf8("\xE6\x94"));      // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
}

TEST(TextTest, ChineseTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth("自然人"), 6u);
  EXPECT_EQ(DisplayWidth("2022-0013"), 9u);
  EXPECT_EQ(DisplayWidth("（一）予以公开"), 14u);  // fullwidth parentheses
  EXPECT_EQ(PadToWidth("张三", 6), "张三  ");
  EXPECT_EQ(PadToWidth("abcdef", 3), "abcdef");
}

TEST(TextTest, TruncatesByColumnsWithEllipsis) {
  EXPECT_EQ(TruncateToWidth("2021年度行政许可", 9), "2021年度…");
  EXPECT_EQ(DisplayWidth(TruncateToWidth("2021年度行政许可", 9)), 9u);
  EXPECT_EQ(TruncateToWidth("short", 10), "short");
}

TEST(TextTest, FindsControlCharacters) {
  EXPECT_TRUE(
      HasControlCharacter("a\x01"
                          "b",
                          ""));
  EXPECT_TRUE(HasControlCharacter("a\nb", ""));
  EXPECT_FALSE(HasControlCharacter("a\nb", "\n"));
  EXPECT_FALSE(HasControlCharacter("张三", ""));
}

}  // namespace
}  // namespace ogi
