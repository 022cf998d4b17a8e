#include "services/common/enum_names.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case.pb.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(EnumNamesTest, IdentifierDropsThePrefix) {
  EXPECT_EQ(EnumIdentifier(v1::ApplicantType_descriptor(),
                           v1::APPLICANT_TYPE_NATURAL_PERSON),
            "natural_person");
  EXPECT_EQ(EnumIdentifier(v1::Channel_descriptor(), v1::CHANNEL_SIGNED_POST),
            "signed_post");
  EXPECT_EQ(EnumIdentifier(v1::Channel_descriptor(), 99), "");
}

TEST(EnumNamesTest, LabelsAreTheOfficialChinese) {
  EXPECT_EQ(EnumLabel(v1::ApplicantType_descriptor(),
                      v1::APPLICANT_TYPE_LEGAL_SERVICE_INSTITUTION),
            "法律服务机构");
  EXPECT_EQ(EnumLabel(v1::Channel_descriptor(), v1::CHANNEL_IN_PERSON),
            "当面提交");
  EXPECT_EQ(EnumLabel(v1::CaseStatus_descriptor(), v1::CASE_STATUS_PROCESSING),
            "办理中");
}

TEST(EnumNamesTest, ParsesIdentifiersCaseInsensitively) {
  EXPECT_EQ(
      *ParseEnumIdentifier(v1::Channel_descriptor(), "in_person", "channel"),
      v1::CHANNEL_IN_PERSON);
  EXPECT_EQ(*ParseEnumIdentifier(v1::Channel_descriptor(), "ONLINE", "channel"),
            v1::CHANNEL_ONLINE);
  EXPECT_EQ(
      *ParseEnumIdentifier(v1::Channel_descriptor(), "CHANNEL_FAX", "channel"),
      v1::CHANNEL_FAX);
}

TEST(EnumNamesTest, UnknownAndUnspecifiedAreRejectedWithTheChoices) {
  EXPECT_THAT(
      ParseEnumIdentifier(v1::ApplicantType_descriptor(), "company", "type"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("type: 未知取值 \"company\"，可选值："
                         "natural_person, commercial_enterprise")));
  EXPECT_THAT(
      ParseEnumIdentifier(v1::Channel_descriptor(), "unspecified", "channel"),
      StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(EnumNamesTest, ListsIdentifiersInOrder) {
  EXPECT_THAT(EnumIdentifiers(v1::RequestedForm_descriptor()),
              ElementsAre("paper", "electronic", "inspection"));
}

}  // namespace
}  // namespace ogi
