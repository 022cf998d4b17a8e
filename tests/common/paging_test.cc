#include "services/common/paging.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/access_service.pb.h"
#include "ogi/v1/deadline_service.pb.h"
#include "services/common/field_violations.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::StartsWith;

v1::ListUsersRequest Request(int page_size, std::string token = "",
                             std::string agency = "city") {
  v1::ListUsersRequest request;
  request.set_agency_code(std::move(agency));
  request.set_page_size(page_size);
  request.set_page_token(std::move(token));
  return request;
}

// `n` users "u0000", "u0001", … with `display_bytes` bytes of display name.
v1::ListUsersResponse Users(int n, size_t display_bytes = 4) {
  v1::ListUsersResponse all;
  for (int i = 0; i < n; ++i) {
    v1::User* user = all.add_users();
    user->set_name(
        absl::StrCat("u", std::string(4 - std::to_string(i).size(), '0'), i));
    user->set_display_name(std::string(display_bytes, 'x'));
  }
  return all;
}

// Pages through `all` with KeepPage as a server would, checking each page's
// serialized size; returns the names in the order the pages gave them.
std::vector<std::string> PageThrough(const v1::ListUsersResponse& all,
                                     int page_size, int* pages) {
  std::vector<std::string> seen;
  std::string token;
  *pages = 0;
  do {
    absl::StatusOr<PageRequest> page =
        PageRequest::Parse(Request(page_size, token), "ListUsers");
    EXPECT_THAT(page, IsOk());
    if (!page.ok()) break;
    v1::ListUsersResponse response = all;
    response.set_next_page_token(KeepPage(*page, response.mutable_users()));
    EXPECT_LT(response.ByteSizeLong(), kMaxPageBytes);
    EXPECT_GT(response.users_size(), 0);
    for (const v1::User& user : response.users()) seen.push_back(user.name());
    token = response.next_page_token();
    ++*pages;
  } while (!token.empty() && *pages < 1000);
  return seen;
}

std::vector<std::string> Names(const v1::ListUsersResponse& users) {
  std::vector<std::string> names;
  for (const v1::User& user : users.users()) names.push_back(user.name());
  return names;
}

TEST(PageRequestTest, ZeroGivesTheDefaultAndLargerSizesAreCoerced) {
  absl::StatusOr<PageRequest> page =
      PageRequest::Parse(Request(0), "ListUsers");
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 100);
  EXPECT_EQ(page->position(), 0);

  page = PageRequest::Parse(Request(1000), "ListUsers");
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 1000);
  page = PageRequest::Parse(Request(1001), "ListUsers");
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 1000);
  page = PageRequest::Parse(Request(2147483647), "ListUsers");
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 1000);
  page = PageRequest::Parse(Request(7), "ListUsers");
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 7);
}

TEST(PageRequestTest, NegativeSizeIsRefused) {
  EXPECT_THAT(PageRequest::Parse(Request(-1), "ListUsers"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("page_size: 不能为负数")));
}

TEST(PageRequestTest, ListsWithTheirOwnRuleRefuseOversize) {
  PageRules rules;
  rules.default_size = 50;
  rules.max_size = 500;
  rules.refuse_oversize = true;
  absl::StatusOr<PageRequest> page =
      PageRequest::Parse(Request(0), "ListCases", rules);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->size(), 50);
  EXPECT_THAT(PageRequest::Parse(Request(501), "ListCases", rules),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("page_size: 须在 1 至 500 之间")));
}

TEST(PageRequestTest, TokenCarriesThePosition) {
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(10), "ListUsers");
  ASSERT_THAT(first, IsOk());
  const std::string token = first->NextToken(123456789012LL);
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
                                    "opqrstuvwxyz0123456789-_"),
            std::string::npos)
      << token;
  absl::StatusOr<PageRequest> next =
      PageRequest::Parse(Request(10, token), "ListUsers");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->position(), 123456789012LL);
}

TEST(PageRequestTest, PageSizeMayChangeBetweenPages) {
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(10), "ListUsers");
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<PageRequest> next =
      PageRequest::Parse(Request(500, first->NextToken(10)), "ListUsers");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->size(), 500);
  EXPECT_EQ(next->position(), 10);
}

TEST(PageRequestTest, TokenOfAnotherQueryIsRefused) {
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(10, "", "city"), "ListUsers");
  ASSERT_THAT(first, IsOk());
  const std::string token = first->NextToken(10);
  EXPECT_THAT(PageRequest::Parse(Request(10, token, "county"), "ListUsers"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("page_token: 与本次查询条件不符")));
  // The same request type serves two lists (ListReviews, ListLawsuits).
  EXPECT_THAT(PageRequest::Parse(Request(10, token, "city"), "ListTokens"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("page_token: 与本次查询条件不符")));
}

TEST(PageRequestTest, GarbledTokensAreInvalid) {
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(10), "ListUsers");
  ASSERT_THAT(first, IsOk());
  const std::string token = first->NextToken(10);
  std::string flipped = token;
  flipped[3] = flipped[3] == 'A' ? 'B' : 'A';
  for (const std::string& bad :
       {std::string("garbage"), std::string("!!!"), token.substr(0, 20),
        token + "AAAA", flipped, std::string("ogi-cases:5")}) {
    EXPECT_THAT(PageRequest::Parse(Request(10, bad), "ListUsers"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         StartsWith("page_token: 无效")))
        << bad;
  }
}

TEST(PageRequestTest, EveryViolationIsNamed) {
  const absl::Status status =
      PageRequest::Parse(Request(-5, "garbage"), "ListUsers").status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  const google::rpc::BadRequest violations = ViolationsOf(status);
  ASSERT_EQ(violations.field_violations_size(), 2);
  EXPECT_EQ(violations.field_violations(0).field(), "page_size");
  EXPECT_EQ(violations.field_violations(1).field(), "page_token");
}

TEST(PageRequestTest, RequestWithoutPagingFieldsIsAProgrammerError) {
  EXPECT_THAT(PageRequest::Parse(v1::User(), "Users"),
              StatusIs(absl::StatusCode::kInternal));
}

TEST(KeepPageTest, EveryEntryExactlyOnceInOrder) {
  const v1::ListUsersResponse all = Users(250);
  int pages = 0;
  EXPECT_EQ(PageThrough(all, 100, &pages), Names(all));
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(PageThrough(all, 0, &pages), Names(all));
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(PageThrough(all, 250, &pages), Names(all));
  EXPECT_EQ(pages, 1);
  EXPECT_EQ(PageThrough(all, 7, &pages), Names(all));
  EXPECT_EQ(pages, 36);
}

TEST(KeepPageTest, EmptyListIsOneEmptyLastPage) {
  absl::StatusOr<PageRequest> page =
      PageRequest::Parse(Request(0), "ListUsers");
  ASSERT_THAT(page, IsOk());
  v1::ListUsersResponse none;
  EXPECT_EQ(KeepPage(*page, none.mutable_users()), "");
  EXPECT_EQ(none.users_size(), 0);
}

TEST(KeepPageTest, PositionPastTheEndGivesAnEmptyLastPage) {
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(0), "ListUsers");
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<PageRequest> late =
      PageRequest::Parse(Request(0, first->NextToken(500)), "ListUsers");
  ASSERT_THAT(late, IsOk());
  v1::ListUsersResponse shrunk = Users(10);
  EXPECT_EQ(KeepPage(*late, shrunk.mutable_users()), "");
  EXPECT_EQ(shrunk.users_size(), 0);
}

// 120 users of 100 kB each are 12 MB: unpaged, three times what a client
// takes (gRPC's default 4 MB). Each page stays under 3.5 MB, and all come.
TEST(KeepPageTest, ByteBudgetCutsPagesShort) {
  const v1::ListUsersResponse all = Users(120, 100 * 1000);
  ASSERT_GT(all.ByteSizeLong(), 3 * 4 * 1000 * 1000);
  int pages = 0;
  EXPECT_EQ(PageThrough(all, 1000, &pages), Names(all));
  // 36 entries of 100,017 framed bytes fit in 3.5 MiB less the reserve.
  EXPECT_EQ(pages, 4);
}

TEST(KeepPageTest, AnEntryOverTheBudgetStillMovesOn) {
  const v1::ListUsersResponse all = Users(3, 5000);
  absl::StatusOr<PageRequest> page =
      PageRequest::Parse(Request(100), "ListUsers");
  ASSERT_THAT(page, IsOk());
  v1::ListUsersResponse response = all;
  const std::string token = KeepPage(*page, response.mutable_users(),
                                     /*max_bytes=*/kPageResponseReserve + 10);
  EXPECT_EQ(response.users_size(), 1);
  absl::StatusOr<PageRequest> next =
      PageRequest::Parse(Request(100, token), "ListUsers");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->position(), 1);
}

TEST(MovePageTest, MovesOnePageOutOfTheList) {
  const v1::ListUsersResponse users = Users(25);
  std::vector<v1::User> all(users.users().begin(), users.users().end());
  absl::StatusOr<PageRequest> first =
      PageRequest::Parse(Request(10), "ListUsers");
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<PageRequest> second =
      PageRequest::Parse(Request(10, first->NextToken(20)), "ListUsers");
  ASSERT_THAT(second, IsOk());
  v1::ListUsersResponse out;
  EXPECT_EQ(MovePage(*second, all, out.mutable_users()), "");
  ASSERT_EQ(out.users_size(), 5);
  EXPECT_EQ(out.users(0).name(), "u0020");
  EXPECT_EQ(out.users(4).name(), "u0024");

  v1::ListUsersResponse head;
  std::vector<v1::User> again(users.users().begin(), users.users().end());
  const std::string token = MovePage(*first, again, head.mutable_users());
  EXPECT_EQ(head.users_size(), 10);
  absl::StatusOr<PageRequest> next =
      PageRequest::Parse(Request(10, token), "ListUsers");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->position(), 10);
}

TEST(PageBudgetTest, CountsSizeAndBytes) {
  PageBudget by_count(2);
  EXPECT_TRUE(by_count.Admit(10));
  EXPECT_TRUE(by_count.Admit(10));
  EXPECT_FALSE(by_count.Admit(10));
  EXPECT_EQ(by_count.count(), 2);

  PageBudget by_bytes(100, kPageResponseReserve + 100);
  EXPECT_TRUE(by_bytes.Admit(500));  // the first entry always
  EXPECT_FALSE(by_bytes.Admit(1));
  PageBudget fits(100, kPageResponseReserve + 100);
  EXPECT_TRUE(fits.Admit(44));  // 50 framed
  EXPECT_TRUE(fits.Admit(44));  // 100 framed
  EXPECT_FALSE(fits.Admit(0));  // 106 > 100
}

}  // namespace
}  // namespace ogi

namespace ogi {
namespace {

v1::DeadlineAlert Alert(int i, size_t name_bytes) {
  v1::DeadlineAlert alert;
  alert.set_kind(v1::ALERT_KIND_ANSWER_OVERDUE);
  alert.set_agency_code("default");
  alert.set_number(absl::StrCat("2026-", i));
  alert.set_applicant_name(std::string(name_bytes, 'x'));
  alert.set_message(absl::StrCat(
      "2026-", i, " 张三：答复期限 2026-10-29，已逾期 1 个工作日"));
  return alert;
}

// ListDeadlines over 25,000 open cases made 8.8 MB unpaged (issue 12). In
// pages of at most 1000 each page stays under 3.5 MB; alerts as large as
// the longest names allow are cut short by the byte budget as well.
TEST(MovePageTest, DeadlineListingsOverFourMegabytesComeInSmallPages) {
  for (const size_t name_bytes : {size_t{200}, size_t{6000}}) {
    std::vector<v1::DeadlineAlert> all;
    size_t unpaged = 0;
    for (int i = 0; i < 25000; ++i) {
      all.push_back(Alert(i, name_bytes));
      unpaged += all.back().ByteSizeLong();
    }
    ASSERT_GT(unpaged, 4u * 1024 * 1024);
    std::string token;
    int seen = 0, pages = 0;
    do {
      v1::ListDeadlinesRequest request;
      request.set_page_size(1000);
      request.set_page_token(token);
      absl::StatusOr<PageRequest> page =
          PageRequest::Parse(request, "ListDeadlines");
      ASSERT_THAT(page, IsOk());
      v1::ListDeadlinesResponse response;
      response.set_next_page_token(
          MovePage(*page, all, response.mutable_alerts()));
      EXPECT_LT(response.ByteSizeLong(), kMaxPageBytes);
      ASSERT_GT(response.alerts_size(), 0);
      EXPECT_EQ(response.alerts(0).number(), absl::StrCat("2026-", seen));
      seen += response.alerts_size();
      token = response.next_page_token();
      ++pages;
    } while (!token.empty() && pages < 1000);
    EXPECT_EQ(seen, 25000);
    EXPECT_EQ(pages, name_bytes == 200 ? 25 : 42) << name_bytes;
  }
}

}  // namespace
}  // namespace ogi
