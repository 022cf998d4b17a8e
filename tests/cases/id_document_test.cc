#include "services/cases/id_document.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

const absl::CivilDay kToday(2022, 3, 10);

TEST(IdDocumentTest, ResidentIdCheckDigit) {
  // Check digits worked out with GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5
  // 8 4 2.
  EXPECT_TRUE(IsValidResidentIdNumber("11010519491231002X"));
  EXPECT_TRUE(IsValidResidentIdNumber("11010519491231002x"));
  EXPECT_TRUE(IsValidResidentIdNumber("440304199001011233"));
  EXPECT_FALSE(IsValidResidentIdNumber("440304199001011234"));  // wrong check
  EXPECT_FALSE(IsValidResidentIdNumber("44030419900101123"));   // 17 chars
  EXPECT_FALSE(IsValidResidentIdNumber("4403041990010112A3"));  // letter inside
}

TEST(IdDocumentTest, UnifiedSocialCreditCodeCheck) {
  EXPECT_TRUE(IsValidUnifiedSocialCreditCode("91350100M000100Y43"));
  EXPECT_FALSE(IsValidUnifiedSocialCreditCode("91350100M000100Y44"));
  EXPECT_FALSE(
      IsValidUnifiedSocialCreditCode("91350100I000100Y43"));  // I not allowed
}

TEST(IdDocumentTest, ValidateNamesTheFieldAndTheRule) {
  EXPECT_THAT(
      ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD, "123", kToday),
      StatusIs(
          absl::StatusCode::kInvalidArgument,
          HasSubstr("applicant.id_number: \"123\" 不是有效的居民身份证号码")));
  EXPECT_THAT(
      ValidateIdNumber(v1::ID_DOCUMENT_TYPE_PASSPORT, "E12345678", kToday),
      IsOk());
  EXPECT_THAT(
      ValidateIdNumber(v1::ID_DOCUMENT_TYPE_PASSPORT, "E1 2345", kToday),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("applicant.id_number")));
}

// Issue 12: a valid check digit does not make 1990-02-30 a birthday. Each
// number below has a correct check digit (worked out by ISO 7064 MOD 11-2).
TEST(IdDocumentTest, TheBirthDateMustBeARealPastDateFrom1900) {
  EXPECT_EQ(ResidentIdBirthDate("110105199002281234"),
            absl::CivilDay(1990, 2, 28));
  EXPECT_EQ(ResidentIdBirthDate("110105199002301231"), absl::nullopt);
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
                               "110105199002281234", kToday),
              IsOk());
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
                               "110105199002301231", kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "applicant.id_number: \"110105199002301231\" 第 7 至 14 "
                       "位的出生日期 19900230 不是有效的日期"));
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
                               "110105189912311237", kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "applicant.id_number: \"110105189912311237\" 的出生日期 "
                       "1899-12-31 早于 1900-01-01"));
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
                               "110105190001011231", kToday),
              IsOk());
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
                               "110105209901011234", kToday),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "applicant.id_number: \"110105209901011234\" 的出生日期 "
                       "2099-01-01 晚于今天（北京时间 2022-03-10）"));
}

// A long number is quoted by its first characters only.
TEST(IdDocumentTest, LongNumbersAreNotEchoedWhole) {
  const std::string number(100000, '9');
  EXPECT_THAT(
      ValidateIdNumber(v1::ID_DOCUMENT_TYPE_PASSPORT, number, kToday),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "applicant.id_number: \"" + std::string(32, '9') +
                   "…\"（共 100000 个字符） 须为 4 至 40 个字母、数字或 '-'"));
}

}  // namespace
}  // namespace ogi
