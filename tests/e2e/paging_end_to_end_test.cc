// Paging of the lists (AIP-158) through the real binaries: more entries than
// one page, listed page by page over gRPC (each entry exactly once, in a
// stable order; a token of another query refused), and the `ogi` CLI, which
// follows the pages and prints every entry. The server runs on a manual
// clock (--fake_clock_start), so that the deadlines are fixed.

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "ogi/v1/access_service.grpc.pb.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/deadline_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/e2e/manual_clock_server.h"

namespace ogi {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A message any gRPC client accepts by default (4 MiB).
constexpr size_t kClientReceiveLimit = 4 * 1024 * 1024;

class PagingEndToEndTest : public ::ogi::testing::ManualClockServerTest {
 protected:
  void SetUp() override {
    StartServer("2026-12-01");
    access_ = v1::AccessService::NewStub(channel_);
    cases_ = v1::CaseService::NewStub(channel_);
    deadlines_ = v1::DeadlineService::NewStub(channel_);
  }

  // Runs `call` with the tester's token.
  grpc::Status Call(
      const std::function<grpc::Status(grpc::ClientContext*)>& call) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
    return call(&context);
  }

  // Runs `work(i)` for i in [0, n) on four client threads.
  static void InParallel(int n, const std::function<void(int)>& work) {
    std::atomic<int> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = next++; i < n; i = next++) work(i);
      });
    }
    for (std::thread& thread : threads) thread.join();
  }

  std::unique_ptr<v1::AccessService::Stub> access_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::DeadlineService::Stub> deadlines_;
};

// Pages through `call` from `request`: the pages' responses, in order. Each
// page must fit a client's default receive limit.
template <typename Request, typename Response>
std::vector<Response> Pages(
    Request request,
    const std::function<grpc::Status(const Request&, Response*)>& call) {
  std::vector<Response> pages;
  do {
    Response page;
    const grpc::Status status = call(request, &page);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    EXPECT_LT(page.ByteSizeLong(), kClientReceiveLimit);
    request.set_page_token(page.next_page_token());
    pages.push_back(std::move(page));
  } while (!request.page_token().empty() && pages.size() < 100);
  return pages;
}

TEST_F(PagingEndToEndTest, UsersComePageByPageByNameAndTheCliListsThemAll) {
  // 250 staff accounts, and the tester: 251.
  InParallel(250, [&](int i) {
    v1::PutUserRequest put;
    put.mutable_user()->set_name(absl::StrFormat("user-%03d", i));
    put.mutable_user()->set_display_name(absl::StrCat("科员", i));
    put.mutable_user()->add_roles(v1::ROLE_CLERK);
    v1::User stored;
    const grpc::Status status = Call([&](grpc::ClientContext* c) {
      return access_->PutUser(c, put, &stored);
    });
    EXPECT_TRUE(status.ok()) << status.error_message();
  });

  auto list = [&](const v1::ListUsersRequest& r, v1::ListUsersResponse* out) {
    return Call(
        [&](grpc::ClientContext* c) { return access_->ListUsers(c, r, out); });
  };
  v1::ListUsersRequest request;
  request.set_page_size(100);
  const std::vector<v1::ListUsersResponse> pages =
      Pages<v1::ListUsersRequest, v1::ListUsersResponse>(request, list);
  std::vector<int> sizes;
  std::vector<std::string> names;
  for (const v1::ListUsersResponse& page : pages) {
    sizes.push_back(page.users_size());
    for (const v1::User& user : page.users()) names.push_back(user.name());
  }
  EXPECT_THAT(sizes, ::testing::ElementsAre(100, 100, 51));
  // Every user once, by name across the pages.
  std::vector<std::string> expected = {"tester"};
  for (int i = 0; i < 250; ++i) {
    expected.push_back(absl::StrFormat("user-%03d", i));
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names, expected);

  // The default page is 100; a larger size than 1000 is coerced.
  v1::ListUsersResponse page;
  ASSERT_TRUE(list(v1::ListUsersRequest(), &page).ok());
  EXPECT_EQ(page.users_size(), 100);
  request.set_page_size(100000);
  ASSERT_TRUE(list(request, &page).ok());
  EXPECT_EQ(page.users_size(), 251);
  EXPECT_EQ(page.next_page_token(), "");

  // A token is for its query only; a made-up one is refused.
  request.set_page_size(100);
  request.set_page_token(pages[0].next_page_token());
  request.set_agency_code("default");
  grpc::Status refused = list(request, &page);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(),
              StartsWith("page_token: 与本次查询条件不符"));
  request.set_agency_code("");
  request.set_page_token("bm90LWEtdG9rZW4");
  refused = list(request, &page);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), StartsWith("page_token: 无效"));
  request.set_page_token("");
  request.set_page_size(-1);
  refused = list(request, &page);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), StartsWith("page_size: "));

  // The CLI follows the pages: one line per user, all 251.
  const std::string table = OgiOk({"user", "list"});
  for (const std::string& name : expected) {
    EXPECT_THAT(table, HasSubstr(name)) << name;
  }
  v1::ListUsersResponse json;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  OgiOk({"--json", "user", "list"}), &json)
                  .ok());
  ASSERT_EQ(json.users_size(), 251);
  EXPECT_EQ(json.next_page_token(), "");
  for (int i = 0; i < json.users_size(); ++i) {
    EXPECT_EQ(json.users(i).name(), expected[i]);
  }
  // `user add` looks for the name on every page before it creates one.
  EXPECT_THAT(Ogi({"user", "add", "user-249", "--display-name", "重复",
                   "--roles", "clerk"})
                  .err,
              HasSubstr("用户 user-249 已存在"));
}

TEST_F(PagingEndToEndTest, DeadlinesOfManyCasesComeInPagesInOneOrder) {
  // 1,200 applications received in person between 2026-09-01 and 09-30:
  // every answer is overdue on 2026-12-01, by 30 to 50-odd working days.
  constexpr int kCases = 1200;
  InParallel(kCases, [&](int i) {
    v1::CreateCaseRequest create;
    v1::Case& c = *create.mutable_case_();
    c.mutable_applicant()->set_name(absl::StrCat("申请人", i));
    c.mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
    c.set_channel(v1::CHANNEL_IN_PERSON);
    *c.mutable_arrival_date() =
        ToProtoDate(absl::CivilDay(2026, 9, 1) + i % 30);
    c.add_items()->set_description(absl::StrCat("第", i, "号项目审批材料"));
    v1::CreateCaseResponse created;
    const grpc::Status status = Call([&](grpc::ClientContext* ctx) {
      return cases_->CreateCase(ctx, create, &created);
    });
    EXPECT_TRUE(status.ok()) << status.error_message();
  });

  auto list = [&](const v1::ListDeadlinesRequest& r,
                  v1::ListDeadlinesResponse* out) {
    return Call([&](grpc::ClientContext* c) {
      return deadlines_->ListDeadlines(c, r, out);
    });
  };
  auto numbers_of = [](const std::vector<v1::ListDeadlinesResponse>& pages) {
    std::vector<std::string> numbers;
    for (const v1::ListDeadlinesResponse& page : pages) {
      for (const v1::DeadlineAlert& a : page.alerts()) {
        numbers.push_back(
            absl::StrCat(v1::AlertKind_Name(a.kind()), " ", a.number()));
      }
    }
    return numbers;
  };
  // Default pages of 100, and the largest, 1000: the same order.
  const std::vector<v1::ListDeadlinesResponse> small =
      Pages<v1::ListDeadlinesRequest, v1::ListDeadlinesResponse>(
          v1::ListDeadlinesRequest(), list);
  EXPECT_EQ(small.size(), 12u);
  v1::ListDeadlinesRequest large_request;
  large_request.set_page_size(1000);
  const std::vector<v1::ListDeadlinesResponse> large =
      Pages<v1::ListDeadlinesRequest, v1::ListDeadlinesResponse>(large_request,
                                                                 list);
  EXPECT_EQ(large.size(), 2u);
  const std::vector<std::string> listed = numbers_of(small);
  EXPECT_EQ(listed, numbers_of(large));
  // Each case exactly once (one overdue answer each).
  ASSERT_EQ(listed.size(), static_cast<size_t>(kCases));
  std::set<std::string> distinct(listed.begin(), listed.end());
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kCases));
  for (const std::string& entry : listed) {
    EXPECT_THAT(entry, StartsWith("ALERT_KIND_ANSWER_OVERDUE 2026-"));
  }
  for (const v1::ListDeadlinesResponse& page : small) {
    EXPECT_EQ(FormatIsoDate(page.as_of()), "2026-12-01");
  }

  // Another horizon with the first page's token: refused.
  v1::ListDeadlinesRequest other;
  other.set_within_working_days(10);
  other.set_page_token(small[0].next_page_token());
  v1::ListDeadlinesResponse page;
  const grpc::Status refused = list(other, &page);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(),
              StartsWith("page_token: 与本次查询条件不符"));

  // The CLI prints every one of them (two pages of 1000 behind the scenes).
  const std::string table = OgiOk({"deadlines"});
  for (int n = 1; n <= kCases; ++n) {
    EXPECT_THAT(table, HasSubstr(absl::StrFormat("2026-%04d", n))) << n;
  }
  v1::ListDeadlinesResponse json;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  OgiOk({"--json", "deadlines"}), &json)
                  .ok());
  EXPECT_EQ(json.alerts_size(), kCases);
  EXPECT_EQ(json.next_page_token(), "");
  const std::string lines = OgiOk({"alerts"});
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), kCases);
}

TEST_F(PagingEndToEndTest, TheReadLogIsListedApartAndPaged) {
  ASSERT_EQ(
      OgiOk({"case", "create", "--applicant-name", "张三", "--applicant-type",
             "natural_person", "--channel", "in_person", "--received",
             "2026-11-30", "--description", "2025年度行政许可办理情况"}),
      "2026-0001\n");
  // 150 readings of the full record.
  v1::GetCaseRequest get;
  get.set_number("2026-0001");
  for (int i = 0; i < 150; ++i) {
    v1::GetCaseResponse got;
    ASSERT_TRUE(Call([&](grpc::ClientContext* c) {
                  return cases_->GetCase(c, get, &got);
                }).ok());
  }
  // The history holds the changes only (and is one more reading).
  v1::ListCaseHistoryRequest history_request;
  history_request.set_number("2026-0001");
  v1::ListCaseHistoryResponse history;
  ASSERT_TRUE(Call([&](grpc::ClientContext* c) {
                return cases_->ListCaseHistory(c, history_request, &history);
              }).ok());
  EXPECT_EQ(history.events_size(), 1);
  EXPECT_EQ(history.next_page_token(), "");
  EXPECT_EQ(history.GetReflection()->FieldSize(
                history, history.GetDescriptor()->FindFieldByName("reads")),
            0);

  auto list = [&](const v1::ListCaseReadsRequest& r,
                  v1::ListCaseReadsResponse* out) {
    return Call([&](grpc::ClientContext* c) {
      return cases_->ListCaseReads(c, r, out);
    });
  };
  v1::ListCaseReadsRequest request;
  request.set_number("2026-0001");
  const std::vector<v1::ListCaseReadsResponse> pages =
      Pages<v1::ListCaseReadsRequest, v1::ListCaseReadsResponse>(request, list);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].reads_size(), 100);
  ASSERT_EQ(pages[1].reads_size(), 51);
  EXPECT_EQ(pages[0].reads(0).view(), "case");
  EXPECT_EQ(pages[1].reads(50).view(), "history");
  // Listing the log is no reading of the record: the log stays as it was.
  const std::vector<v1::ListCaseReadsResponse> again =
      Pages<v1::ListCaseReadsRequest, v1::ListCaseReadsResponse>(request, list);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[1].reads_size(), 51);
  // A token of another case is refused.
  v1::ListCaseReadsRequest other = request;
  other.set_number("2026-0002");
  other.set_page_token(pages[0].next_page_token());
  v1::ListCaseReadsResponse page;
  const grpc::Status refused = list(other, &page);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(),
              StartsWith("page_token: 与本次查询条件不符"));

  // The CLI shows the changes, then every reading: 151 before it, and its
  // own reading of the history.
  const std::string shown = OgiOk({"case", "history", "2026-0001"});
  EXPECT_THAT(shown, HasSubstr("查阅记录"));
  const std::vector<std::string> lines = absl::StrSplit(shown, '\n');
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& line) {
                            return line.find("王科员 (tester)") !=
                                   std::string::npos;
                          }),
            152);
}

}  // namespace
}  // namespace ogi
