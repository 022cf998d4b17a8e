#include "services/proceedings/proceeding_ids.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::ElementsAre;

TEST(ProceedingIdsTest, FormatsAndParsesBothKinds) {
  EXPECT_EQ(FormatProceedingId("2022-0013", ProceedingKind::kReview, 1),
            "2022-0013-R1");
  EXPECT_EQ(FormatProceedingId("2022-10013", ProceedingKind::kLawsuit, 12),
            "2022-10013-L12");

  absl::StatusOr<ProceedingId> review =
      ParseProceedingId("2022-0013-R2", ProceedingKind::kReview, "id");
  ASSERT_THAT(review, IsOk());
  EXPECT_EQ(review->case_number, "2022-0013");
  EXPECT_EQ(review->ordinal, 2);
  absl::StatusOr<ProceedingId> lawsuit = ParseProceedingId(
      "2022-10013-L12", ProceedingKind::kLawsuit, "after_review_id");
  ASSERT_THAT(lawsuit, IsOk());
  EXPECT_EQ(lawsuit->case_number, "2022-10013");
  EXPECT_EQ(lawsuit->ordinal, 12);
}

TEST(ProceedingIdsTest, RefusesWhatIsNotAnIdOfTheKind) {
  for (const char* bad :
       {"R1", "2022-0013", "2022-0013-", "2022-0013-R", "2022-0013-R0",
        "2022-0013-R01", "2022-013-R1", "22-0013-R1", "2022-00a3-R1",
        "2022-0013-X1", "2022-0013-R1x", "2022_0013-R1", " 2022-0013-R1"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(ParseProceedingId(bad, ProceedingKind::kReview, "id"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         std::string("id: \"") + bad +
                             "\" 不是行政复议编号，编号形如 2022-0013-R1"));
  }
  EXPECT_THAT(ParseProceedingId("", ProceedingKind::kLawsuit, "id"),
              StatusIs(absl::StatusCode::kInvalidArgument, "id: 必须填写"));
  EXPECT_THAT(
      ParseProceedingId("2022-0013-R1", ProceedingKind::kLawsuit, "id"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "id: \"2022-0013-R1\" 是行政复议编号，不是行政诉讼编号"));
}

TEST(ProceedingIdsTest, OrdersAsPeopleCount) {
  std::vector<std::string> ids = {"2023-0001-R1",  "2022-0013-R10",
                                  "2022-10000-R1", "2022-0013-R2",
                                  "junk",          "2022-9999-R1"};
  std::sort(ids.begin(), ids.end(),
            [](const std::string& a, const std::string& b) {
              return ProceedingIdLess(a, b);
            });
  EXPECT_THAT(ids, ElementsAre("2022-0013-R2", "2022-0013-R10", "2022-9999-R1",
                               "2022-10000-R1", "2023-0001-R1", "junk"));
}

TEST(ProceedingIdsTest, FieldPathsNameTheProceeding) {
  EXPECT_EQ(
      ProceedingFieldPath(ProceedingKind::kReview, "2022-0013-R1", "decided"),
      "reviews[id=2022-0013-R1].decided");
  EXPECT_EQ(ProceedingFieldPath(ProceedingKind::kLawsuit, "2022-0013-L1",
                                "appeal.filed"),
            "lawsuits[id=2022-0013-L1].appeal.filed");
}

}  // namespace
}  // namespace ogi
