// Bounded, structured errors through the real binaries: ogi-server on a free
// loopback port with a temporary database, a gRPC client and the ogi CLI. A
// 100,000-character value is refused by its documented limit, quoted by a
// short prefix with its length, instead of being echoed whole into the
// status (which clients refuse beyond their metadata limit); every violation
// of a request travels in the standard google.rpc.BadRequest details.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/field_limits.pb.h"
#include "services/common/civil_date.h"
#include "tests/common/server_process.h"
#include "tests/common/status_matchers.h"
#include "tests/common/temp_dir.h"
#include "tests/e2e/ogi_cli_runner.h"

namespace ogi {
namespace {

using ::ogi::testing::IsOk;
using ::ogi::testing::ServerProcess;
using ::testing::ElementsAre;
using ::testing::Pair;

// The documented bound of `field` in `type` (the .proto is the contract).
int MaxLengthOf(const google::protobuf::Descriptor* type,
                const std::string& field) {
  return type->FindFieldByName(field)
      ->options()
      .GetExtension(v1::limits)
      .max_length();
}

// (field, description) of the BadRequest in `status`'s binary details.
std::vector<std::pair<std::string, std::string>> DetailedViolations(
    const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(status.error_code()));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad_request;
    EXPECT_TRUE(any.UnpackTo(&bad_request)) << any.type_url();
    for (const auto& v : bad_request.field_violations()) {
      out.emplace_back(v.field(), v.description());
    }
  }
  return out;
}

class RequestLimitsEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = ServerProcess::Start(tmp_.File("ogi.db"));
    ASSERT_THAT(server, IsOk());
    server_ = std::make_unique<ServerProcess>(std::move(*server));
    cases_ = v1::CaseService::NewStub(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
  }

  void Prepare(grpc::ClientContext& context) const {
    context.AddMetadata("authorization", server_->BearerHeader());
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
  }

  // The server's data directory, removed after the server stops.
  ::ogi::testing::TempDir tmp_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
};

TEST_F(RequestLimitsEndToEndTest, AHugeValueIsRefusedWithoutBeingEchoed) {
  grpc::ClientContext context;
  Prepare(context);
  v1::GetCaseRequest request;
  request.set_agency_code(std::string(100000, 'a'));
  request.set_number("2025-0001");
  v1::GetCaseResponse response;
  const grpc::Status status = cases_->GetCase(&context, request, &response);
  const std::string rule = absl::StrCat(
      "\"aaaaaaaaaaaaaaaa…\"（共 100000 个字符）超过上限 ",
      MaxLengthOf(v1::GetCaseRequest::descriptor(), "agency_code"), " 个字符");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), absl::StrCat("agency_code: ", rule));
  EXPECT_THAT(DetailedViolations(status),
              ElementsAre(Pair("agency_code", rule)));
}

// Bytes that are not the method's request message: gRPC 1.51 alone would
// answer UNIMPLEMENTED with an empty message ("no such method"); ogi decodes
// them itself (services/rpc/raw_unary.h) and says what is wrong.
TEST_F(RequestLimitsEndToEndTest, UndecodableBytesAreAnInvalidArgument) {
  grpc::GenericStub stub(grpc::CreateChannel(
      server_->address(), grpc::InsecureChannelCredentials()));
  auto call = [&](const std::string& bytes) {
    grpc::ClientContext context;
    Prepare(context);
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::Status status;
    absl::Notification done;
    stub.UnaryCall(&context, "/ogi.v1.CaseService/GetCase", grpc::StubOptions(),
                   &request, &response, [&](grpc::Status s) {
                     status = std::move(s);
                     done.Notify();
                   });
    done.WaitForNotification();
    return status;
  };
  const grpc::Status garbage = call("\xff\xff\xff\xff");
  EXPECT_EQ(garbage.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(garbage.error_message(),
            "请求无法解码：收到的字节不是 ogi.v1.GetCaseRequest 消息"
            "（请核对客户端所用的 .proto 文件与服务端一致）");
  // Well-formed bytes reach the method as before: here an unknown case.
  v1::GetCaseRequest request;
  request.set_number("2025-0001");
  const grpc::Status decoded = call(request.SerializeAsString());
  EXPECT_EQ(decoded.error_code(), grpc::StatusCode::NOT_FOUND)
      << decoded.error_message();
}

TEST_F(RequestLimitsEndToEndTest, EveryViolationIsInTheDetails) {
  grpc::ClientContext context;
  Prepare(context);
  v1::CreateCaseRequest request;
  v1::Case* c = request.mutable_case_();
  c->mutable_applicant()->set_name(std::string(5000, 'n'));
  c->mutable_applicant()->set_type(v1::APPLICANT_TYPE_NATURAL_PERSON);
  c->set_channel(static_cast<v1::Channel>(77));
  *c->mutable_arrival_date() = ToProtoDate(absl::CivilDay(2025, 3, 17));
  c->add_items()->set_description("2024年度行政许可办理情况");
  c->add_items()->set_description(std::string(50000, 'd'));
  v1::CreateCaseResponse response;
  const grpc::Status status = cases_->CreateCase(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::vector<std::string> fields;
  for (const auto& [field, description] : DetailedViolations(status)) {
    fields.push_back(field);
  }
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre(
                          "case.applicant.name", "case.channel",
                          "case.items[1].description"));
  EXPECT_LT(status.error_message().size(), 600u);
}

TEST_F(RequestLimitsEndToEndTest, TheCliShowsTheRuleWithAShortQuote) {
  const std::string number(41, '1');
  ::ogi::testing::RunOgiCliFails(
      *server_, {"case", "show", number}, 1,
      absl::StrCat("number: \"1111111111111111…\"（共 41 个字符）超过上限 ",
                   MaxLengthOf(v1::GetCaseRequest::descriptor(), "number"),
                   " 个字符"));
}

}  // namespace
}  // namespace ogi
