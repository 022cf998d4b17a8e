// Safe writes through the real binaries: ogi-server on a free loopback port
// with a temporary database and a manual clock (2025-10-20), gRPC clients
// and the ogi CLI. A create retried under its idempotency key (also from
// several clients at once, and after a restart) yields one case; a change
// sent with a stale expected version is refused with ABORTED and leaves the
// history as it was.

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::AllOf;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kFakeNow[] = "--fake_clock_start=2025-10-20T09:00:00+08:00";

// The flags of one application, as staff type them.
std::vector<std::string> CreateArgs(const std::string& name) {
  return {"case",       "create",           "--applicant-name",
          name,         "--applicant-type", "natural_person",
          "--channel",  "in_person",        "--received",
          "2025-10-17", "--description",    "2024年度行政许可办理情况"};
}

// The same application as a gRPC request.
v1::CreateCaseRequest CreateRequest(const std::string& name,
                                    const std::string& key) {
  v1::CreateCaseRequest request;
  v1::Case* c = request.mutable_case_();
  c->mutable_applicant()->set_name(name);
  c->mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c->set_channel(v1::CHANNEL_IN_PERSON);
  *c->mutable_arrival_date() = ToProtoDate(absl::CivilDay(2025, 10, 17));
  c->add_items()->set_description("2024年度行政许可办理情况");
  request.set_idempotency_key(key);
  return request;
}

// How often `needle` occurs in `text`.
int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class SafeWritesEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = tmp_.File("ogi.db");
    StartServer();
  }

  void StartServer() {
    auto server = ServerProcess::Start(db_path_, {kFakeNow});
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    cases_ = v1::CaseService::NewStub(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
  }

  // A fresh context for one call as the tester the server signed in.
  void Prepare(grpc::ClientContext& context) const {
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
  }

  grpc::Status Create(const v1::CreateCaseRequest& request,
                      v1::CreateCaseResponse* response) {
    grpc::ClientContext context;
    Prepare(context);
    return cases_->CreateCase(&context, request, response);
  }

  grpc::Status Update(const v1::UpdateCaseRequest& request,
                      v1::UpdateCaseResponse* response) {
    grpc::ClientContext context;
    Prepare(context);
    return cases_->UpdateCase(&context, request, response);
  }

  v1::Case Get(const std::string& number) {
    grpc::ClientContext context;
    Prepare(context);
    v1::GetCaseRequest request;
    request.set_number(number);
    v1::GetCaseResponse response;
    const grpc::Status status = cases_->GetCase(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.case_();
  }

  std::vector<v1::CaseEvent> History(const std::string& number) {
    grpc::ClientContext context;
    Prepare(context);
    v1::ListCaseHistoryRequest request;
    request.set_number(number);
    v1::ListCaseHistoryResponse response;
    const grpc::Status status =
        cases_->ListCaseHistory(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.events().begin(), response.events().end()};
  }

  std::string OgiOk(const std::vector<std::string>& args) {
    return ::ogi::testing::RunOgiCliOk(*server_, args);
  }

  void OgiFails(const std::vector<std::string>& args, int code,
                const std::string& message) {
    ::ogi::testing::RunOgiCliFails(*server_, args, code, message);
  }

  ::ogi::testing::TempDir tmp_;  // holds db_path_; outlives the server
  std::string db_path_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
};

TEST_F(SafeWritesEndToEndTest, RetriedCreatesYieldOneCase) {
  // A client retries after an answer it did not see.
  v1::CreateCaseResponse first;
  ASSERT_TRUE(Create(CreateRequest("张三", "client-1/form-1"), &first).ok());
  EXPECT_EQ(first.case_().number(), "2025-0001");
  v1::CreateCaseResponse retry;
  const grpc::Status retried =
      Create(CreateRequest("张三", "client-1/form-1"), &retry);
  ASSERT_TRUE(retried.ok()) << retried.error_message();
  EXPECT_EQ(retry.case_().number(), "2025-0001");
  EXPECT_EQ(retry.case_().version(), 1);

  // Several clients send the same keyed request at once.
  constexpr int kClients = 8;
  std::vector<std::string> numbers(kClients);
  std::vector<grpc::Status> statuses(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      v1::CreateCaseResponse response;
      statuses[i] = Create(CreateRequest("李四", "client-2/form-9"), &response);
      numbers[i] = response.case_().number();
    });
  }
  for (std::thread& t : threads) t.join();
  for (const grpc::Status& status : statuses) {
    EXPECT_TRUE(status.ok()) << status.error_message();
  }
  EXPECT_THAT(numbers, Each(std::string("2025-0002")));

  // The CLI: the same command twice prints the same number.
  std::vector<std::string> keyed = CreateArgs("王五");
  keyed.insert(keyed.end(), {"--idempotency-key", "desk-3/0042"});
  EXPECT_EQ(OgiOk(keyed), "2025-0003\n");
  EXPECT_EQ(OgiOk(keyed), "2025-0003\n");

  // The same key with another application is refused, naming the key.
  std::vector<std::string> reused = CreateArgs("赵六");
  reused.insert(reused.end(), {"--idempotency-key", "desk-3/0042"});
  OgiFails(reused, 1,
           ": \"desk-3/0042\" 已用于以不同的请求创建案件 2025-0003；新案件请"
           "使用新的键");
  v1::CreateCaseResponse refused;
  const grpc::Status different =
      Create(CreateRequest("赵六", "client-1/form-1"), &refused);
  EXPECT_EQ(different.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(different.error_message(),
              HasSubstr("idempotency_key: \"client-1/form-1\" 已用于以不同的"
                        "请求创建案件 "));

  // Keys are durable: a retry after a restart still finds its case.
  ASSERT_THAT(server_->Stop(), IsOk());
  StartServer();
  EXPECT_EQ(OgiOk(keyed), "2025-0003\n");

  const std::string list = OgiOk({"case", "list"});
  EXPECT_THAT(list,
              AllOf(HasSubstr("共 3 件"), HasSubstr("张三"), HasSubstr("李四"),
                    HasSubstr("王五"), Not(HasSubstr("赵六"))));
  for (const char* number : {"2025-0001", "2025-0002", "2025-0003"}) {
    EXPECT_THAT(History(number), SizeIs(1)) << number;
  }
}

TEST_F(SafeWritesEndToEndTest, AStaleVersionIsAbortedAndChangesNothing) {
  ASSERT_EQ(OgiOk(CreateArgs("张三")), "2025-0001\n");

  // Two clients read the case at version 1: the CLI and a gRPC client.
  EXPECT_THAT(OgiOk({"--json", "case", "show", "2025-0001"}),
              HasSubstr("\"version\": 1,"));
  EXPECT_EQ(Get("2025-0001").version(), 1);

  // The first update lands.
  EXPECT_THAT(OgiOk({"case", "update", "2025-0001", "--phone", "0635-8902700",
                     "--reason", "补充联系电话", "--expected-version", "1"}),
              HasSubstr("0635-8902700"));

  // The second client, still at version 1, is refused: the CLI with one
  // line and exit 1, gRPC with ABORTED.
  OgiFails({"case", "update", "2025-0001", "--phone", "0635-1111111",
            "--reason", "更正联系电话", "--expected-version", "1"},
           1, "案件 2025-0001 当前版本为 2，不是 1");
  v1::UpdateCaseRequest update;
  update.set_number("2025-0001");
  update.set_reason("更正联系电话");
  update.mutable_case_()->mutable_applicant()->set_phone("0635-1111111");
  update.mutable_update_mask()->add_paths("applicant.phone");
  update.set_expected_version(1);
  v1::UpdateCaseResponse response;
  const grpc::Status stale = Update(update, &response);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(stale.error_message(),
            "expected_version: 案件 2025-0001 当前版本为 2，不是 1");

  // Exactly one update is in the history, and the first client's value
  // stands.
  const std::vector<v1::CaseEvent> events = History("2025-0001");
  ASSERT_THAT(events, SizeIs(2));
  EXPECT_EQ(events[1].type(), v1::CASE_EVENT_TYPE_UPDATED);
  EXPECT_EQ(events[1].actor(), "王科员");
  EXPECT_EQ(Count(OgiOk({"case", "history", "2025-0001"}), "更正"), 1);
  EXPECT_EQ(Get("2025-0001").applicant().phone(), "0635-8902700");

  // Procedural steps and outcomes check the same way.
  OgiFails({"case", "extend", "2025-0001", "--days", "10", "--approver",
            "李局长", "--notified", "2025-10-20", "--expected-version", "1"},
           1, "案件 2025-0001 当前版本为 2，不是 1");
  OgiOk({"case", "extend", "2025-0001", "--days", "10", "--approver", "李局长",
         "--notified", "2025-10-20", "--expected-version", "2"});
  OgiFails({"case", "withdraw", "2025-0001", "--expected-version", "2"}, 1,
           "案件 2025-0001 当前版本为 3，不是 2");
  EXPECT_EQ(Get("2025-0001").version(), 3);
  EXPECT_THAT(History("2025-0001"), SizeIs(3));
}

TEST_F(SafeWritesEndToEndTest, ConcurrentChangesFromOneVersionLetOneThrough) {
  ASSERT_EQ(OgiOk(CreateArgs("张三")), "2025-0001\n");
  constexpr int kClients = 6;
  std::vector<grpc::Status> statuses(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      v1::UpdateCaseRequest update;
      update.set_number("2025-0001");
      update.set_reason("更正联系电话");
      update.mutable_case_()->mutable_applicant()->set_phone(
          absl::StrCat("0635-890270", i));
      update.mutable_update_mask()->add_paths("applicant.phone");
      update.set_expected_version(1);
      v1::UpdateCaseResponse response;
      statuses[i] = Update(update, &response);
    });
  }
  for (std::thread& t : threads) t.join();
  int ok = 0;
  for (const grpc::Status& status : statuses) {
    if (status.ok()) {
      ++ok;
    } else {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::ABORTED)
          << status.error_message();
    }
  }
  EXPECT_EQ(ok, 1);
  EXPECT_THAT(History("2025-0001"), SizeIs(2));
  EXPECT_EQ(Get("2025-0001").version(), 2);
}

}  // namespace
}  // namespace ogi
