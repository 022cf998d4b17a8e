#include "services/rpc/grpc_status_util.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/any.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "services/common/field_violations.h"
#include "services/common/text.h"

namespace ogi {
namespace {

using ::testing::EndsWith;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// The google.rpc.BadRequest inside `status`'s binary details.
google::rpc::BadRequest DetailsOf(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(status.error_code()));
  EXPECT_EQ(details.message(), status.error_message());
  EXPECT_EQ(details.details_size(), 1);
  google::rpc::BadRequest bad_request;
  if (details.details_size() == 1) {
    EXPECT_EQ(details.details(0).type_url(),
              "type.googleapis.com/google.rpc.BadRequest");
    EXPECT_TRUE(details.details(0).UnpackTo(&bad_request));
  }
  return bad_request;
}

TEST(GrpcStatusUtilTest, OkStaysOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(GrpcStatusUtilTest, OtherCodesKeepTheirMessageWithoutDetails) {
  const grpc::Status status =
      ToGrpcStatus(absl::NotFoundError("number: 案件 2025-0001 不存在"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "number: 案件 2025-0001 不存在");
  EXPECT_THAT(status.error_details(), IsEmpty());
}

TEST(GrpcStatusUtilTest, EveryViolationTravelsAsBadRequestDetails) {
  FieldViolations violations;
  violations.Add("case.applicant.name", "不能为空");
  violations.Add("case.items[1].description", "不能为空");
  const grpc::Status status = ToGrpcStatus(violations.ToStatus());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      status.error_message(),
      "case.applicant.name: 不能为空；case.items[1].description: 不能为空");
  const google::rpc::BadRequest details = DetailsOf(status);
  ASSERT_EQ(details.field_violations_size(), 2);
  EXPECT_EQ(details.field_violations(0).field(), "case.applicant.name");
  EXPECT_EQ(details.field_violations(0).description(), "不能为空");
  EXPECT_EQ(details.field_violations(1).field(), "case.items[1].description");
}

TEST(GrpcStatusUtilTest, APlainFieldRuleMessageBecomesOneViolation) {
  const grpc::Status status =
      ToGrpcStatus(absl::InvalidArgumentError("year: 应为 1901 至 9998"));
  const google::rpc::BadRequest details = DetailsOf(status);
  ASSERT_EQ(details.field_violations_size(), 1);
  EXPECT_EQ(details.field_violations(0).field(), "year");
  EXPECT_EQ(details.field_violations(0).description(), "应为 1901 至 9998");
}

TEST(GrpcStatusUtilTest, AHugeMessageIsCutOnACharacterBoundary) {
  std::string echoed = "number: 案件 ";
  for (int i = 0; i < 50000; ++i) echoed += "号";
  echoed += " 不存在";
  const grpc::Status status = ToGrpcStatus(absl::NotFoundError(echoed));
  EXPECT_LE(status.error_message().size(), kMaxStatusMessageBytes);
  EXPECT_GT(status.error_message().size(), kMaxStatusMessageBytes - 6);
  EXPECT_TRUE(IsValidUtf8(status.error_message()));
  EXPECT_THAT(status.error_message(), StartsWith("number: 案件 号号"));
  EXPECT_THAT(status.error_message(), EndsWith("号…"));
}

TEST(GrpcStatusUtilTest, DetailsStayBoundedWhateverTheViolations) {
  FieldViolations violations;
  const std::string long_rule = std::string(5000, 'r');
  for (int i = 0; i < 1000; ++i) {
    violations.Add(absl::StrCat("items[", i, "].description"), long_rule);
  }
  const grpc::Status status = ToGrpcStatus(violations.ToStatus());
  EXPECT_LE(status.error_message().size(), kMaxStatusMessageBytes);
  EXPECT_LE(status.error_details().size(), kMaxStatusDetailsBytes);
  const google::rpc::BadRequest details = DetailsOf(status);
  ASSERT_GE(details.field_violations_size(), 2);
  const int listed = details.field_violations_size() - 1;
  EXPECT_LE(listed, kMaxDetailedViolations);
  for (int i = 0; i < listed; ++i) {
    const auto& v = details.field_violations(i);
    EXPECT_EQ(v.field(), absl::StrCat("items[", i, "].description"));
    EXPECT_LE(v.description().size(), kMaxViolationDescriptionBytes);
    EXPECT_THAT(v.description(), EndsWith("…"));
  }
  const auto& more = details.field_violations(listed);
  EXPECT_EQ(more.field(), "");
  EXPECT_EQ(more.description(),
            absl::StrCat("另有 ", 1000 - listed, " 项未列出"));
}

TEST(GrpcStatusUtilTest, ManySmallViolationsStopAtTheCount) {
  FieldViolations violations;
  for (int i = 0; i < 150; ++i) violations.Add(absl::StrCat("f", i), "错");
  const google::rpc::BadRequest details =
      DetailsOf(ToGrpcStatus(violations.ToStatus()));
  ASSERT_EQ(details.field_violations_size(), kMaxDetailedViolations + 1);
  EXPECT_EQ(details.field_violations(kMaxDetailedViolations).description(),
            absl::StrCat("另有 ", 150 - kMaxDetailedViolations, " 项未列出"));
}

TEST(GrpcStatusUtilTest, CapUtf8KeepsShortTextAndCutsLongTextCleanly) {
  EXPECT_EQ(CapUtf8("短", 3), "短");
  EXPECT_EQ(CapUtf8("abcdef", 6), "abcdef");
  EXPECT_EQ(CapUtf8("abcdefg", 6), "abc…");
  // "一二三" is nine bytes of three-byte characters: beside the ellipsis's
  // three bytes, six and eight leave room for one character, five for none.
  EXPECT_EQ(CapUtf8("一二三", 6), "一…");
  EXPECT_EQ(CapUtf8("一二三", 8), "一…");
  EXPECT_EQ(CapUtf8("一二三", 5), "…");
}

}  // namespace
}  // namespace ogi
