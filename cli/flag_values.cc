#include "cli/flag_values.h"

#include <algorithm>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "cli/input_file.h"
#include "cli/render.h"
#include "services/common/civil_date.h"
#include "services/common/status_macros.h"

namespace ogi::cli {

std::string FlagName(absl::string_view flag) {
  return absl::StrCat("--", flag);
}

std::string EnumHelp(absl::string_view what,
                     const google::protobuf::EnumDescriptor* type) {
  return absl::StrCat(what, ": ", absl::StrJoin(EnumIdentifiers(type), "|"));
}

absl::StatusOr<absl::optional<v1::Date>> ParseDateFlag(absl::string_view value,
                                                       absl::string_view flag) {
  if (value.empty()) return absl::nullopt;
  const std::optional<absl::CivilDay> day = ParseIsoDay(value);
  if (!day.has_value()) {
    return UsageError(absl::StrCat(FlagName(flag), ": \"", value,
                                   "\" 不是有效日期（格式为 YYYY-MM-DD）"));
  }
  return ToProtoDate(*day);
}

absl::StatusOr<v1::Date> RequiredDateFlag(const ParsedArgs& args,
                                          absl::string_view flag) {
  OGI_ASSIGN_OR_RETURN(const absl::optional<v1::Date> date,
                       ParseDateFlag(args.Get(flag), flag));
  if (!date.has_value()) {
    return UsageError(absl::StrCat(FlagName(flag), ": 不能为空"));
  }
  return *date;
}

absl::StatusOr<v1::Date> MandatoryDateFlag(const ParsedArgs& args,
                                           absl::string_view flag) {
  if (!args.Has(flag)) {
    return UsageError(
        absl::StrCat("缺少必需的选项：", FlagName(flag), "（YYYY-MM-DD）"));
  }
  return RequiredDateFlag(args, flag);
}

absl::StatusOr<std::string> RequiredTextFlag(const ParsedArgs& args,
                                             absl::string_view flag) {
  if (!args.Has(flag)) {
    return UsageError(absl::StrCat("缺少必需的选项：", FlagName(flag)));
  }
  const std::string value = args.Get(flag);
  if (absl::StripAsciiWhitespace(value).empty()) {
    return UsageError(absl::StrCat(FlagName(flag), ": 不能为空"));
  }
  return value;
}

absl::StatusOr<int32_t> ParseIntValue(absl::string_view value,
                                      absl::string_view what, int32_t min,
                                      int32_t max) {
  int32_t number = 0;
  if (!absl::SimpleAtoi(value, &number) || number < min || number > max) {
    return UsageError(absl::StrCat(what, ": \"", value, "\" 不是 ", min, " 到 ",
                                   max, " 之间的整数"));
  }
  return number;
}

FlagSpec ExpectedVersionFlag() {
  return {"expected-version", "N",
          "only if the case is still at version N (see \"ogi case show\"); "
          "else nothing changes"};
}

absl::StatusOr<int32_t> ExpectedVersionValue(const ParsedArgs& args) {
  if (!args.Has("expected-version")) return 0;
  return ParseIntValue(args.Get("expected-version"), "--expected-version", 1,
                       std::numeric_limits<int32_t>::max());
}

void AddExpectedVersionFlag(
    std::vector<CommandSpec>& commands,
    std::initializer_list<absl::string_view> read_only) {
  for (CommandSpec& command : commands) {
    const bool reads = std::find(read_only.begin(), read_only.end(),
                                 command.words.back()) != read_only.end();
    if (!reads) command.flags.push_back(ExpectedVersionFlag());
  }
}

absl::StatusOr<std::string> ReadInputFile(const std::string& path) {
  return ReadBoundedFile(path, "文件", kMaxInputFileBytes);
}

absl::Status WriteJson(const google::protobuf::Message& message,
                       std::ostream& out) {
  OGI_ASSIGN_OR_RETURN(const std::string json, ToJson(message));
  out << json << '\n';
  return absl::OkStatus();
}

}  // namespace ogi::cli
