#include "services/cases/case_fields.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cases/case_test_util.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::ogi::testing::ValidNewCase;
using ::testing::HasSubstr;
using ::testing::SizeIs;

TEST(CaseFieldsTest, DiffFromEmptyListsEveryEnteredField) {
  const std::vector<v1::FieldChange> changes =
      DiffCaseFields(v1::Case(), ValidNewCase());
  std::vector<std::string> fields;
  for (const auto& c : changes) fields.push_back(c.field());
  EXPECT_THAT(fields,
              ::testing::ElementsAre(
                  "applicant.name", "applicant.type", "applicant.id_type",
                  "applicant.id_number", "applicant.phone", "applicant.email",
                  "applicant.postal_address", "channel", "arrival_date",
                  "items", "requested_form", "delivery_method"));
  EXPECT_EQ(changes[1].new_value(), "natural_person");
  EXPECT_EQ(changes[8].new_value(), "2022-03-01");
  EXPECT_EQ(changes[0].old_value(), "");
}

TEST(CaseFieldsTest, ApplyCopiesOnlyMaskedFields) {
  v1::Case target = ValidNewCase();
  v1::Case source;
  source.mutable_applicant()->set_name("李四");
  source.mutable_applicant()->set_phone("13800000000");
  source.add_items()->set_description("新的一项");
  google::protobuf::FieldMask mask;
  mask.add_paths("applicant.name");
  mask.add_paths("items");
  ASSERT_THAT(ApplyCaseUpdate(mask, source, target), IsOk());
  EXPECT_EQ(target.applicant().name(), "李四");
  EXPECT_EQ(target.applicant().phone(), "0635-8902700");  // not in the mask
  ASSERT_THAT(target.items(), SizeIs(1));
  EXPECT_EQ(target.items(0).description(), "新的一项");

  const auto changes = DiffCaseFields(ValidNewCase(), target);
  ASSERT_THAT(changes, SizeIs(2));
  EXPECT_EQ(changes[0].field(), "applicant.name");
  EXPECT_EQ(changes[0].old_value(), "张三");
  EXPECT_EQ(changes[0].new_value(), "李四");
  EXPECT_EQ(changes[1].field(), "items");
}

TEST(CaseFieldsTest, RejectsEmptyMaskAndUnknownOrDerivedPaths) {
  v1::Case target = ValidNewCase();
  EXPECT_THAT(ApplyCaseUpdate({}, v1::Case(), target),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "update_mask: 至少须指明一个要更正的字段"));
  for (const char* path :
       {"receipt_date", "status", "number", "version", "applicant.nom"}) {
    google::protobuf::FieldMask mask;
    mask.add_paths(path);
    EXPECT_THAT(ApplyCaseUpdate(mask, v1::Case(), target),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr(std::string("update_mask: \"") + path +
                                   "\" 不能更正；可更正的字段：applicant, ")));
  }
}

TEST(CaseFieldsTest, ClearingAnOptionalDate) {
  v1::Case target = ValidNewCase();
  target.set_channel(v1::CHANNEL_ONLINE);
  *target.mutable_confirmation_date() = target.arrival_date();
  google::protobuf::FieldMask mask;
  mask.add_paths("confirmation_date");
  ASSERT_THAT(ApplyCaseUpdate(mask, v1::Case(), target), IsOk());
  EXPECT_FALSE(target.has_confirmation_date());
}

}  // namespace
}  // namespace ogi
