// Server reflection answered from the generated descriptor pool: the index's
// lookups of every kind of symbol, its bounded errors, and both services
// (grpc.reflection.v1 and v1alpha) over a real in-process gRPC server, one
// answer per request on a long stream.

#include "services/server/reflection_service.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/descriptor_database.h"
#include "google/rpc/error_details.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "ogi/v1/case_service.grpc.pb.h"
#include "ogi/v1/common.pb.h"
#include "ogi/v1/labels.pb.h"
#include "services/common/text.h"
#include "tests/common/status_matchers.h"

namespace ogi {
namespace {

using ::google::protobuf::DescriptorPool;
using ::google::protobuf::FileDescriptorProto;
using ::google::protobuf::MethodDescriptor;
using ::google::protobuf::ServiceDescriptor;
using ::google::protobuf::SimpleDescriptorDatabase;
using ::ogi::testing::IsOk;
using ::ogi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Lt;
using ::testing::StartsWith;

constexpr char kCaseService[] = "ogi.v1.CaseService";
constexpr char kHealth[] = "grpc.health.v1.Health";
constexpr char kReflectionV1[] = "grpc.reflection.v1.ServerReflection";
constexpr char kReflectionV1Alpha[] =
    "grpc.reflection.v1alpha.ServerReflection";

std::vector<std::string> ListedServices() {
  return {kCaseService, kHealth, kReflectionV1, kReflectionV1Alpha};
}

// The index the tests use: the case service, health and reflection, plus the
// error details' file, from the generated pool.
std::unique_ptr<ReflectionIndex> MakeIndex() {
  // Keep the case service's generated code in this binary's pool.
  (void)v1::GetCaseRequest::descriptor();
  absl::StatusOr<std::unique_ptr<ReflectionIndex>> index =
      ReflectionIndex::Create(ListedServices(),
                              {google::rpc::BadRequest::descriptor()->file()},
                              DescriptorPool::generated_pool());
  EXPECT_THAT(index, IsOk());
  return index.ok() ? std::move(*index) : nullptr;
}

// The names of serialized FileDescriptorProtos, in order.
std::vector<std::string> FileNames(const std::vector<std::string>& files) {
  std::vector<std::string> names;
  for (const std::string& bytes : files) {
    FileDescriptorProto file;
    EXPECT_TRUE(file.ParseFromString(bytes));
    names.push_back(file.name());
  }
  return names;
}

// The first file's name, or "" for none.
std::string FirstFile(const absl::StatusOr<std::vector<std::string>>& files) {
  if (!files.ok() || files->empty()) return "";
  return FileNames(*files).front();
}

// A pool built from `files` alone (serialized FileDescriptorProtos), as a
// client holding nothing but the answer would build it.
class AnswerPool {
 public:
  explicit AnswerPool(const std::vector<std::string>& files) : pool_(&db_) {
    for (const std::string& bytes : files) {
      FileDescriptorProto file;
      EXPECT_TRUE(file.ParseFromString(bytes));
      EXPECT_TRUE(db_.Add(file)) << file.name();
    }
  }
  const DescriptorPool& pool() const { return pool_; }

 private:
  SimpleDescriptorDatabase db_;
  DescriptorPool pool_;
};

TEST(ReflectionIndexTest, FileByNameGivesTheFileFirstThenEveryImportOnce) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  absl::StatusOr<std::vector<std::string>> files =
      index->FileByName("ogi/v1/case_service.proto");
  ASSERT_THAT(files, IsOk());
  const std::vector<std::string> names = FileNames(*files);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "ogi/v1/case_service.proto");
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(),
            names.size())
      << "a file twice";
  // Direct and indirect imports (case.proto imports outcome.proto, which
  // imports labels.proto, which imports descriptor.proto).
  EXPECT_THAT(names, Contains("ogi/v1/case.proto"));
  EXPECT_THAT(names, Contains("ogi/v1/outcome.proto"));
  EXPECT_THAT(names, Contains("ogi/v1/labels.proto"));
  EXPECT_THAT(names, Contains("google/protobuf/descriptor.proto"));
  EXPECT_THAT(names, Contains("google/protobuf/timestamp.proto"));

  // The answer alone describes the file completely.
  AnswerPool answer(*files);
  EXPECT_NE(answer.pool().FindFileByName("ogi/v1/case_service.proto"), nullptr);
}

TEST(ReflectionIndexTest, FileByNameOfAFileWithoutImportsIsThatFileAlone) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  absl::StatusOr<std::vector<std::string>> files =
      index->FileByName("google/protobuf/timestamp.proto");
  ASSERT_THAT(files, IsOk());
  EXPECT_THAT(FileNames(*files),
              ElementsAre("google/protobuf/timestamp.proto"));
}

TEST(ReflectionIndexTest, FindsTheFileOfEveryKindOfSymbol) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  struct Case {
    const char* symbol;
    const char* file;
  };
  for (const Case& c : std::vector<Case>{
           {"ogi.v1.CaseService", "ogi/v1/case_service.proto"},  // service
           {"ogi.v1.CaseService.GetCase", "ogi/v1/case_service.proto"},
           {"ogi.v1.GetCaseRequest", "ogi/v1/case_service.proto"},  // message
           {"ogi.v1.Date", "ogi/v1/common.proto"},
           {"ogi.v1.Date.year", "ogi/v1/common.proto"},  // field
           {"ogi.v1.label", "ogi/v1/labels.proto"},      // extension
           {"grpc.health.v1.Health.Watch", "grpc/health/v1/health.proto"},
           // Nested enum and its value (a sibling of the enum's scope).
           {"grpc.health.v1.HealthCheckResponse.ServingStatus",
            "grpc/health/v1/health.proto"},
           {"grpc.health.v1.HealthCheckResponse.SERVING",
            "grpc/health/v1/health.proto"},
           // Nested message, top-level enum value, oneof.
           {"google.protobuf.DescriptorProto.ExtensionRange",
            "google/protobuf/descriptor.proto"},
           {"google.protobuf.FieldDescriptorProto.TYPE_STRING",
            "google/protobuf/descriptor.proto"},
           {"grpc.reflection.v1.ServerReflectionRequest.message_request",
            "grpc/reflection/v1/reflection.proto"},
           {"grpc.reflection.v1alpha.ServerReflection.ServerReflectionInfo",
            "grpc/reflection/v1alpha/reflection.proto"},
           // The error details, served without any service using them.
           {"google.rpc.BadRequest.FieldViolation",
            "google/rpc/error_details.proto"},
       }) {
    EXPECT_EQ(FirstFile(index->FileContainingSymbol(c.symbol)), c.file)
        << c.symbol;
  }
}

TEST(ReflectionIndexTest, UnknownNamesAreNotFoundNamingTheRequestField) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  EXPECT_THAT(
      index->FileContainingSymbol("ogi.v1.NoSuchThing"),
      StatusIs(absl::StatusCode::kNotFound,
               R"(file_containing_symbol: 未找到符号 "ogi.v1.NoSuchThing")"));
  // A package is not a symbol; a prefix of a name is not the name.
  EXPECT_THAT(index->FileContainingSymbol("ogi.v1"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(index->FileContainingSymbol("ogi.v1.CaseServ"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(index->FileByName("ogi/v1/nothing.proto"),
              StatusIs(absl::StatusCode::kNotFound,
                       StartsWith("file_by_filename: 未找到文件")));
  // A file the server does not serve (linked or not) is not found either.
  EXPECT_THAT(index->FileByName("google/protobuf/any.proto"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(ReflectionIndexTest, ALongNameIsQuotedByAShortPrefixWithItsLength) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  const std::string long_name(100000, 'a');
  absl::StatusOr<std::vector<std::string>> files =
      index->FileContainingSymbol(long_name);
  EXPECT_THAT(files,
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(StartsWith("file_containing_symbol: "),
                             HasSubstr("aaaa…"), HasSubstr("100000 个字符"))));
  EXPECT_THAT(files.status().message().size(), Lt(200u));

  // Characters, not bytes, and never half a character.
  std::string chinese;
  for (int i = 0; i < 1000; ++i) chinese += "案";
  absl::Status status = index->FileByName(chinese).status();
  EXPECT_THAT(status,
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("案案…"), HasSubstr("1000 个字符"))));
  EXPECT_THAT(status.message().size(), Lt(200u));

  // Bytes that are not UTF-8 are escaped: the message stays valid UTF-8.
  status = index->FileByName(std::string(300, '\xff')).status();
  EXPECT_THAT(status,
              StatusIs(absl::StatusCode::kNotFound,
                       AllOf(HasSubstr("\\xff\\xff"), HasSubstr("个字符"))));
  EXPECT_TRUE(IsValidUtf8(status.message()));
  EXPECT_THAT(status.message().size(), Lt(200u));
}

TEST(ReflectionIndexTest, ExtensionsByTypeAndNumber) {
  std::unique_ptr<ReflectionIndex> index = MakeIndex();
  ASSERT_NE(index, nullptr);
  absl::StatusOr<std::vector<int>> numbers =
      index->ExtensionNumbersOf("google.protobuf.EnumValueOptions");
  ASSERT_THAT(numbers, IsOk());
  EXPECT_THAT(*numbers, Contains(51234));
  numbers = index->ExtensionNumbersOf("ogi.v1.Date");
  ASSERT_THAT(numbers, IsOk());
  EXPECT_THAT(*numbers, ::testing::IsEmpty());
  EXPECT_THAT(index->ExtensionNumbersOf("ogi.v1.Nope"),
              StatusIs(absl::StatusCode::kNotFound,
                       StartsWith("all_extension_numbers_of_type: ")));

  EXPECT_EQ(FirstFile(index->FileContainingExtension(
                "google.protobuf.EnumValueOptions", 51234)),
            "ogi/v1/labels.proto");
  EXPECT_THAT(
      index->FileContainingExtension("google.protobuf.EnumValueOptions", 7),
      StatusIs(absl::StatusCode::kNotFound,
               StartsWith("file_containing_extension.extension_number: ")));
  EXPECT_THAT(
      index->FileContainingExtension("ogi.v1.Nope", 51234),
      StatusIs(absl::StatusCode::kNotFound,
               StartsWith("file_containing_extension.containing_type: ")));
}

TEST(ReflectionIndexTest, AServiceWithoutDescriptorIsAnInternalError) {
  EXPECT_THAT(ReflectionIndex::Create({"ogi.v1.NotLinkedService"}, {},
                                      DescriptorPool::generated_pool()),
              StatusIs(absl::StatusCode::kInternal,
                       HasSubstr("ogi.v1.NotLinkedService")));
}

// Both services on a real server on a free loopback port.
class ReflectionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = MakeIndex();
    ASSERT_NE(index_, nullptr);
    v1_ = NewReflectionServiceV1(index_.get());
    v1alpha_ = NewReflectionServiceV1Alpha(index_.get());
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port);
    builder.RegisterService(v1_.get());
    builder.RegisterService(v1alpha_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_NE(port, 0);
    channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                   grpc::InsecureChannelCredentials());
  }

  void TearDown() override {
    // A deadline: a stream a failed test left open must not hang here.
    if (server_ != nullptr) {
      server_->Shutdown(std::chrono::system_clock::now() +
                        std::chrono::seconds(5));
    }
  }

  static void SetDeadline(grpc::ClientContext& context) {
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(30));
  }

  std::unique_ptr<ReflectionIndex> index_;
  std::unique_ptr<grpc::Service> v1_;
  std::unique_ptr<grpc::Service> v1alpha_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// The same conversation in either package: the request and response types
// differ only in their package.
template <typename Service, typename Request, typename Response>
void ExpectOneAnswerPerRequest(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = Service::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  auto stream = stub->ServerReflectionInfo(&context);

  Request list;
  list.set_list_services("*");
  ASSERT_TRUE(stream->Write(list));
  Response listed;
  ASSERT_TRUE(stream->Read(&listed));
  ASSERT_TRUE(listed.has_list_services_response());
  std::vector<std::string> names;
  for (const auto& service : listed.list_services_response().service()) {
    names.push_back(service.name());
  }
  EXPECT_EQ(names, ListedServices());

  // 200 requests on one stream: each gets exactly its own answer, the last
  // as small as the first.
  size_t first_size = 0;
  for (int i = 0; i < 200; ++i) {
    Request request;
    request.set_host(absl::StrCat("host-", i));
    request.set_file_by_filename(
        i % 2 == 0 ? "ogi/v1/common.proto" : "google/protobuf/timestamp.proto");
    ASSERT_TRUE(stream->Write(request)) << i;
    Response response;
    ASSERT_TRUE(stream->Read(&response)) << i;
    EXPECT_EQ(response.valid_host(), request.host());
    EXPECT_EQ(response.original_request().SerializeAsString(),
              request.SerializeAsString());
    ASSERT_TRUE(response.has_file_descriptor_response()) << i;
    const auto& files = response.file_descriptor_response();
    ASSERT_GE(files.file_descriptor_proto_size(), 1);
    FileDescriptorProto first;
    ASSERT_TRUE(first.ParseFromString(files.file_descriptor_proto(0)));
    EXPECT_EQ(first.name(), request.file_by_filename());
    std::set<std::string> distinct(files.file_descriptor_proto().begin(),
                                   files.file_descriptor_proto().end());
    EXPECT_EQ(distinct.size(),
              static_cast<size_t>(files.file_descriptor_proto_size()))
        << "a file twice in answer " << i;
    if (i == 0) first_size = response.ByteSizeLong();
    if (i % 2 == 0) {
      // The host differs in length by at most two digits.
      EXPECT_LE(response.ByteSizeLong(), first_size + 4) << i;
    }
  }

  // An error is an answer too; the stream goes on.
  Request unknown;
  unknown.set_file_containing_symbol("ogi.v1.NoSuchService");
  ASSERT_TRUE(stream->Write(unknown));
  Response not_found;
  ASSERT_TRUE(stream->Read(&not_found));
  ASSERT_TRUE(not_found.has_error_response());
  EXPECT_EQ(not_found.error_response().error_code(),
            static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(not_found.error_response().error_message(),
            R"(file_containing_symbol: 未找到符号 "ogi.v1.NoSuchService")");

  Request empty;
  ASSERT_TRUE(stream->Write(empty));
  Response refused;
  ASSERT_TRUE(stream->Read(&refused));
  EXPECT_EQ(refused.error_response().error_code(),
            static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(refused.error_response().error_message(),
              StartsWith("message_request: "));

  // A 100,000-character name gets a small answer, echoes included.
  Request huge;
  huge.set_host(std::string(100000, 'h'));
  huge.set_file_containing_symbol(std::string(100000, 'x'));
  ASSERT_TRUE(stream->Write(huge));
  Response small;
  ASSERT_TRUE(stream->Read(&small));
  EXPECT_EQ(small.error_response().error_code(),
            static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_LT(small.ByteSizeLong(), 1000u);
  EXPECT_THAT(small.original_request().file_containing_symbol(),
              StartsWith("xxxx"));

  // Half-closing ends the stream with OK, with no answer left over.
  ASSERT_TRUE(stream->WritesDone());
  Response extra;
  EXPECT_FALSE(stream->Read(&extra)) << extra.DebugString();
  grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(ReflectionServiceTest, V1AnswersOncePerRequest) {
  namespace v1 = ::grpc::reflection::v1;
  ExpectOneAnswerPerRequest<v1::ServerReflection, v1::ServerReflectionRequest,
                            v1::ServerReflectionResponse>(channel_);
}

TEST_F(ReflectionServiceTest, V1AlphaAnswersOncePerRequest) {
  namespace v1alpha = ::grpc::reflection::v1alpha;
  ExpectOneAnswerPerRequest<v1alpha::ServerReflection,
                            v1alpha::ServerReflectionRequest,
                            v1alpha::ServerReflectionResponse>(channel_);
}

// Each listed service, described by the file that defines it, resolves with
// every method's input and output types from that one answer alone.
TEST_F(ReflectionServiceTest, EveryListedServiceIsDescribable) {
  namespace v1 = ::grpc::reflection::v1;
  auto stub = v1::ServerReflection::NewStub(channel_);
  grpc::ClientContext context;
  SetDeadline(context);
  auto stream = stub->ServerReflectionInfo(&context);
  for (const std::string& name : ListedServices()) {
    v1::ServerReflectionRequest request;
    request.set_file_containing_symbol(name);
    ASSERT_TRUE(stream->Write(request)) << name;
    v1::ServerReflectionResponse response;
    ASSERT_TRUE(stream->Read(&response)) << name;
    ASSERT_TRUE(response.has_file_descriptor_response())
        << name << ": " << response.error_response().error_message();
    const auto& bytes =
        response.file_descriptor_response().file_descriptor_proto();
    AnswerPool answer(std::vector<std::string>(bytes.begin(), bytes.end()));
    const ServiceDescriptor* service = answer.pool().FindServiceByName(name);
    ASSERT_NE(service, nullptr) << name;
    EXPECT_GT(service->method_count(), 0) << name;
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      EXPECT_NE(method->input_type(), nullptr) << method->full_name();
      EXPECT_NE(method->output_type(), nullptr) << method->full_name();
    }
  }
  ASSERT_TRUE(stream->WritesDone());
  EXPECT_TRUE(stream->Finish().ok());
}

// A client that goes away mid-stream ends only its own call.
TEST_F(ReflectionServiceTest, ACancelledStreamEndsAndOthersGoOn) {
  namespace v1 = ::grpc::reflection::v1;
  auto stub = v1::ServerReflection::NewStub(channel_);
  {
    grpc::ClientContext context;
    SetDeadline(context);
    auto stream = stub->ServerReflectionInfo(&context);
    v1::ServerReflectionRequest request;
    request.set_list_services("");
    ASSERT_TRUE(stream->Write(request));
    v1::ServerReflectionResponse response;
    ASSERT_TRUE(stream->Read(&response));
    context.TryCancel();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  grpc::ClientContext context;
  SetDeadline(context);
  auto stream = stub->ServerReflectionInfo(&context);
  v1::ServerReflectionRequest request;
  request.set_file_containing_symbol(kHealth);
  ASSERT_TRUE(stream->Write(request));
  v1::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_TRUE(response.has_file_descriptor_response());
  ASSERT_TRUE(stream->WritesDone());
  EXPECT_TRUE(stream->Finish().ok());
}

}  // namespace
}  // namespace ogi
