#include "services/common/civil_date.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/text.h"

namespace ogi {

absl::StatusOr<absl::CivilDay> ToCivilDay(const v1::Date& date,
                                          absl::string_view field) {
  if (date.year() < 1900 || date.year() > 9999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": 年份 ", date.year(), " 超出范围"));
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  // CivilDay normalises out-of-range fields (2023-02-29 -> 2023-03-01); a real
  // date survives the round trip unchanged.
  if (day.month() != date.month() || day.day() != date.day()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %04d-%02d-%02d 不是有效的日期", std::string(field),
                        date.year(), date.month(), date.day()));
  }
  return day;
}

v1::Date ToProtoDate(absl::CivilDay day) {
  v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

namespace {

// The year, month and day of exactly "YYYY-MM-DD" (digits, dashes), or false.
bool SplitIsoDate(absl::string_view text, int parts[3]) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  parts[0] = parts[1] = parts[2] = 0;
  for (size_t i = 0, part = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++part;
    } else if (absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      parts[part] = parts[part] * 10 + (text[i] - '0');
    } else {
      return false;
    }
  }
  return true;
}

// Writes `value` as `width` decimal digits, zero-padded, at `out`.
void PutDigits(int value, int width, char* out) {
  for (int i = width - 1; i >= 0; --i, value /= 10) {
    out[i] = static_cast<char>('0' + value % 10);
  }
}

// "YYYY-MM-DD" by hand: StrFormat's interpretation of its format string was
// a tenth of a deadline listing's time.
void AppendIsoFields(std::string& out, int year, int month, int day) {
  char text[] = "YYYY-MM-DD";
  PutDigits(year, 4, text);
  PutDigits(month, 2, text + 5);
  PutDigits(day, 2, text + 8);
  out.append(text, sizeof(text) - 1);
}

}  // namespace

absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text,
                                            absl::string_view field) {
  int parts[3];
  if (!SplitIsoDate(text, parts)) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": ", QuoteForMessage(text), " 不是 YYYY-MM-DD 格式的日期"));
  }
  v1::Date date;
  date.set_year(parts[0]);
  date.set_month(parts[1]);
  date.set_day(parts[2]);
  return ToCivilDay(date, field);
}

std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text) {
  int parts[3];
  // The years ToCivilDay accepts (four digits make 9999 the most).
  if (!SplitIsoDate(text, parts) || parts[0] < 1900) return std::nullopt;
  const absl::CivilDay day(parts[0], parts[1], parts[2]);
  // CivilDay normalizes, e.g. 2025-02-30 to 2025-03-02: not a real date.
  if (day.year() != parts[0] || day.month() != parts[1] ||
      day.day() != parts[2]) {
    return std::nullopt;
  }
  return day;
}

std::string FormatIsoDate(absl::CivilDay day) {
  std::string text;
  AppendIsoDate(text, day);
  return text;
}

void AppendIsoDate(std::string& out, absl::CivilDay day) {
  AppendIsoFields(out, static_cast<int>(day.year()), day.month(), day.day());
}

std::string FormatIsoDate(const v1::Date& date) {
  std::string text;
  if (!IsUnset(date)) {
    AppendIsoFields(text, date.year(), date.month(), date.day());
  }
  return text;
}

bool IsUnset(const v1::Date& date) {
  return date.year() == 0 && date.month() == 0 && date.day() == 0;
}

bool HasDate(bool has, const v1::Date& date) { return has && !IsUnset(date); }

absl::StatusOr<std::optional<absl::CivilDay>> ToOptionalCivilDay(
    bool has, const v1::Date& date, absl::string_view field) {
  if (!HasDate(has, date)) return std::optional<absl::CivilDay>();
  absl::StatusOr<absl::CivilDay> day = ToCivilDay(date, field);
  if (!day.ok()) return day.status();
  return std::optional<absl::CivilDay>(*day);
}

std::optional<absl::CivilDay> RecordedDay(bool has, const v1::Date& date) {
  if (!HasDate(has, date)) return std::nullopt;
  absl::StatusOr<absl::CivilDay> day = ToCivilDay(date, "");
  return day.ok() ? std::optional<absl::CivilDay>(*day) : std::nullopt;
}

}  // namespace ogi
