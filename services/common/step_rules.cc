#include "services/common/step_rules.h"

#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/field_violations.h"
#include "services/common/status_macros.h"

namespace ogi {

std::string CaseName(const v1::Case& c) {
  return c.number().empty() ? std::string("（未编号）") : c.number();
}

absl::Status CaseRefused(const v1::Case& c, absl::string_view what) {
  return absl::FailedPreconditionError(
      absl::StrCat("案件 ", CaseName(c), " ", what));
}

absl::StatusOr<absl::CivilDay> ReceiptDay(const v1::Case& c) {
  if (!HasDate(c.has_receipt_date(), c.receipt_date())) {
    return CaseRefused(c, "尚无收到申请日期（待确认收到）");
  }
  return ToCivilDay(c.receipt_date(), "receipt_date");
}

absl::StatusOr<absl::CivilDay> RequiredDate(bool has, const v1::Date& date,
                                            absl::string_view field) {
  if (!HasDate(has, date)) return InvalidField(field, "必须填写");
  return ToCivilDay(date, field);
}

absl::Status NotAfterToday(absl::CivilDay day, absl::CivilDay today,
                           absl::string_view field) {
  if (day <= today) return absl::OkStatus();
  return InvalidField(field, absl::StrCat(FormatIsoDate(day), " 晚于今天（",
                                          FormatIsoDate(today), "）"));
}

absl::StatusOr<absl::CivilDay> PastDate(bool has, const v1::Date& date,
                                        absl::string_view field,
                                        absl::CivilDay today) {
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay day,
                       RequiredDate(has, date, field));
  OGI_RETURN_IF_ERROR(NotAfterToday(day, today, field));
  return day;
}

absl::StatusOr<std::optional<absl::CivilDay>> OptionalPastDate(
    bool has, const v1::Date& date, absl::string_view field,
    absl::CivilDay today) {
  if (!HasDate(has, date)) return std::optional<absl::CivilDay>();
  OGI_ASSIGN_OR_RETURN(const absl::CivilDay day,
                       PastDate(has, date, field, today));
  return std::optional<absl::CivilDay>(day);
}

absl::StatusOr<absl::CivilDay> PastDateOrToday(bool has, const v1::Date& date,
                                               absl::string_view field,
                                               absl::CivilDay today) {
  if (!HasDate(has, date)) return today;
  return PastDate(has, date, field, today);
}

absl::Status NotBefore(absl::CivilDay day, std::optional<absl::CivilDay> bound,
                       absl::string_view field, absl::string_view what) {
  if (!bound.has_value() || day >= *bound) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat(field, ": ", FormatIsoDate(day), " 早于", what, "（",
                   FormatIsoDate(*bound), "）"));
}

absl::Status NotBeforeReceipt(absl::CivilDay day, absl::CivilDay receipt,
                              const v1::Case& c, absl::string_view field) {
  return NotBefore(day, receipt, field,
                   absl::StrCat("案件 ", CaseName(c), " 的收到申请日期"));
}

}  // namespace ogi
