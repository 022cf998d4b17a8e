// Partial updates: which fields a request changes, with and without a mask,
// and the etag that refuses a stale write.

#include "services/common/field_update.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/access.pb.h"
#include "ogi/v1/report.pb.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kFigurePaths = {
    "rules",          "rules.issued",        "rules.repealed",
    "rules.in_force", "licensing_decisions", "penalty_decisions",
    "fees_wan_yuan"};

v1::Table2 Stored() {
  v1::Table2 t;
  t.mutable_rules()->set_issued(2);
  t.mutable_rules()->set_in_force(9);
  t.set_licensing_decisions(32866);
  t.set_penalty_decisions(1250);
  t.set_fees_wan_yuan("12872.06");
  return t;
}

TEST(ApplyUpdateTest, WithoutAMaskOnlyGivenValuesChange) {
  v1::Table2 given;
  given.set_penalty_decisions(1300);
  given.mutable_rules()->set_repealed(1);
  v1::Table2 stored = Stored();
  ASSERT_THAT(ApplyUpdate(given, {}, kFigurePaths, &stored), IsOk());
  EXPECT_EQ(stored.penalty_decisions(), 1300);
  EXPECT_EQ(stored.licensing_decisions(), 32866);  // not zeroed
  EXPECT_EQ(stored.fees_wan_yuan(), "12872.06");
  // Inside a message too, only the given sub-field.
  EXPECT_EQ(stored.rules().issued(), 2);
  EXPECT_EQ(stored.rules().repealed(), 1);
  EXPECT_EQ(stored.rules().in_force(), 9);
}

TEST(ApplyUpdateTest, WithAMaskExactlyThePathsChangeAndEmptyClears) {
  v1::Table2 given;
  given.set_penalty_decisions(7);
  given.set_licensing_decisions(5);  // not masked: ignored
  google::protobuf::FieldMask mask;
  mask.add_paths("penalty_decisions");
  mask.add_paths("fees_wan_yuan");  // given empty: cleared
  mask.add_paths("rules.in_force");
  v1::Table2 stored = Stored();
  ASSERT_THAT(ApplyUpdate(given, mask, kFigurePaths, &stored), IsOk());
  EXPECT_EQ(stored.penalty_decisions(), 7);
  EXPECT_EQ(stored.licensing_decisions(), 32866);
  EXPECT_EQ(stored.fees_wan_yuan(), "");
  EXPECT_EQ(stored.rules().in_force(), 0);
  EXPECT_EQ(stored.rules().issued(), 2);

  // A masked message is replaced as a whole.
  mask.Clear();
  mask.add_paths("rules");
  given.Clear();
  given.mutable_rules()->set_repealed(3);
  ASSERT_THAT(ApplyUpdate(given, mask, kFigurePaths, &stored), IsOk());
  EXPECT_EQ(stored.rules().issued(), 0);
  EXPECT_EQ(stored.rules().repealed(), 3);
}

TEST(ApplyUpdateTest, UnknownPathsAreNamedAndNothingChanges) {
  google::protobuf::FieldMask mask;
  mask.add_paths("penalty_decisions");
  mask.add_paths("etag");                  // a field, but not updatable
  mask.add_paths("no_such_field");         // not a field
  mask.add_paths(std::string(5000, 'x'));  // never echoed whole
  v1::Table2 given;
  given.set_penalty_decisions(1);
  v1::Table2 stored = Stored();
  const absl::Status status = ApplyUpdate(given, mask, kFigurePaths, &stored);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("update_mask: 未知字段 \"etag\"、"
                                         "\"no_such_field\"、\"xxxx")));
  EXPECT_LT(status.message().size(), 600u);
  EXPECT_EQ(stored.penalty_decisions(), 1250);
}

TEST(ApplyUpdateTest, ListsAndBooleansFollowTheSameRules) {
  const std::vector<std::string> paths = {"display_name", "roles", "disabled"};
  v1::User stored;
  stored.set_name("wang");
  stored.set_display_name("王科员");
  stored.add_roles(v1::ROLE_CLERK);
  stored.set_disabled(true);
  v1::User given;
  given.add_roles(v1::ROLE_APPROVER);
  ASSERT_THAT(ApplyUpdate(given, {}, paths, &stored), IsOk());
  EXPECT_THAT(stored.roles(), ElementsAre(v1::ROLE_APPROVER));
  EXPECT_TRUE(stored.disabled());  // false is "not given" without a mask
  EXPECT_EQ(stored.display_name(), "王科员");

  google::protobuf::FieldMask mask;
  mask.add_paths("disabled");
  ASSERT_THAT(ApplyUpdate(v1::User(), mask, paths, &stored), IsOk());
  EXPECT_FALSE(stored.disabled());
  EXPECT_THAT(stored.roles(), ElementsAre(v1::ROLE_APPROVER));
}

TEST(EtagTest, FollowsTheContentAndIgnoresItself) {
  v1::Table2 a = Stored();
  const std::string etag = EtagOf(a);
  EXPECT_EQ(etag.size(), 32u);
  StampEtag(&a);
  EXPECT_EQ(a.etag(), etag);
  EXPECT_EQ(EtagOf(a), etag);  // the etag field does not feed itself
  v1::Table2 b = Stored();
  b.set_penalty_decisions(1251);
  EXPECT_NE(EtagOf(b), etag);
}

TEST(EtagTest, CheckRefusesAStaleOrAbsentRecord) {
  const v1::Table2 stored = Stored();
  EXPECT_THAT(CheckEtag("", &stored), IsOk());
  EXPECT_THAT(CheckEtag("", nullptr), IsOk());
  EXPECT_THAT(CheckEtag(EtagOf(stored), &stored), IsOk());
  v1::Table2 other = stored;
  other.set_licensing_decisions(1);
  EXPECT_THAT(CheckEtag(EtagOf(other), &stored),
              StatusIs(absl::StatusCode::kAborted,
                       "etag: 记录已被他人修改，请重新读取后再改"));
  EXPECT_THAT(CheckEtag(EtagOf(stored), nullptr),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(CheckEtag("bogus", &stored), Not(IsOk()));
}

}  // namespace
}  // namespace ogi
