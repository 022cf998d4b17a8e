#include "services/cases/id_document.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;

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
      ValidateIdNumber(v1::ID_DOCUMENT_TYPE_RESIDENT_ID_CARD, "123"),
      StatusIs(
          absl::StatusCode::kInvalidArgument,
          HasSubstr("applicant.id_number: \"123\" 不是有效的居民身份证号码")));
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_PASSPORT, "E12345678"),
              IsOk());
  EXPECT_THAT(ValidateIdNumber(v1::ID_DOCUMENT_TYPE_PASSPORT, "E1 2345"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("applicant.id_number")));
}

}  // namespace
}  // namespace ogi
