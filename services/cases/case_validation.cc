#include "services/cases/case_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/optional.h"
#include "services/cases/id_document.h"
#include "services/cases/receipt_date.h"
#include "services/common/civil_date.h"
#include "services/common/enum_names.h"
#include "services/common/text.h"

namespace ogi {
namespace {

// Adds the violation of `status` (OK adds nothing). Every validator used
// here returns only OK or INVALID_ARGUMENT.
void Collect(const absl::Status& status, FieldViolations& violations) {
  if (!status.ok()) violations.AddFrom(status);
}

// Optional text: empty is fine; otherwise a single line within `max_length`.
void CheckOptionalLine(absl::string_view text, absl::string_view field,
                       int max_length, FieldViolations& violations) {
  if (text.empty()) return;
  Collect(ValidateText(text, field, max_length, /*multiline=*/false),
          violations);
}

void CheckPhone(absl::string_view phone, FieldViolations& violations) {
  if (phone.empty()) return;
  if (phone.size() > 32) {
    violations.Add("applicant.phone", "最多 32 个字符");
    return;
  }
  int digits = 0;
  for (size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (!(c == '-' || c == ' ' || c == '(' || c == ')' ||
                 (c == '+' && i == 0))) {
      violations.Add(
          "applicant.phone",
          absl::StrCat(QuoteForMessage(phone),
                       " 只能包含数字、空格、'-'、'('、')' 和开头的 '+'"));
      return;
    }
  }
  if (digits < 5) {
    violations.Add("applicant.phone",
                   absl::StrCat(QuoteForMessage(phone), " 数字位数太少"));
  }
}

void CheckEmail(absl::string_view email, FieldViolations& violations) {
  if (email.empty()) return;
  const size_t at = email.find('@');
  const bool ok =
      email.size() <= 254 && at != absl::string_view::npos && at > 0 &&
      email.find('@', at + 1) == absl::string_view::npos &&
      email.find('.', at) != absl::string_view::npos && email.back() != '.' &&
      email.find(' ') == absl::string_view::npos &&
      !HasControlCharacter(email, "");
  if (!ok) {
    violations.Add("applicant.email", absl::StrCat(QuoteForMessage(email),
                                                   " 不是有效的电子邮件地址"));
  }
}

void CheckApplicant(const v1::Applicant& a, absl::CivilDay today,
                    FieldViolations& violations) {
  Collect(ValidateText(a.name(), "applicant.name", kMaxNameLength, false),
          violations);
  if (a.type() == v1::APPLICANT_TYPE_UNSPECIFIED ||
      !v1::ApplicantType_IsValid(a.type())) {
    violations.Add(
        "applicant.type",
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::ApplicantType_descriptor()),
                          ", ")));
  }
  if (!v1::IdDocumentType_IsValid(a.id_type())) {
    violations.Add("applicant.id_type", "未知的证件类型");
  } else if (a.id_type() == v1::ID_DOCUMENT_TYPE_UNSPECIFIED) {
    if (!a.id_number().empty()) {
      violations.Add("applicant.id_type", "填写 id_number 时必须填写");
    }
  } else if (a.id_number().empty()) {
    violations.Add("applicant.id_number", "填写 id_type 时必须填写");
  } else {
    Collect(ValidateIdNumber(a.id_type(), a.id_number(), today), violations);
  }
  CheckPhone(a.phone(), violations);
  CheckEmail(a.email(), violations);
  CheckOptionalLine(a.postal_address(), "applicant.postal_address",
                    kMaxAddressLength, violations);
}

// A set date must be real and within [EarliestAcceptedDate(), today]; the
// day, or nullopt after adding the violation.
absl::optional<absl::CivilDay> CheckPastDate(const v1::Date& date,
                                             absl::string_view field,
                                             absl::CivilDay today,
                                             FieldViolations& violations) {
  absl::StatusOr<absl::CivilDay> day = ToCivilDay(date, field);
  if (!day.ok()) {
    Collect(day.status(), violations);
    return absl::nullopt;
  }
  if (*day > today) {
    violations.Add(field,
                   absl::StrCat(FormatIsoDate(*day), " 晚于今天（北京时间 ",
                                FormatIsoDate(today), "）"));
    return absl::nullopt;
  }
  if (*day < EarliestAcceptedDate()) {
    violations.Add(field, absl::StrCat(FormatIsoDate(*day),
                                       " 早于 2008-05-01（政府信息公开条例"
                                       "施行之日）"));
    return absl::nullopt;
  }
  return *day;
}

void CheckDates(const v1::Case& c, absl::CivilDay today,
                FieldViolations& violations) {
  absl::optional<absl::CivilDay> arrival;
  if (!c.has_arrival_date()) {
    violations.Add("arrival_date", "必须填写");
  } else {
    arrival =
        CheckPastDate(c.arrival_date(), "arrival_date", today, violations);
  }
  if (!c.has_confirmation_date()) return;
  if (!ChannelNeedsConfirmation(c.channel())) {
    // An unknown channel is reported on its own field.
    if (c.channel() != v1::CHANNEL_UNSPECIFIED &&
        v1::Channel_IsValid(c.channel())) {
      violations.Add(
          "confirmation_date",
          absl::StrCat("渠道 ",
                       EnumIdentifier(v1::Channel_descriptor(), c.channel()),
                       " 不使用确认日期：其收到申请日期即到达日期"));
    }
    return;
  }
  const absl::optional<absl::CivilDay> confirmation = CheckPastDate(
      c.confirmation_date(), "confirmation_date", today, violations);
  if (arrival.has_value() && confirmation.has_value() &&
      *confirmation < *arrival) {
    violations.Add("confirmation_date",
                   absl::StrCat(FormatIsoDate(*confirmation), " 早于到达日期 ",
                                FormatIsoDate(*arrival)));
  }
}

}  // namespace

absl::CivilDay EarliestAcceptedDate() { return absl::CivilDay(2008, 5, 1); }

void CheckCaseFields(const v1::Case& c, absl::CivilDay today,
                     FieldViolations& violations) {
  CheckApplicant(c.applicant(), today, violations);
  if (c.channel() == v1::CHANNEL_UNSPECIFIED ||
      !v1::Channel_IsValid(c.channel())) {
    violations.Add(
        "channel",
        absl::StrCat(
            "须为以下之一：",
            absl::StrJoin(EnumIdentifiers(v1::Channel_descriptor()), ", ")));
  }
  CheckDates(c, today, violations);
  if (c.items_size() == 0) {
    violations.Add("items", "至少须有一项申请内容");
  } else if (c.items_size() > kMaxItems) {
    violations.Add("items", absl::StrCat("最多 ", kMaxItems, " 项（实际 ",
                                         c.items_size(), " 项）"));
  } else {
    for (int i = 0; i < c.items_size(); ++i) {
      Collect(ValidateText(c.items(i).description(),
                           absl::StrCat("items[", i, "].description"),
                           kMaxItemLength, /*multiline=*/true),
              violations);
    }
  }
  if (!v1::RequestedForm_IsValid(c.requested_form())) {
    violations.Add("requested_form", "未知的获取信息形式");
  }
  if (!v1::DeliveryMethod_IsValid(c.delivery_method())) {
    violations.Add("delivery_method", "未知的获取信息方式");
  }
}

absl::Status ValidateCaseFields(const v1::Case& c, absl::CivilDay today) {
  FieldViolations violations;
  CheckCaseFields(c, today, violations);
  return violations.ToStatus();
}

}  // namespace ogi
