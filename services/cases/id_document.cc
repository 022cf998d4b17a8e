#include "services/cases/id_document.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/civil_date.h"
#include "services/common/text.h"

namespace ogi {

bool IsValidResidentIdNumber(absl::string_view number) {
  static constexpr int kWeights[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                       3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  if (number.size() != 18) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(number[i])))
      return false;
    sum += (number[i] - '0') * kWeights[i];
  }
  return absl::ascii_toupper(static_cast<unsigned char>(number[17])) ==
         kCheck[sum % 11];
}

absl::optional<absl::CivilDay> ResidentIdBirthDate(absl::string_view number) {
  if (number.size() < 14) return absl::nullopt;
  const absl::string_view digits = number.substr(6, 8);
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::nullopt;
    }
  }
  int year = 0, month = 0, day = 0;
  if (!absl::SimpleAtoi(digits.substr(0, 4), &year) ||
      !absl::SimpleAtoi(digits.substr(4, 2), &month) ||
      !absl::SimpleAtoi(digits.substr(6, 2), &day)) {
    return absl::nullopt;
  }
  const absl::CivilDay date(year, month, day);
  // CivilDay normalises 02-30 to 03-02: a real date survives unchanged.
  if (date.year() != year || date.month() != month || date.day() != day) {
    return absl::nullopt;
  }
  return date;
}

absl::CivilDay EarliestResidentIdBirthDate() {
  return absl::CivilDay(1900, 1, 1);
}

bool IsValidUnifiedSocialCreditCode(absl::string_view number) {
  // The code's alphabet: digits and capitals without I, O, S, V, Z.
  static constexpr absl::string_view kAlphabet =
      "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  if (number.size() != 18) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    const size_t value = kAlphabet.find(
        absl::ascii_toupper(static_cast<unsigned char>(number[i])));
    if (value == absl::string_view::npos) return false;
    sum += static_cast<int>(value) * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return absl::ascii_toupper(static_cast<unsigned char>(number[17])) ==
         kAlphabet[check];
}

absl::Status ValidateIdNumber(v1::IdDocumentType type, absl::string_view number,
                              absl::CivilDay today) {
  auto invalid = [number](absl::string_view rule) {
    return absl::InvalidArgumentError(absl::StrCat(
        "applicant.id_number: ", QuoteForMessage(number), " ", rule));
  };
  switch (type) {
    case v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD: {
      if (!IsValidResidentIdNumber(number)) {
        return invalid("不是有效的居民身份证号码（18 位，校验码须正确）");
      }
      const absl::optional<absl::CivilDay> birth = ResidentIdBirthDate(number);
      if (!birth.has_value()) {
        return invalid(absl::StrCat("第 7 至 14 位的出生日期 ",
                                    number.substr(6, 8), " 不是有效的日期"));
      }
      if (*birth < EarliestResidentIdBirthDate()) {
        return invalid(
            absl::StrCat("的出生日期 ", FormatIsoDate(*birth), " 早于 ",
                         FormatIsoDate(EarliestResidentIdBirthDate())));
      }
      if (*birth > today) {
        return invalid(absl::StrCat("的出生日期 ", FormatIsoDate(*birth),
                                    " 晚于今天（北京时间 ",
                                    FormatIsoDate(today), "）"));
      }
      return absl::OkStatus();
    }
    case v1::ID_DOCUMENT_TYPE_UNIFIED_SOCIAL_CREDIT_CODE:
      if (!IsValidUnifiedSocialCreditCode(number)) {
        return invalid("不是有效的统一社会信用代码（18 位，校验码须正确）");
      }
      return absl::OkStatus();
    default:
      break;
  }
  bool plausible = number.size() >= 4 && number.size() <= 40;
  for (char c : number) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-') {
      plausible = false;
    }
  }
  if (!plausible) return invalid("须为 4 至 40 个字母、数字或 '-'");
  return absl::OkStatus();
}

}  // namespace ogi
