#include "cli/paged_list.h"

#include <deque>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/deadline_service.pb.h"
#include "tests/cli/test_util.h"

namespace ogi::cli {
namespace {

using ::ogi::cli::testing::TestOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

v1::ListDeadlinesResponse Page(std::vector<std::string> numbers,
                               std::string next, int as_of_day) {
  v1::ListDeadlinesResponse page;
  for (const std::string& number : numbers) {
    page.add_alerts()->set_number(number);
  }
  page.set_next_page_token(std::move(next));
  page.mutable_as_of()->set_year(2026);
  page.mutable_as_of()->set_month(12);
  page.mutable_as_of()->set_day(as_of_day);
  return page;
}

// Answers the pages in order and keeps the requests.
struct PagedServer {
  std::deque<v1::ListDeadlinesResponse> pages;
  std::vector<v1::ListDeadlinesRequest> requests;
  grpc::Status error = grpc::Status::OK;
  size_t fail_at = 0;  // fails the call with this index when error is set

  absl::StatusOr<v1::ListDeadlinesResponse> FetchAll(
      const v1::ListDeadlinesRequest& request) {
    return FetchAllPages<v1::ListDeadlinesResponse>(
        TestOptions(), request,
        [this](grpc::ClientContext*, const v1::ListDeadlinesRequest& r,
               v1::ListDeadlinesResponse* out) {
          requests.push_back(r);
          if (!error.ok() && requests.size() - 1 == fail_at) return error;
          if (!pages.empty()) {
            *out = pages.front();
            pages.pop_front();
          }
          return grpc::Status::OK;
        });
  }
};

TEST(FetchAllPagesTest, MergesEveryPageInOrder) {
  PagedServer server;
  server.pages = {Page({"2026-0001", "2026-0002"}, "t1", 1),
                  Page({"2026-0003"}, "t2", 1), Page({"2026-0004"}, "", 2)};
  v1::ListDeadlinesRequest request;
  request.set_within_working_days(7);
  absl::StatusOr<v1::ListDeadlinesResponse> all = server.FetchAll(request);
  ASSERT_TRUE(all.ok()) << all.status();
  std::vector<std::string> numbers;
  for (const v1::DeadlineAlert& a : all->alerts()) {
    numbers.push_back(a.number());
  }
  EXPECT_THAT(numbers,
              ElementsAre("2026-0001", "2026-0002", "2026-0003", "2026-0004"));
  EXPECT_EQ(all->next_page_token(), "");
  EXPECT_EQ(all->as_of().day(), 2);  // the last page's
  ASSERT_EQ(server.requests.size(), 3u);
  std::vector<std::string> tokens;
  for (const v1::ListDeadlinesRequest& r : server.requests) {
    tokens.push_back(r.page_token());
    EXPECT_EQ(r.within_working_days(), 7);  // the query stays the same
    EXPECT_EQ(r.page_size(), kLargestPage);
  }
  EXPECT_THAT(tokens, ElementsAre("", "t1", "t2"));
}

TEST(FetchAllPagesTest, KeepsAPageSizeTheRequestSets) {
  PagedServer server;
  server.pages = {Page({"2026-0001"}, "", 1)};
  v1::ListDeadlinesRequest request;
  request.set_page_size(10);
  ASSERT_TRUE(server.FetchAll(request).ok());
  EXPECT_EQ(server.requests.at(0).page_size(), 10);
}

TEST(FetchAllPagesTest, AFailedPageFailsTheWholeList) {
  PagedServer server;
  server.pages = {Page({"2026-0001"}, "t1", 1), Page({"2026-0002"}, "", 1)};
  server.error =
      grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "page_token: 无效");
  server.fail_at = 1;
  const absl::Status status = server.FetchAll({}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("page_token: 无效"));
}

TEST(FetchAllPagesTest, ARepeatedTokenStopsInsteadOfLooping) {
  PagedServer server;
  server.pages = {Page({"2026-0001"}, "same", 1),
                  Page({"2026-0002"}, "same", 1), Page({"2026-0003"}, "", 1)};
  const absl::Status status = server.FetchAll({}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("服务器重复给出翻页标记"));
  EXPECT_EQ(server.requests.size(), 2u);
}

}  // namespace
}  // namespace ogi::cli
