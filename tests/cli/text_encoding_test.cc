#include "cli/text_encoding.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi::cli {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(TextEncodingTest, ChineseInGb18030AndBack) {
  // 报 is B1 A8 in GB 2312 (and so in GB 18030); ASCII stays as it is.
  absl::StatusOr<std::string> gb = Utf8ToGb18030("报,1\r\n", "encoding");
  ASSERT_THAT(gb, IsOk());
  EXPECT_EQ(*gb, "\xB1\xA8,1\r\n");
  absl::StatusOr<std::string> back = Gb18030ToUtf8(*gb);
  ASSERT_THAT(back, IsOk());
  EXPECT_EQ(*back, "报,1\r\n");
}

TEST(TextEncodingTest, EveryCharacterOfTheReportSurvives) {
  // GB 18030 encodes all of Unicode: the full-width punctuation of the
  // official labels, the curly quotes of 危及“三安全一稳定”, a rare character.
  const std::string text =
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\r\n"
      "3.危及“三安全一稳定”\r\n— 1 —\r\n𠀀";
  absl::StatusOr<std::string> gb = Utf8ToGb18030(text, "encoding");
  ASSERT_THAT(gb, IsOk());
  EXPECT_NE(*gb, text);
  EXPECT_EQ(*Gb18030ToUtf8(*gb), text);
  // Long input crosses the converter's buffer.
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "行政复议,";
  EXPECT_EQ(*Gb18030ToUtf8(*Utf8ToGb18030(long_text, "encoding")), long_text);
}

TEST(TextEncodingTest, BytesThatAreNotUtf8NameTheFlag) {
  EXPECT_THAT(Utf8ToGb18030("ab\xFF", "encoding"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("--encoding: 第 2 字节处的字符无法用 gb18030 "
                                 "编码")));
  EXPECT_THAT(Gb18030ToUtf8("\x81"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace ogi::cli
