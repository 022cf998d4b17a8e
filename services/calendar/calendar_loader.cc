#include "services/calendar/calendar_loader.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "services/calendar/json_bounds.h"
#include "services/calendar/working_calendar.h"
#include "services/common/call_cancellation.h"
#include "services/common/civil_date.h"
#include "services/common/text.h"

namespace ogi {
namespace {

using ::google::protobuf::RepeatedPtrField;
using ::google::protobuf::StringPiece;
using ::google::protobuf::util::JsonParseOptions;
using ::google::protobuf::util::JsonPrintOptions;
using ::google::protobuf::util::JsonStringToMessage;
using ::google::protobuf::util::MessageToJsonString;

bool IsWeekday(absl::CivilDay day) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  return weekday != absl::Weekday::saturday && weekday != absl::Weekday::sunday;
}

// protobuf's parser messages may quote the input: keep them short.
std::string CappedParserMessage(absl::string_view message) {
  return TruncateToWidth(message, 200);
}

// protobuf's own wording, in Chinese: an unknown field is named as such, any
// other message is kept (it carries the offending value) after a Chinese lead.
std::string ProtobufRule(absl::string_view message) {
  if (message == "Cannot find field.") return "不是日历文件中的字段";
  return absl::StrCat("无法读取（", CappedParserMessage(message), "）");
}

// protobuf's JSON errors come as "(holidays[0]): msg", "(holidays[0]) nam:
// msg" or "holidayz: msg" (a field of the entry itself); rewrite them to read
// like ours, with the year first: "2019.holidays[0].nam: 不是日历文件中的字段".
absl::Status EntryParseError(absl::string_view key,
                             const google::protobuf::util::Status& status) {
  const std::string message(status.message());
  std::string path;
  absl::string_view rest = message;
  if (absl::ConsumePrefix(&rest, "(")) {
    const size_t close = rest.find(')');
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(key, ": ", ProtobufRule(message)));
    }
    path = std::string(rest.substr(0, close));
    rest.remove_prefix(close + 1);
    absl::ConsumePrefix(&rest, " ");
  }
  // An optional field name before ": ".
  const size_t colon = rest.find(": ");
  if (colon != absl::string_view::npos &&
      std::all_of(rest.begin(), rest.begin() + colon, [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
      })) {
    if (colon > 0) {
      absl::StrAppend(&path, path.empty() ? "" : ".", rest.substr(0, colon));
    }
    rest.remove_prefix(colon + 2);
  }
  if (path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(key, ": ", ProtobufRule(message)));
  }
  // The path names a field the file gave, which may be any length.
  return absl::InvalidArgumentError(absl::StrCat(
      key, ".", TruncateToWidth(path, 64), ": ", ProtobufRule(rest)));
}

// Parses each "YYYY-MM-DD" of `texts` into `dates`, naming "<field>[i]".
absl::Status ParseDates(const RepeatedPtrField<std::string>& texts,
                        absl::string_view field,
                        RepeatedPtrField<v1::Date>* dates) {
  for (int i = 0; i < texts.size(); ++i) {
    absl::StatusOr<absl::CivilDay> day =
        ParseIsoDate(texts.Get(i), absl::StrCat(field, "[", i, "]"));
    if (!day.ok()) return day.status();
    *dates->Add() = ToProtoDate(*day);
  }
  return absl::OkStatus();
}

// Checks the file's redundant weekday_off_days list against the arrangement.
absl::Status CheckWeekdayOffDays(const v1::CalendarYear& arrangement,
                                 const RepeatedPtrField<std::string>& listed) {
  const std::string field =
      absl::StrCat(arrangement.year(), ".weekday_off_days");
  std::set<absl::CivilDay> off_days;
  for (const v1::Date& date : arrangement.off_days()) {
    off_days.insert(absl::CivilDay(date.year(), date.month(), date.day()));
  }
  std::map<absl::CivilDay, int> seen;
  for (int i = 0; i < listed.size(); ++i) {
    const std::string item = absl::StrCat(field, "[", i, "]");
    absl::StatusOr<absl::CivilDay> day = ParseIsoDate(listed.Get(i), item);
    if (!day.ok()) return day.status();
    auto [it, inserted] = seen.emplace(*day, i);
    if (!inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat(item, ": ", FormatIsoDate(*day),
                       " 重复列出（另见 weekday_off_days[", it->second, "]）"));
    }
    if (off_days.count(*day) == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(item, ": ", FormatIsoDate(*day), " 不在 off_days 中"));
    }
    if (!IsWeekday(*day)) {
      return absl::InvalidArgumentError(absl::StrCat(
          item, ": ", FormatIsoDate(*day), " 是周末，不是周一至周五"));
    }
  }
  for (absl::CivilDay day : off_days) {
    if (IsWeekday(day) && seen.count(day) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, ": 缺少 ", FormatIsoDate(day), "（周一至周五的放假日）"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::CalendarYear> CalendarYearFromFile(
    int year, const v1::CalendarFileYear& entry) {
  const std::string prefix = absl::StrCat(year, ".");
  v1::CalendarYear arrangement;
  arrangement.set_year(year);
  *arrangement.mutable_notices() = entry.notices();
  for (int i = 0; i < entry.holidays_size(); ++i) {
    const v1::CalendarFileHoliday& in = entry.holidays(i);
    const std::string field = absl::StrCat(prefix, "holidays[", i, "]");
    v1::Holiday* holiday = arrangement.add_holidays();
    holiday->set_name(in.name());
    absl::StatusOr<absl::CivilDay> from =
        ParseIsoDate(in.first_day(), field + ".from");
    if (!from.ok()) return from.status();
    *holiday->mutable_first_day() = ToProtoDate(*from);
    absl::StatusOr<absl::CivilDay> to =
        ParseIsoDate(in.last_day(), field + ".to");
    if (!to.ok()) return to.status();
    *holiday->mutable_last_day() = ToProtoDate(*to);
    holiday->set_days(in.days());
  }
  if (absl::Status status = ParseDates(entry.off_days(), prefix + "off_days",
                                       arrangement.mutable_off_days());
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          ParseDates(entry.makeup_workdays(), prefix + "makeup_workdays",
                     arrangement.mutable_makeup_workdays());
      !status.ok()) {
    return status;
  }
  if (absl::Status status = ValidateCalendarYear(arrangement); !status.ok()) {
    return status;
  }
  // Optional: absent (or empty) means "not given".
  if (!entry.weekday_off_days().empty()) {
    if (absl::Status status =
            CheckWeekdayOffDays(arrangement, entry.weekday_off_days());
        !status.ok()) {
      return status;
    }
  }
  return arrangement;
}

absl::StatusOr<std::vector<v1::CalendarYear>> ParseCalendarJson(
    absl::string_view json) {
  // Parse the whole text first as a generic JSON value: this checks the
  // syntax, rejects repeated keys, and lets us name the year in later errors.
  // Bounded before any parser runs (protobuf's is quadratic in the depth).
  if (absl::Status status =
          CheckJsonBounds(json, kMaxCalendarJsonBytes, kMaxCalendarJsonDepth);
      !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("日历文件：", status.message()));
  }
  google::protobuf::Value root;
  if (auto status =
          JsonStringToMessage(StringPiece(json.data(), json.size()), &root);
      !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("日历文件：不是有效的 JSON：",
                     CappedParserMessage(std::string(status.message()))));
  }
  if (root.kind_case() != google::protobuf::Value::kStructValue) {
    return absl::InvalidArgumentError(
        "日历文件：顶层须为以年份为键的对象，例如 {\"2025\": {...}}");
  }
  const auto& fields = root.struct_value().fields();
  if (fields.empty()) {
    return absl::InvalidArgumentError("日历文件：未包含任何年份");
  }
  std::vector<std::string> keys;
  for (const auto& [key, value] : fields) keys.push_back(key);
  std::sort(keys.begin(), keys.end());

  std::vector<v1::CalendarYear> years;
  for (const std::string& key : keys) {
    if (absl::Status alive = CheckCallAlive(); !alive.ok()) return alive;
    int year = 0;
    if (key.size() != 4 ||
        !std::all_of(key.begin(), key.end(),
                     [](char c) {
                       return absl::ascii_isdigit(
                           static_cast<unsigned char>(c));
                     }) ||
        !absl::SimpleAtoi(key, &year)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "日历文件：键 ", QuoteForMessage(key, 16), " 不是四位数的年份"));
    }
    const google::protobuf::Value& value = fields.at(key);
    if (value.kind_case() != google::protobuf::Value::kStructValue) {
      return absl::InvalidArgumentError(absl::StrCat(key, ": 须为对象"));
    }
    // Re-read the entry with its schema; unknown fields are errors, so that a
    // misspelt "makeup_workday" is not silently ignored.
    std::string entry_json;
    if (auto status = MessageToJsonString(value, &entry_json); !status.ok()) {
      return EntryParseError(key, status);
    }
    v1::CalendarFileYear entry;
    JsonParseOptions options;
    options.ignore_unknown_fields = false;
    if (auto status = JsonStringToMessage(entry_json, &entry, options);
        !status.ok()) {
      return EntryParseError(key, status);
    }
    absl::StatusOr<v1::CalendarYear> arrangement =
        CalendarYearFromFile(year, entry);
    if (!arrangement.ok()) return arrangement.status();
    years.push_back(*std::move(arrangement));
  }
  return years;
}

std::string FormatCalendarJson(absl::Span<const v1::CalendarYear> years) {
  std::vector<const v1::CalendarYear*> sorted;
  for (const v1::CalendarYear& arrangement : years) {
    sorted.push_back(&arrangement);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const v1::CalendarYear* a, const v1::CalendarYear* b) {
              return a->year() < b->year();
            });
  JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;

  std::string out = "{";
  for (size_t i = 0; i < sorted.size(); ++i) {
    const v1::CalendarYear& arrangement = *sorted[i];
    v1::CalendarFileYear entry;
    *entry.mutable_notices() = arrangement.notices();
    for (const v1::Holiday& holiday : arrangement.holidays()) {
      v1::CalendarFileHoliday* out_holiday = entry.add_holidays();
      out_holiday->set_name(holiday.name());
      out_holiday->set_first_day(FormatIsoDate(holiday.first_day()));
      out_holiday->set_last_day(FormatIsoDate(holiday.last_day()));
      out_holiday->set_days(holiday.days());
    }
    for (const v1::Date& date : arrangement.off_days()) {
      const std::string text = FormatIsoDate(date);
      entry.add_off_days(text);
      if (IsWeekday(absl::CivilDay(date.year(), date.month(), date.day()))) {
        entry.add_weekday_off_days(text);
      }
    }
    for (const v1::Date& date : arrangement.makeup_workdays()) {
      entry.add_makeup_workdays(FormatIsoDate(date));
    }
    std::string entry_json;
    // Printing a well-formed message cannot fail.
    static_cast<void>(MessageToJsonString(entry, &entry_json, options));
    while (!entry_json.empty() && entry_json.back() == '\n') {
      entry_json.pop_back();
    }
    absl::StrAppend(&out, i == 0 ? "\n" : ",\n", " \"", arrangement.year(),
                    "\": ", absl::StrReplaceAll(entry_json, {{"\n", "\n "}}));
  }
  absl::StrAppend(&out, "\n}\n");
  return out;
}

std::string DisplayNotice(absl::string_view notice) {
  absl::string_view text = absl::StripTrailingAsciiWhitespace(notice);
  absl::string_view close;
  absl::string_view open;
  if (absl::EndsWith(text, ")")) {
    close = ")";
    open = "(";
  } else if (absl::EndsWith(text, "）")) {
    close = "）";
    open = "（";
  } else {
    return std::string(notice);
  }
  const size_t open_at = text.rfind(open);
  if (open_at == absl::string_view::npos) return std::string(notice);
  const size_t inside_at = open_at + open.size();
  absl::string_view inside =
      text.substr(inside_at, text.size() - close.size() - inside_at);
  size_t remark_at = std::min(inside.find(';'), inside.find("；"));
  if (remark_at == absl::string_view::npos) return std::string(notice);
  absl::string_view kept =
      absl::StripTrailingAsciiWhitespace(inside.substr(0, remark_at));
  absl::string_view before =
      absl::StripTrailingAsciiWhitespace(text.substr(0, open_at));
  if (kept.empty()) return std::string(before);
  return absl::StrCat(text.substr(0, open_at), open, kept, close);
}

}  // namespace ogi
