#include "services/cases/case_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/cases/id_document.h"
#include "services/cases/receipt_date.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/status_macros.h"
#include "services/common/text.h"

namespace ogi {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", rule));
}

// Optional text: empty is fine; otherwise a single line within `max_length`.
absl::Status ValidateOptionalLine(absl::string_view text,
                                  absl::string_view field, int max_length) {
  if (text.empty()) return absl::OkStatus();
  return ValidateText(text, field, max_length, /*multiline=*/false);
}

absl::Status ValidatePhone(absl::string_view phone) {
  if (phone.empty()) return absl::OkStatus();
  if (phone.size() > 32) return Invalid("applicant.phone", "最多 32 个字符");
  int digits = 0;
  for (size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (!(c == '-' || c == ' ' || c == '(' || c == ')' ||
                 (c == '+' && i == 0))) {
      return Invalid(
          "applicant.phone",
          absl::StrCat("\"", phone,
                       "\" 只能包含数字、空格、'-'、'('、')' 和开头的 "
                       "'+'"));
    }
  }
  if (digits < 5) {
    return Invalid("applicant.phone",
                   absl::StrCat("\"", phone, "\" 数字位数太少"));
  }
  return absl::OkStatus();
}

absl::Status ValidateEmail(absl::string_view email) {
  if (email.empty()) return absl::OkStatus();
  const size_t at = email.find('@');
  const bool ok =
      email.size() <= 254 && at != absl::string_view::npos && at > 0 &&
      email.find('@', at + 1) == absl::string_view::npos &&
      email.find('.', at) != absl::string_view::npos && email.back() != '.' &&
      email.find(' ') == absl::string_view::npos &&
      !HasControlCharacter(email, "");
  if (!ok) {
    return Invalid("applicant.email",
                   absl::StrCat("\"", email, "\" 不是有效的电子邮件地址"));
  }
  return absl::OkStatus();
}

absl::Status ValidateApplicant(const v1::Applicant& a) {
  OGI_RETURN_IF_ERROR(
      ValidateText(a.name(), "applicant.name", kMaxNameLength, false));
  if (a.type() == v1::APPLICANT_TYPE_UNSPECIFIED ||
      !v1::ApplicantType_IsValid(a.type())) {
    return Invalid(
        "applicant.type",
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::ApplicantType_descriptor()),
                          ", ")));
  }
  if (!v1::IdDocumentType_IsValid(a.id_type())) {
    return Invalid("applicant.id_type", "未知的证件类型");
  }
  if (a.id_type() == v1::ID_DOCUMENT_TYPE_UNSPECIFIED &&
      !a.id_number().empty()) {
    return Invalid("applicant.id_type", "填写 id_number 时必须填写");
  }
  if (a.id_type() != v1::ID_DOCUMENT_TYPE_UNSPECIFIED) {
    if (a.id_number().empty()) {
      return Invalid("applicant.id_number", "填写 id_type 时必须填写");
    }
    OGI_RETURN_IF_ERROR(ValidateIdNumber(a.id_type(), a.id_number()));
  }
  OGI_RETURN_IF_ERROR(ValidatePhone(a.phone()));
  OGI_RETURN_IF_ERROR(ValidateEmail(a.email()));
  return ValidateOptionalLine(a.postal_address(), "applicant.postal_address",
                              kMaxAddressLength);
}

// A set date must be real and within [EarliestAcceptedDate(), today].
absl::StatusOr<absl::CivilDay> ValidatePastDate(const v1::Date& date,
                                                absl::string_view field,
                                                absl::CivilDay today) {
  OGI_ASSIGN_OR_RETURN(absl::CivilDay day, ToCivilDay(date, field));
  if (day > today) {
    return Invalid(field,
                   absl::StrCat(FormatIsoDate(day), " 晚于今天（北京时间 ",
                                FormatIsoDate(today), "）"));
  }
  if (day < EarliestAcceptedDate()) {
    return Invalid(field, absl::StrCat(FormatIsoDate(day),
                                       " 早于 2008-05-01（政府信息公开条例"
                                       "施行之日）"));
  }
  return day;
}

absl::Status ValidateDates(const v1::Case& c, absl::CivilDay today) {
  if (!c.has_arrival_date()) return Invalid("arrival_date", "必须填写");
  OGI_ASSIGN_OR_RETURN(
      absl::CivilDay arrival,
      ValidatePastDate(c.arrival_date(), "arrival_date", today));
  if (!c.has_confirmation_date()) return absl::OkStatus();
  if (!ChannelNeedsConfirmation(c.channel())) {
    return Invalid(
        "confirmation_date",
        absl::StrCat("渠道 ",
                     EnumIdentifier(v1::Channel_descriptor(), c.channel()),
                     " 不使用确认日期：其收到申请日期即到达日期"));
  }
  OGI_ASSIGN_OR_RETURN(
      absl::CivilDay confirmation,
      ValidatePastDate(c.confirmation_date(), "confirmation_date", today));
  if (confirmation < arrival) {
    return Invalid("confirmation_date",
                   absl::StrCat(FormatIsoDate(confirmation), " 早于到达日期 ",
                                FormatIsoDate(arrival)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::CivilDay EarliestAcceptedDate() { return absl::CivilDay(2008, 5, 1); }

absl::Status ValidateCaseFields(const v1::Case& c, absl::CivilDay today) {
  OGI_RETURN_IF_ERROR(ValidateApplicant(c.applicant()));
  if (c.channel() == v1::CHANNEL_UNSPECIFIED ||
      !v1::Channel_IsValid(c.channel())) {
    return Invalid(
        "channel",
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::Channel_descriptor()), ", ")));
  }
  OGI_RETURN_IF_ERROR(ValidateDates(c, today));
  if (c.items_size() == 0) {
    return Invalid("items", "至少须有一项申请内容");
  }
  if (c.items_size() > kMaxItems) {
    return Invalid("items", absl::StrCat("最多 ", kMaxItems, " 项"));
  }
  for (int i = 0; i < c.items_size(); ++i) {
    OGI_RETURN_IF_ERROR(ValidateText(c.items(i).description(),
                                     absl::StrCat("items[", i, "].description"),
                                     kMaxItemLength, /*multiline=*/true));
  }
  if (!v1::RequestedForm_IsValid(c.requested_form())) {
    return Invalid("requested_form", "未知的获取信息形式");
  }
  if (!v1::DeliveryMethod_IsValid(c.delivery_method())) {
    return Invalid("delivery_method", "未知的获取信息方式");
  }
  return absl::OkStatus();
}

}  // namespace ogi
