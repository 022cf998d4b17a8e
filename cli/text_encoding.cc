#include "cli/text_encoding.h"

#include <errno.h>
#include <iconv.h>

#include <vector>

#include "absl/strings/str_cat.h"

namespace ogi::cli {
namespace {

// The bytes of `in` converted from `from` to `to`; on a conversion error the
// byte offset in `in` where it stopped, through `error_offset`.
absl::StatusOr<std::string> Convert(absl::string_view in, const char* from,
                                    const char* to, size_t* error_offset) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::InternalError(
        absl::StrCat("iconv: 没有 ", from, " 到 ", to, " 的转换"));
  }
  std::string out;
  std::vector<char> chunk(4096);
  char* next_in = const_cast<char*>(in.data());
  size_t left_in = in.size();
  bool failed = false;
  while (true) {
    char* next_out = chunk.data();
    size_t left_out = chunk.size();
    // The final call with no input flushes any shift state.
    const size_t result =
        left_in > 0 ? iconv(cd, &next_in, &left_in, &next_out, &left_out)
                    : iconv(cd, nullptr, nullptr, &next_out, &left_out);
    out.append(chunk.data(), chunk.size() - left_out);
    if (result != static_cast<size_t>(-1)) {
      if (left_in == 0) break;
      continue;
    }
    if (errno == E2BIG) continue;
    failed = true;  // EILSEQ or EINVAL (a truncated sequence at the end)
    break;
  }
  iconv_close(cd);
  if (failed) {
    *error_offset = in.size() - left_in;
    return absl::FailedPreconditionError("");
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> Utf8ToGb18030(absl::string_view utf8,
                                          absl::string_view flag) {
  size_t offset = 0;
  absl::StatusOr<std::string> converted =
      Convert(utf8, "UTF-8", "GB18030", &offset);
  if (absl::IsFailedPrecondition(converted.status())) {
    return absl::FailedPreconditionError(absl::StrCat(
        "--", flag, ": 第 ", offset,
        " 字节处的字符无法用 gb18030 编码（或不是有效的 UTF-8）；请改用 "
        "--",
        flag, " utf-8"));
  }
  return converted;
}

absl::StatusOr<std::string> Gb18030ToUtf8(absl::string_view gb18030) {
  size_t offset = 0;
  absl::StatusOr<std::string> converted =
      Convert(gb18030, "GB18030", "UTF-8", &offset);
  if (absl::IsFailedPrecondition(converted.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat("第 ", offset, " 字节处不是有效的 gb18030"));
  }
  return converted;
}

}  // namespace ogi::cli
