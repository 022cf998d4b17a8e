#ifndef OGI_CLI_FLAG_VALUES_H_
#define OGI_CLI_FLAG_VALUES_H_

// Turning command-line flag values into API values, for every `ogi` command:
// enum identifiers, YYYY-MM-DD dates, whole numbers, required text. Every
// error is a usage error (see args.h) in Chinese that names the flag, e.g.
// "--sent: 不能为空" or "缺少必需的选项：--sent（YYYY-MM-DD）". A flag a
// command cannot do without is marked FlagSpec::required, so that the parser
// names every missing one at once; the Required* helpers below check values
// (and presence for callers outside the parser). Pure (but for ReadInputFile,
// which reads a FILE argument); thread-safe.

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "cli/args.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/message.h"
#include "ogi/v1/common.pb.h"
#include "services/common/enum_names.h"

namespace ogi::cli {

// "--name" for a flag's name.
std::string FlagName(absl::string_view flag);

// "<what>: a|b|c": flag help listing an enum's identifiers.
std::string EnumHelp(absl::string_view what,
                     const google::protobuf::EnumDescriptor* type);

// The value of the ogi.v1 enum `Enum` whose identifier is `value` (see
// services/common/enum_names.h). Usage error naming `flag` and the values
// to choose from for an unknown or *_unspecified value.
template <typename Enum>
absl::StatusOr<Enum> ParseEnumFlag(absl::string_view value,
                                   absl::string_view flag) {
  const google::protobuf::EnumDescriptor* type =
      google::protobuf::GetEnumDescriptor<Enum>();
  absl::StatusOr<int> number = ParseEnumIdentifier(type, value, flag);
  if (!number.ok()) {
    return UsageError(absl::StrCat(FlagName(flag), ": \"", value,
                                   "\" 不是可选的取值；可选：",
                                   absl::StrJoin(EnumIdentifiers(type), ", ")));
  }
  return static_cast<Enum>(*number);
}

// The enum given for `flag`, which must be present.
template <typename Enum>
absl::StatusOr<Enum> RequiredEnumFlag(const ParsedArgs& args,
                                      absl::string_view flag) {
  if (!args.Has(flag)) {
    return UsageError(absl::StrCat(
        "缺少必需的选项：", FlagName(flag), "（可选：",
        absl::StrJoin(
            EnumIdentifiers(google::protobuf::GetEnumDescriptor<Enum>()), ", "),
        "）"));
  }
  return ParseEnumFlag<Enum>(args.Get(flag), flag);
}

// The date in `value` ("YYYY-MM-DD"); nullopt for "" (no date). Usage error
// naming `flag` for anything else that is not a real calendar date.
absl::StatusOr<absl::optional<v1::Date>> ParseDateFlag(absl::string_view value,
                                                       absl::string_view flag);

// The date given for `flag`, which must not be empty (it may be absent: then
// the caller should not ask).
absl::StatusOr<v1::Date> RequiredDateFlag(const ParsedArgs& args,
                                          absl::string_view flag);

// Like RequiredDateFlag, but also a usage error "缺少必需的选项：--flag
// （YYYY-MM-DD）" when the flag is absent.
absl::StatusOr<v1::Date> MandatoryDateFlag(const ParsedArgs& args,
                                           absl::string_view flag);

// The text given for `flag`, unchanged. Usage error "缺少必需的选项：--flag"
// when the flag is absent, "--flag: 不能为空" when its value is blank.
absl::StatusOr<std::string> RequiredTextFlag(const ParsedArgs& args,
                                             absl::string_view flag);

// `value` as a whole number from `min` to `max`. Usage error naming `what`
// (a flag such as "--days" or a positional such as "N") otherwise.
absl::StatusOr<int32_t> ParseIntValue(absl::string_view value,
                                      absl::string_view what, int32_t min,
                                      int32_t max);

// --expected-version N, which every command that changes a case takes: the
// case version the user last saw (the 版本 line of "ogi case show"); the
// server then refuses the change with ABORTED if the case has changed since.
FlagSpec ExpectedVersionFlag();

// The value of --expected-version: 0 (no check) when absent. Usage error
// unless a whole number from 1 up.
absl::StatusOr<int32_t> ExpectedVersionValue(const ParsedArgs& args);

// Appends ExpectedVersionFlag() to the flags of every command in `commands`
// except those named in `read_only` (by their last word, e.g. "list").
void AddExpectedVersionFlag(std::vector<CommandSpec>& commands,
                            std::initializer_list<absl::string_view> read_only);

// All of the file at `path`, or of standard input for "-": the text of a
// FILE argument or flag, at most kMaxInputFileBytes (cli/input_file.h, which
// lists the errors: a usage error when it cannot be read, INVALID_ARGUMENT
// for a file that is not a regular file or is too large; nothing is sent).
absl::StatusOr<std::string> ReadInputFile(const std::string& path);

// Writes the indented JSON form of `message` (see render.h ToJson) and a
// newline.
absl::Status WriteJson(const google::protobuf::Message& message,
                       std::ostream& out);

}  // namespace ogi::cli

#endif  // OGI_CLI_FLAG_VALUES_H_
