#include "services/common/text.h"

#include <string>

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

// C1 controls (U+0080..U+009F) are controls too: U+0085 NEXT LINE breaks a
// line, U+009B is the terminal's CSI.
TEST(TextTest, FindsC1ControlCharacters) {
  EXPECT_TRUE(HasControlCharacter("张\u0085三", ""));
  EXPECT_TRUE(HasControlCharacter("\u009B31m", ""));
  EXPECT_TRUE(HasControlCharacter("a\u0080", "\n"));
  EXPECT_TRUE(HasControlCharacter("a\u009F", "\n"));
  // Neighbours are not: U+007E and U+00A0.
  EXPECT_FALSE(HasControlCharacter("~\u00A0é", ""));
  // Malformed bytes are IsValidUtf8's to report.
  EXPECT_FALSE(HasControlCharacter("\x85", ""));
}

TEST(TextTest, InvisibleTextShowsNothing) {
  EXPECT_TRUE(IsInvisible(""));
  EXPECT_TRUE(IsInvisible(" \t\n"));
  for (const char* blank :
       {"\u200B", "\u3000", "\uFEFF", "\u2060", "\u00A0", "\u2003", "\u200D",
        "\u202E", "\u00AD", "\u3164", "\u2800", "\uFE0F", "\U000E0041",
        "\u0085", "\u009B", "\u3000\u200B\uFEFF"}) {
    EXPECT_TRUE(IsInvisible(blank)) << blank;
  }
  EXPECT_FALSE(IsInvisible("张三"));
  EXPECT_FALSE(IsInvisible("\u3000张\u200B"));
  EXPECT_FALSE(IsInvisible("."));
  EXPECT_FALSE(IsInvisible("\xE6\x94"));  // malformed: not invisible
}

TEST(TextTest, Utf8PrefixNeverCutsACharacterInTwo) {
  EXPECT_EQ(Utf8Prefix("abc", 3), "abc");
  EXPECT_EQ(Utf8Prefix("abcdef", 4), "abcd");
  EXPECT_EQ(Utf8Prefix("一二三", 9), "一二三");
  EXPECT_EQ(Utf8Prefix("一二三", 8), "一二");  // not two bytes of 三
  EXPECT_EQ(Utf8Prefix("一二三", 4), "一");
  EXPECT_EQ(Utf8Prefix("一二三", 2), "");
  EXPECT_EQ(Utf8Prefix("", 0), "");
}

TEST(TextTest, QuoteForMessageCutsLongValues) {
  EXPECT_EQ(QuoteForMessage("abc"), "\"abc\"");
  EXPECT_EQ(QuoteForMessage(""), "\"\"");
  EXPECT_EQ(QuoteForMessage(std::string(100000, 'a'), 4),
            "\"aaaa…\"（共 100000 个字符）");
  // Characters, not bytes: a Chinese value is cut between characters.
  EXPECT_EQ(QuoteForMessage("政府信息公开", 2), "\"政府…\"（共 6 个字符）");
  EXPECT_EQ(QuoteForMessage("政府", 2), "\"政府\"");
  EXPECT_EQ(QuoteForMessage(std::string(32, 'x')),
            "\"" + std::string(32, 'x') + "\"");
}

}  // namespace
}  // namespace ogi
