#ifndef OGI_SERVICES_COMMON_CIVIL_DATE_H_
#define OGI_SERVICES_COMMON_CIVIL_DATE_H_

// Conversions between the API's ogi.v1.Date, absl::CivilDay and "YYYY-MM-DD".
// Pure functions; thread-safe.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "ogi/v1/common.pb.h"

namespace ogi {

// Returns the day for `date`, or INVALID_ARGUMENT "<field>: ..." when the
// year/month/day triple is not a real calendar date (e.g. 2023-02-29) or the
// year is outside 1900..9999.
absl::StatusOr<absl::CivilDay> ToCivilDay(const v1::Date& date,
                                          absl::string_view field);

v1::Date ToProtoDate(absl::CivilDay day);

// Parses exactly "YYYY-MM-DD" (zero-padded). INVALID_ARGUMENT naming `field`
// for anything else, including impossible dates.
absl::StatusOr<absl::CivilDay> ParseIsoDate(absl::string_view text,
                                            absl::string_view field);

// The day "YYYY-MM-DD" names, when it is exactly that form and a real
// calendar date in 1900..9999 (what ParseIsoDate accepts); std::nullopt
// otherwise. No error text: for hot paths that
// read dates ogi wrote itself (e.g. stored columns). User input goes through
// ParseIsoDate, which says what is wrong.
std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDate(absl::CivilDay day);

// Appends FormatIsoDate(day) to `out`, for text built in one buffer (a
// deadline listing writes tens of thousands of dates). REQUIRES: the year is
// 0..9999.
void AppendIsoDate(std::string& out, absl::CivilDay day);

// "YYYY-MM-DD" for a well-formed date; "" for an unset (default) message.
// REQUIRES: `date` is unset or valid.
std::string FormatIsoDate(const v1::Date& date);

// True when `date` is the default (all zero) message, i.e. "not set".
bool IsUnset(const v1::Date& date);

// True when a message field holds a date: present (`has`, the field's
// has_ accessor) and not the all-zero "not set" message.
bool HasDate(bool has, const v1::Date& date);

// An optional date of a request: std::nullopt when unset (HasDate false),
// else ToCivilDay (INVALID_ARGUMENT "<field>: ..." when not a real date).
absl::StatusOr<std::optional<absl::CivilDay>> ToOptionalCivilDay(
    bool has, const v1::Date& date, absl::string_view field);

// The day a stored record holds: std::nullopt when unset or (against the
// record's invariants) not a calendar date. For dates read back from a case,
// whose validation happened when they were recorded.
std::optional<absl::CivilDay> RecordedDay(bool has, const v1::Date& date);

}  // namespace ogi

#endif  // OGI_SERVICES_COMMON_CIVIL_DATE_H_
