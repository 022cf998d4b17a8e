#include "services/common/civil_date.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace ogi {

absl::StatusOr<absl::CivilDay> ToCivilDay(const v1::Date& date,
                                          absl::string_view field) {
  if (date.year() < 1900 || date.year() > 9999) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": year ", date.year(), " is out of range"));
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  // CivilDay normalises out-of-range fields (2023-02-29 -> 2023-03-01); a real
  // date survives the round trip unchanged.
  if (day.month() != date.month() || day.day() != date.day()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: %04d-%02d-%02d is not a calendar date", std::string(field),
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

absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text,
                                            absl::string_view field) {
  auto malformed = [&] {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": \"", text, "\" is not a date in YYYY-MM-DD form"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return malformed();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      return malformed();
    }
  }
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(text.substr(0, 4), &year) ||
      !absl::SimpleAtoi(text.substr(5, 2), &month) ||
      !absl::SimpleAtoi(text.substr(8, 2), &day)) {
    return malformed();
  }
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return ToCivilDay(date, field);
}

std::string FormatIsoDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::string FormatIsoDate(const v1::Date& date) {
  if (IsUnset(date)) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

bool IsUnset(const v1::Date& date) {
  return date.year() == 0 && date.month() == 0 && date.day() == 0;
}

}  // namespace ogi
